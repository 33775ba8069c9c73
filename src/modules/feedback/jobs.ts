import { iso } from '../../lib/time.ts';
import { publicText } from './answers.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { FeedbackCore } from './core.ts';
import { CLOSED } from './model.ts';
import { OFFICER_ROLES } from './privacy.ts';

// Jobs: reminders to officers before a case falls due, and erasure of
// personal data once a closed case has been kept as long as the portal keeps them.

export async function remind(core: FeedbackCore, days = 2): Promise<number> {
  const rows = await core.db.selectFrom('feedback_cases').selectAll().where('status', 'not in', CLOSED).where('reminded_at', 'is', null).execute();
  let n = 0;
  // one calendar and one officer list per portal, however many of its cases are due
  const calendars = new Map<number, WorkingCalendar>();
  const officersOf = new Map<number, { id: number; email: string }[]>();
  for (const r of rows) {
    if (!calendars.has(r.portal_id)) calendars.set(r.portal_id, core.calendar(await core.settings(r.portal_id)));
    if (calendars.get(r.portal_id)!.reminderDate(r.due_date, days) > core.today()) continue;
    const portal = await core.deps.portals.byId(r.portal_id);
    if (!portal) continue;
    if (!officersOf.has(r.portal_id)) {
      officersOf.set(r.portal_id, await core.deps.accounts.holdersOf(r.portal_id, OFFICER_ROLES));
    }
    const officers = officersOf.get(r.portal_id)!;
    const to = r.assignee_id ? officers.filter((o) => o.id === r.assignee_id) : officers;
    const overdue = r.due_date < core.today();
    for (const o of new Map(to.map((x) => [x.email, x])).values()) {
      await core.deps.mail?.(
        o.email,
        `[${portal.slug}] ${overdue ? 'Quá hạn' : 'Sắp đến hạn'}: ${r.tracking_code} (${r.due_date})`,
        `${r.tracking_code} "${r.title}" ${overdue ? 'đã quá hạn' : 'đến hạn'} ngày ${r.due_date}.\n${overdue ? 'Overdue' : 'Due'} on ${r.due_date}.\n`,
      );
    }
    await core.db
      .updateTable('feedback_cases')
      .set({ reminded_at: iso(core.clock()) })
      .where('id', '=', r.id)
      .execute();
    n++;
  }
  return n;
}

/** Erases the personal data of cases closed longer ago than their portal's retention period; the anonymised case stays. */
export async function eraseExpired(core: FeedbackCore): Promise<number> {
  const rows = await core.db.selectFrom('feedback_cases').selectAll().where('status', 'in', CLOSED).where('erased_at', 'is', null).execute();
  let n = 0;
  const retention = new Map<number, number>();
  for (const r of rows) {
    if (!retention.has(r.portal_id)) retention.set(r.portal_id, (await core.settings(r.portal_id)).retentionDays);
    if (Date.parse(r.updated_at) + retention.get(r.portal_id)! * 86_400_000 > core.clock().getTime()) continue;
    // the published text, redacted once more while the personal data can still be found in it (publicText), is what stays
    const kept = r.status === 'published' ? JSON.stringify(publicText(core, r)) : r.public_text;
    await core.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('feedback_cases')
        .set({ personal: null, contact_keys: '[]', erased_at: iso(core.clock()), public_text: kept })
        .where('id', '=', r.id)
        .execute();
      await trx.deleteFrom('feedback_attachments').where('case_id', '=', r.id).where('role', '=', 'submission').execute();
    });
    n++;
  }
  await core.db.deleteFrom('feedback_pow_used').where('expires_at', '<', iso(core.clock())).execute();
  return n;
}
