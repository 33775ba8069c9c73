import { refreshStatistics, type Store } from '../../store/index.ts';
import { fold } from '../../lib/text.ts';

// Published items written in batches straight into the content tables, for
// benchmarks (`lantoa demo --articles N`): going through the workflow one item
// at a time would take minutes for 100,000. Each item still gets its
// translation group and first revision. Nothing here is for real content:
// no hooks run, nothing is indexed or sent.

export interface BulkItem {
  portalId: number;
  type: string;
  sectionId: number | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  /** created, updated and published at once */
  at: string;
}

/** Writes the items, published in Vietnamese, in one transaction; returns how many. */
export async function insertPublishedBatch(store: Store, items: BulkItem[], createdAt: string): Promise<number> {
  if (items.length === 0) return 0;
  await store.db.transaction().execute(async (trx) => {
    const groups = await trx
      .insertInto('translation_groups')
      .values(items.map((it) => ({ portal_id: it.portalId, created_at: createdAt })))
      .returning(['id', 'portal_id'])
      .execute();
    const rows = groups.map((g, i) => {
      const it = items[i];
      return {
        portal_id: g.portal_id,
        group_id: g.id,
        lang: 'vi',
        type: it.type,
        section_id: it.sectionId,
        slug: it.slug,
        title: it.title,
        summary: it.summary,
        body: it.body,
        meta: '{}',
        tags: JSON.stringify(it.tags),
        search_text: fold(`${it.title} ${it.summary}`),
        status: 'published',
        version: 1,
        author_id: null,
        created_at: it.at,
        updated_at: it.at,
        published_at: it.at,
        first_published_at: it.at,
        public_updated_at: it.at,
        scheduled_at: null,
        unpublish_kind: null,
        unpublish_reason: null,
        origin: null,
      };
    });
    const written = await trx.insertInto('content_items').values(rows).returning('id').execute();
    await trx
      .insertInto('revisions')
      .values(
        written.map((it, i) => ({
          item_id: it.id,
          version: 1,
          title: rows[i].title,
          summary: rows[i].summary,
          body: rows[i].body,
          meta: '{}',
          tags: rows[i].tags,
          section_id: rows[i].section_id,
          author_id: null,
          note: 'generated',
          created_at: rows[i].created_at,
        })),
      )
      .execute();
  });
  return items.length;
}

/**
 * After a bulk load: PostgreSQL plans from statistics that autovacuum refreshes
 * only a while after one; until then it takes the new rows for a handful and
 * picks plans that read them all.
 */
export async function refreshPlannerStatistics(store: Store): Promise<void> {
  await refreshStatistics(store, store.db, ['content_items', 'item_tags']);
}
