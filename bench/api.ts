// `npm run bench:api` — public read API against raw node:http serving the same bytes.
//
// With N published items in the store (100,000 by default) it measures
//   GET /api/v1/articles/{id}                  random ids among published items
//   GET /api/v1/portals/{slug}/articles        first page of the biggest portal
//   GET /api/v1/portals/{slug}/articles?cursor a page reached through nextCursor
// on `lantoa serve` (a child process, so the load generator has its own event
// loop), then on a bare http.createServer (also a child) answering every one
// of those URLs with the exact body and headers Lantoa gave, and prints
// requests/s, p50 and p99 latency and the ratio to raw. Target (issue 2): item
// read ≥ 0.5× raw on SQLite.
//
//   npm run bench:api -- [--items N] [--duration S] [--connections C] [--pg]
//                        [--only item,list,cursor] [--cpu-prof] [--minimal-network]
//
// SQLite in a temp DATA_DIR by default. `--pg` runs on PostgreSQL in a fresh
// schema of postgres://postgres@127.0.0.1:5432/test (BENCH_PG_URL overrides),
// dropped afterwards; with DATABASE_URL set, that store is used as it is and
// only the missing items are generated.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { isStoreEmpty, loadDemo } from '../src/demo/load.ts';
import type { DemoPortal } from '../src/demo/types.ts';

// autocannon ships no types; the part of its API used here.
interface AcResult {
  requests: { average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AcRequest {
  path?: string;
  setupRequest?: (req: { path: string }) => { path: string };
}
interface AcInstance extends Promise<AcResult> {
  on(event: 'response', fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  stop(): void;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; requests?: AcRequest[] }) => AcInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'bin', 'lantoa.js');

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    sample: { type: 'string', default: '2000' },
    page: { type: 'string', default: '10' },
    only: { type: 'string', default: 'item,list,cursor' },
    pg: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'minimal-network': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:api -- [options]
  --items N            published generated items in the store (default 100000)
  --duration S         seconds per measured run (default 10)
  --warmup S           seconds of warm-up before each measured run (default 3)
  --connections C      concurrent connections (default 50)
  --sample K           random published ids to read (default 2000)
  --page P             the cursor run reads page P of the list (default 10)
  --only LIST          endpoints: item,list,cursor (default all)
  --pg                 PostgreSQL (fresh schema in BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/test)
                       DATABASE_URL set: use that store as is
  --cpu-prof           run the Lantoa server under node --cpu-prof and summarize the profile
  --minimal-network    load a small built-in network instead of the demo network
  --keep               keep the temp DATA_DIR / PostgreSQL schema
  --data-dir DIR       use (and keep) this SQLite DATA_DIR instead of a temp one; only missing items are generated
`);
  process.exit(0);
}

function int(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: --${name} must be a whole number ≥ ${min}, got "${v}"\n`);
    process.exit(2);
  }
  return n;
}
const ITEMS = int('items', args.items, 0);
const DURATION = int('duration', args.duration, 1);
const WARMUP = int('warmup', args.warmup, 0);
const CONNECTIONS = int('connections', args.connections, 1);
const SAMPLE = int('sample', args.sample, 1);
const PAGE = int('page', args.page, 2);
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));

const log = (msg: string) => process.stderr.write(`${msg}\n`);

// ---------- cleanup: every child and temp resource we made ----------

const children = new Set<ChildProcess>();
const cleanups: Array<() => unknown> = [];

async function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of [...children]) await stopChild(c).catch(() => {});
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((err) => log(`cleanup: ${(err as Error).message}`));
  })();
  return cleaning;
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

// ---------- helpers ----------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function spawnChild(label: string, argv: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', (code, signal) => {
    if (code && code !== 0 && !cleaning) log(`${label} exited with ${code ?? signal}:\n${out}`);
  });
  return { child, output: () => out };
}

