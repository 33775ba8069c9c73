import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Tables of the uptime watch (modules/uptime): the central portal probes every
// portal of the network each minute. Row types live in modules/uptime/tables.ts.
//
// - uptime_targets: one row per watched portal, with its current state (up, down, slow).
// - uptime_checks: every probe for two days (the 24-hour view and latency percentiles).
// - uptime_hourly: probes summed per hour, kept for the 30-day view and beyond.

export function uptimeMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('uptime_targets'))
        .addColumn('url', 'text', (c: any) => c.notNull().unique())
        .addColumn('slug', 'text', (c: any) => c.notNull())
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        // unknown | up | down | slow
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('since', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('last_latency_ms', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('failures', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('slow_checks', 'integer', (c: any) => c.notNull().defaultTo(0))
        // no longer in the network: kept for its history, not probed
        .addColumn('retired', 'integer', (c: any) => c.notNull().defaultTo(0))
        .execute();

      await id(db.schema.createTable('uptime_checks'))
        .addColumn('target_id', 'integer', (c: any) => c.notNull().references('uptime_targets.id').onDelete('cascade'))
        .addColumn('at', 'text', (c: any) => c.notNull())
        .addColumn('ok', 'integer', (c: any) => c.notNull())
        .addColumn('latency_ms', 'integer')
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('uptime_checks_target_at').on('uptime_checks').columns(['target_id', 'at']).execute();

      await db.schema
        .createTable('uptime_hourly')
        .addColumn('target_id', 'integer', (c: any) => c.notNull().references('uptime_targets.id').onDelete('cascade'))
        .addColumn('hour', 'text', (c: any) => c.notNull())
        .addColumn('checks', 'integer', (c: any) => c.notNull())
        .addColumn('up', 'integer', (c: any) => c.notNull())
        .addColumn('latency_sum', 'bigint', (c: any) => c.notNull())
        .addColumn('latency_max', 'integer', (c: any) => c.notNull())
        .addPrimaryKeyConstraint('uptime_hourly_pk', ['target_id', 'hour'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['uptime_hourly', 'uptime_checks', 'uptime_targets']) await db.schema.dropTable(t).execute();
    },
  };
}
