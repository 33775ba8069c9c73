import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Tables of federation (kết nối, liên thông, chia sẻ — connecting, interlinking
// and sharing between portals). Their row types live in
// modules/federation/tables.ts, the module that owns them.
//
// - federation_keys: each local portal's Ed25519 keys; private keys encrypted at rest.
// - federation_log, federation_log_heads: the per-portal publication log and its sequence counter.
// - federation_peer_keys: keys of other portals this deployment has pinned.
// - federation_subscribers: (source side) who receives a local portal's pushes.
// - federation_subscriptions: (subscriber side) which sources a local portal follows, and its cursor.
// - federation_received: every log entry a subscription has taken in (the message log kept as evidence).
// - federation_mirrors: which local item mirrors which item of which origin portal.
// - federation_members, federation_networks: the network directory, from the directory's and the member's side.
// - federation_proposals: upward proposals, outgoing and incoming.

export function federationMigration(engine: Engine) {
  const id = withId(engine);
  // sequences grow past 2^31 on a busy central portal over decades
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('federation_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('portal_id', 'integer', (c) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // set when a newer key took over: the key still verifies until then (grace period)
        .addColumn('expires_at', 'text')
        .addColumn('endorsed_by', 'text')
        .addColumn('endorsement', 'text')
        .execute();
      await db.schema.createIndex('federation_keys_portal').on('federation_keys').columns(['portal_id', 'created_at']).execute();
      // one current key per portal: two processes making a portal's first key at once cannot both succeed
      await db.schema.createIndex('federation_keys_current').on('federation_keys').column('portal_id').unique().where(sql.ref('expires_at'), 'is', null).execute();

      await db.schema
        .createTable('federation_log_heads')
        .addColumn('portal_id', 'integer', (c) => c.primaryKey().references('portals.id').onDelete('cascade'))
        .addColumn('last_sequence', bigint as 'integer', (c) => c.notNull())
        .execute();

      await id(db.schema.createTable('federation_log'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('sequence', bigint, (c: any) => c.notNull())
        .addColumn('item_id', 'integer', (c: any) => c.notNull())
        .addColumn('item_version', 'integer', (c: any) => c.notNull())
        .addColumn('action', 'text', (c: any) => c.notNull())
        // copied out of the item so the source can filter pushes by a subscriber's policy
        .addColumn('type', 'text', (c: any) => c.notNull())
        .addColumn('lang', 'text', (c: any) => c.notNull())
        .addColumn('section', 'text')
        .addColumn('at', 'text', (c: any) => c.notNull())
        .addColumn('header', 'text', (c: any) => c.notNull())
        .addColumn('item', 'text', (c: any) => c.notNull())
        .addColumn('digest', 'text', (c: any) => c.notNull())
        .addColumn('signature', 'text', (c: any) => c.notNull())
        .addColumn('key_id', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('federation_log_sequence', ['portal_id', 'sequence'])
        .addUniqueConstraint('federation_log_item_version', ['portal_id', 'item_id', 'item_version'])
        .execute();
      await db.schema.createIndex('federation_log_item').on('federation_log').columns(['item_id', 'sequence']).execute();

      await db.schema
        .createTable('federation_peer_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('peer_url', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        // how the key came to be trusted: subscription, subscriber, member, directory, endorsement
        .addColumn('pinned_via', 'text', (c) => c.notNull())
        .addColumn('pinned_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('federation_peer_keys_peer').on('federation_peer_keys').column('peer_url').execute();

      await id(db.schema.createTable('federation_subscribers'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('subscriber_url', 'text', (c: any) => c.notNull())
        .addColumn('inbox_url', 'text', (c: any) => c.notNull())
        .addColumn('filter', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        // the log's head when the subscription began: entries after it are the subscriber's
        .addColumn('start_sequence', bigint, (c: any) => c.notNull())
        // how far the subscriber has the log (its cursor, as it last told us); pushes resume after it
        .addColumn('delivered_sequence', bigint, (c: any) => c.notNull())
        // the worker delivering to this subscriber now (one at a time, even with several workers)
        .addColumn('lease_until', 'text')
        .addColumn('leased_by', 'text')
        // after failures: no attempt before this time (backoff survives restarts and is shared by workers)
        .addColumn('retry_at', 'text')
        .addColumn('failures', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('verified_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('last_contact_at', 'text')
        .addColumn('last_error', 'text')
        .addUniqueConstraint('federation_subscribers_unique', ['portal_id', 'subscriber_url'])
        .execute();

      await id(db.schema.createTable('federation_subscriptions'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('source_url', 'text', (c: any) => c.notNull())
        .addColumn('source_slug', 'text', (c: any) => c.notNull())
        .addColumn('source_name', 'text', (c: any) => c.notNull())
        .addColumn('source_kind', 'text', (c: any) => c.notNull())
        .addColumn('inbox_url', 'text', (c: any) => c.notNull())
        .addColumn('log_url', 'text', (c: any) => c.notNull())
        .addColumn('policy', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        // the last sequence of the source's log taken in (applied or left out by the policy)
        .addColumn('cursor', bigint, (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .addColumn('last_contact_at', 'text')
        .addColumn('last_pull_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('federation_subscriptions_portal').on('federation_subscriptions').columns(['portal_id', 'source_url']).execute();

      await id(db.schema.createTable('federation_received'))
        .addColumn('subscription_id', 'integer', (c: any) => c.notNull().references('federation_subscriptions.id').onDelete('cascade'))
        .addColumn('sequence', bigint, (c: any) => c.notNull())
        .addColumn('action', 'text', (c: any) => c.notNull())
        .addColumn('origin_item_id', 'integer', (c: any) => c.notNull())
        .addColumn('digest', 'text', (c: any) => c.notNull())
        .addColumn('signature', 'text', (c: any) => c.notNull())
        .addColumn('key_id', 'text', (c: any) => c.notNull())
        .addColumn('item_id', 'integer')
        // applied | skipped (outside the policy or the portal's languages)
        .addColumn('outcome', 'text', (c: any) => c.notNull())
        .addColumn('via', 'text', (c: any) => c.notNull())
        .addColumn('received_at', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('federation_received_unique', ['subscription_id', 'sequence'])
        .execute();

      await db.schema
        .createTable('federation_mirrors')
        .addColumn('portal_id', 'integer', (c) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('origin_url', 'text', (c) => c.notNull())
        .addColumn('origin_item_id', 'integer', (c) => c.notNull())
        .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('federation_mirrors_pk', ['portal_id', 'origin_url', 'origin_item_id'])
        .execute();
      await db.schema.createIndex('federation_mirrors_item').on('federation_mirrors').column('item_id').execute();

      await id(db.schema.createTable('federation_members'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('member_url', 'text', (c: any) => c.notNull())
        .addColumn('slug', 'text', (c: any) => c.notNull())
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('inbox_url', 'text', (c: any) => c.notNull())
        // the keys the member presented with its request; pinned on approval
        .addColumn('keys', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('requested_at', 'text', (c: any) => c.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'integer')
        .addColumn('last_contact_at', 'text')
        .addUniqueConstraint('federation_members_unique', ['portal_id', 'member_url'])
        .execute();

      await id(db.schema.createTable('federation_networks'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('directory_url', 'text', (c: any) => c.notNull())
        .addColumn('inbox_url', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('requested_at', 'text', (c: any) => c.notNull())
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('federation_networks_unique', ['portal_id', 'directory_url'])
        .execute();

      await id(db.schema.createTable('federation_proposals'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        // outgoing: this portal proposed its item; incoming: a member proposed one to this portal
        .addColumn('direction', 'text', (c: any) => c.notNull())
        .addColumn('peer_url', 'text', (c: any) => c.notNull())
        .addColumn('peer_inbox_url', 'text', (c: any) => c.notNull())
        .addColumn('item_id', 'integer')
        .addColumn('remote_id', 'integer')
        .addColumn('title', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('decision_note', 'text')
        .addColumn('digest', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('federation_proposals_portal').on('federation_proposals').columns(['portal_id', 'direction', 'status']).execute();
      await db.schema.createIndex('federation_proposals_remote').on('federation_proposals').columns(['peer_url', 'remote_id']).execute();
      await db.schema.createIndex('federation_proposals_item').on('federation_proposals').column('item_id').execute();
    },
    async down(db: Kysely<any>) {
      for (const t of [
        'federation_proposals',
        'federation_networks',
        'federation_members',
        'federation_mirrors',
        'federation_received',
        'federation_subscriptions',
        'federation_subscribers',
        'federation_peer_keys',
        'federation_log',
        'federation_log_heads',
        'federation_keys',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
