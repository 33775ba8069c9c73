import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Citizen feedback across deployments (issue #8). Row types live in
// modules/feedback/tables.ts.
//
// - feedback_links: the thread between a case here and its counterpart at a
//   portal of another deployment. `outgoing`: we forwarded the case there;
//   `peer_code` is its code there once delivered, `remote` the last public
//   state that portal reported (status, answer, history), and `sequence` the
//   last report applied, so an older or replayed one changes nothing.
//   `incoming`: the case came from there; `peer_code` is its code at the
//   origin, and `sequence` counts the reports we have sent back. One
//   incoming case per origin case: the unique index refuses a replay even
//   when two arrive at once.
// - feedback_cases.public_text: the title, question and answer as published,
//   with personal data taken out at publication. Frozen then, so erasing the
//   personal data later (retention) cannot bring back a name or address the
//   redaction found by value.

export function feedbackFederationMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('feedback_links'))
        .addColumn('case_id', 'integer', (c: any) => c.notNull().references('feedback_cases.id').onDelete('cascade'))
        .addColumn('direction', 'text', (c: any) => c.notNull())
        .addColumn('peer_url', 'text', (c: any) => c.notNull())
        .addColumn('peer_slug', 'text', (c: any) => c.notNull())
        // JSON {vi, en?, zh?}
        .addColumn('peer_name', 'text', (c: any) => c.notNull())
        .addColumn('peer_code', 'text')
        // outgoing: sending | delivered | failed; incoming: received
        .addColumn('state', 'text', (c: any) => c.notNull())
        .addColumn('sequence', 'integer', (c: any) => c.notNull())
        .addColumn('remote', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_links_case').on('feedback_links').columns(['case_id', 'direction']).unique().execute();
      await db.schema.createIndex('feedback_links_peer').on('feedback_links').columns(['direction', 'peer_url', 'peer_code']).unique().execute();
      // JSON {title, question, answer}
      await db.schema.alterTable('feedback_cases').addColumn('public_text', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('feedback_cases').dropColumn('public_text').execute();
      await db.schema.dropTable('feedback_links').ifExists().execute();
    },
  };
}
