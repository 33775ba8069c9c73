import type { Portal } from '../portals/index.ts';
import type { IsoDate, WorkingCalendar } from './calendar.ts';
import type { FeedbackCore } from './core.ts';
import { CLOSED, defaultSettings, localDate, type Stats, type Status } from './model.ts';

// Figures: counts and deadlines kept, per portal and for the whole network.

export async function stats(core: FeedbackCore, portal: Portal, range: { from?: string; to?: string } = {}): Promise<Stats> {
  let q = core.db.selectFrom('feedback_cases').select(['kind', 'field', 'status', 'received_at', 'answered_at', 'due_date', 'portal_id']).where('portal_id', '=', portal.id);
  if (range.from) q = q.where('received_at', '>=', range.from);
  if (range.to) q = q.where('received_at', '<', range.to);
  const rows = await q.execute();
  const settings = await core.settings(portal.id);
  return summarize(rows, core.today(), core.calendar(settings));
}

/** The whole deployment: totals and one row per portal (the network view at the central portal). */
export async function networkStats(core: FeedbackCore, range: { from?: string; to?: string } = {}): Promise<{ totals: Stats; portals: ({ portal: string } & Stats)[] }> {
  const all = await core.deps.portals.list();
  const rows: ({ portal: string } & Stats)[] = [];
  for (const p of all) rows.push({ portal: p.slug, ...(await stats(core, p, range)) });
  let q = core.db.selectFrom('feedback_cases').select(['kind', 'field', 'status', 'received_at', 'answered_at', 'due_date', 'portal_id']);
  if (range.from) q = q.where('received_at', '>=', range.from);
  if (range.to) q = q.where('received_at', '<', range.to);
  const totals = summarize(await q.execute(), core.today(), core.calendar(defaultSettings()));
  return { totals, portals: rows };
}

/** Counts for the dashboards; `answered in time` compares the answer's local date with the due date. */
export function summarize(rows: { kind: string; field: string; status: string; received_at: string; answered_at: string | null; due_date: string }[], today: IsoDate, cal: WorkingCalendar): Stats {
  const stats: Stats = { received: 0, open: 0, answered: 0, answeredInTime: 0, overdue: 0, rejected: 0, forwarded: 0, averageWorkingDaysToAnswer: null, byKind: {}, byField: {} };
  let days = 0;
  for (const r of rows) {
    const closed = CLOSED.includes(r.status as Status);
    const answered = r.answered_at !== null;
    const overdue = !closed && r.due_date < today;
    stats.received++;
    if (!closed) stats.open++;
    if (answered) {
      stats.answered++;
      if (localDate(new Date(r.answered_at!)) <= r.due_date) stats.answeredInTime++;
      days += Math.max(0, cal.workingDaysBetween(localDate(new Date(r.received_at)), localDate(new Date(r.answered_at!))));
    }
    if (overdue) stats.overdue++;
    if (r.status === 'rejected') stats.rejected++;
    if (r.status === 'forwarded') stats.forwarded++;
    for (const [bucket, key] of [
      [stats.byKind, r.kind],
      [stats.byField, r.field],
    ] as const) {
      const b = (bucket[key] ??= { received: 0, answered: 0, overdue: 0 });
      b.received++;
      if (answered) b.answered++;
      if (overdue) b.overdue++;
    }
  }
  stats.averageWorkingDaysToAnswer = stats.answered ? Math.round((days / stats.answered) * 10) / 10 : null;
  return stats;
}
