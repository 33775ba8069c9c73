import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// portal_homes: what editors chose for one portal's home in one language —
// the pinned top stories (tin nổi bật) in order, each with an optional end, and
// the one breaking-news banner (tin nóng) — as small JSON documents, one row per
// portal and language (src/modules/home).

export function homeMigration(_engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('portal_homes')
        .addColumn('portal_id', 'integer', (c) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('lang', 'text', (c) => c.notNull())
        // [{id, until}] in the order shown
        .addColumn('featured', 'text', (c) => c.notNull())
        // {itemId, text, url, from, until} or null
        .addColumn('breaking', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .addPrimaryKeyConstraint('portal_homes_pk', ['portal_id', 'lang'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('portal_homes').execute();
    },
  };
}
