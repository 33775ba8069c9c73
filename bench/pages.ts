// `npm run bench:pages` — public pages against raw node:http serving the same bytes.
//
// With the demo network plus N generated items (100,000 by default) it measures,
// in one run, with autocannon (50 connections by default):
//   raw       a bare http.createServer answering the article's exact bytes and headers
//   cached    the same article from `lantoa serve` (page cache on)      target ≥ 0.9× raw
//             (raw and cached alternate, raw-cached-raw-cached-raw, and are averaged)
//   uncached  the same article from `lantoa serve` with PAGE_CACHE=0      target ≥ 0.2× raw
//   home      the portal home, uncached, one request at a time: p99       target < 30 ms
// Servers run as child processes so the load generator has its own event loop.
//
//   npm run bench:pages -- [--items N] [--duration S] [--warmup S] [--connections C] [--pg] [--data-dir DIR] [--keep]
//
// A store given with --data-dir is used as it is (generate it once with a first run and --keep).

import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { cleanup, get, log, prepareStore, rawServer, replayableHeaders, serve, wholeNumber } from './harness.ts';

interface AcResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
}) => Promise<AcResult> & { on(e: 'response', fn: (c: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'home-requests': { type: 'string', default: '500' },
    pg: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`npm run bench:pages -- [options]
  --items N            generated published items besides the demo network (default 100000)
  --duration S         seconds per measured run (default 10)
  --warmup S           seconds of warm-up before each run (default 2)
  --connections C      concurrent connections (default 50)
  --home-requests K    sequential uncached portal-home requests for its p99 (default 500)
  --pg                 PostgreSQL: a fresh schema in BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test)
  --data-dir DIR       use (and keep) this SQLite DATA_DIR; filled on first use, measured as it is afterwards
  --keep               keep the temp DATA_DIR / schema
`);
  process.exit(0);
}
const num = wholeNumber;
const ITEMS = num('items', args.items);
const DURATION = Math.max(1, num('duration', args.duration));
const WARMUP = num('warmup', args.warmup);
const CONNECTIONS = Math.max(1, num('connections', args.connections));
const HOME_REQUESTS = Math.max(10, num('home-requests', args['home-requests']));
interface Run {
  rps: number;
  p50: number;
  p99: number;
  bad: string | undefined;
}

async function load(port: number, host: string, p: string, opts: { connections?: number; duration?: number; amount?: number } = {}): Promise<Run> {
  const url = `http://127.0.0.1:${port}${p}`;
  const headers = { host };
  if (WARMUP && !opts.amount) await autocannon({ url, connections: opts.connections ?? CONNECTIONS, duration: WARMUP, headers });
  const times: number[] = [];
  const instance = autocannon({ url, connections: opts.connections ?? CONNECTIONS, headers, ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? DURATION }) });
  instance.on('response', (_c, status, _b, ms) => {
    if (status === 200) times.push(ms);
  });
  const r = await instance;
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))] ?? NaN;
  const bad = [r.errors && `${r.errors} errors`, r.timeouts && `${r.timeouts} timeouts`, r.non2xx && `${r.non2xx} non-2xx`].filter(Boolean).join(', ');
  return { rps: r.requests.average, p50: pct(0.5), p99: pct(0.99), bad: bad || undefined };
}

async function main() {
  // ----- the store: demo network + generated items (a reused --data-dir is measured as it is) -----
  const store = await prepareStore({ items: ITEMS, pg: args.pg, dataDir: args['data-dir'], keep: args.keep, label: 'pages' });
  const { env, databaseUrl, total } = store;
  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  const services = await createServices(loadConfig({ DATA_DIR: store.dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { skipMigrate: true });
  const central = await services.portals.require('chinhphu');
  const [article] = await services.content.listPublished(central, { lang: 'vi', types: ['news'] }, { limit: 1 });
  const tinTuc = await services.portals.sectionBySlug(central.id, 'tin-tuc');
  const sectionItems = tinTuc ? await services.content.countPublished(central, { lang: 'vi', sectionIds: [tinTuc.id] }) : 0;
  // a deep page of the news section: offset pagination is the slow case
  const deepPage = Math.max(1, Math.min(50, Math.floor(sectionItems / 20)));
  await services.store.close();
  if (!article) throw new Error('no published news in chinhphu');
  const articlePath = new URL(article.url).pathname;
  const host = 'chinhphu.localhost';

  // ----- servers -----
  const cached = await serve(env);
  const page = await get(cached.port, host, articlePath);
  if (page.status !== 200) throw new Error(`article answered ${page.status}`);
  const rawPort = await rawServer(page.body, replayableHeaders(page.headers));
  const uncached = await serve(env, { PAGE_CACHE: '0' });

  log(`store: ${total} published items; article ${articlePath} (${page.body.length} bytes); ${CONNECTIONS} connections, ${DURATION} s per run`);
  // raw and cached take turns (raw, cached, raw, cached, raw): on a shared machine the load
  // drifts, and alternating keeps the comparison fair; each figure is the mean of its runs
  const rawRuns: Run[] = [];
  const cachedRuns: Run[] = [];
  for (let round = 0; round < 2; round++) {
    rawRuns.push(await load(rawPort, host, articlePath));
    cachedRuns.push(await load(cached.port, host, articlePath));
  }
  rawRuns.push(await load(rawPort, host, articlePath));
  const mean = (runs: Run[]): Run => ({
    rps: runs.reduce((n, r) => n + r.rps, 0) / runs.length,
    p50: runs.reduce((n, r) => n + r.p50, 0) / runs.length,
    p99: Math.max(...runs.map((r) => r.p99)),
    bad:
      runs
        .map((r) => r.bad)
        .filter(Boolean)
        .join('; ') || undefined,
  });
  const rawRun = mean(rawRuns);
  const cachedRun = mean(cachedRuns);
  const uncachedRun = await load(uncached.port, host, articlePath);
  const homeCached = await load(cached.port, host, '/');
  const homeSerial = await load(uncached.port, host, '/', { connections: 1, amount: HOME_REQUESTS });
  const sectionSerial = await load(uncached.port, host, `/tin-tuc?page=${deepPage}`, { connections: 1, amount: Math.ceil(HOME_REQUESTS / 2) });

  const rawRps = rawRun.rps;
  const row = (name: string, r: Run, ratio?: string) => `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}  ${ratio ?? ''}${r.bad ? `  !! ${r.bad}` : ''}`;
  const lines = [
    '',
    `bench:pages — ${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${total} published items, node ${process.version}, ${os.cpus().length} cores`,
    `${'run'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  ratio to raw`,
    row(`raw node:http, same bytes (mean of ${rawRuns.length})`, rawRun),
    ...rawRuns.map((r, i) => row(`  raw run ${i + 1}`, r)),
    ...cachedRuns.map((r, i) => row(`  cached run ${i + 1}`, r)),
    row(`article, cached (mean of ${cachedRuns.length})`, cachedRun, `${(cachedRun.rps / rawRps).toFixed(2)}×  (target ≥ 0.9×)`),
    row('article, uncached (PAGE_CACHE=0)', uncachedRun, `${(uncachedRun.rps / rawRps).toFixed(2)}×  (target ≥ 0.2×)`),
    row('portal home, cached', homeCached, `${(homeCached.rps / rawRps).toFixed(2)}×`),
    row('portal home, uncached, serial', homeSerial, `p99 ${homeSerial.p99.toFixed(1)} ms (target < 30 ms)`),
    row(`section page ${deepPage}, uncached, serial`, sectionSerial),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main()
  .catch((err) => {
    log(`bench:pages failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
