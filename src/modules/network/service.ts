import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { Database } from '../../store/schema.ts';
import type { Clock } from '../../lib/time.ts';
import { iso } from '../../lib/time.ts';
import { ValidationError } from '../../lib/errors.ts';
import { createAjv, toFieldErrors } from '../../lib/validate.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { FederationService } from '../federation/index.ts';
import { InboxRejection, type VerifiedMessage } from '../federation/index.ts';
import type { AnalyticsService } from '../analytics/index.ts';
import type { FeedbackService } from '../feedback/index.ts';
import type { UptimeService } from '../uptime/index.ts';

// The network view: the cross-portal roll-up that single-site analytics tools
// lack. The central portal reads its own deployment's portals from their
// rollups, and each member portal of another deployment reports its daily
// figures (traffic and feedback) to the directory it joined, signed over
// federation, every hour — the last few days again each time, so a day still
// in progress or a report lost on the way is corrected by the next one. The
// central dashboard then shows totals and a league table of every portal:
// visits, growth against the period before, feedback answered in time, uptime.

export const REPORT_TOPIC = 'network.report';
/** How many days a member sends again each hour (today, still counting, and the days before it). */
const RESEND_DAYS = 3;
/** How far back a first report (or one after a long silence) reaches. */
const BACKFILL_DAYS = 35;
const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3600_000;

/** The day (YYYY-MM-DD) in Hà Nội of an instant. */
const vnDay = (ms: number) => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
const dayStartIso = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const Count = Type.Integer({ minimum: 0, maximum: 2_000_000_000 });
const DayS = Type.Object(
  {
    day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    visitors: Count,
    visits: Count,
    pageviews: Count,
    bounces: Count,
    feedbackReceived: Count,
    feedbackAnswered: Count,
    feedbackInTime: Count,
    feedbackOverdue: Count,
  },
  { additionalProperties: false },
);
export type DayFigures = Static<typeof DayS>;
const ReportS = Type.Object({ days: Type.Array(DayS, { minItems: 1, maxItems: 40 }) }, { additionalProperties: true });
const checkReport = createAjv().compile(ReportS);

export interface LeagueRow {
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
  /** a portal of this deployment (read from its rollups) or a member that reported over federation */
  local: boolean;
  visitors: number;
  visits: number;
  pageviews: number;
  bounceRate: number;
  /** visits against the period of the same length just before, in percent (null: nothing to compare with) */
  growth: number | null;
  feedbackReceived: number;
  feedbackAnswered: number;
  /** share of answered cases answered within their deadline, 0–1 (null: none answered) */
  feedbackInTimeRate: number | null;
  feedbackOverdue: number;
  /** the uptime watch's availability over 30 days, 0–1 (null: not watched yet) */
  uptime30d: number | null;
  uptimeStatus: string | null;
  /** the last day a remote member reported (null for local portals) */
  reportedThrough: string | null;
}

export interface NetworkStats {
  from: string;
  to: string;
  totals: { portals: number; visitors: number; visits: number; pageviews: number; growth: number | null; feedbackReceived: number; feedbackAnswered: number; feedbackInTimeRate: number | null; feedbackOverdue: number };
  portals: LeagueRow[];
}

export interface NetworkDeps {
  store: Store;
  portals: PortalService;
  federation: FederationService;
  analytics: AnalyticsService;
  feedback: FeedbackService;
  uptime: UptimeService;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  /** between reports (an hour) */
  reportEveryMs?: number;
}

const num = (v: unknown) => Number(v ?? 0) || 0;

export class NetworkView {
  private readonly db: Kysely<Database>;
  readonly reportEveryMs: number;

