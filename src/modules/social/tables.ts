import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';

// Row types of the social tables (created by store/migrations/006_social.ts).
// They stay inside this module: other modules reach it through its services.

export interface SocialChannelTable {
  id: Generated<number>;
  portal_id: number;
  platform: string;
  name: string;
  api_base_url: string | null;
  /** sealed JSON (see lib/secrets.ts), never sent anywhere but to the platform */
  credentials: string;
  languages: string;
  content_types: string;
  sections: string | null;
  auto_publish: number;
  status: string;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface SocialDeliveryTable {
  id: Generated<number>;
  channel_id: number;
  item_id: number;
  status: string;
  remote_id: string | null;
  remote_url: string | null;
  attempts: number;
  last_error: string | null;
  state: string;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface SocialMetricTable {
  id: Generated<number>;
  channel_id: number;
  delivery_id: number | null;
  metric: string;
  value: number;
  at: string;
}

export interface SocialTables {
  social_channels: SocialChannelTable;
  social_deliveries: SocialDeliveryTable;
  social_metrics: SocialMetricTable;
}

/** The store's handle (every table is in the one composed `Database`). */
export type SocialDB = Kysely<Database>;
export type SocialExecutor = SocialDB | Transaction<Database>;
