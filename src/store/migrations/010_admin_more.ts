import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// More of the editors' admin: a portal's own look (colours, logo), sections
// that stay out of the main menu, and each account's choice of workflow
// emails. Cover pictures and social texts need no column: they are part of
// an item's `meta`, so revisions, the API and federation carry them as they
// are. TOTP secrets are sealed in place (same column, sealed text).

export function adminMoreMigration(_engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      // JSON {brandColor?, tintColor?, logo?: {mediaId, src, alt, width, height}}
      await db.schema
        .alterTable('portals')
        .addColumn('branding', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .alterTable('sections')
        .addColumn('in_menu', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // off until the member turns it on: nobody gets mail they did not ask for
      await db.schema
        .alterTable('accounts')
        .addColumn('notify_workflow', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('accounts').dropColumn('notify_workflow').execute();
      await db.schema.alterTable('sections').dropColumn('in_menu').execute();
      await db.schema.alterTable('portals').dropColumn('branding').execute();
    },
  };
}
