import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// Tables of the privacy-friendly analytics (modules/analytics; row types in
// modules/analytics/tables.ts).
//
// - analytics_salts: one random salt per Vietnamese day, deleted when the day is over.
// - analytics_events: raw events, without IP address or User-Agent. On PostgreSQL
//   partitioned by day (declarative range partitioning); ingestion creates each
//   day's partition before the first write to it, and retention drops whole days.
// - analytics_visitors: what counting needs to remember of a visitor for its day.
// - analytics_minute / analytics_hourly / analytics_daily: rollups the dashboards
//   read, written in the same transaction as the raw events they count.
//
// No foreign keys: these are the hottest tables of the system, written a
// batch a second, and a row naming a portal that is gone harms nobody.

export function analyticsMigration(engine: Engine) {
  const big = engine === 'postgres' ? 'bigint' : 'integer';
  const counters = (t: any) =>
    t
      .addColumn('pageviews', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('visitors', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('visits', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('bounces', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('events', 'integer', (c: any) => c.notNull().defaultTo(0));

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('analytics_salts')
        .addColumn('day', 'text', (c: any) => c.primaryKey())
        .addColumn('salt', 'text', (c: any) => c.notNull())
        .execute();

      if (engine === 'postgres') {
        await sql`create table analytics_events (
          day text not null, ts text not null, portal_id integer not null, name text not null, path text not null,
          visitor text not null, source text not null, referrer text, device text not null, browser text not null,
          lang text not null, width integer, props text
        ) partition by range (day)`.execute(db);
      } else {
        await db.schema
          .createTable('analytics_events')
          .addColumn('day', 'text', (c: any) => c.notNull())
          .addColumn('ts', 'text', (c: any) => c.notNull())
          .addColumn('portal_id', 'integer', (c: any) => c.notNull())
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('path', 'text', (c: any) => c.notNull())
          .addColumn('visitor', 'text', (c: any) => c.notNull())
          .addColumn('source', 'text', (c: any) => c.notNull())
          .addColumn('referrer', 'text')
          .addColumn('device', 'text', (c: any) => c.notNull())
          .addColumn('browser', 'text', (c: any) => c.notNull())
          .addColumn('lang', 'text', (c: any) => c.notNull())
          .addColumn('width', 'integer')
          .addColumn('props', 'text')
          .execute();
        await db.schema.createIndex('analytics_events_day').on('analytics_events').column('day').execute();
      }
      // on PostgreSQL an index on the partitioned table is created on every partition
      await db.schema.createIndex('analytics_events_portal_ts').on('analytics_events').columns(['portal_id', 'ts']).execute();

      await db.schema
        .createTable('analytics_visitors')
        .addColumn('day', 'text', (c: any) => c.notNull())
        .addColumn('visitor', 'text', (c: any) => c.notNull())
        .addColumn('portal_id', 'integer', (c: any) => c.notNull())
        .addColumn('last_view', big, (c: any) => c.notNull())
        .addColumn('visit_start', big, (c: any) => c.notNull())
        .addColumn('visit_views', 'integer', (c: any) => c.notNull())
        .addColumn('visit_source', 'text', (c: any) => c.notNull())
        .addColumn('views', 'integer', (c: any) => c.notNull())
        .addColumn('seen', 'text', (c: any) => c.notNull())
        .addPrimaryKeyConstraint('analytics_visitors_pk', ['day', 'visitor'])
        .execute();
      // realtime: who viewed a page of this portal in the last minutes
      await db.schema.createIndex('analytics_visitors_recent').on('analytics_visitors').columns(['portal_id', 'last_view']).execute();

      await counters(
        db.schema
          .createTable('analytics_minute')
          .addColumn('portal_id', 'integer', (c: any) => c.notNull())
          .addColumn('dim', 'text', (c: any) => c.notNull())
          .addColumn('bucket', 'text', (c: any) => c.notNull())
          .addColumn('value', 'text', (c: any) => c.notNull()),
      )
        .addPrimaryKeyConstraint('analytics_minute_pk', ['portal_id', 'dim', 'bucket', 'value'])
        .execute();
      await counters(
        db.schema
          .createTable('analytics_hourly')
          .addColumn('portal_id', 'integer', (c: any) => c.notNull())
          .addColumn('dim', 'text', (c: any) => c.notNull())
          .addColumn('bucket', 'text', (c: any) => c.notNull())
          .addColumn('value', 'text', (c: any) => c.notNull()),
      )
        .addPrimaryKeyConstraint('analytics_hourly_pk', ['portal_id', 'dim', 'bucket', 'value'])
        .execute();
      const daily = counters(
        db.schema
          .createTable('analytics_daily')
          .addColumn('portal_id', 'integer', (c: any) => c.notNull())
          .addColumn('dim', 'text', (c: any) => c.notNull())
          .addColumn('day', 'text', (c: any) => c.notNull())
          .addColumn('value', 'text', (c: any) => c.notNull()),
      );
      if (engine === 'postgres') {
        await daily.execute();
        // the key, carrying the counters: a month of a portal's top pages is read from the index
        // alone (an index-only scan), several times faster than from the table
        await sql`create unique index analytics_daily_key on analytics_daily (portal_id, dim, day, value) include (pageviews, visitors, visits, bounces, events)`.execute(db);
      } else {
        await daily.addPrimaryKeyConstraint('analytics_daily_pk', ['portal_id', 'dim', 'day', 'value']).execute();
      }
      // the network view: one portal's total per day, every portal at once
      await db.schema.createIndex('analytics_daily_network').on('analytics_daily').columns(['dim', 'day', 'portal_id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['analytics_daily', 'analytics_hourly', 'analytics_minute', 'analytics_visitors', 'analytics_events', 'analytics_salts']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
