import { type Store, lockForUpdate } from '../../store/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import type { Portal } from '../portals/index.ts';
import { AUTOSAVE_NOTE, type Row, type Trx } from './model.ts';

// The steps on an item's rows that the editors' commands and the federation's
// mirror writes share, each inside the caller's transaction.

export async function lockRow(store: Store, trx: Trx, id: number): Promise<Row> {
  const row = await lockForUpdate(store, trx.selectFrom('content_items').selectAll().where('id', '=', id)).executeTakeFirst();
  if (!row) throw new NotFoundError(`No item ${id}.`);
  return row;
}

export async function resolveSection(trx: Trx, portal: Portal, slug: string | null | undefined): Promise<number | null> {
  if (slug === undefined || slug === null || slug === '') return null;
  const row = await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new ValidationError([{ path: '/section', message: `no section "${slug}" in ${portal.slug}` }]);
  return row.id;
}

export async function ensureSlugFree(trx: Trx, portalId: number, lang: string, slug: string, selfId: number | null) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 120) throw new ValidationError([{ path: '/slug', message: 'must be lower-case ascii letters, digits and single hyphens' }]);
  const taken = await trx.selectFrom('content_items').select('id').where('portal_id', '=', portalId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
  if (taken && taken.id !== selfId) throw new ConflictError(`The slug "${slug}" is taken in this portal and language (item ${taken.id}).`);
}

export async function uniqueSlug(trx: Trx, portalId: number, lang: string, base: string): Promise<string> {
  const rows = await trx
    .selectFrom('content_items')
    .select('slug')
    .where('portal_id', '=', portalId)
    .where('lang', '=', lang)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** An autosave replaces the revision of the previous autosave when that is the latest one and its author's. */
export async function saveAutosaveRevision(trx: Trx, itemId: number, version: number, f: { title: string; summary: string; body: string; meta: string; tags: string; section_id: number | null }, authorId: number | null, now: string) {
  const latest = await trx.selectFrom('revisions').select(['id', 'note', 'author_id']).where('item_id', '=', itemId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (latest && latest.note === AUTOSAVE_NOTE && latest.author_id === authorId) {
    await trx.updateTable('revisions').set({ version, title: f.title, summary: f.summary, body: f.body, meta: f.meta, tags: f.tags, section_id: f.section_id, created_at: now }).where('id', '=', latest.id).execute();
    return;
  }
  await saveRevision(trx, itemId, version, f, authorId, AUTOSAVE_NOTE, now);
}

export async function saveRevision(
  trx: Trx,
  itemId: number,
  version: number,
  f: { title: string; summary: string; body: string; meta: string; tags: string; section_id: number | null },
  authorId: number | null,
  note: string | null,
  now: string,
) {
  await trx.insertInto('revisions').values({ item_id: itemId, version, title: f.title, summary: f.summary, body: f.body, meta: f.meta, tags: f.tags, section_id: f.section_id, author_id: authorId, note, created_at: now }).execute();
}
