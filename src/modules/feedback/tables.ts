import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';

// Row types of the feedback tables (created by store/migrations/007_feedback.ts
// and 009_feedback_federation.ts).

export interface FeedbackCaseTable {
  id: Generated<number>;
  portal_id: number;
  tracking_code: string;
  kind: string;
  field: string;
  title: string;
  content: string;
  lang: string;
  submitter_type: string;
  personal: string | null;
  initials: string;
  contact_keys: string;
  content_key: string;
  consent_to_publish: number;
  status: string;
  assignee_id: number | null;
  received_at: string;
  due_date: string;
  classify_due_date: string;
  answer: string | null;
  answered_at: string | null;
  published_at: string | null;
  forwarded_to: string | null;
  forwarded_from: string | null;
  reminded_at: string | null;
  erased_at: string | null;
  updated_at: string;
  /** JSON {title, question, answer}: the published text, redacted at publication (009) */
  public_text: Generated<string | null>;
}

/** A case's thread with its counterpart at a portal of another deployment (009). */
export interface FeedbackLinkTable {
  id: Generated<number>;
  case_id: number;
  direction: 'outgoing' | 'incoming';
  peer_url: string;
  peer_slug: string;
  peer_name: string;
  peer_code: string | null;
  state: string;
  sequence: number;
  remote: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackEventTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  public: number;
}

export interface FeedbackAttachmentTable {
  id: Generated<number>;
  case_id: number;
  role: string;
  filename: string;
  mime: string;
  size: number;
  data: Buffer;
  created_at: string;
}

export interface FeedbackPowUsedTable {
  key: string;
  expires_at: string;
}

export interface FeedbackSettingsTable {
  portal_id: number;
  settings: string;
  updated_at: string;
}

export interface FeedbackTables {
  feedback_cases: FeedbackCaseTable;
  feedback_events: FeedbackEventTable;
  feedback_attachments: FeedbackAttachmentTable;
  feedback_pow_used: FeedbackPowUsedTable;
  feedback_settings: FeedbackSettingsTable;
  feedback_links: FeedbackLinkTable;
}

export type FeedbackDB = Kysely<Database>;
export type FeedbackExecutor = FeedbackDB | Transaction<Database>;