  constructor(private readonly d: NetworkDeps) {
    this.db = d.store.db;
    this.reportEveryMs = d.reportEveryMs ?? 3600_000;
    d.federation.handle('analytics-report', {
      // only a central portal keeps the register, and only its approved members report to it
      related: async (portal, from) => portal.kind === 'central' && (await d.federation.network.isMember(portal, from)),
      handle: async (v) => ({ status: 200, body: await this.onReport(v) }),
    });
    d.outbox.handle(REPORT_TOPIC, async () => {
      try {
        await this.sendReports();
      } finally {
        await d.outbox.enqueue(d.store.db, REPORT_TOPIC, {}, { runAfter: new Date(d.clock().getTime() + this.reportEveryMs), maxAttempts: 1 });
      }
    });
  }

  private today(): string {
    return vnDay(this.d.clock().getTime());
  }

  /** One portal's figures per day, from its analytics rollups and its feedback cases (by the day they came in). */
  async dayFigures(portal: Portal, from: string, to: string): Promise<DayFigures[]> {
    const traffic = await this.d.analytics.dailyTotals(portal, { from, to });
    const byDay = new Map(traffic.map((t) => [t.day, t]));
    const out: DayFigures[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const t = byDay.get(day);
      const f = await this.d.feedback.stats(portal, { from: dayStartIso(day), to: dayStartIso(addDays(day, 1)) });
      out.push({
        day,
        visitors: num(t?.visitors),
        visits: num(t?.visits),
        pageviews: num(t?.pageviews),
        bounces: num(t?.bounces),
        feedbackReceived: f.received,
        feedbackAnswered: f.answered,
        feedbackInTime: f.answeredInTime,
        feedbackOverdue: f.overdue,
      });
    }
    return out;
  }

  /**
   * The member side, hourly: every portal of this deployment that was admitted
   * to a network sends its recent days to that network's central portal.
   * Returns how many reports went out.
   */
  async sendReports(): Promise<number> {
    const memberships = (await this.d.federation.network.approvedMemberships()).map((m) => ({ portal_id: m.portalId, directory_url: m.directory, inbox_url: m.inbox }));
    let sent = 0;
    const today = this.today();
    for (const m of memberships) {
      const portal = await this.d.portals.byId(m.portal_id);
      if (!portal) continue;
      const state = await this.db.selectFrom('network_report_state').selectAll().where('portal_id', '=', m.portal_id).where('directory_url', '=', m.directory_url).executeTakeFirst();
      const earliest = addDays(today, -(BACKFILL_DAYS - 1));
      const resume = state?.reported_through ? addDays(state.reported_through, -(RESEND_DAYS - 1)) : earliest;
      const from = resume < earliest ? earliest : resume;
      const days = await this.dayFigures(portal, from, today);
      const now = iso(this.d.clock());
      let error: string | null = null;
      try {
        const res = await this.d.federation.sendDirect(portal, m.inbox_url, { type: 'analytics-report', from: portal.url, to: m.directory_url, days });
        if (res.status !== 200) error = `the central portal answered ${res.status}: ${JSON.stringify(res.body ?? '').slice(0, 300)}`;
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
      }
      const values = { reported_through: error ? (state?.reported_through ?? null) : today, last_sent_at: now, last_error: error };
      if (state) await this.db.updateTable('network_report_state').set(values).where('portal_id', '=', m.portal_id).where('directory_url', '=', m.directory_url).execute();
      else
        await this.db
          .insertInto('network_report_state')
          .values({ portal_id: m.portal_id, directory_url: m.directory_url, ...values })
          .execute();
      if (error) this.d.logger.warn({ portal: portal.slug, directory: m.directory_url, error }, 'network report not delivered');
      else sent++;
    }
    return sent;
  }

