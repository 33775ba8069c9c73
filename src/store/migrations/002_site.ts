import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// Indexes for the public site's lists: "published items of one section, of one
// type in a portal, or of a whole portal, in one language, newest first". With
// the language in the index, a page and its count are read from the index
// alone instead of visiting every row of a section (tens of thousands at a
// million items), and an English feed does not wade through Vietnamese items.
// The section index also carries portal_id, so SQLite (which has no
// statistics here) always prefers it to the per-portal one for section lists.

export function siteMigration(_engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('content_items_site_section').ifNotExists().on('content_items').columns(['section_id', 'status', 'lang', 'portal_id', 'published_at', 'id']).execute();
      await db.schema.createIndex('content_items_site_lang').ifNotExists().on('content_items').columns(['portal_id', 'status', 'lang', 'published_at', 'id']).execute();
      await db.schema.createIndex('content_items_site_type').ifNotExists().on('content_items').columns(['portal_id', 'status', 'type', 'lang', 'published_at', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const name of ['content_items_site_section', 'content_items_site_lang', 'content_items_site_type']) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}
