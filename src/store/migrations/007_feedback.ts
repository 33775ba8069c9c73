import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Tables of citizen feedback (hỏi đáp — questions, phản ánh — feedback,
// kiến nghị — petitions). Their row types live in modules/feedback/tables.ts.
//
// - feedback_cases: one submission and where it stands. The submitter's
//   personal data is sealed (AES-256-GCM) in `personal`; `contact_keys` holds
//   keyed hashes of the email and phone, enough to match a tracking request
//   and to spot repeats without reading anyone's contact details.
// - feedback_events: the case's history, public steps and internal notes alike.
// - feedback_attachments: files sent with a submission or an answer.
// - feedback_pow_used: proof-of-work challenges already spent (replays refused).
// - feedback_settings: per-portal deadlines, retention and calendar changes.

export function feedbackMigration(engine: Engine) {
  const id = withId(engine);
  const blob = engine === 'postgres' ? 'bytea' : 'blob';

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('feedback_cases'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('tracking_code', 'text', (c: any) => c.notNull().unique())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('field', 'text', (c: any) => c.notNull())
        .addColumn('title', 'text', (c: any) => c.notNull())
        .addColumn('content', 'text', (c: any) => c.notNull())
        .addColumn('lang', 'text', (c: any) => c.notNull())
        .addColumn('submitter_type', 'text', (c: any) => c.notNull())
        // sealed JSON {name, email, phone, address}; null once erased
        .addColumn('personal', 'text')
        .addColumn('initials', 'text', (c: any) => c.notNull())
        .addColumn('contact_keys', 'text', (c: any) => c.notNull())
        .addColumn('content_key', 'text', (c: any) => c.notNull())
        .addColumn('consent_to_publish', 'integer', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('assignee_id', 'integer')
        .addColumn('received_at', 'text', (c: any) => c.notNull())
        .addColumn('due_date', 'text', (c: any) => c.notNull())
        .addColumn('classify_due_date', 'text', (c: any) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('forwarded_to', 'text')
        .addColumn('forwarded_from', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('erased_at', 'text')
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_cases_inbox').on('feedback_cases').columns(['portal_id', 'status', 'due_date']).execute();
      await db.schema.createIndex('feedback_cases_received').on('feedback_cases').columns(['portal_id', 'received_at']).execute();
      await db.schema.createIndex('feedback_cases_repeat').on('feedback_cases').columns(['portal_id', 'content_key']).execute();

      await id(db.schema.createTable('feedback_events'))
        .addColumn('case_id', 'integer', (c: any) => c.notNull().references('feedback_cases.id').onDelete('cascade'))
        .addColumn('at', 'text', (c: any) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('action', 'text', (c: any) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text')
        // shown to the submitter on the tracking page (internal notes are not)
        .addColumn('public', 'integer', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_events_case').on('feedback_events').column('case_id').execute();

      await id(db.schema.createTable('feedback_attachments'))
        .addColumn('case_id', 'integer', (c: any) => c.notNull().references('feedback_cases.id').onDelete('cascade'))
        // submission | answer
        .addColumn('role', 'text', (c: any) => c.notNull())
        .addColumn('filename', 'text', (c: any) => c.notNull())
        .addColumn('mime', 'text', (c: any) => c.notNull())
        .addColumn('size', 'integer', (c: any) => c.notNull())
        .addColumn('data', blob, (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_attachments_case').on('feedback_attachments').column('case_id').execute();

      await db.schema
        .createTable('feedback_pow_used')
        .addColumn('key', 'text', (c: any) => c.primaryKey())
        .addColumn('expires_at', 'text', (c: any) => c.notNull())
        .execute();

      await db.schema
        .createTable('feedback_settings')
        .addColumn('portal_id', 'integer', (c: any) => c.primaryKey().references('portals.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['feedback_settings', 'feedback_pow_used', 'feedback_attachments', 'feedback_events', 'feedback_cases']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
