import type { Kysely } from 'kysely';

// API tokens gain a portal scope and an expiry. A token scoped to a portal
// acts only there, whatever roles its account holds elsewhere, and only that
// portal's admin sees and revokes it. Tokens made before this migration keep
// no scope (null) and no expiry: they behave as they did.

export function accountSecurityMigration() {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('api_tokens')
        .addColumn('portal_id', 'integer', (c) => c.references('portals.id').onDelete('cascade'))
        .execute();
      await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
      await db.schema.createIndex('api_tokens_by_portal').on('api_tokens').columns(['portal_id', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('api_tokens_by_portal').execute();
      await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
      await db.schema.alterTable('api_tokens').dropColumn('portal_id').execute();
    },
  };
}
