import type { Generated } from 'kysely';

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

export interface Database {
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
