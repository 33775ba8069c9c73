import type { FieldError } from '../../../../lib/errors.ts';
import { isLang, type Lang } from '../../../../lib/lang.ts';
import { own } from '../../../../lib/own.ts';
import type { Item } from '../../../../modules/content/index.ts';
import { type ContentType, coverOf, GalleryMeta, LegalDocumentMeta, ProcedureMeta, VideoMeta } from '../../../../modules/content/index.ts';
import type { MediaItem } from '../../../../modules/media/index.ts';
import type { Section } from '../../../../modules/portals/index.ts';
import { html, type SafeHtml } from '../../../site/html.ts';
import type { AdminContext } from '../../http.ts';
import { EXTRA_MESSAGES } from '../../i18n-extra.ts';
import { errorMap, input, select, textarea, TIME_ZONE, type Errors } from '../../layout.ts';

// The editor form: what it holds, the fields each content type adds, and the
// translation between its text fields and an item's `meta`.

/** What the editor form holds, whether it came from the store or from a rejected submission. */
export interface FormState {
  type: ContentType;
  lang: Lang;
  title: string;
  summary: string;
  body: string;
  section: string;
  tags: string;
  slug: string;
  meta: Record<string, unknown>;
  changeNote: string;
  minor: boolean;
  version?: number;
  translationOf?: number;
}

export const stateOf = (item: Item): FormState => ({
  type: item.type,
  lang: item.lang,
  title: item.title,
  summary: item.summary,
  body: item.body,
  section: item.section ?? '',
  tags: item.tags.join(', '),
  slug: item.slug,
  meta: item.meta,
  changeNote: '',
  minor: false,
  version: item.version,
});

// ---------- type-specific fields, read off the content module's meta schemas ----------

type MetaKind = 'text' | 'date' | 'lines' | 'longtext' | 'int' | 'url' | 'choice' | 'docs' | 'images';

export interface MetaField {
  key: string;
  kind: MetaKind;
  required: boolean;
  /** the allowed values of a `choice` */
  options?: readonly string[];
}

/** The types whose meta has a schema of its own; the others carry free-form meta and get no fieldset. */
const TYPED_META: Partial<Record<ContentType, unknown>> = {
  'legal-document': LegalDocumentMeta,
  procedure: ProcedureMeta,
  video: VideoMeta,
  gallery: GalleryMeta,
};

/**
 * Meta keys with no field in the type's fieldset: the cover and the social
 * text have fields of their own above it, and attachments come with the item
 * (received from another portal, or the demo's) and are kept as they are.
 */
export const META_NOT_IN_FIELDSET: ReadonlySet<string> = new Set(['cover', 'socialText', 'attachments']);

/** Where the schema alone would pick another input than the editors are used to: a poster is usually a path of this portal's media. */
const KIND_OVERRIDES: ReadonlyMap<string, MetaKind> = new Map([['video.poster', 'text']]);

/** Text this long gets a text area rather than a one-line input. */
const LONG_TEXT = 5000;

