import type { Store } from '../../store/index.ts';
import { ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang } from '../../lib/lang.ts';
import { fold, slugify } from '../../lib/text.ts';
import { iso, type Clock } from '../../lib/time.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Action, State } from '../workflow/index.ts';
import { toIndexable, type ContentIndexer } from './indexing.ts';
import { lockRow, saveRevision, uniqueSlug } from './item-rows.ts';
import { EVENTS, type ContentChange, type MirrorWrite, type Row, type Trx } from './model.ts';
import { sanitizeBody } from './sanitize.ts';
import { checkMeta, isContentType } from './types.ts';
import { checkText, cleanTags, refused } from './validation.ts';

// Federated copies: items received from another portal, written by the
// federation module inside its own transaction (see MirrorWrite).

/** What a mirror write uses of the content service. */
export interface MirrorDeps {
  store: Store;
  outbox: Outbox;
  clock: Clock;
  indexer: ContentIndexer | undefined;
  /** the service's after-commit notification */
  notify(change: ContentChange): void;
}

/**
 * Creates or updates a federated copy inside the caller's transaction.
 * Throws ValidationError when the received fields are not a valid item.
 * `committed` sends the after-commit change notification; call it once the
 * transaction has committed.
 */
export async function writeMirrorCopy(deps: MirrorDeps, trx: Trx, w: MirrorWrite): Promise<{ id: number; sanitized: boolean; committed: () => void }> {
  const { portal } = w;
  const errors: FieldError[] = [];
  if (!isContentType(w.type)) errors.push({ path: '/type', message: 'unknown content type' });
  if (!isLang(w.lang) || !portal.languages.includes(w.lang)) errors.push({ path: '/lang', message: `${portal.slug} publishes in ${portal.languages.join(', ')} only` });
  errors.push(...checkText({ title: w.title, summary: w.summary, body: w.body, tags: w.tags, meta: w.meta }));
  if (isContentType(w.type) && !refused(errors, '/meta')) errors.push(...checkMeta(w.type, w.meta));
  if (errors.length) throw new ValidationError(errors, `The received item is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  const now = iso(deps.clock());
  const cleanBody = sanitizeBody(w.body.normalize('NFC'));
  const fields = {
    title: w.title.normalize('NFC').trim(),
    summary: w.summary.normalize('NFC').trim(),
    body: cleanBody,
    meta: JSON.stringify(w.meta),
    tags: JSON.stringify(cleanTags(w.tags)),
  };
  const sanitized = cleanBody !== w.body.normalize('NFC').trim();
  const section = w.section ? await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', w.section).executeTakeFirst() : undefined;
  const sectionId = section?.id ?? null;
  const record = async (itemId: number, action: Action | 'update', from: string, to: string) => {
    await trx.insertInto('workflow_transitions').values({ item_id: itemId, actor_id: null, action, from_status: from, to_status: to, note: w.note, at: now }).execute();
  };

  if (w.itemId === null) {
    const status: State = w.status === 'published' ? 'published' : w.status === 'unpublished' ? 'unpublished' : 'submitted';
    let groupId: number | undefined;
    if (w.translationOf !== undefined) {
      groupId = (await trx.selectFrom('content_items').select('group_id').where('id', '=', w.translationOf).where('portal_id', '=', portal.id).executeTakeFirst())?.group_id;
      if (groupId !== undefined && (await trx.selectFrom('content_items').select('id').where('group_id', '=', groupId).where('lang', '=', w.lang).executeTakeFirst())) groupId = undefined;
    }
    groupId ??= (await trx.insertInto('translation_groups').values({ portal_id: portal.id, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    let base = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(w.slug) && w.slug.length <= 120 ? w.slug : slugify(w.title);
    if (base.length < 3) base = `${w.type}-${now.slice(0, 10).replace(/-/g, '')}`;
    // the origin's slug is usually free here: one indexed lookup instead of a prefix scan
    const taken = await trx.selectFrom('content_items').select('id').where('portal_id', '=', portal.id).where('lang', '=', w.lang).where('slug', '=', base).executeTakeFirst();
    const slug = taken ? await uniqueSlug(trx, portal.id, w.lang, base) : base;
    const live = status === 'published';
    const published = live ? (w.times?.publishedAt ?? now) : null;
    const values = {
      portal_id: portal.id,
      group_id: groupId,
      lang: w.lang,
      type: w.type,
      section_id: sectionId,
      slug,
      ...fields,
      search_text: fold(`${fields.title} ${fields.summary}`),
      status,
      version: 1,
      author_id: null,
      created_at: now,
      updated_at: now,
      published_at: published,
      first_published_at: live ? (w.times?.firstPublishedAt ?? published) : null,
      public_updated_at: live ? (w.times?.publicUpdatedAt ?? published) : null,
      scheduled_at: null,
      unpublish_kind: status === 'unpublished' ? (w.unpublish?.kind ?? 'withdrawn') : null,
      unpublish_reason: status === 'unpublished' ? (w.unpublish?.reason ?? '') : null,
      origin: JSON.stringify(w.origin),
    };
    const row = await trx.insertInto('content_items').values(values).returning('id').executeTakeFirstOrThrow();
    await saveRevision(trx, row.id, 1, { ...fields, section_id: sectionId }, null, w.note, now);
    await record(row.id, live ? 'publish' : 'submit', 'draft', status);
    if (live) {
      await deps.indexer?.upsert(trx, toIndexable({ ...values, id: row.id }));
      await deps.outbox.emit(trx, EVENTS.published, { itemId: row.id, version: 1 });
    }
    return { id: row.id, sanitized, committed: () => deps.notify({ itemId: row.id, portalId: portal.id, kind: live ? 'published' : 'created', status }) };
  }

  const row = await lockRow(deps.store, trx, w.itemId);
  const previousOrigin = row.origin ? (JSON.parse(row.origin) as Record<string, unknown>) : {};
  const origin = { ...w.origin, ...(previousOrigin.localNote ? { localNote: previousOrigin.localNote } : {}) };
  const from = row.status as State;
  const to: State = w.status === 'keep' ? from : w.status;
  const version = row.version + 1;
  const set: Partial<Row> = {
    ...fields,
    search_text: fold(`${fields.title} ${fields.summary}`),
    version,
    updated_at: now,
    status: to,
    origin: JSON.stringify(origin),
  };
  // the local placement is the local newsroom's: a section it chose stays
  if (row.section_id === null) set.section_id = sectionId;
  if (to === 'published') {
    set.published_at = row.published_at ?? w.times?.publishedAt ?? now;
    set.first_published_at = row.first_published_at ?? w.times?.firstPublishedAt ?? now;
    set.public_updated_at = w.changeNote?.minor ? (row.public_updated_at ?? now) : (w.times?.publicUpdatedAt ?? now);
    set.unpublish_kind = null;
    set.unpublish_reason = null;
  }
  if (to === 'unpublished' && from !== 'unpublished') {
    set.unpublish_kind = w.unpublish?.kind ?? 'withdrawn';
    set.unpublish_reason = w.unpublish?.reason ?? '';
  }
  await trx.updateTable('content_items').set(set).where('id', '=', row.id).execute();
  const merged = { ...row, ...set };
  await saveRevision(trx, row.id, version, { ...fields, section_id: merged.section_id }, null, w.note, now);
  if (from === 'published' && to === 'published') {
    if (w.changeNote)
      await trx
        .insertInto('change_notes')
        .values({ item_id: row.id, version, kind: w.changeNote.minor ? 'minor' : 'major', note: w.changeNote.note || 'Minor correction', author_id: null, created_at: now })
        .execute();
    await deps.indexer?.upsert(trx, toIndexable(merged));
    await deps.outbox.emit(trx, EVENTS.updated, { itemId: row.id, version, minor: w.changeNote?.minor ?? true });
  } else if (to === 'published') {
    await record(row.id, 'publish', from, to);
    await deps.indexer?.upsert(trx, toIndexable(merged));
    await deps.outbox.emit(trx, EVENTS.published, { itemId: row.id, version });
  } else if (to !== from) {
    await record(row.id, to === 'unpublished' ? 'unpublish' : 'submit', from, to);
    if (from === 'published') {
      await deps.indexer?.remove(trx, row.id);
      await deps.outbox.emit(trx, EVENTS.unpublished, { itemId: row.id, version, kind: set.unpublish_kind ?? 'withdrawn' });
    }
  }
  const kind: ContentChange['kind'] = to === 'published' ? (from === 'published' ? 'updated' : 'published') : from === 'published' ? 'unpublished' : 'updated';
  return { id: row.id, sanitized, committed: () => deps.notify({ itemId: row.id, portalId: row.portal_id, kind, status: to, groupId: row.group_id }) };
}

/** State and provenance of a federated copy, read inside the caller's transaction. */
export async function readMirrorState(trx: Trx, itemId: number): Promise<{ status: State; origin: Record<string, unknown> | null } | undefined> {
  const row = await trx.selectFrom('content_items').select(['status', 'origin']).where('id', '=', itemId).executeTakeFirst();
  return row ? { status: row.status as State, origin: row.origin ? (JSON.parse(row.origin) as Record<string, unknown>) : null } : undefined;
}