  /** The central side: a member's signed report, checked and stored (a day reported again replaces the earlier figures). */
  async onReport(v: VerifiedMessage): Promise<{ stored: number }> {
    if (!checkReport(v.message))
      throw new InboxRejection(422, 'malformed-message', 'analytics-report needs days: [{day, visitors, visits, pageviews, bounces, feedbackReceived, feedbackAnswered, feedbackInTime, feedbackOverdue}]', {
        errors: toFieldErrors(checkReport.errors),
      });
    const days = (v.message as unknown as { days: DayFigures[] }).days;
    const today = this.today();
    for (const d of days) {
      // a day in the future, or one that does not exist, is a sender's error: nothing of the report is kept
      if (Number.isNaN(Date.parse(`${d.day}T00:00:00Z`)) || d.day > addDays(today, 1)) throw new InboxRejection(422, 'malformed-message', `day ${d.day} is not a day that has happened`);
    }
    const now = iso(this.d.clock());
    await this.db.transaction().execute(async (trx) => {
      for (const d of days) {
        const row = {
          visitors: d.visitors,
          visits: d.visits,
          pageviews: d.pageviews,
          bounces: d.bounces,
          feedback_received: d.feedbackReceived,
          feedback_answered: d.feedbackAnswered,
          feedback_in_time: d.feedbackInTime,
          feedback_overdue: d.feedbackOverdue,
          received_at: now,
        };
        await trx
          .insertInto('network_reports')
          .values({ portal_id: v.portal.id, member_url: v.from, day: d.day, ...row })
          .onConflict((oc) => oc.columns(['portal_id', 'member_url', 'day']).doUpdateSet(row))
          .execute();
      }
    });
    await this.d.federation.network.touchMember(v.portal, v.from);
    return { stored: days.length };
  }