type JsonSchema = Record<string, unknown>;
const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;
const WEB_ADDRESS = /^\^\(?https\?:\/\//;

/** The input a property's schema calls for; an unknown shape is a programming error, so that a new schema field cannot slip past the form. */
function kindOf(where: string, schema: JsonSchema): MetaKind {
  const override = KIND_OVERRIDES.get(where);
  if (override) return override;
  // Optional(Union([Date, Null])): the null only says "unset"; the form leaves the field empty
  if (Array.isArray(schema.anyOf)) {
    const present = schema.anyOf.filter((s): s is JsonSchema => isSchema(s) && s.type !== 'null');
    if (present.length === 1) return kindOf(where, present[0]);
  }
  if (Array.isArray(schema.enum)) return 'choice';
  if (schema.type === 'integer') return 'int';
  if (schema.type === 'string') {
    if (schema.pattern === DATE_PATTERN) return 'date';
    if (schema.format === 'uri' || (typeof schema.pattern === 'string' && WEB_ADDRESS.test(schema.pattern))) return 'url';
    return typeof schema.maxLength === 'number' && schema.maxLength >= LONG_TEXT ? 'longtext' : 'text';
  }
  if (schema.type === 'array' && isSchema(schema.items)) {
    const items = schema.items;
    if (items.type === 'string') return 'lines';
    const props = isSchema(items.properties) ? items.properties : {};
    if ('src' in props) return 'images';
    if ('name' in props) return 'docs';
  }
  throw new Error(`the item editor has no field for meta ${where}: teach items/form.ts its shape`);
}

function fieldsOfSchema(type: ContentType, schema: unknown): MetaField[] {
  if (!isSchema(schema) || !isSchema(schema.properties)) throw new Error(`meta schema of ${type} is not an object`);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties)
    .filter(([key]) => !META_NOT_IN_FIELDSET.has(key))
    .map(([key, property]) => {
      if (!isSchema(property)) throw new Error(`meta ${type}.${key} has no schema`);
      const kind = kindOf(`${type}.${key}`, property);
      const field: MetaField = { key, kind, required: required.has(key) };
      if (kind === 'choice') field.options = (property.enum as unknown[]).map(String);
      return field;
    });
}

/** Each typed content type's meta fields, in its schema's order. */
export const META_FIELDS: ReadonlyMap<ContentType, readonly MetaField[]> = new Map(Object.entries(TYPED_META).map(([type, schema]) => [type as ContentType, fieldsOfSchema(type as ContentType, schema)]));

