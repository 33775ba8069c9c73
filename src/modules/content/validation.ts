import { ConflictError, type FieldError } from '../../lib/errors.ts';
import { jsonShapeExcess, META_LIMITS } from '../../lib/json-limits.ts';
import { markupOverLimit } from './markup-limits.ts';
import type { ItemPatch, NewItem, Row } from './model.ts';
import { sanitizeBody } from './sanitize.ts';

// The checks an item's fields pass before any command writes them (the
// editors' and the federation's alike), and the forms they are stored in.

const MAX_TITLE = 500;
const MAX_SUMMARY = 4000;
const MAX_BODY = 2_000_000;
const MAX_TAGS = 30;

/** Stable JSON (sorted keys), to compare meta objects that may list their fields in another order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * A copy received through a subscription follows its origin: its text, tags
 * and metadata change only there. Local editors may move it to another
 * section, take it down, or add a local note — nothing that would silently
 * make it say something its origin does not.
 */
export function guardMirror(row: Row, patch: ItemPatch): void {
  if (!row.origin) return;
  const origin = JSON.parse(row.origin) as { via?: string; url?: string };
  if (origin.via !== 'subscription') return;
  const changed: string[] = [];
  if (patch.title !== undefined && patch.title.normalize('NFC').trim() !== row.title) changed.push('title');
  if (patch.summary !== undefined && patch.summary.normalize('NFC').trim() !== row.summary) changed.push('summary');
  if (patch.body !== undefined && sanitizeBody(patch.body.normalize('NFC')) !== row.body) changed.push('body');
  if (patch.tags !== undefined && JSON.stringify(cleanTags(patch.tags)) !== row.tags) changed.push('tags');
  if (patch.meta !== undefined && stableJson(patch.meta) !== stableJson(JSON.parse(row.meta))) changed.push('meta');
  if (patch.slug !== undefined && patch.slug !== row.slug) changed.push('slug');
  if (changed.length) {
    throw new ConflictError(
      `Item ${row.id} is a copy of ${origin.url ?? "another portal's item"}; its ${changed.join(', ')} follow the origin and cannot be changed here. Add a local note instead (PUT /api/v1/articles/${row.id}/local-note).`,
      { mirroredFrom: origin.url ?? null, fields: changed },
    );
  }
}

export function normalized(input: NewItem) {
  return {
    title: input.title.normalize('NFC').trim(),
    summary: (input.summary ?? '').normalize('NFC').trim(),
    body: sanitizeBody((input.body ?? '').normalize('NFC')),
    meta: JSON.stringify(input.meta ?? {}),
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
  };
}

export function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.normalize('NFC').trim()).filter(Boolean))];
}

// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function checkText(input: { title?: unknown; summary?: unknown; body?: unknown; tags?: unknown; meta?: unknown; section?: unknown; slug?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  const str = (v: unknown, path: string, max: number, required: boolean) => {
    if (v === undefined) {
      if (required) errors.push({ path, message: 'is required' });
    } else if (typeof v !== 'string') errors.push({ path, message: 'must be a string' });
    else if (required && !v.trim()) errors.push({ path, message: 'must not be empty' });
    else if (v.length > max) errors.push({ path, message: `must be at most ${max} characters` });
    else if (CONTROL.test(v)) errors.push({ path, message: 'contains control characters' });
  };
  str(input.title, '/title', MAX_TITLE, 'title' in input || (input as NewItem).type !== undefined);
  str(input.summary, '/summary', MAX_SUMMARY, false);
  if (input.body !== undefined && (typeof input.body !== 'string' || input.body.length > MAX_BODY)) errors.push({ path: '/body', message: `must be HTML text of at most ${MAX_BODY} characters` });
  else if (typeof input.body === 'string') {
    // measured before anything parses it: sanitizing costs grow with nesting
    const excess = markupOverLimit(input.body);
    if (excess) errors.push({ path: '/body', message: excess });
  }
  if (input.tags !== undefined && (!Array.isArray(input.tags) || input.tags.length > MAX_TAGS || input.tags.some((t) => typeof t !== 'string' || t.length > 100))) {
    errors.push({ path: '/tags', message: `must be at most ${MAX_TAGS} strings of up to 100 characters` });
  }
  if (input.meta !== undefined && (typeof input.meta !== 'object' || input.meta === null || Array.isArray(input.meta))) errors.push({ path: '/meta', message: 'must be an object' });
  else if (input.meta !== undefined) {
    // before the schema, JSON.stringify or a diff walks it recursively
    const excess = jsonShapeExcess(input.meta, META_LIMITS);
    if (excess) errors.push({ path: '/meta', message: excess });
  }
  if (input.section !== undefined && input.section !== null && typeof input.section !== 'string') errors.push({ path: '/section', message: 'must be a section slug' });
  if (input.slug !== undefined && typeof input.slug !== 'string') errors.push({ path: '/slug', message: 'must be a string' });
  return errors;
}

export const refused = (errors: FieldError[], path: string) => errors.some((e) => e.path === path);
