import type { Generated } from 'kysely';

// Row types of the network register (created by store/migrations/012_network.ts),
// read and written by this module only.

/** A member's figures for one day, as its report said them. */
export interface NetworkReportTable {
  id: Generated<number>;
  portal_id: number;
  member_url: string;
  day: string;
  visitors: number;
  visits: number;
  pageviews: number;
  bounces: number;
  feedback_received: number;
  feedback_answered: number;
  feedback_in_time: number;
  feedback_overdue: number;
  received_at: string;
}

/** How far this portal has reported to its directory. */
export interface NetworkReportStateTable {
  portal_id: number;
  directory_url: string;
  reported_through: string | null;
  last_sent_at: string | null;
  last_error: string | null;
}

export interface NetworkTables {
  network_reports: NetworkReportTable;
  network_report_state: NetworkReportStateTable;
}