async function run(label: string, argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { child, output } = spawnChild(label, argv, env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`${label} failed (exit ${code})`);
  return output();
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server behind ${url} exited before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------- a small network when the demo content is not there (or not wanted) ----------

function minimalNetwork(): DemoPortal[] {
  const contact = (unit: string) => ({ unit, responsible: 'Ban Biên tập', address: 'Hà Nội', phone: '(024) 0000 0000', email: 'bbt@example.gov.vn' });
  const sections = [
    { slug: 'tin-tuc', kind: 'section' as const, names: { vi: 'Tin tức', en: 'News', zh: '新闻' } },
    { slug: 'chi-dao-dieu-hanh', kind: 'section' as const, names: { vi: 'Chỉ đạo, điều hành', en: 'Direction', zh: '指导' } },
    { slug: 'van-ban', kind: 'section' as const, names: { vi: 'Văn bản', en: 'Documents', zh: '文件' } },
  ];
  const item = (n: number, translated: boolean) => ({
    type: 'news' as const,
    section: 'tin-tuc',
    title: `Tin hoạt động số ${n} của cơ quan`,
    summary: `Tóm tắt tin hoạt động số ${n}.`,
    body: `<p>Nội dung tin hoạt động số ${n}.</p>`,
    tags: ['hoạt động'],
    daysAgo: 10 - n,
    translations: translated ? { en: { title: `Activity news no. ${n}`, summary: `Summary ${n}.`, body: `<p>Body ${n}.</p>` }, zh: { title: `第${n}号工作新闻`, summary: `摘要${n}。`, body: `<p>正文${n}。</p>` } } : undefined,
  });
  const portal = (slug: string, kind: DemoPortal['kind'], vi: string, parent?: string): DemoPortal => ({
    slug,
    kind,
    parent,
    names: { vi },
    languages: slug === 'chinhphu' ? ['vi', 'en', 'zh'] : ['vi'],
    contact: contact(vi),
    sections,
    items: [1, 2, 3].map((n) => item(n, slug === 'chinhphu')),
  });
  return [
    portal('chinhphu', 'central', 'Cổng Thông tin điện tử Chính phủ'),
    portal('bo-tai-chinh', 'ministry', 'Bộ Tài chính', 'chinhphu'),
    portal('bo-y-te', 'ministry', 'Bộ Y tế', 'chinhphu'),
    portal('hanoi', 'province', 'Thành phố Hà Nội', 'chinhphu'),
    portal('da-nang', 'province', 'Thành phố Đà Nẵng', 'chinhphu'),
  ];
}

// ---------- the raw server: a bare http.createServer answering captured bytes ----------

const RAW_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const fixtures = JSON.parse(fs.readFileSync(process.env.RAW_FIXTURES, 'utf8'));
const byPath = new Map();
for (const [p, f] of Object.entries(fixtures)) {
  const body = Buffer.from(f.body, 'base64');
  byPath.set(p, { headers: { ...f.headers, 'content-length': body.length }, body });
}
http.createServer((req, res) => {
  const f = byPath.get(req.url);
  if (!f) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, f.headers);
  res.end(f.body);
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

// ---------- main ----------

interface Endpoint {
  key: string;
  label: string;
  paths: string[];
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time (user + system) per 2xx response, µs. */
  cpuPerReq: number | undefined;
  count: number;
  bad: string | undefined;
}

/** CPU time (user + system) a process has used so far, in µs; undefined off Linux. */
function cpuMicros(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLK_TCK;
  } catch {
    return undefined;
  }
}
const CLK_TCK = 100; // USER_HZ on Linux

async function measure(base: string, ep: Endpoint, duration: number, pid?: number): Promise<Measured> {
  const paths = ep.paths;
  const requests: AcRequest[] =
    paths.length === 1
      ? [{ path: paths[0] }]
      : [
          {
            setupRequest: (req) => {
              req.path = paths[(Math.random() * paths.length) | 0];
              return req;
            },
          },
        ];
  // autocannon's histogram keeps whole milliseconds; record exact times for p50/p99.
  const times: number[] = [];
  const instance = autocannon({ url: base, connections: CONNECTIONS, duration, requests });
  instance.on('response', (_c, status, _b, t) => {
    if (status >= 200 && status < 300) times.push(t);
  });
  const cpu0 = cpuMicros(pid);
  const result = await instance;
  const cpu1 = cpuMicros(pid);
  const sorted = Float64Array.from(times).sort();
  const problems = [result.errors && `${result.errors} errors`, result.timeouts && `${result.timeouts} timeouts`, result.non2xx && `${result.non2xx} non-2xx`].filter(Boolean).join(', ');
  const cpuPerReq = cpu0 !== undefined && cpu1 !== undefined && result['2xx'] ? (cpu1 - cpu0) / result['2xx'] : undefined;
  return { rps: result.requests.average, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuPerReq, count: sorted.length, bad: problems || undefined };
}

async function main() {
  const started = Date.now();
  // ----- the store -----
  let databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl && args.pg) {
    const base = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
    try {
      await admin.connect();
    } catch (err) {
      throw new Error(`PostgreSQL at ${base} is unreachable: ${(err as Error).message}`);
    }
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
    cleanups.push(async () => {
      if (args.keep) return log(`kept schema ${schema}`);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    });
  }
  const dataDir = args['data-dir'] ? path.resolve(args['data-dir']) : fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-'));
  if (args['data-dir']) fs.mkdirSync(dataDir, { recursive: true });
  else cleanups.push(() => (args.keep ? log(`kept ${dataDir}`) : fs.rmSync(dataDir, { recursive: true, force: true })));
  const engine = databaseUrl ? 'postgres' : 'sqlite';
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LANTOA_DEMO: '0', LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

  // ----- the demo network and the generated items -----
  const demoContent = path.join(root, 'src/modules/demo/content/index.ts');
  const useMinimal = args['minimal-network'] || !fs.existsSync(demoContent);
  let services = await createServices(config);
  let network = 'existing store';
  let toGenerate = ITEMS;
  try {
    if (await isStoreEmpty(services)) {
      if (useMinimal) {
        if (!args['minimal-network']) log(`${path.relative(root, demoContent)} does not exist yet: loading a minimal network of 5 portals instead`);
        await loadDemo(services, minimalNetwork());
        network = 'minimal (5 portals)';
      } else network = 'demo network';
    } else {
      const row = await services.store.db
        .selectFrom('content_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      toGenerate = Math.max(0, ITEMS - Number(row.n));
    }
  } finally {
    await services.store.close();
  }
  let demoSeconds: number | undefined;
  if (toGenerate > 0 || network === 'demo network') {
    log(`preparing the store: lantoa demo --articles ${toGenerate} (${engine})`);
    const t0 = Date.now();
    const out = await run('lantoa demo', [cli, 'demo', '--articles', String(toGenerate)], env);
    demoSeconds = (Date.now() - t0) / 1000;
    const gen = /generated \d+ items in [\d.]+ s/.exec(out);
    log(`  ${gen ? gen[0] + '; ' : ''}whole command ${demoSeconds.toFixed(1)} s`);
  }

  // ----- what to read -----
  services = await createServices(config, { skipMigrate: true });
  let ids: number[];
  let slug: string;
  let published: number;
  try {
    const { db } = services.store;
    const { sql } = await import('kysely');
    ids = (
      await db
        .selectFrom('content_items')
        .select('id')
        .where('status', '=', 'published')
        .orderBy(sql`random()`)
        .limit(SAMPLE)
        .execute()
    ).map((r) => r.id);
    const biggest = await db
      .selectFrom('content_items')
      .innerJoin('portals', 'portals.id', 'content_items.portal_id')
      .select(['portals.slug', (eb) => eb.fn.countAll<number>().as('n')])
      .where('content_items.status', '=', 'published')
      .groupBy('portals.slug')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    slug = biggest.slug;
    published = Number(
      (
        await db
          .selectFrom('content_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow()
      ).n,
    );
  } finally {
    await services.store.close();
  }
  if (ids.length === 0) throw new Error('no published items in the store');

  // ----- Lantoa, in its own process -----
  const lantoaPort = await freePort();
  const profDir = args['cpu-prof'] ? fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-prof-')) : undefined;
  const nodeFlags = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const lantoa = spawnChild('lantoa serve', [...nodeFlags, cli, 'serve'], { ...env, PORT: String(lantoaPort), HOST: '127.0.0.1' });
  const lantoaBase = `http://127.0.0.1:${lantoaPort}`;
  await waitFor(`${lantoaBase}/readyz`, lantoa.child);

  // ----- capture the exact bytes Lantoa answers -----
  const fixtures: Record<string, { headers: Record<string, string>; body: string }> = {};
  const capture = async (p: string) => {
    const res = await fetch(lantoaBase + p);
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${body.toString().slice(0, 300)}`);
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'cache-control', 'vary', 'x-content-type-options']) {
      const v = res.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    fixtures[p] = { headers, body: body.toString('base64') };
    return body;
  };
  const itemPaths = ids.map((id) => `/api/v1/articles/${id}`);
  for (const p of itemPaths) await capture(p);
  const listPath = `/api/v1/portals/${slug}/articles`;
  let page = JSON.parse((await capture(listPath)).toString()) as { items: unknown[]; nextCursor: string | null };
  let cursorPath: string | undefined;
  for (let n = 2; n <= PAGE && page.nextCursor; n++) {
    cursorPath = `${listPath}?cursor=${encodeURIComponent(page.nextCursor)}`;
    page = JSON.parse((await capture(cursorPath)).toString());
  }
  const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-raw-'));
  cleanups.push(() => fs.rmSync(fixtureDir, { recursive: true, force: true }));
  const fixtureFile = path.join(fixtureDir, 'fixtures.json');
  fs.writeFileSync(fixtureFile, JSON.stringify(fixtures));
  const sizes = (ps: string[]) => Math.round(ps.reduce((s, p) => s + Buffer.from(fixtures[p].body, 'base64').length, 0) / ps.length);

  // ----- raw node:http, in its own process -----
  const rawPort = await freePort();
  const raw = spawnChild('raw server', ['-e', RAW_SERVER], { PATH: process.env.PATH, RAW_FIXTURES: fixtureFile, PORT: String(rawPort) });
  const rawBase = `http://127.0.0.1:${rawPort}`;
  await waitFor(rawBase + listPath, raw.child);

  const endpoints: Endpoint[] = [];
  if (ONLY.has('item')) endpoints.push({ key: 'item', label: `GET /api/v1/articles/{id}  (${ids.length} random ids, ${sizes(itemPaths)} B)`, paths: itemPaths });
  if (ONLY.has('list')) endpoints.push({ key: 'list', label: `GET ${listPath}  (first page, ${sizes([listPath])} B)`, paths: [listPath] });
  if (ONLY.has('cursor') && cursorPath) endpoints.push({ key: 'cursor', label: `GET ${listPath}?cursor=…  (page ${PAGE}, ${sizes([cursorPath])} B)`, paths: [cursorPath] });

  log(`store: ${engine}, ${published} published items (${network}); ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per run`);
  const results: Array<{ ep: Endpoint; lantoa: Measured; raw: Measured }> = [];
  for (const ep of endpoints) {
    const r: Partial<{ lantoa: Measured; raw: Measured }> = {};
    for (const [name, base, pid] of [
      ['lantoa', lantoaBase, lantoa.child.pid],
      ['raw', rawBase, raw.child.pid],
    ] as const) {
      if (WARMUP > 0) await measure(base, ep, WARMUP);
      const m = (r[name] = await measure(base, ep, DURATION, pid));
      log(`  ${ep.key.padEnd(6)} ${name.padEnd(6)} ${Math.round(m.rps)} req/s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  cpu ${m.cpuPerReq?.toFixed(0) ?? '?'} µs/req${m.bad ? `  !! ${m.bad}` : ''}`);
    }
    results.push({ ep, lantoa: r.lantoa!, raw: r.raw! });
  }

  // ----- the table -----
  const num = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const lines: string[] = [];
  lines.push('');
  lines.push(`Lantoa API bench — ${engine}, ${num(published)} published items (${network}), ${CONNECTIONS} connections, ${DURATION} s runs after ${WARMUP} s warm-up`);
  lines.push(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}); server and raw server in child processes${profDir ? '; server under --cpu-prof (slower)' : ''}`);
  if (demoSeconds !== undefined) lines.push(`store prepared with \`lantoa demo --articles ${toGenerate}\` in ${demoSeconds.toFixed(1)} s`);
  lines.push('');
  const head = ['endpoint', 'server', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs raw', 'server CPU µs/req', 'raw/lantoa CPU'];
  const us = (m: Measured) => (m.cpuPerReq === undefined ? '?' : num(m.cpuPerReq));
  const rows: string[][] = [];
  for (const { ep, lantoa: l, raw: r } of results) {
    const cpuRatio = l.cpuPerReq && r.cpuPerReq ? `${(r.cpuPerReq / l.cpuPerReq).toFixed(2)}×` : '?';
    rows.push([ep.label, 'lantoa', num(l.rps), num(l.p50, 2), num(l.p99, 2), `${(l.rps / r.rps).toFixed(2)}×`, us(l), cpuRatio]);
    rows.push(['', 'raw', num(r.rps), num(r.p50, 2), num(r.p99, 2), '', us(r), '']);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row: string[]) =>
    row
      .map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  const item = results.find((x) => x.ep.key === 'item');
  if (item) {
    const ratio = item.lantoa.rps / item.raw.rps;
    const cpu = item.lantoa.cpuPerReq && item.raw.cpuPerReq ? `; server CPU per request ${(item.raw.cpuPerReq / item.lantoa.cpuPerReq).toFixed(2)}× raw's` : '';
    lines.push('', `item read: ${ratio.toFixed(2)}× raw req/s${cpu} — target ≥ 0.50× on SQLite: ${ratio >= 0.5 ? 'met' : 'NOT met'}${engine === 'postgres' ? ' (this run is PostgreSQL)' : ''}`);
    lines.push('(server CPU µs/req: user+system CPU of the server process per 2xx response, from /proc; steadier than req/s when the machine is shared)');
  }
  const bad = results.flatMap(({ ep, lantoa: l, raw: r }) => [l.bad && `${ep.key} lantoa: ${l.bad}`, r.bad && `${ep.key} raw: ${r.bad}`]).filter(Boolean);
  if (bad.length) lines.push(`WARNING: ${bad.join('; ')}`);
  lines.push(`(${((Date.now() - started) / 1000).toFixed(0)} s in all)`, '');
  process.stdout.write(lines.join('\n') + '\n');

  // ----- profile -----
  await stopChild(raw.child);
  await stopChild(lantoa.child);
  if (profDir) {
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) process.stdout.write(summarizeProfile(path.join(profDir, file)));
    else log(`no .cpuprofile written in ${profDir}`);
  }
  await cleanup();
}

// ---------- --cpu-prof: where the server's time went ----------

interface ProfNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function summarizeProfile(file: string): string {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const where = (url: string) => {
    if (!url) return '';
    const rel = url.replace(/^file:\/\//, '').replace(`${root}/`, '');
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
    return m ? m[1] : rel.startsWith('node:') ? 'node' : rel;
  };
  const name = (n: ProfNode) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  let total = 0;
  let idle = 0;
  const fnSelf = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    total += t;
    if (n.callFrame.functionName === '(idle)') idle += t;
    fnSelf.set(name(n), (fnSelf.get(name(n)) ?? 0) + t);
    const pkg = where(n.callFrame.url) || n.callFrame.functionName;
    pkgSelf.set(pkg, (pkgSelf.get(pkg) ?? 0) + t);
  }
  // inclusive time of app functions: every distinct frame on a sample's stack
  const incl = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!n.callFrame.url.includes('/src/')) continue;
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
  }
  const busy = total - idle;
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .filter(([n]) => !n.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  const out = ['', `CPU profile of the Lantoa server: ${file}`, `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s (percentages of busy time)`, '', 'self time by package / file:'];
  for (const [k, t] of top(pkgSelf, 20)) out.push(`  ${pct(t)}  ${k}`);
  out.push('', 'self time by function:');
  for (const [k, t] of top(fnSelf, 30)) out.push(`  ${pct(t)}  ${k}`);
  out.push('', 'inclusive time of Lantoa functions (src/):');
  for (const [k, t] of top(incl, 20)) out.push(`  ${pct(t)}  ${k}`);
  return out.join('\n') + '\n';
}

main().catch(async (err) => {
  log(`bench: ${(err as Error).message}`);
  await cleanup();
  process.exit(1);
});
