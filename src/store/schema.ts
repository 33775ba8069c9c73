import type { Generated } from 'kysely';
import type { AnalyticsTables } from '../modules/analytics/tables.ts';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { FederationTables } from '../modules/federation/tables.ts';
import type { FeedbackTables } from '../modules/feedback/tables.ts';
import type { MediaTables } from '../modules/media/tables.ts';
import type { NetworkTables } from '../modules/network/tables.ts';
import type { SessionsTables } from '../modules/sessions/tables.ts';
import type { SocialTables } from '../modules/social/tables.ts';
import type { UptimeTables } from '../modules/uptime/tables.ts';

// Row types of every table. JSON columns are TEXT on both engines and parsed
// by the module that owns the table; timestamps are ISO 8601 UTC text.

export interface PortalTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  parent_id: number | null;
  names: string; // JSON {vi, en?, zh?}
  languages: string; // JSON ["vi", ...]
  contact: string; // JSON {unit, responsible, address, phone, email}
  branding: Generated<string>; // JSON {brandColor?, tintColor?, logo?}
  created_at: string;
  updated_at: string;
}

export interface PortalHostTable {
  host: string;
  portal_id: number;
}

export interface SectionTable {
  id: Generated<number>;
  portal_id: number;
  parent_id: number | null;
  slug: string;
  kind: string; // 'section' | 'subsite'
  names: string; // JSON
  description: string; // JSON
  theme_color: string | null;
  menu: string; // JSON [{label: {vi,...}, href}]
  position: number;
  in_menu: Generated<number>; // 0: reachable, but not listed in the main menu
  created_at: string;
}

export interface AccountTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  disabled: number;
  notify_workflow: Generated<number>; // 1: email me when an item waits for my role
}

export interface AccountRoleTable {
  account_id: number;
  portal_id: number;
  role: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** the one portal the token acts in (migration 015); null: wherever its account holds roles */
  portal_id: number | null;
  /** after this the token is refused (migration 015); null: never */
  expires_at: string | null;
}

export interface TranslationGroupTable {
  id: Generated<number>;
  portal_id: number;
  created_at: string;
}

export interface ContentItemTable {
  id: Generated<number>;
  portal_id: number;
  group_id: number;
  lang: string;
  type: string;
  section_id: number | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  meta: string; // JSON
  tags: string; // JSON string[]
  search_text: string; // folded title + summary, for the list's simple `q` filter
  status: string;
  version: number;
  author_id: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  first_published_at: string | null;
  public_updated_at: string | null; // last major change seen by readers
  scheduled_at: string | null;
  unpublish_kind: string | null; // 'withdrawn' | 'gone'
  unpublish_reason: string | null;
  origin: string | null; // JSON, federation provenance
}

/** One row per tag of a published item, kept by triggers (migrations/013_item_tags.ts): items by tag through an index. */
export interface ItemTagTable {
  item_id: number;
  portal_id: number;
  lang: string;
  tag: string;
  published_at: string | null;
}

export interface RevisionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  title: string;
  summary: string;
  body: string;
  meta: string;
  tags: string;
  section_id: number | null;
  author_id: number | null;
  note: string | null;
  created_at: string;
}

export interface ChangeNoteTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  kind: string; // 'major' | 'minor'
  note: string;
  author_id: number | null;
  created_at: string;
}

export interface WorkflowTransitionTable {
  id: Generated<number>;
  item_id: number;
  actor_id: number | null; // null: the system (scheduled publishing)
  action: string;
  from_status: string;
  to_status: string;
  note: string | null;
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: string; // JSON
  status: string; // 'pending' | 'running' | 'done' | 'dead'
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** An API create's answer, replayed for a retry with the same Idempotency-Key (019; src/modules/idempotency). */
export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  state: string; // 'running' | 'done'
  status: number | null;
  content_type: string | null;
  location: string | null;
  body: string | null;
  created_at: string;
  expires_at: string;
}

/** One portal's home in one language as its editors curated it (023; src/modules/home). */
export interface PortalHomeTable {
  portal_id: number;
  lang: string;
  featured: string; // JSON [{id, until}]
  breaking: string | null; // JSON {itemId, text, url, from, until}
  updated_at: string;
  updated_by: number | null;
}

/** The tables of migration 001 and the small ones after it, whose row types live here; the owner of each is in TABLE_OWNERS. */
export interface CoreTables {
  portals: PortalTable;
  portal_hosts: PortalHostTable;
  sections: SectionTable;
  accounts: AccountTable;
  account_roles: AccountRoleTable;
  api_tokens: ApiTokenTable;
  translation_groups: TranslationGroupTable;
  content_items: ContentItemTable;
  item_tags: ItemTagTable;
  revisions: RevisionTable;
  change_notes: ChangeNoteTable;
  workflow_transitions: WorkflowTransitionTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeyTable;
  portal_homes: PortalHomeTable;
}

/**
 * Every table of the store, in one type: `store.db` is a `Kysely<Database>`
 * everywhere, with no module-specific view to cast to. A module that keeps its
 * row types beside its code (its `tables.ts`) adds them here.
 */
export interface Database extends CoreTables, SessionsTables, AuditTables, MediaTables, FederationTables, SocialTables, FeedbackTables, AnalyticsTables, UptimeTables, NetworkTables {}

/**
 * The module that owns each table: the only one whose source may name it
 * (test/boundaries.test.ts). Others ask that module. The search index's tables
 * are written as SQL and so are not in `Database`, but have an owner all the same.
 */
export const TABLE_OWNERS = {
  portals: 'portals',
  portal_hosts: 'portals',
  sections: 'portals',
  accounts: 'accounts',
  account_roles: 'accounts',
  api_tokens: 'accounts',
  translation_groups: 'content',
  content_items: 'content',
  item_tags: 'content',
  revisions: 'content',
  change_notes: 'content',
  workflow_transitions: 'content',
  outbox: 'outbox',
  idempotency_keys: 'idempotency',
  portal_homes: 'home',
  admin_sessions: 'sessions',
  login_failures: 'sessions',
  account_mfa: 'sessions',
  recovery_codes: 'sessions',
  password_resets: 'sessions',
  admin_portal_settings: 'sessions',
  audit_log: 'audit',
  media: 'media',
  federation_keys: 'federation',
  federation_log_heads: 'federation',
  federation_log: 'federation',
  federation_peer_keys: 'federation',
  federation_subscribers: 'federation',
  federation_settings: 'federation',
  federation_subscriptions: 'federation',
  federation_received: 'federation',
  federation_mirrors: 'federation',
  federation_members: 'federation',
  federation_networks: 'federation',
  federation_proposals: 'federation',
  social_channels: 'social',
  social_deliveries: 'social',
  social_metrics: 'social',
  feedback_cases: 'feedback',
  feedback_events: 'feedback',
  feedback_attachments: 'feedback',
  feedback_pow_used: 'feedback',
  feedback_settings: 'feedback',
  feedback_links: 'feedback',
  analytics_salts: 'analytics',
  analytics_events: 'analytics',
  analytics_visitors: 'analytics',
  analytics_minute: 'analytics',
  analytics_hourly: 'analytics',
  analytics_daily: 'analytics',
  uptime_targets: 'uptime',
  uptime_checks: 'uptime',
  uptime_hourly: 'uptime',
  network_reports: 'network',
  network_report_state: 'network',
  search_documents: 'search',
  search_fts: 'search',
  search_titles: 'search',
  search_vocab: 'search',
} as const satisfies Record<keyof Database, string> & Record<string, string>;
