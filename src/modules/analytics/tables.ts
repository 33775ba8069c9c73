import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';

// Row types of the analytics tables (created by store/migrations/008_analytics.ts).
// Counters and millisecond times are bigint on PostgreSQL, which pg hands back
// as strings: read them through Number().

/** One random salt per Vietnamese day, deleted once its day is over. */
export interface AnalyticsSaltTable {
  day: string;
  salt: string;
}

/** Raw events, no IP address or User-Agent: the visitor is a salted hash. Partitioned by day on PostgreSQL. */
export interface AnalyticsEventTable {
  day: string;
  ts: string;
  portal_id: number;
  name: string;
  path: string;
  visitor: string;
  source: string;
  referrer: string | null;
  device: string;
  browser: string;
  lang: string;
  width: number | null;
  props: string | null;
}

/**
 * What ingestion must remember of a visitor during its day: when it last
 * viewed a page (visits end after 30 minutes without one), the visit in
 * progress, and hashes of the pages, sources, languages and events it was
 * already counted for (each counts a visitor once a day).
 */
export interface AnalyticsVisitorTable {
  day: string;
  visitor: string;
  portal_id: number;
  last_view: number | string;
  visit_start: number | string;
  visit_views: number;
  visit_source: string;
  views: number;
  seen: string;
}

interface Counters {
  pageviews: number | string;
  visitors: number | string;
  visits: number | string;
  bounces: number | string;
  events: number | string;
}

/** Per-minute totals of a portal (realtime, short ranges); kept for a few days. */
/** Per minute (kept for a day), for each portal and dimension, as the hourly rows. */
export interface AnalyticsMinuteTable extends Counters {
  portal_id: number;
  dim: string;
  bucket: string;
  value: string;
}

/**
 * Per hour and per Vietnamese day, for each portal and dimension (`total`,
 * `page`, `source`, `device`, `browser`, `lang`, `event`, `outbound`,
 * `download`) and value. Visitors count once per day and value: in the
 * hourly rows, in the hour the visitor first showed up for it that day
 * (the `total` row of an hour counts the hour's distinct visitors).
 */
export interface AnalyticsHourTable extends Counters {
  portal_id: number;
  dim: string;
  bucket: string;
  value: string;
}

export interface AnalyticsDayTable extends Counters {
  portal_id: number;
  dim: string;
  day: string;
  value: string;
}

export interface AnalyticsTables {
  analytics_salts: AnalyticsSaltTable;
  analytics_events: AnalyticsEventTable;
  analytics_visitors: AnalyticsVisitorTable;
  analytics_minute: AnalyticsMinuteTable;
  analytics_hourly: AnalyticsHourTable;
  analytics_daily: AnalyticsDayTable;
}

export type AnalyticsDB = Kysely<Database>;
export type AnalyticsExecutor = AnalyticsDB | Transaction<Database>;
