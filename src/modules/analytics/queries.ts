import { sql } from 'kysely';
import { ValidationError, type FieldError } from '../../lib/errors.ts';
import { addDays, bucketKey, daysBetween, HOUR_MS, isDay, MINUTE_MS, minuteOf, vnDay, vnDayStart } from './calendar.ts';
import { parseSourceKey } from './classify.ts';
import { type Engine, withoutParallelWorkers } from '../../store/index.ts';
import type { AnalyticsDB, AnalyticsExecutor } from './tables.ts';

// The dashboards' reads. Everything comes from the rollups, never from raw
// events: a month of a national portal is a few thousand daily rows.

export const INTERVALS = ['minute', 'hour', 'day', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A period of whole Vietnamese days, both ends included. */
export interface Range {
  from: string;
  to: string;
  interval: Interval;
}

export const MAX_RANGE_DAYS = 731;
const MAX_POINTS: Record<Interval, number> = { minute: 2 * 1440, hour: 31 * 24, day: MAX_RANGE_DAYS, month: 25 };

/** from/to/interval of a request, with defaults (the last 30 days); a 422 names each bad field. */
export function resolveRange(q: { from?: string; to?: string; interval?: string }, today: string): Range {
  const errors: FieldError[] = [];
  if (q.from !== undefined && q.from !== '' && !isDay(q.from)) errors.push({ path: '/query/from', message: 'must be a date YYYY-MM-DD' });
  if (q.to !== undefined && q.to !== '' && !isDay(q.to)) errors.push({ path: '/query/to', message: 'must be a date YYYY-MM-DD' });
  if (q.interval !== undefined && q.interval !== '' && !(INTERVALS as readonly string[]).includes(q.interval)) errors.push({ path: '/query/interval', message: `must be one of ${INTERVALS.join(', ')}` });
  if (errors.length) throw new ValidationError(errors);
  const to = q.to || (q.from && q.from > today ? q.from : today);
  const from = q.from || addDays(to, -29);
  if (from > to) throw new ValidationError([{ path: '/query/from', message: 'must not be after to' }]);
  const days = daysBetween(from, to) + 1;
  if (days > MAX_RANGE_DAYS) throw new ValidationError([{ path: '/query/from', message: `the period can be at most ${MAX_RANGE_DAYS} days` }]);
  const interval = (q.interval || (days <= 1 ? 'hour' : days <= 92 ? 'day' : 'month')) as Interval;
  const points = interval === 'minute' ? days * 1440 : interval === 'hour' ? days * 24 : interval === 'day' ? days : Math.ceil(days / 28);
  if (points > MAX_POINTS[interval]) throw new ValidationError([{ path: '/query/interval', message: `${interval} points over ${days} days are too many; choose a longer interval or a shorter period` }]);
  return { from, to, interval };
}

/** The period of the same length just before `range`. */
export function previousRange(range: Range): Range {
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1), interval: range.interval };
}

export interface Totals {
  visitors: number;
  visits: number;
  pageviews: number;
  /** visits of one page view, in percent of visits */
  bounceRate: number;
  viewsPerVisit: number;
  events: number;
}

export interface Point {
  /** start of the bucket, ISO 8601 UTC */
  t: string;
  visitors: number;
  visits: number;
  pageviews: number;
}

export interface DimensionRow {
  value: string;
  pageviews: number;
  visitors: number;
  visits: number;
  events: number;
}

export interface Stats extends Totals {
  portal: string;
  from: string;
  to: string;
  interval: Interval;
  series: Point[];
  topPages: Array<{ path: string; pageviews: number; visitors: number }>;
  sources: Array<{ source: string; kind: string; visitors: number; visits: number; pageviews: number }>;
  devices: Array<{ device: string; visitors: number; pageviews: number }>;
  browsers: Array<{ browser: string; visitors: number; pageviews: number }>;
  languages: Array<{ lang: string; visitors: number; pageviews: number }>;
  events: number;
  customEvents: Array<{ name: string; events: number; visitors: number }>;
  outbound: Array<{ url: string; events: number; visitors: number }>;
  downloads: Array<{ url: string; events: number; visitors: number }>;
  previous: Totals & { from: string; to: string };
  /** change against the previous period in percent; null when the previous period had none */
  change: { visitors: number | null; visits: number | null; pageviews: number | null; bounceRate: number | null; viewsPerVisit: number | null };
}

