import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

// Row types of the uptime tables (created by store/migrations/011_uptime.ts).

export interface UptimeTargetTable {
  id: Generated<number>;
  url: string;
  slug: string;
  name: string; // JSON {vi, en?, zh?}
  kind: string;
  status: string;
  since: string | null;
  last_checked_at: string | null;
  last_latency_ms: number | null;
  last_error: string | null;
  failures: Generated<number>;
  slow_checks: Generated<number>;
  retired: Generated<number>;
}

export interface UptimeCheckTable {
  id: Generated<number>;
  target_id: number;
  at: string;
  ok: number;
  latency_ms: number | null;
  status_code: number | null;
  error: string | null;
}

export interface UptimeHourlyTable {
  target_id: number;
  hour: string;
  checks: number;
  up: number;
  latency_sum: number | string; // bigint: pg returns a string
  latency_max: number;
}

export interface UptimeTables {
  uptime_targets: UptimeTargetTable;
  uptime_checks: UptimeCheckTable;
  uptime_hourly: UptimeHourlyTable;
}

export type UptimeDB = Kysely<Database>;
