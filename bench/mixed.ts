// `npm run bench:mixed` — mixed traffic across every demo portal at a fixed rate.
//
// The public issue's load: 80% pages (homes, sections, articles, in every
// portal and language), 15% API (lists, items, search), 5% feeds, sent at
// --rate requests/s (5,000 by default) for --duration seconds (60) with wrk
// where it is installed (bench/wrk.ts; autocannon otherwise, or with
// --autocannon), against one `lantoa serve` process (page cache on, as in
// production). It reports errors, latency percentiles, the rate achieved and
// the server's resident memory over the run (sampled each second: "flat"
// means the last sample is within 10% of the first, after a warm-up that
// lets the heap settle). The same request list at the same rate against raw
// node:http serving one fixed page is the baseline measured in the same run.
//
//   npm run bench:mixed -- [--items N] [--rate R] [--duration S] [--warmup S] [--connections C] [--pg] [--data-dir DIR] [--keep] [--autocannon]

import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { cleanup, get, log, prepareStore, rawServer, replayableHeaders, rssMiB, serve, wholeNumber } from './harness.ts';
import { runWrk, wrkAvailable } from './wrk.ts';

interface AcRequest {
  method: 'GET';
  path: string;
  headers: Record<string, string>;
}
interface AcResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; overallRate?: number; requests: AcRequest[] }) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    autocannon: { type: 'boolean', default: false },
    connections: { type: 'string', default: '100' },
    articles: { type: 'string', default: '400' },
    pg: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`npm run bench:mixed -- [options]
  --items N        generated published items besides the demo network (default 100000)
  --rate R         requests per second, all connections together (default 5000)
  --duration S     seconds of measured load (default 60)
  --warmup S       seconds of load before measuring (default 15)
  --connections C  concurrent connections (default 100)
  --articles N     newest articles of each portal in the mix (default 400)
  --pg             PostgreSQL: a fresh schema in BENCH_PG_URL
  --data-dir DIR   use (and keep) this SQLite DATA_DIR
  --keep           keep the temp DATA_DIR / schema
  --autocannon     load with autocannon even where wrk is installed
`);
  process.exit(0);
}
const num = wholeNumber;
const ITEMS = num('items', args.items);
const RATE = Math.max(1, num('rate', args.rate));
const DURATION = Math.max(1, num('duration', args.duration));
const WARMUP = num('warmup', args.warmup);
const CONNECTIONS = Math.max(1, num('connections', args.connections));
const ARTICLES = Math.max(1, num('articles', args.articles));

/**
 * Requests in the issue's proportions, spread over every portal: each portal's homes and
 * sections, and its ARTICLES newest articles (a long tail: most are read rarely, so the page
 * cache holds thousands of pages, as it would in production); the load generator cycles
 * through them.
 */
async function requestMix(store: Awaited<ReturnType<typeof prepareStore>>): Promise<AcRequest[]> {
  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  const services = await createServices(loadConfig({ DATA_DIR: store.dataDir, LOG_LEVEL: 'warn', ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}) }), { skipMigrate: true });
  try {
    const portals = await services.portals.list();
    const pages: AcRequest[] = [];
    const api: AcRequest[] = [];
    const feeds: AcRequest[] = [];
    const words = ['chính phủ', 'dau tu cong', 'Nghị định', 'kinh tế', 'giáo dục'];
    for (const [i, p] of portals.entries()) {
      const host = new URL(p.url).host.replace(/:\d+$/, '');
      const h = { host };
      const items = await services.content.listPublished(p, { lang: 'vi' }, { limit: ARTICLES });
      const sections = (await services.portals.sections(p.id)).slice(0, 3);
      pages.push({ method: 'GET', path: '/', headers: h });
      if (p.languages.includes('en')) pages.push({ method: 'GET', path: '/en/', headers: h });
      for (const s of sections) pages.push({ method: 'GET', path: `/${s.slug}`, headers: h });
      for (const it of items) pages.push({ method: 'GET', path: new URL(it.url).pathname, headers: h });
      api.push({ method: 'GET', path: `/api/v1/portals/${p.slug}/articles?limit=10`, headers: h });
      for (const it of items.slice(0, 2)) api.push({ method: 'GET', path: `/api/v1/articles/${it.id}`, headers: h });
      api.push({ method: 'GET', path: `/api/v1/search?q=${encodeURIComponent(words[i % words.length])}&portal=${p.slug}`, headers: h });
      feeds.push({ method: 'GET', path: '/feed.xml', headers: h }, { method: 'GET', path: '/atom.xml', headers: h });
    }
    // homes and sections are read far more than any one article: they take half the page views
    const isFront = (r: AcRequest) => r.path === '/' || r.path === '/en/' || !r.path.slice(1).includes('/');
    const front = pages.filter(isFront);
    const articles = pages.filter((r) => !isFront(r));
    const pick = (list: AcRequest[], n: number) => Array.from({ length: n }, (_, i) => list[i % list.length]);
    const blocks = Math.max(1, Math.ceil(articles.length / 40));
    // in blocks of 100 in the issue's proportions, so every stretch of the cycle has the same mix
    const frontAll = pick(front, 40 * blocks);
    const articleAll = pick(articles, 40 * blocks);
    const apiAll = pick(api, 15 * blocks);
    const feedAll = pick(feeds, 5 * blocks);
    const out: AcRequest[] = [];
    for (let b = 0; b < blocks; b++) out.push(...frontAll.slice(b * 40, b * 40 + 40), ...articleAll.slice(b * 40, b * 40 + 40), ...apiAll.slice(b * 15, b * 15 + 15), ...feedAll.slice(b * 5, b * 5 + 5));
    return out;
  } finally {
    await services.store.close();
  }
}