export const DIMENSIONS = ['page', 'source', 'device', 'browser', 'lang', 'event', 'outbound', 'download'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export function totalsOf(sums: { pageviews: number; visitors: number; visits: number; bounces: number; events: number }): Totals {
  const visits = sums.visits;
  const bounces = Math.min(Math.max(sums.bounces, 0), visits);
  return {
    visitors: sums.visitors,
    visits,
    pageviews: sums.pageviews,
    bounceRate: visits ? Math.round((bounces / visits) * 1000) / 10 : 0,
    viewsPerVisit: visits ? Math.round((sums.pageviews / visits) * 100) / 100 : 0,
    events: sums.events,
  };
}

const change = (now: number, before: number): number | null => (before ? Math.round(((now - before) / before) * 1000) / 10 : null);

export class AnalyticsQueries {
  constructor(
    private readonly db: AnalyticsDB,
    private readonly engine: Engine = 'sqlite',
  ) {}

  /**
   * Runs a dashboard's reads one after another on one connection. On PostgreSQL without
   * parallel workers: each read is an index range of at most some 100,000 rollup rows, for
   * which starting workers costs more than it saves, and one dashboard should not take
   * several of the pool's connections (and cores) from the site.
   */
  private async reader<T>(fn: (db: AnalyticsExecutor) => Promise<T>): Promise<T> {
    return withoutParallelWorkers(this.engine, this.db, fn);
  }

  /** Summed counters of a portal's days. */
  async totals(portalId: number, from: string, to: string, db: AnalyticsExecutor = this.db): Promise<Totals> {
    const row = await db
      .selectFrom('analytics_daily')
      .select((eb) => [eb.fn.sum('pageviews').as('pageviews'), eb.fn.sum('visitors').as('visitors'), eb.fn.sum('visits').as('visits'), eb.fn.sum('bounces').as('bounces'), eb.fn.sum('events').as('events')])
      .where('portal_id', '=', portalId)
      .where('dim', '=', 'total')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .executeTakeFirst();
    return totalsOf({ pageviews: n(row?.pageviews), visitors: n(row?.visitors), visits: n(row?.visits), bounces: n(row?.bounces), events: n(row?.events) });
  }

  /** A portal's counters day by day (days without traffic absent): what it reports to its network's directory. */
  async dailyTotals(portalId: number, from: string, to: string): Promise<{ day: string; visitors: number; visits: number; pageviews: number; bounces: number }[]> {
    const rows = await this.db
      .selectFrom('analytics_daily')
      .select((eb) => ['day', eb.fn.sum('visitors').as('visitors'), eb.fn.sum('visits').as('visits'), eb.fn.sum('pageviews').as('pageviews'), eb.fn.sum('bounces').as('bounces')])
      .where('portal_id', '=', portalId)
      .where('dim', '=', 'total')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('day')
      .execute();
    return rows.map((r) => ({ day: r.day, visitors: n(r.visitors), visits: n(r.visits), pageviews: n(r.pageviews), bounces: n(r.bounces) }));
  }

  /** Every portal's totals over the days (the network view): portal id → totals. */
  async totalsByPortal(from: string, to: string): Promise<Map<number, Totals>> {
    const rows = await this.db
      .selectFrom('analytics_daily')
      .select((eb) => ['portal_id', eb.fn.sum('pageviews').as('pageviews'), eb.fn.sum('visitors').as('visitors'), eb.fn.sum('visits').as('visits'), eb.fn.sum('bounces').as('bounces'), eb.fn.sum('events').as('events')])
      .where('dim', '=', 'total')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('portal_id')
      .execute();
    return new Map(rows.map((r) => [r.portal_id, totalsOf({ pageviews: n(r.pageviews), visitors: n(r.visitors), visits: n(r.visits), bounces: n(r.bounces), events: n(r.events) })]));
  }

  /** The leading values of one dimension over the days, by page views (by events for event dimensions). */
  async top(portalId: number, dim: Dimension, from: string, to: string, limit = 10, db: AnalyticsExecutor = this.db): Promise<DimensionRow[]> {
    const byEvents = dim === 'event' || dim === 'outbound' || dim === 'download';
    const order = byEvents ? sql`sum(events)` : dim === 'source' ? sql`sum(visitors)` : sql`sum(pageviews)`;
    const rows = await db
      .selectFrom('analytics_daily')
      .select((eb) => ['value', eb.fn.sum('pageviews').as('pageviews'), eb.fn.sum('visitors').as('visitors'), eb.fn.sum('visits').as('visits'), eb.fn.sum('events').as('events')])
      .where('portal_id', '=', portalId)
      .where('dim', '=', dim)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('value')
      .orderBy(order, 'desc')
      .orderBy('value')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ value: r.value, pageviews: n(r.pageviews), visitors: n(r.visitors), visits: n(r.visits), events: n(r.events) }));
  }

  /** Visitors, visits and page views per bucket, every bucket of the period present (zeros included). */
  async series(portalId: number, range: Range, db: AnalyticsExecutor = this.db): Promise<Point[]> {
    const start = vnDayStart(range.from);
    const end = vnDayStart(addDays(range.to, 1));
    const points = new Map<string, Point>();
    const put = (t: string, r: { pageviews: unknown; visitors: unknown; visits: unknown }) => {
      const p = points.get(t);
      if (p) {
        p.pageviews += n(r.pageviews);
        p.visitors += n(r.visitors);
        p.visits += n(r.visits);
      }
    };
    if (range.interval === 'minute' || range.interval === 'hour') {
      const step = range.interval === 'minute' ? MINUTE_MS : HOUR_MS;
      for (let t = start; t < end; t += step) points.set(bucketKey(t), { t: bucketKey(t), visitors: 0, visits: 0, pageviews: 0 });
      const rows =
        range.interval === 'minute'
          ? await db
              .selectFrom('analytics_minute')
              .select(['bucket', 'pageviews', 'visitors', 'visits'])
              .where('portal_id', '=', portalId)
              .where('dim', '=', 'total')
              .where('bucket', '>=', bucketKey(start))
              .where('bucket', '<', bucketKey(end))
              .execute()
          : await db
              .selectFrom('analytics_hourly')
              .select(['bucket', 'pageviews', 'visitors', 'visits'])
              .where('portal_id', '=', portalId)
              .where('dim', '=', 'total')
              .where('bucket', '>=', bucketKey(start))
              .where('bucket', '<', bucketKey(end))
              .execute();
      for (const r of rows) put(r.bucket, r);
      return [...points.values()];
    }
    const keyOf = (day: string) => (range.interval === 'month' ? `${day.slice(0, 7)}-01` : day);
    for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
      const k = bucketKey(vnDayStart(keyOf(day)));
      if (!points.has(k)) points.set(k, { t: k, visitors: 0, visits: 0, pageviews: 0 });
    }
    const rows = await db.selectFrom('analytics_daily').select(['day', 'pageviews', 'visitors', 'visits']).where('portal_id', '=', portalId).where('dim', '=', 'total').where('day', '>=', range.from).where('day', '<=', range.to).execute();
    for (const r of rows) put(bucketKey(vnDayStart(keyOf(r.day))), r);
    return [...points.values()];
  }

  /** The dashboard of one portal over a period, with the previous period for comparison. */
  async stats(portal: { id: number; slug: string }, range: Range, limit = 10): Promise<Stats> {
    const prev = previousRange(range);
    const { totals, previous, series, pages, sources, devices, browsers, languages, events, outbound, downloads } = await this.reader(async (db) => ({
      totals: await this.totals(portal.id, range.from, range.to, db),
      previous: await this.totals(portal.id, prev.from, prev.to, db),
      series: await this.series(portal.id, range, db),
      pages: await this.top(portal.id, 'page', range.from, range.to, limit, db),
      sources: await this.top(portal.id, 'source', range.from, range.to, limit, db),
      devices: await this.top(portal.id, 'device', range.from, range.to, limit, db),
      browsers: await this.top(portal.id, 'browser', range.from, range.to, limit, db),
      languages: await this.top(portal.id, 'lang', range.from, range.to, limit, db),
      events: await this.top(portal.id, 'event', range.from, range.to, limit, db),
      outbound: await this.top(portal.id, 'outbound', range.from, range.to, limit, db),
      downloads: await this.top(portal.id, 'download', range.from, range.to, limit, db),
    }));
    return {
      portal: portal.slug,
      from: range.from,
      to: range.to,
      interval: range.interval,
      ...totals,
      series,
      topPages: pages.map((r) => ({ path: r.value, pageviews: r.pageviews, visitors: r.visitors })),
      sources: sources.map((r) => {
        const s = parseSourceKey(r.value);
        return { source: s.kind === 'direct' ? 'direct' : s.name, kind: s.kind, visitors: r.visitors, visits: r.visits, pageviews: r.pageviews };
      }),
      devices: devices.map((r) => ({ device: r.value, visitors: r.visitors, pageviews: r.pageviews })),
      browsers: browsers.map((r) => ({ browser: r.value, visitors: r.visitors, pageviews: r.pageviews })),
      languages: languages.map((r) => ({ lang: r.value, visitors: r.visitors, pageviews: r.pageviews })),
      customEvents: events.map((r) => ({ name: r.value, events: r.events, visitors: r.visitors })),
      outbound: outbound.map((r) => ({ url: r.value, events: r.events, visitors: r.visitors })),
      downloads: downloads.map((r) => ({ url: r.value, events: r.events, visitors: r.visitors })),
      previous: { ...previous, from: prev.from, to: prev.to },
      change: {
        visitors: change(totals.visitors, previous.visitors),
        visits: change(totals.visits, previous.visits),
        pageviews: change(totals.pageviews, previous.pageviews),
        bounceRate: change(totals.bounceRate, previous.bounceRate),
        viewsPerVisit: change(totals.viewsPerVisit, previous.viewsPerVisit),
      },
    };
  }

  /** Visitors with a page view in the last `minutes` minutes, and the minutes' page views. */
  async realtime(portalId: number, now: number, minutes = 5): Promise<{ visitors: number; pageviews: number; series: Point[] }> {
    const since = now - minutes * MINUTE_MS;
    const [visitors, recent] = await Promise.all([
      this.db
        .selectFrom('analytics_visitors')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('portal_id', '=', portalId)
        // yesterday's states go at midnight; until then, today's only
        .where('day', '>=', vnDay(since))
        .where('last_view', '>=', since)
        .executeTakeFirst(),
      this.db
        .selectFrom('analytics_minute')
        .select(['bucket', 'pageviews', 'visitors', 'visits'])
        .where('portal_id', '=', portalId)
        .where('dim', '=', 'total')
        .where('bucket', '>=', bucketKey(minuteOf(now) - 29 * MINUTE_MS))
        .orderBy('bucket')
        .execute(),
    ]);
    const series: Point[] = [];
    const byBucket = new Map(recent.map((r) => [r.bucket, r]));
    let pageviews = 0;
    for (let t = minuteOf(now) - 29 * MINUTE_MS; t <= minuteOf(now); t += MINUTE_MS) {
      const r = byBucket.get(bucketKey(t));
      const p = { t: bucketKey(t), visitors: n(r?.visitors), visits: n(r?.visits), pageviews: n(r?.pageviews) };
      series.push(p);
      if (t > minuteOf(now) - minutes * MINUTE_MS) pageviews += p.pageviews;
    }
    return { visitors: n(visitors?.n), pageviews, series };
  }
}
