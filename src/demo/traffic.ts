import { sql } from 'kysely';
import type { Store } from '../store/index.ts';
import type { Portal } from '../modules/portals/index.ts';
import { seededRandom, splitByWeight } from '../lib/random.ts';

// Sample readership for the demo network, so the analytics dashboards and the
// network view have something to show on a fresh `npm start`. It is written
// straight into the daily and hourly rollups (as the benchmark's generator
// does), never into the raw events: the numbers are made up and say so in the
// README. The shape is a plausible one — more readers on weekdays and in
// office hours, most on phones, arriving mostly directly, from Google and
// Cốc Cốc, from Facebook and Zalo — and the same on every run (seeded).

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3600_000;

const seeded = seededRandom;
const split = splitByWeight;

const SOURCES: Array<[string, number]> = [
  ['direct', 34],
  ['search:google', 26],
  ['search:coccoc', 8],
  ['social:facebook', 14],
  ['social:zalo', 9],
  ['social:youtube', 2],
  ['network', 4],
  ['campaign:bao-chi', 3],
];
const DEVICES: Array<[string, number]> = [
  ['mobile', 66],
  ['desktop', 29],
  ['tablet', 5],
];
const BROWSERS: Array<[string, number]> = [
  ['Chrome', 44],
  ['Safari', 22],
  ['Cốc Cốc', 14],
  ['Zalo', 9],
  ['Facebook', 7],
  ['Firefox', 2],
  ['Microsoft Edge', 2],
];
/** Share of the day's readers by hour, Hà Nội time: a morning peak, lunch, an evening one. */
const HOURS = [1, 0.6, 0.4, 0.3, 0.4, 1, 2.5, 4.5, 6.5, 7, 6.5, 6, 5, 5.5, 6, 6, 5.5, 5, 5, 5.5, 6, 5, 3.5, 2];

const KIND_SCALE: Record<string, number> = { central: 1, ministry: 0.35, province: 0.25, agency: 0.15, commune: 0.05 };

export interface TrafficOptions {
  /** how many days back from `today` (a YYYY-MM-DD day in Hà Nội), today included */
  days: number;
  /** daily visitors of the central portal on a weekday; the others scale by kind */
  centralVisitors?: number;
}

/** Writes sample rollups for each portal over the days; returns the page views written. */
export async function writeDemoTraffic(store: Store, portals: Array<{ portal: Portal; paths: string[] }>, today: string, opts: TrafficOptions): Promise<number> {
  const base = opts.centralVisitors ?? 12_000;
  let total = 0;
  const daily: unknown[][] = [];
  const hourly: unknown[][] = [];
  for (const [index, { portal, paths }] of portals.entries()) {
    const rand = seeded(1000 + index * 7919);
    const scale = (KIND_SCALE[portal.kind] ?? 0.1) * (0.8 + rand() * 0.4);
    const pages = ['/', ...paths].slice(0, 40);
    // readers sent from another portal of the network: the central portal for the others, a province for it
    const neighbour = portals.find((p) => p.portal.kind === (portal.kind === 'central' ? 'province' : 'central'))?.portal.slug ?? 'chinhphu';
    const sources = SOURCES.map(([s, w]) => [s === 'network' ? `network:${neighbour}` : s, w] as [string, number]);
    const pageWeights = pages.map((_, i) => (i === 0 ? 30 : 12 / (i + 1)));
    const langs: Array<[string, number]> = [['vi', 92], ...(portal.languages.includes('en') ? [['en', 6] as [string, number]] : []), ...(portal.languages.includes('zh') ? [['zh', 2] as [string, number]] : [])];
    for (let back = opts.days - 1; back >= 0; back--) {
      const dayMs = Date.parse(`${today}T00:00:00Z`) - back * DAY_MS;
      const day = new Date(dayMs).toISOString().slice(0, 10);
      const weekday = new Date(dayMs).getUTCDay();
      const weekFactor = weekday === 0 || weekday === 6 ? 0.55 : 1;
      // a slow rise over the month, and a busy day now and then (a major directive)
      const trend = 1 + (opts.days - back) * 0.004 + (rand() < 0.06 ? 0.8 : 0);
      // today is still going: only the hours that have passed, roughly
      const todayShare = back === 0 ? 0.5 : 1;
      const visitors = Math.max(1, Math.round(base * scale * weekFactor * trend * (0.9 + rand() * 0.2) * todayShare));
      const visits = Math.round(visitors * (1.15 + rand() * 0.1));
      const pageviews = Math.round(visits * (1.9 + rand() * 0.6));
      const bounces = Math.round(visits * (0.42 + rand() * 0.1));
      total += pageviews;
      const row = (dim: string, value: string, pv: number, vis: number, vt: number, b = 0) => daily.push([portal.id, dim, day, value, pv, vis, vt, b, 0]);
      row('total', '', pageviews, visitors, visits, bounces);
      const byPage = split(pageviews, pageWeights);
      pages.forEach((p, i) => byPage[i] && row('page', p, byPage[i], Math.max(1, Math.round(byPage[i] / 1.6)), 0));
      const sourceVisits = split(
        visits,
        sources.map((s) => s[1]),
      );
      const sourceViews = split(
        pageviews,
        sources.map((s) => s[1]),
      );
      sources.forEach(([s], i) => sourceVisits[i] && row('source', s, sourceViews[i], Math.round(sourceVisits[i] / 1.15), sourceVisits[i]));
      for (const [dim, table] of [
        ['device', DEVICES],
        ['browser', BROWSERS],
        ['lang', langs],
      ] as const) {
        const v = split(
          visitors,
          table.map((x) => x[1]),
        );
        const pv = split(
          pageviews,
          table.map((x) => x[1]),
        );
        const vt = split(
          visits,
          table.map((x) => x[1]),
        );
        table.forEach(([value], i) => v[i] && row(dim, value, pv[i], v[i], vt[i]));
      }
      // the day's totals spread over its hours (buckets are UTC instants of the Hà Nội hours)
      const hoursToday = back === 0 ? 12 : 24;
      const weights = HOURS.slice(0, hoursToday);
      const hv = split(pageviews, weights);
      const hu = split(visitors, weights);
      const ht = split(visits, weights);
      const hb = split(bounces, weights);
      for (let h = 0; h < hoursToday; h++) {
        const bucket = new Date(dayMs - VN_OFFSET_MS + h * 3600_000).toISOString();
        hourly.push([portal.id, 'total', bucket, '', hv[h], hu[h], ht[h], hb[h], 0]);
      }
    }
  }
  const insert = async (table: string, key: string, rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const values = sql.join(chunk.map((r) => sql`(${sql.join(r)})`));
      await sql`insert into ${sql.table(table)} (portal_id, dim, ${sql.ref(key)}, value, pageviews, visitors, visits, bounces, events) values ${values}
        on conflict (portal_id, dim, ${sql.ref(key)}, value) do nothing`.execute(store.db);
    }
  };
  await insert('analytics_daily', 'day', daily);
  await insert('analytics_hourly', 'bucket', hourly);
  return total;
}