interface Outcome {
  result: Measured;
  rss: number[];
}

/** What both load generators report, in ms. */
interface Measured {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  bad: number;
}

const useWrk = !args.autocannon && wrkAvailable();

async function measure(port: number, requests: AcRequest[], duration: number): Promise<Measured> {
  if (useWrk) {
    // every answer but a 200 is bad; no closing quiet part (nothing is counted by the server)
    const r = await runWrk({ url: `http://127.0.0.1:${port}`, requests, connections: CONNECTIONS, durationMs: duration * 1000, rate: RATE, quietMs: 0, countStatus: 200, shedStatus: 0, idleStatus: 0, addresses: requests.length });
    return { rps: r.rps, p50: r.p50, p90: r.p90, p99: r.p99, max: r.max, bad: r.other + r.shed + r.errors };
  }
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, overallRate: RATE, requests });
  return { rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, bad: r.errors + r.timeouts + r.non2xx };
}

async function load(port: number, requests: AcRequest[], pid: number | undefined, duration: number): Promise<Outcome> {
  const rss: number[] = [];
  const timer = pid ? setInterval(() => rss.push(rssMiB(pid)), 1000) : undefined;
  try {
    const result = await measure(port, requests, duration);
    return { result, rss };
  } finally {
    if (timer) clearInterval(timer);
  }
}

async function main() {
  const store = await prepareStore({ items: ITEMS, pg: args.pg, dataDir: args['data-dir'], keep: args.keep, label: 'mixed' });
  const requests = await requestMix(store);
  const server = await serve(store.env);
  // every request of the mix must answer 200 before the load counts anything
  for (const r of new Set(requests)) {
    const res = await get(server.port, r.headers.host, r.path);
    if (res.status !== 200) throw new Error(`${r.headers.host}${r.path} answered ${res.status}`);
  }
  const sample = await get(server.port, requests[0].headers.host, requests[0].path);
  const rawPort = await rawServer(sample.body, replayableHeaders(sample.headers));

  log(
    `store: ${store.total} published items; ${new Set(requests.map((r) => r.headers.host)).size} portals; ${new Set(requests.map((r) => `${r.headers.host}${r.path}`)).size} distinct requests; ${RATE} req/s for ${DURATION} s over ${CONNECTIONS} connections`,
  );
  const raw = await load(rawPort, requests, undefined, Math.min(DURATION, 20));
  if (WARMUP) await load(server.port, requests, undefined, WARMUP);
  const lantoa = await load(server.port, requests, server.child.pid, DURATION);

  const r = lantoa.result;
  const bad = r.bad;
  const rss = lantoa.rss.filter((x) => Number.isFinite(x));
  const first = rss[0] ?? NaN;
  const last = rss[rss.length - 1] ?? NaN;
  const flat = Math.abs(last - first) <= first * 0.1;
  const ms = (n: number) => n.toFixed(1).padStart(7);
  const line = (name: string, x: Measured) => `${name.padEnd(34)} ${x.rps.toFixed(0).padStart(7)} ${ms(x.p50)} ${ms(x.p90)} ${ms(x.p99)} ${ms(x.max)} ${String(x.bad).padStart(7)}`;
  process.stdout.write(
    [
      '',
      `bench:mixed — ${store.databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${store.total} published items, node ${process.version}, ${os.cpus().length} cores; 80% pages, 15% API, 5% feeds; ${useWrk ? 'wrk' : 'autocannon'}, ${CONNECTIONS} connections`,
      `${'run'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'bad'.padStart(7)}   (ms)`,
      line(`raw node:http, same rate`, raw.result),
      line(`lantoa serve, ${DURATION} s`, r),
      '',
      `rate achieved: ${(r.rps / RATE).toFixed(2)}× of ${RATE}/s (target 1.00×); p99 ${r.p99.toFixed(1)} ms (target < 50 ms; raw ${raw.result.p99.toFixed(1)} ms, ${(r.p99 / Math.max(0.1, raw.result.p99)).toFixed(1)}× raw); errors ${bad} (target 0)`,
      `server memory (RSS, MiB): first ${first.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, last ${last.toFixed(0)} — ${flat ? 'flat' : 'NOT flat'} (within 10%); every 10 s: ${rss
        .filter((_, i) => i % 10 === 0)
        .map((x) => x.toFixed(0))
        .join(' ')}`,
      '',
    ].join('\n'),
  );
}

main()
  .catch((err) => {
    log(`bench:mixed failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