  /** Validates a period (YYYY-MM-DD days in Hà Nội; the last 30 days by default, at most two years). */
  range(q: { from?: string; to?: string }): { from: string; to: string } {
    const today = this.today();
    const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
    const errors = [];
    if (q.from !== undefined && !isDay(q.from)) errors.push({ path: '/from', message: 'must be a day, YYYY-MM-DD' });
    if (q.to !== undefined && !isDay(q.to)) errors.push({ path: '/to', message: 'must be a day, YYYY-MM-DD' });
    if (errors.length) throw new ValidationError(errors);
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -29);
    if (from > to) throw new ValidationError([{ path: '/from', message: 'must not be after to' }]);
    if (Date.parse(to) - Date.parse(from) > 731 * DAY_MS) throw new ValidationError([{ path: '/from', message: 'the period is at most two years' }]);
    return { from, to };
  }

  /** Totals and the league table of every portal of the network, over a period. */
  /** The league table; with `only`, just those portals of this deployment (a portal reading its own row), totals over them. */
  async stats(q: { from?: string; to?: string }, only?: { portalIds: readonly number[] }): Promise<NetworkStats> {
    const { from, to } = this.range(q);
    const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
    const prevTo = addDays(from, -1);
    const prevFrom = addDays(prevTo, -(length - 1));
    const [locals, members, uptime] = await Promise.all([this.d.portals.list(), this.d.federation.network.networkPortals(), this.d.uptime.report()]);
    const uptimeByUrl = new Map(uptime.map((u) => [u.url, u]));
    const rows: LeagueRow[] = [];

    const sum = (days: DayFigures[]) =>
      days.reduce(
        (a, d) => ({
          visitors: a.visitors + d.visitors,
          visits: a.visits + d.visits,
          pageviews: a.pageviews + d.pageviews,
          bounces: a.bounces + d.bounces,
          fr: a.fr + d.feedbackReceived,
          fa: a.fa + d.feedbackAnswered,
          fi: a.fi + d.feedbackInTime,
          fo: a.fo + d.feedbackOverdue,
        }),
        { visitors: 0, visits: 0, pageviews: 0, bounces: 0, fr: 0, fa: 0, fi: 0, fo: 0 },
      );
    let previousVisits = 0;
    const row = (
      base: Omit<LeagueRow, 'visitors' | 'visits' | 'pageviews' | 'bounceRate' | 'growth' | 'feedbackReceived' | 'feedbackAnswered' | 'feedbackInTimeRate' | 'feedbackOverdue' | 'uptime30d' | 'uptimeStatus'>,
      now: ReturnType<typeof sum>,
      before: ReturnType<typeof sum>,
    ): LeagueRow => {
      const up = uptimeByUrl.get(base.url);
      previousVisits += before.visits;
      return {
        ...base,
        visitors: now.visitors,
        visits: now.visits,
        pageviews: now.pageviews,
        bounceRate: now.visits ? Math.round((now.bounces / now.visits) * 1000) / 10 : 0,
        growth: before.visits ? Math.round(((now.visits - before.visits) / before.visits) * 1000) / 10 : null,
        feedbackReceived: now.fr,
        feedbackAnswered: now.fa,
        feedbackInTimeRate: now.fa ? now.fi / now.fa : null,
        feedbackOverdue: now.fo,
        uptime30d: up?.availability30d ?? null,
        uptimeStatus: up?.status ?? null,
      };
    };

    for (const p of locals.filter((l) => !only || only.portalIds.includes(l.id))) {
      const [now, before] = await Promise.all([this.dayFigures(p, from, to), this.dayFigures(p, prevFrom, prevTo)]);
      rows.push(row({ slug: p.slug, name: p.name, kind: p.kind, url: p.url, local: true, reportedThrough: null }, sum(now), sum(before)));
    }
    const remote = only ? [] : members.filter((m) => !m.local);
    if (remote.length) {
      const reports = await this.db
        .selectFrom('network_reports')
        .selectAll()
        .where('day', '>=', prevFrom)
        .where('day', '<=', to)
        .where(
          'member_url',
          'in',
          remote.map((m) => m.url),
        )
        .execute();
      for (const m of remote) {
        const mine = reports.filter((r) => r.member_url === m.url);
        const figures = (r: (typeof mine)[number]): DayFigures => ({
          day: r.day,
          visitors: num(r.visitors),
          visits: num(r.visits),
          pageviews: num(r.pageviews),
          bounces: num(r.bounces),
          feedbackReceived: num(r.feedback_received),
          feedbackAnswered: num(r.feedback_answered),
          feedbackInTime: num(r.feedback_in_time),
          feedbackOverdue: num(r.feedback_overdue),
        });
        const now = mine.filter((r) => r.day >= from).map(figures);
        const before = mine.filter((r) => r.day < from).map(figures);
        const last = await this.db
          .selectFrom('network_reports')
          .select((eb) => eb.fn.max('day').as('day'))
          .where('member_url', '=', m.url)
          .executeTakeFirst();
        rows.push(row({ slug: m.slug, name: m.name, kind: m.kind, url: m.url, local: false, reportedThrough: (last?.day as string | null) ?? null }, sum(now), sum(before)));
      }
    }
    rows.sort((a, b) => b.visits - a.visits || a.slug.localeCompare(b.slug));
    const t = rows.reduce(
      (a, r) => ({
        visitors: a.visitors + r.visitors,
        visits: a.visits + r.visits,
        pageviews: a.pageviews + r.pageviews,
        fr: a.fr + r.feedbackReceived,
        fa: a.fa + r.feedbackAnswered,
        fi: a.fi + Math.round((r.feedbackInTimeRate ?? 0) * r.feedbackAnswered),
        fo: a.fo + r.feedbackOverdue,
      }),
      { visitors: 0, visits: 0, pageviews: 0, fr: 0, fa: 0, fi: 0, fo: 0 },
    );
    return {
      from,
      to,
      totals: {
        portals: rows.length,
        visitors: t.visitors,
        visits: t.visits,
        pageviews: t.pageviews,
        growth: previousVisits ? Math.round(((t.visits - previousVisits) / previousVisits) * 1000) / 10 : null,
        feedbackReceived: t.fr,
        feedbackAnswered: t.fa,
        feedbackInTimeRate: t.fa ? Math.round((t.fi / t.fa) * 1000) / 1000 : null,
        feedbackOverdue: t.fo,
      },
      portals: rows,
    };
  }
}
