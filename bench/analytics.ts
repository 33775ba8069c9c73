// `npm run bench:analytics` — the analytics at national scale, in one run:
//
//   ingestion  POST /api/event beacons (varied pages, referrers and addresses) against
//              `lantoa serve` on one process, with wrk where it is installed (apt-get install
//              wrk; see bench/wrk.ts for why), autocannon otherwise (--autocannon forces it):
//                raw       a bare node:http server answering 202 to the same POSTs (baseline)
//                lantoa    the beacon endpoint at full speed          target ≥ 20,000 events/s
//                          (raw and lantoa alternate and are averaged)
//                fixed     the beacon endpoint at a fixed rate (--rate) target p99 < 20 ms
//              then a graceful stop, and the rollups must hold exactly as many page views
//              as there were 202 answers (and as many raw events).
//   dashboard  on PostgreSQL: rollups of --events generated events (100,000,000 by default)
//              over 30 days and --portals portals written straight into the rollup tables;
//              the 30-day dashboard (every table of /stats) of the busiest portal.
//                                                                     target < 200 ms
//
// Servers run as child processes so the load generator has an event loop of its own.
//
//   npm run bench:analytics -- [--duration S] [--warmup S] [--connections C] [--rate R]
//                              [--pg] [--events N] [--portals P] [--pages N]
//                              [--skip-ingest] [--skip-dashboard]
//
// Every option can also come from the environment: BENCH_DURATION, BENCH_EVENTS, … (upper case).
// PostgreSQL: a fresh schema in BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), dropped after.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cleanup, cleanups, cli, freePort, log, spawnChild, stopChild } from './harness.ts';
import { runWrk, wrkAvailable, type WrkRequest } from './wrk.ts';
import { seededRandom, splitByWeight } from '../src/lib/random.ts';

