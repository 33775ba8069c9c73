import type { Selectable, Transaction } from 'kysely';
import { type Store, lockForShare, lockForUpdate } from '../../store/index.ts';
import type { ContentItemTable, Database } from '../../store/schema.ts';

// The narrow port through which content keeps a search index in step. The
// content service calls it inside the transaction that publishes, edits or
// withdraws an item, so an index entry exists exactly while its item is
// published. The search module implements it; content knows nothing else
// about search.

/** What an index needs of a published item. */
export interface IndexableItem {
  id: number;
  portalId: number;
  lang: string;
  type: string;
  sectionId: number | null;
  slug: string;
  title: string;
  summary: string;
  /** Sanitized HTML. */
  body: string;
  meta: Record<string, unknown>;
  tags: string[];
  publishedAt: string;
  version: number;
}

export interface ContentIndexer {
  /** The item is (still) published: write its entry. */
  upsert(trx: Transaction<Database>, item: IndexableItem): Promise<void>;
  /** The item left `published`: its entry goes. */
  remove(trx: Transaction<Database>, itemId: number): Promise<void>;
}

type Row = Selectable<ContentItemTable>;

export function toIndexable(row: Pick<Row, 'id' | 'portal_id' | 'lang' | 'type' | 'section_id' | 'slug' | 'title' | 'summary' | 'body' | 'meta' | 'tags' | 'published_at' | 'version'>): IndexableItem {
  return {
    id: row.id,
    portalId: row.portal_id,
    lang: row.lang,
    type: row.type,
    sectionId: row.section_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    tags: JSON.parse(row.tags) as string[],
    publishedAt: row.published_at ?? '',
    version: row.version,
  };
}

export interface IndexBatch {
  /** The published items among the rows read. */
  items: IndexableItem[];
  /** The last id read, where the next batch starts; null when the table ended. */
  lastId: number | null;
}

/**
 * The next `limit` items by id after `afterId`, for a rebuild of the index;
 * the published ones come back. Reading a plain id range (and filtering the
 * state here) keeps the query on the primary key whatever the planner
 * believes about states, so a batch costs the same at the end of a million
 * rows as at the start. On PostgreSQL the rows stay share-locked until `trx`
 * ends, so a concurrent unpublish waits and then removes the entry the
 * rebuild wrote; SQLite's write transaction excludes other writers anyway.
 */
export async function nextIndexBatch(store: Store, trx: Transaction<Database>, afterId: number, limit: number): Promise<IndexBatch> {
  const rows = await lockForShare(store, trx.selectFrom('content_items').selectAll().where('id', '>', afterId).orderBy('id').limit(limit)).execute();
  return {
    items: rows.filter((r) => r.status === 'published').map(toIndexable),
    lastId: rows.length === limit ? rows[rows.length - 1].id : null,
  };
}

/**
 * The same batch read without locks, ahead of its write (a PostgreSQL rebuild analyses the
 * next batch while the previous one is written). The write then locks the range and keeps
 * only what is unchanged since: see SearchService.reindex.
 */
export async function readIndexBatch(store: Store, afterId: number, limit: number): Promise<IndexBatch> {
  const rows = await store.db.selectFrom('content_items').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return {
    items: rows.filter((r) => r.status === 'published').map(toIndexable),
    lastId: rows.length === limit ? rows[rows.length - 1].id : null,
  };
}

/** Share-locks the items with ids in (afterId, upTo] (upTo null: no end) until `trx` ends; their current version and state. */
export async function lockIndexRange(trx: Transaction<Database>, afterId: number, upTo: number | null): Promise<Array<{ id: number; version: number; status: string }>> {
  let q = trx.selectFrom('content_items').select(['id', 'version', 'status']).where('id', '>', afterId);
  if (upTo !== null) q = q.where('id', '<=', upTo);
  return q.orderBy('id').forShare().execute();
}

/** Items by id, published ones only (rows the caller holds locked). */
export async function indexableByIds(trx: Transaction<Database>, ids: number[]): Promise<IndexableItem[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('content_items').selectAll().where('id', 'in', ids).execute();
  return rows.filter((r) => r.status === 'published').map(toIndexable);
}

export async function countPublished(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('content_items')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Brings one item's entry in line with its current state, under the item's
 * row lock. A safety net run from the outbox after each publication event, for
 * writers that were built without an indexer (the demo loader, importers).
 */
export async function syncIndexEntry(store: Store, indexer: ContentIndexer, itemId: number): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await lockForUpdate(store, trx.selectFrom('content_items').selectAll().where('id', '=', itemId)).executeTakeFirst();
    if (row?.status === 'published') await indexer.upsert(trx, toIndexable(row));
    else await indexer.remove(trx, itemId);
  });
}
