import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Tables of social channels (Facebook, YouTube, X, Zalo, Viber). Their row
// types live in modules/social/tables.ts, the module that owns them.
//
// - social_channels: a portal's accounts on the platforms, credentials sealed (AES-256-GCM).
// - social_deliveries: one row per item and channel: what was posted, where, and how it went.
// - social_metrics: followers per channel and views per delivered post, sampled over time.

export function socialMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('social_channels'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('platform', 'text', (c: any) => c.notNull())
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('api_base_url', 'text')
        .addColumn('credentials', 'text', (c: any) => c.notNull())
        .addColumn('languages', 'text', (c: any) => c.notNull())
        .addColumn('content_types', 'text', (c: any) => c.notNull())
        .addColumn('sections', 'text')
        .addColumn('auto_publish', 'integer', (c: any) => c.notNull())
        // active | needs-reauth
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('social_channels_portal').on('social_channels').column('portal_id').execute();

      await id(db.schema.createTable('social_deliveries'))
        .addColumn('channel_id', 'integer', (c: any) => c.notNull().references('social_channels.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (c: any) => c.notNull().references('content_items.id').onDelete('cascade'))
        // queued | delivered | failed | needs-reauth | removed
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('remote_id', 'text')
        .addColumn('remote_url', 'text')
        .addColumn('attempts', 'integer', (c: any) => c.notNull())
        .addColumn('last_error', 'text')
        // what the connector keeps between attempts (an upload session, an article token)
        .addColumn('state', 'text', (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      // the guard against posting one item twice to one channel
      await db.schema.createIndex('social_deliveries_once').on('social_deliveries').columns(['channel_id', 'item_id']).unique().execute();
      await db.schema.createIndex('social_deliveries_item').on('social_deliveries').column('item_id').execute();

      await id(db.schema.createTable('social_metrics'))
        .addColumn('channel_id', 'integer', (c: any) => c.notNull().references('social_channels.id').onDelete('cascade'))
        .addColumn('delivery_id', 'integer', (c: any) => c.references('social_deliveries.id').onDelete('cascade'))
        // followers (channel) | views, reach, likes, shares, comments (post)
        .addColumn('metric', 'text', (c: any) => c.notNull())
        .addColumn('value', engine === 'postgres' ? 'bigint' : 'integer', (c: any) => c.notNull())
        .addColumn('at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('social_metrics_series').on('social_metrics').columns(['channel_id', 'metric', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['social_metrics', 'social_deliveries', 'social_channels']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
