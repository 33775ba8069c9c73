import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// federation_settings: a portal's own rules for strangers. For now one: whether
// a portal that asks to subscribe waits for an admin's approval before it is
// pushed anything (subscribers_need_approval, 0 or 1). No row: the defaults.

export function federationTrustMigration(_engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('federation_settings')
        .addColumn('portal_id', 'integer', (c) => c.primaryKey().references('portals.id').onDelete('cascade'))
        .addColumn('subscribers_need_approval', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
