import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// idempotency_keys: the answer the API gave to a create sent with an
// `Idempotency-Key` header, per bearer token, kept 24 hours, so a client
// whose connection broke can send the same request again and get the same
// answer instead of a second item (src/modules/idempotency).

export function idempotencyMigration(_engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('idempotency_keys')
        // a hash of the bearer token: keys of different tokens never meet
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        // method, path and canonical body: the same key with another request is refused
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull()) // 'running' | 'done'
        .addColumn('status', 'integer')
        .addColumn('content_type', 'text')
        .addColumn('location', 'text')
        .addColumn('body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').column('expires_at').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('idempotency_keys').execute();
    },
  };
}