const lines = (v: string | undefined) =>
  (v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Builds `meta` from the form; keys the form does not show (attachments, a directive's number) are kept from `previous`. */
export function metaFromForm(type: ContentType, f: Record<string, string>, previous: Record<string, unknown>): Record<string, unknown> {
  const spec = META_FIELDS.get(type);
  if (!spec) return previous;
  const meta: Record<string, unknown> = { ...previous };
  for (const { key, kind } of spec) {
    const raw = (f[`meta.${key}`] ?? '').trim();
    delete meta[key];
    if (kind === 'lines') {
      const v = lines(raw);
      if (v.length) meta[key] = v;
    } else if (kind === 'docs') {
      const old = Array.isArray(previous[key]) ? (previous[key] as { name: string }[]) : [];
      const v = lines(raw).map((name) => old.find((d) => d?.name === name) ?? { name });
      if (v.length) meta[key] = v;
    } else if (kind === 'images') {
      const v = lines(raw).map((l) => {
        const [src, alt, caption, credit] = l.split('|').map((s) => s.trim());
        return Object.fromEntries(Object.entries({ src, alt, caption, credit }).filter(([, x]) => x));
      });
      if (v.length) meta[key] = v;
    } else if (kind === 'int') {
      if (raw) meta[key] = /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
    } else if (raw) meta[key] = raw;
  }
  return meta;
}

function metaValue(kind: MetaKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'lines' && Array.isArray(value)) return value.join('\n');
  if (kind === 'docs' && Array.isArray(value)) return value.map((d) => (d as { name?: string })?.name ?? '').join('\n');
  if (kind === 'images' && Array.isArray(value))
    return value
      .map((i) => {
        const x = i as Record<string, string>;
        return [x.src, x.alt, x.caption, x.credit]
          .map((s) => s ?? '')
          .join(' | ')
          .replace(/( \| )+$/, '');
      })
      .join('\n');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  // the schema keeps these fields scalar; anything else shows as written rather than as "[object Object]"
  return JSON.stringify(value);
}

/** A choice's label: an effect status has its own catalogue, other values are worded under `meta`. */
const optionLabel = (ctx: AdminContext, key: string, value: string) => (key === 'effectStatus' ? own(ctx.m.effect, value) : own(ctx.m.meta, value)) ?? value;

export function metaFields(ctx: AdminContext, type: ContentType, meta: Record<string, unknown>, errors: Errors): SafeHtml | '' {
  const spec = META_FIELDS.get(type);
  if (!spec) return '';
  const { m } = ctx;
  return html`<fieldset><legend>${m.editor.meta}</legend>${spec.map(({ key, kind, required, options }) => {
    const common = { name: `meta.${key}`, label: `${own(m.meta, key) ?? key}${required ? '' : ` (${m.common.optional})`}`, path: `/meta/${key}`, errors, value: metaValue(kind, meta[key]), required };
    if (kind === 'choice') return select({ ...common, options: (options ?? []).map((s) => ({ value: s, label: optionLabel(ctx, key, s) })) });
    if (kind === 'lines' || kind === 'docs' || kind === 'images' || kind === 'longtext') return textarea({ ...common, rows: 4 });
    return input({ ...common, type: kind === 'date' ? 'date' : kind === 'url' ? 'url' : kind === 'int' ? 'number' : 'text', attrs: kind === 'int' ? html` min="0" step="1"` : undefined });
  })}</fieldset>`;
}

// ---------- the other fields ----------

/** The cover picture: a choice among the library's pictures (the picker fills it with JavaScript), with a preview. */
export function coverField(ctx: AdminContext, meta: Record<string, unknown>, pictures: MediaItem[], errors: Errors): SafeHtml {
  const x = EXTRA_MESSAGES[ctx.lang].editor;
  const cover = coverOf(meta);
  const listed = cover?.mediaId !== undefined && pictures.some((p) => p.id === cover.mediaId);
  const value = !cover ? '' : listed ? String(cover.mediaId) : 'current';
  const options = [{ value: '', label: x.noCover }, ...(cover && !listed ? [{ value: 'current', label: cover.alt || cover.src }] : []), ...pictures.map((p) => ({ value: String(p.id), label: `#${p.id} — ${p.alt || p.filename}` }))];
  return html`<div class="cover-field">${select({ name: 'cover', label: x.cover, hint: x.coverHint, value, options, errors, path: '/meta/cover', attrs: html` data-cover-picker="/admin/media.json" data-pick-label="${x.pickCover}"` })}
${cover ? html`<img class="cover-preview" src="${cover.src}" alt="" width="160">` : ''}</div>`;
}

/** Field errors as a map; a nested error (/meta/steps/2) also marks its field (/meta/steps). */
export function errorsOf(ctx: AdminContext, errors: FieldError[]): Errors {
  const map = errorMap(ctx, errors);
  for (const [path, msg] of [...map]) {
    const parts = path.split('/');
    if (parts[1] === 'meta' && parts.length > 3) {
      const parent = parts.slice(0, 3).join('/');
      if (!map.has(parent)) map.set(parent, msg);
    }
  }
  return map;
}

export function sectionOptions(ctx: AdminContext, sections: Section[]) {
  const name = (s: Section) => s.name[ctx.lang] ?? s.name.vi;
  return [
    { value: '', label: ctx.m.editor.noSection },
    ...sections.map((s) => ({ value: s.slug, label: `${s.parent ? `${name(sections.find((p) => p.slug === s.parent) ?? s)} › ` : ''}${name(s)}${s.kind === 'subsite' ? ` (${ctx.m.sections.subsite})` : ''}` })),
  ];
}

export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function formState(f: Record<string, string>, base: { type: ContentType; lang: Lang; meta: Record<string, unknown>; version?: number }): FormState {
  return {
    type: base.type,
    lang: isLang(f.lang) ? f.lang : base.lang,
    title: f.title ?? '',
    summary: f.summary ?? '',
    body: f.body ?? '',
    section: f.section ?? '',
    tags: f.tags ?? '',
    slug: (f.slug ?? '').trim(),
    meta: metaFromForm(base.type, f, base.meta),
    changeNote: f.changeNote ?? '',
    minor: f.minor === '1',
    version: /^\d+$/.test(f.version ?? '') ? Number(f.version) : base.version,
    translationOf: /^\d+$/.test(f.translationOf ?? '') ? Number(f.translationOf) : undefined,
  };
}

/** "2026-12-01T08:00" typed in Hanoi → an ISO time with its +07:00 offset (Vietnam keeps no summer time). */
export function hanoiLocalToIso(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : undefined;
}

export function hanoiLocal(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
