import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// The network view (modules/network): each member portal of another
// deployment reports its daily figures to the central portal, signed over
// federation; the central portal keeps them beside its own portals' rollups.
//
// - network_reports: at the central portal, one row per member portal and day (a later report of a day replaces it).
// - network_report_state: at a member, how far each portal has reported to its directory.

export function networkMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('network_reports'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('member_url', 'text', (c: any) => c.notNull())
        .addColumn('day', 'text', (c: any) => c.notNull())
        .addColumn('visitors', 'integer', (c: any) => c.notNull())
        .addColumn('visits', 'integer', (c: any) => c.notNull())
        .addColumn('pageviews', 'integer', (c: any) => c.notNull())
        .addColumn('bounces', 'integer', (c: any) => c.notNull())
        .addColumn('feedback_received', 'integer', (c: any) => c.notNull())
        .addColumn('feedback_answered', 'integer', (c: any) => c.notNull())
        .addColumn('feedback_in_time', 'integer', (c: any) => c.notNull())
        .addColumn('feedback_overdue', 'integer', (c: any) => c.notNull())
        .addColumn('received_at', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('network_reports_member_day', ['portal_id', 'member_url', 'day'])
        .execute();
      await db.schema
        .createTable('network_report_state')
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('directory_url', 'text', (c: any) => c.notNull())
        .addColumn('reported_through', 'text')
        .addColumn('last_sent_at', 'text')
        .addColumn('last_error', 'text')
        .addPrimaryKeyConstraint('network_report_state_pk', ['portal_id', 'directory_url'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('network_report_state').execute();
      await db.schema.dropTable('network_reports').execute();
    },
  };
}