interface AcResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; p97_5: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
}
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: AcRequest) => AcRequest };
type Autocannon = (opts: Record<string, unknown>) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const env = (k: string) => process.env[`BENCH_${k.toUpperCase().replace(/-/g, '_')}`];

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: env('duration') ?? '10' },
    warmup: { type: 'string', default: env('warmup') ?? '2' },
    connections: { type: 'string', default: env('connections') ?? '100' },
    rate: { type: 'string', default: env('rate') ?? '20000' },
    pg: { type: 'boolean', default: env('pg') === '1' },
    events: { type: 'string', default: env('events') ?? '100000000' },
    portals: { type: 'string', default: env('portals') ?? '20' },
    pages: { type: 'string', default: env('pages') ?? '5000' },
    'skip-ingest': { type: 'boolean', default: env('skip_ingest') === '1' },
    'skip-dashboard': { type: 'boolean', default: env('skip_dashboard') === '1' },
    keep: { type: 'boolean', default: env('keep') === '1' },
    autocannon: { type: 'boolean', default: env('autocannon') === '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`npm run bench:analytics -- [options]
  --duration S        seconds per measured ingestion run (default 10)
  --warmup S          seconds of warm-up before each run (default 2)
  --connections C     concurrent connections (default 100)
  --rate R            events per second of the fixed-rate run (default 20000)
  --pg                ingestion on PostgreSQL too (default: SQLite, the embedded store)
  --events N          events the dashboard's rollups stand for (default 100000000)
  --portals P         portals sharing them (default 20)
  --pages N           distinct pages of the busiest portal (default 5000)
  --skip-ingest       only the dashboard
  --skip-dashboard    only the ingestion
  --keep              keep the PostgreSQL schemas (their names are printed) to look into them
  --autocannon        load with autocannon even where wrk is installed
Options also read BENCH_<OPTION> from the environment.
`);
  process.exit(0);
}
const num = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`bench: --${name} must be a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const DURATION = Math.max(1, num('duration', args.duration));
const WARMUP = num('warmup', args.warmup);
const CONNECTIONS = Math.max(1, num('connections', args.connections));
const RATE = Math.max(1, num('rate', args.rate));
const EVENTS = Math.max(1, num('events', args.events));
const PORTALS = Math.max(1, num('portals', args.portals));
const PAGES = Math.max(10, num('pages', args.pages));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const stop = stopChild;

async function waitForPort(port: number, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const random = seededRandom;

// ---------------------------------------------------------------- ingestion

interface Run {
  rps: number;
  /** answered 202 per second: taken in (the rest was shed) */
  accepted: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

const UAS = [
  'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12100709 ZaloTheme/light ZaloLanguage/vi',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/124.0.0 Chrome/118.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
];
const REFERRERS = [null, null, null, 'https://www.google.com.vn/', 'https://www.google.com/', 'https://l.facebook.com/', 'https://coccoc.com/search', 'https://chat.zalo.me/', 'https://vnexpress.net/thoi-su', 'https://www.youtube.com/'];

function beaconBodies(portalHost: string): string[] {
  const rnd = random(42);
  const bodies: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const lang = rnd() < 0.1 ? '/en' : rnd() < 0.03 ? '/zh' : '';
    const page = `${lang}/tin-tuc/bai-${Math.floor(1 / (rnd() + 0.001))}-${Math.floor(rnd() * 300)}`;
    bodies.push(JSON.stringify({ n: 'pageview', u: `http://${portalHost}${page}${rnd() < 0.02 ? '?utm_source=zalo&utm_campaign=ban-tin' : ''}`, r: REFERRERS[Math.floor(rnd() * REFERRERS.length)], w: rnd() < 0.6 ? 390 : 1440 }));
  }
  return bodies;
}

function beaconRequests(portalHost: string) {
  const bodies = beaconBodies(portalHost);
  // a realistic mix: most addresses come back a few times in the run (visits of several pages)
  const ips = Array.from({ length: 50_000 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
  let n = 0;
  const request: AcRequest = {
    method: 'POST',
    path: '/api/event',
    setupRequest: (req) => {
      n++;
      return { ...req, headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UAS[n % UAS.length], 'x-forwarded-for': ips[(n * 7919) % ips.length] }, body: bodies[n % bodies.length] };
    },
  };
  return [request];
}

/**
 * One measured run, after a warm-up. Runs are counted in requests, not seconds, so that
 * autocannon waits for every answer: the exact-count check needs every 202 it was sent.
 */
async function load(port: number, opts: { rate?: number; raw?: boolean } = {}): Promise<Run> {
  return useWrk ? loadWithWrk(port, opts) : loadWithAutocannon(port, opts);
}

const useWrk = !args.autocannon && wrkAvailable();

/**
 * One measured run with wrk, after a warm-up. The script sends only `GET /healthz` in the
 * last half second of each run, so every beacon the server took was answered and counted
 * here (the raw server answers 204 to a GET, which is not counted either).
 */
async function loadWithWrk(port: number, opts: { rate?: number; raw?: boolean }): Promise<Run> {
  const bodies = beaconBodies(`bench.localhost:${port}`);
  const requests: WrkRequest[] = bodies.map((body, i) => ({ method: 'POST', path: '/api/event', headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': UAS[i % UAS.length] }, body }));
  const run = (durationMs: number) => runWrk({ url: `http://127.0.0.1:${port}`, requests, connections: CONNECTIONS, durationMs, rate: opts.rate, idleStatus: opts.raw ? 204 : 200 });
  const warm = WARMUP ? await run(WARMUP * 1000 + 500) : undefined;
  const r = await run(DURATION * 1000 + 500);
  return {
    rps: r.rps,
    accepted: r.countedRps,
    p50: r.p50,
    p99: r.p99,
    ok: (warm?.counted ?? 0) + r.counted,
    non2xx: (warm?.shed ?? 0) + (warm?.other ?? 0) + r.shed + r.other,
    errors: (warm?.errors ?? 0) + r.errors,
  };
}

async function loadWithAutocannon(port: number, opts: { rate?: number } = {}): Promise<Run> {
  const base = { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, requests: beaconRequests(`bench.localhost:${port}`), ...(opts.rate ? { overallRate: opts.rate } : {}) };
  const timed = async (amount: number) => {
    const s = performance.now();
    const r = await autocannon({ ...base, amount });
    return { r, seconds: (performance.now() - s) / 1000 };
  };
  const warm = await timed(Math.max(CONNECTIONS * 20, WARMUP * (opts.rate ?? 2000)));
  const perSecond = opts.rate ?? warm.r['2xx'] / warm.seconds;
  const { r, seconds } = await timed(Math.max(5000, Math.round(perSecond * DURATION)));
  return {
    rps: (r['2xx'] + r.non2xx) / seconds,
    accepted: r['2xx'] / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // the warm-up's answers count too: every 202 must end up in the rollups
    ok: warm.r['2xx'] + r['2xx'],
    non2xx: warm.r.non2xx + r.non2xx,
    errors: warm.r.errors + warm.r.timeouts + r.errors + r.timeouts,
  };
}

/** Waits until the server has written every beacon it took (its /metrics buffer gauge reads 0). */
async function drained(port: number, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const m = /^lantoa_analytics_buffered_events(?:\{[^}]*\})? (\d+)/m.exec(text);
    if (!m) throw new Error('no lantoa_analytics_buffered_events on /metrics');
    if (Number(m[1]) === 0) return;
    if (Date.now() > until) throw new Error(`${m[1]} beacons still buffered after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ingestion(): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-analytics-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (args.pg) databaseUrl = await freshSchema();
  const port = await freePort();
  const childEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'warn',
    LANTOA_DEMO: '0',
    TRUST_PROXY: '127.0.0.1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
  };

  // one portal, made through the services like any other
  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  {
    const services = await createServices(loadConfig(childEnv), {});
    await services.portals.create({
      slug: 'bench',
      kind: 'ministry',
      names: { vi: 'Cổng thử tải' },
      languages: ['vi', 'en', 'zh'],
      contact: { unit: 'Văn phòng', responsible: 'Chánh Văn phòng', address: 'Hà Nội', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' },
    });
    await services.store.close();
  }

  const rawPort = await freePort();
  // 202 to a POST like the beacon endpoint; 204 to wrk's closing GETs, which are not counted
  const raw = spawnChild(['-e', `require('http').createServer((q,s)=>{q.on('data',()=>{});q.on('end',()=>{s.writeHead(q.method==='POST'?202:204,{'cache-control':'no-store'});s.end()})}).listen(${rawPort},'127.0.0.1')`], process.env);
  const server = spawnChild([cli, 'serve'], childEnv);
  await Promise.all([waitForPort(rawPort), waitForPort(port)]);
  log(`ingestion: raw node:http on ${rawPort}, lantoa serve (${databaseUrl ? 'PostgreSQL' : 'SQLite'}) on ${port}`);

  // raw and lantoa take turns (raw, lantoa, raw, lantoa): on a shared machine the load drifts
  const rawRuns: Run[] = [];
  const lantoaRuns: Run[] = [];
  for (let round = 0; round < 2; round++) {
    rawRuns.push(await load(rawPort, { raw: true }));
    lantoaRuns.push(await drained(port).then(() => load(port)));
  }
  // a full-speed run leaves a backlog in the buffer: each measured run starts with it written
  const fixed = await drained(port).then(() => load(port, { rate: RATE }));
  // and at half of what this machine sustained: the latency of a server that is not saturated
  const halfRate = Math.max(100, Math.round(lantoaRuns.reduce((n, r) => n + r.rps, 0) / lantoaRuns.length / 2));
  const half = await drained(port).then(() => load(port, { rate: halfRate }));
  await stop(raw);

  // a graceful stop writes whatever is buffered; then every 202 must be a page view in the rollups
  const exit = await stop(server);
  const accepted = [...lantoaRuns, fixed, half].reduce((n, r) => n + r.ok, 0);
  const refused = [...lantoaRuns, fixed, half].reduce((n, r) => n + r.non2xx, 0);
  const { openStore } = await import('../src/store/index.ts');
  const store = await openStore({ databaseUrl, dataDir });
  const db = store.db;
  const rolled = Number(
    (
      await db
        .selectFrom('analytics_daily')
        .select((eb) => eb.fn.sum('pageviews').as('n'))
        .where('dim', '=', 'total')
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const rawEvents = Number(
    (
      await db
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const visitors = Number(
    (
      await db
        .selectFrom('analytics_daily')
        .select((eb) => eb.fn.sum('visitors').as('n'))
        .where('dim', '=', 'total')
        .executeTakeFirst()
    )?.n ?? 0,
  );
  await store.close();

  const mean = (runs: Run[]): Run => ({
    rps: runs.reduce((n, r) => n + r.rps, 0) / runs.length,
    accepted: runs.reduce((n, r) => n + r.accepted, 0) / runs.length,
    p50: runs.reduce((n, r) => n + r.p50, 0) / runs.length,
    p99: Math.max(...runs.map((r) => r.p99)),
    ok: runs.reduce((n, r) => n + r.ok, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  });
  const rawRun = mean(rawRuns);
  const lantoaRun = mean(lantoaRuns);
  const row = (name: string, r: Run, note = '') =>
    `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} ${r.accepted.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}  ${note}${r.non2xx ? `  (${r.non2xx} answered 503: shed)` : ''}${r.errors ? `  !! ${r.errors} errors/timeouts` : ''}`;
  const exact = rolled === accepted && rawEvents === accepted;
  return [
    `ingestion — ${databaseUrl ? 'PostgreSQL' : 'SQLite'}, one process, ${useWrk ? 'wrk' : 'autocannon'}, ${CONNECTIONS} connections, ${DURATION} s runs`,
    `${'run'.padEnd(44)} ${'req/s'.padStart(8)} ${'taken/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  ratio to raw`,
    row(`raw node:http, 202 (mean of ${rawRuns.length})`, rawRun),
    ...rawRuns.map((r, i) => row(`  raw run ${i + 1}`, r)),
    ...lantoaRuns.map((r, i) => row(`  POST /api/event run ${i + 1}`, r)),
    row(`POST /api/event, full speed (mean of ${lantoaRuns.length})`, lantoaRun, `${(lantoaRun.rps / rawRun.rps).toFixed(2)}×  (target ≥ 20,000 accepted/s: ${lantoaRun.accepted >= 20_000 ? 'met' : 'NOT met'})`),
    row(`POST /api/event, fixed ${RATE}/s`, fixed, `p99 ${fixed.p99.toFixed(1)} ms (target < 20 ms at ${RATE}/s: ${fixed.p99 < 20 && fixed.accepted >= RATE * 0.97 ? 'met' : 'NOT met'})`),
    row(`POST /api/event, fixed ${halfRate}/s (half of full speed)`, half, `p99 ${half.p99.toFixed(1)} ms`),
    `exact counts after a graceful stop (exit ${exit}): ${accepted.toLocaleString('en-US')} answered 202 → ${rolled.toLocaleString('en-US')} page views in the rollups, ${rawEvents.toLocaleString('en-US')} raw events, ${visitors.toLocaleString('en-US')} visitors  ${exact ? 'EXACT' : '!! MISMATCH'}${refused ? ` (${refused} shed with 503, not counted)` : ''}`,
  ];
}

// ---------------------------------------------------------------- dashboard

async function freshSchema(): Promise<string> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  if (args.keep) log(`keeping schema ${schema}`);
  else
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    });
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Splits `total` into whole parts by `weights`, summing to exactly `total`. */
const split = splitByWeight;

const SOURCES: Array<[string, number]> = [
  ['direct', 35],
  ['search:google', 28],
  ['search:coccoc', 6],
  ['search:bing', 2],
  ['social:facebook', 12],
  ['social:zalo', 8],
  ['social:youtube', 2],
  ['social:x', 0.5],
  ['social:viber', 0.5],
  ['network:hanoi', 1.5],
  ['network:bo-tai-chinh', 1],
  ['campaign:ban-tin', 0.5],
  ['referral:vnexpress.net', 1.5],
  ['referral:tuoitre.vn', 1],
  ['referral:baochinhphu.vn', 0.5],
];
const DEVICES: Array<[string, number]> = [
  ['mobile', 62],
  ['desktop', 33],
  ['tablet', 5],
];
const BROWSERS: Array<[string, number]> = [
  ['Chrome', 45],
  ['Mobile Safari', 20],
  ['Zalo', 12],
  ['Cốc Cốc', 10],
  ['Facebook', 8],
  ['Firefox', 5],
];
const LANGS: Array<[string, number]> = [
  ['vi', 90],
  ['en', 8],
  ['zh', 2],
];

async function dashboard(): Promise<string[]> {
  const ping = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await ping.connect();
    await ping.end();
  } catch (err) {
    return [`dashboard — SKIPPED: PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable (${(err as Error).message})`];
  }
  const databaseUrl = await freshSchema();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-dash-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  const services = await createServices(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }), {});
  cleanups.push(() => services.store.close());
  const contact = { unit: 'Văn phòng', responsible: 'Chánh Văn phòng', address: 'Hà Nội', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' };
  const portals: Array<{ id: number; slug: string }> = [];
  for (let i = 0; i < PORTALS; i++) portals.push(await services.portals.create({ slug: i === 0 ? 'chinhphu' : `cong-${i}`, kind: i === 0 ? 'central' : 'province', names: { vi: `Cổng ${i}` }, languages: ['vi', 'en', 'zh'], contact }));

  // ----- generate: 30 days ending yesterday, portals by a Zipf law, pages by another -----
  const t0 = Date.now();
  const { addDays, vnDay, vnDayStart } = await import('../src/modules/analytics/calendar.ts');
  const to = addDays(vnDay(Date.now()), -1);
  const from = addDays(to, -29);
  const days = Array.from({ length: 30 }, (_, i) => addDays(from, i));
  const portalShares = portals.map((_, r) => 1 / (r + 1));
  const dayWeights = days.map((d) => ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) ? 0.7 : 1));
  const perPortal = split(EVENTS, portalShares);
  const hourWeights = Array.from({ length: 24 }, (_, h) => 0.15 + Math.max(0, Math.sin(((h - 5) / 24) * 2 * Math.PI)) + (h >= 7 && h <= 22 ? 0.6 : 0));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());
  const cols = ['portal_id', 'dim', 'day', 'value', 'pageviews', 'visitors', 'visits', 'bounces', 'events'];
  let buffer: Array<[number, string, string, string, number, number, number, number, number]> = [];
  let dailyRows = 0;
  const flush = async () => {
    if (!buffer.length) return;
    const arrays = cols.map((_, c) => buffer.map((r) => r[c]));
    await client.query(`insert into analytics_daily (${cols.join(',')}) select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])`, arrays);
    dailyRows += buffer.length;
    buffer = [];
  };
  const hourly: Array<[number, string, string, string, number, number, number, number, number]> = [];
  for (const [p, portal] of portals.entries()) {
    const universe = Math.max(100, Math.round((PAGES * portalShares[p]) / portalShares[0]));
    const pageWeights = Array.from({ length: universe }, (_, i) => 1 / (i + 1) ** 1.05);
    const perDay = split(perPortal[p], dayWeights);
    for (const [d, day] of days.entries()) {
      const pv = perDay[d];
      const visits = Math.round(pv / 2.1);
      const visitors = Math.round(visits / 1.3);
      const bounces = Math.round(visits * 0.48);
      buffer.push([portal.id, 'total', day, '', pv, visitors, visits, bounces, 0]);
      for (const [h, n] of split(pv, hourWeights).entries()) hourly.push([portal.id, 'total', new Date(vnDayStart(day) + h * 3600_000).toISOString(), '', n, Math.round(n / 2.4), Math.round(n / 2.1), Math.round(n * 0.23), 0]);
      for (const [i, n] of split(pv, pageWeights).entries()) if (n > 0) buffer.push([portal.id, 'page', day, `/tin-tuc/bai-${i}`, n, Math.max(1, Math.round(n * 0.8)), 0, 0, 0]);
      for (const [dim, table] of [
        ['source', SOURCES],
        ['device', DEVICES],
        ['browser', BROWSERS],
        ['lang', LANGS],
      ] as const) {
        const weights = table.map(([, w]) => w);
        const pvs = split(pv, weights);
        const vs = split(visitors, weights);
        const vis = split(visits, weights);
        table.forEach(([value], k) => buffer.push([portal.id, dim, day, value, pvs[k], vs[k], vis[k], 0, 0]));
      }
      if (buffer.length >= 50_000) await flush();
    }
  }
  await flush();
  for (let i = 0; i < hourly.length; i += 50_000) {
    const chunk = hourly.slice(i, i + 50_000);
    await client.query(
      `insert into analytics_hourly (portal_id, dim, bucket, value, pageviews, visitors, visits, bounces, events) select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])`,
      cols.map((_, c) => chunk.map((r) => r[c])),
    );
  }
  // what autovacuum would have done by the time anyone looks
  await client.query('vacuum analyze analytics_daily');
  await client.query('vacuum analyze analytics_hourly');
  const generated = (Date.now() - t0) / 1000;
  const check = await client.query(`select sum(pageviews)::bigint as n from analytics_daily where dim = 'total'`);

  // ----- measure: the whole /stats answer for the busiest portal over the 30 days -----
  const { analytics } = services;
  const range = { from, to, interval: 'day' as const };
  const busiest = portals[0];
  const time = async (fn: () => Promise<unknown>, runs: number) => {
    for (let i = 0; i < 3; i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = process.hrtime.bigint();
      await fn();
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)] };
  };
  const stats = await analytics.stats(busiest, range);
  const full = await time(() => analytics.stats(busiest, range), 20);
  const hourlyRange = { from: to, to, interval: 'hour' as const };
  const oneDay = await time(() => analytics.stats(busiest, hourlyRange), 20);
  const small = await time(() => analytics.stats(portals[portals.length - 1], range), 20);
  const totals = await time(() => analytics.queries.totals(busiest.id, from, to), 20);
  const network = await time(() => analytics.totalsByPortal(range), 20);
  const f = (n: number) => n.toFixed(1).padStart(8);
  return [
    `dashboard — PostgreSQL, rollups of ${Number(check.rows[0].n).toLocaleString('en-US')} events, ${PORTALS} portals, 30 days (${from} … ${to})`,
    `  generated ${dailyRows.toLocaleString('en-US')} daily and ${hourly.length.toLocaleString('en-US')} hourly rollup rows in ${generated.toFixed(1)} s; busiest portal: ${stats.pageviews.toLocaleString('en-US')} page views, ${stats.topPages.length} top pages of ${Math.max(100, PAGES)}`,
    `${'query'.padEnd(52)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)}  ratio to one totals query`,
    `${'one totals query, busiest portal, 30 days (baseline)'.padEnd(52)} ${f(totals.median)} ${f(totals.p95)}`,
    `${'30-day dashboard (all of /stats), busiest portal'.padEnd(52)} ${f(full.median)} ${f(full.p95)}  ${(full.median / totals.median).toFixed(1)}×  (target < 200 ms: ${full.p95 < 200 ? 'met' : 'NOT met'})`,
    `${'30-day dashboard, smallest portal'.padEnd(52)} ${f(small.median)} ${f(small.p95)}  ${(small.median / totals.median).toFixed(1)}×`,
    `${'one-day dashboard by hour, busiest portal'.padEnd(52)} ${f(oneDay.median)} ${f(oneDay.p95)}  ${(oneDay.median / totals.median).toFixed(1)}×`,
    `${'network totals, every portal, 30 days'.padEnd(52)} ${f(network.median)} ${f(network.p95)}  ${(network.median / totals.median).toFixed(1)}×`,
  ];
}

async function main() {
  const lines = ['', `bench:analytics — node ${process.version}, ${os.cpus().length} cores`];
  if (!args['skip-ingest']) lines.push(...(await ingestion()));
  if (!args['skip-dashboard']) lines.push('', ...(await dashboard()));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((err) => {
    log(`bench:analytics failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
