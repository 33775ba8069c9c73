// `npm run bench:federation` — fan-out from the central portal to 51 subscriber
// portals (17 ministries and 34 provinces) hosted on 3 deployments, plus the
// central deployment: 4 `lantoa start` processes, each with its own DATA_DIR
// and port, talking over loopback by portal hostname.
//
// It measures the time from a publish at the central portal (the API call
// returning) to the moment each subscriber committed its copy (the received
// entry's timestamp in that subscriber's store; one machine, one clock):
//   baseline  one subscriber portal, --baseline publishes
//   fan-out   all 51 subscriber portals, --publishes publishes; "live everywhere"
//             is the latest of the 51 copies of each publish      target p99 < 3 s
// and prints p50/p99 of each, the ratio fan-out/baseline, and per-copy figures.
// By default each publish follows once the previous one is live everywhere
// (latency); --interval MS publishes at a fixed pace instead (load).
//
//   npm run bench:federation -- [--publishes N] [--baseline N] [--interval MS|wait] [--per-deployment K] [--keep]
//
// BENCH_PROFILE=DIR writes a CPU profile of each deployment under DIR.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    publishes: { type: 'string', default: '100' },
    baseline: { type: 'string', default: '20' },
    interval: { type: 'string', default: 'wait' },
    'per-deployment': { type: 'string', default: '17' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`npm run bench:federation -- [options]
  --publishes N        measured publishes with every subscriber (default 100)
  --baseline N         publishes with a single subscriber first (default 20)
  --interval MS|wait   pause between publishes; "wait" (default): publish once the previous one is live everywhere
  --per-deployment K   subscriber portals on each of the 3 deployments (default 17: 51 in all)
  --keep               keep the data directories
`);
  process.exit(0);
}
const PUBLISHES = Number(args.publishes);
const BASELINE = Number(args.baseline);
/** undefined: publish once the previous publish is live everywhere */
const INTERVAL = args.interval === 'wait' ? undefined : Number(args.interval);
const PER = Number(args['per-deployment']);
const CONTACT = { unit: 'Văn phòng', responsible: 'Chánh Văn phòng', address: 'Hà Nội', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

interface Deployment {
  name: string;
  port: number;
  dataDir: string;
  env: Record<string, string>;
  portals: string[];
  token: string;
  child?: ChildProcess;
}

async function prepare(name: string, portals: Array<{ slug: string; kind: 'central' | 'ministry' | 'province'; name: string }>): Promise<Deployment> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lantoa-bench-fed-${name}-`));
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LANTOA_DEMO: '0', LOG_LEVEL: 'warn' };
  const services = await createServices(loadConfig(env), { logger: pino({ level: 'silent' }) });
  const email = `admin@${name}.bench`;
  try {
    for (const p of portals) {
      const portal = await services.portals.create({ slug: p.slug, kind: p.kind, names: { vi: p.name }, languages: ['vi'], contact: CONTACT });
      await services.portals.createSection(portal, { slug: 'tin-tuc', names: { vi: 'Tin tức' } });
      await services.accounts.addUser({ email, portalId: portal.id, role: 'admin' });
      // make each portal's key now rather than on its first request
      await services.federation.keys.signingKey(portal);
    }
    const token = await services.accounts.createToken(email);
    return { name, port, dataDir, env, portals: portals.map((p) => p.slug), token };
  } finally {
    await services.pagecache.close();
    await services.store.close();
  }
}

async function start(d: Deployment): Promise<void> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, d.name)}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/lantoa.js', 'start'], { cwd: root, env: { ...process.env, ...d.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  d.child = child;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${d.name} exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${d.port}/readyz`)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${d.name} not ready`);
    await sleep(100);
  }
}

async function stop(d: Deployment): Promise<void> {
  const child = d.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function api(d: Deployment, method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${d.port}${p}`, { method, headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => undefined);
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Follows what the subscriber deployments have committed, reading their stores
 * incrementally (read-only): when each subscriber portal took in each origin item.
 */
class Arrivals {
  private readonly dbs: Array<{ db: BetterSqlite3.Database; last: number }>;
  /** origin item id → arrival times (ms) */
  readonly times = new Map<number, number[]>();

  constructor(subs: Deployment[]) {
    this.dbs = subs.map((d) => ({ db: new BetterSqlite3(path.join(d.dataDir, 'lantoa.sqlite'), { readonly: true }), last: 0 }));
  }

  refresh(): void {
    for (const d of this.dbs) {
      const rows = d.db.prepare(`select id, origin_item_id, received_at from federation_received where id > ? and outcome = 'applied' order by id`).all(d.last) as Array<{ id: number; origin_item_id: number; received_at: string }>;
      for (const r of rows) {
        d.last = r.id;
        const list = this.times.get(r.origin_item_id) ?? [];
        list.push(Date.parse(r.received_at));
        this.times.set(r.origin_item_id, list);
      }
    }
  }

  async waitFor(ids: number[], copies: number, timeoutMs = 300_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      this.refresh();
      const missing = ids.filter((id) => (this.times.get(id)?.length ?? 0) < copies);
      if (missing.length === 0) return;
      if (Date.now() > end) throw new Error(`${missing.length} publishes not live on all ${copies} subscribers after ${timeoutMs / 1000} s`);
      await sleep(10);
    }
  }

  close(): void {
    for (const d of this.dbs) d.db.close();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

async function publishOne(central: Deployment, label: string, i: number): Promise<{ id: number; at: number }> {
  const created = await api(central, 'POST', '/api/v1/portals/chinhphu/articles', {
    type: 'directive',
    lang: 'vi',
    section: 'tin-tuc',
    title: `Chỉ thị ${label} số ${i + 1} của Thủ tướng Chính phủ`,
    summary: 'Về việc tăng cường kỷ luật, kỷ cương hành chính.',
    body: `<p>Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương (${label} ${i + 1}).</p>`.repeat(8),
  });
  await api(central, 'POST', `/api/v1/articles/${created.id}/workflow`, { action: 'publish' });
  return { id: created.id, at: Date.now() };
}

/** Publishes `count` items: each once the previous is live everywhere, or every INTERVAL ms. */
async function publishRound(central: Deployment, arrivals: Arrivals, copies: number, count: number, label: string): Promise<Array<{ id: number; at: number }>> {
  const out: Array<{ id: number; at: number }> = [];
  for (let i = 0; i < count; i++) {
    const p = await publishOne(central, label, i);
    out.push(p);
    if (INTERVAL === undefined) await arrivals.waitFor([p.id], copies);
    else if (INTERVAL > 0) await sleep(INTERVAL);
  }
  await arrivals.waitFor(
    out.map((p) => p.id),
    copies,
  );
  return out;
}

function report(label: string, published: Array<{ id: number; at: number }>, arrivals: Arrivals) {
  const perPublish: number[] = [];
  const perCopy: number[] = [];
  for (const p of published) {
    const times = arrivals.times.get(p.id) ?? [];
    for (const t of times) perCopy.push(t - p.at);
    perPublish.push(Math.max(...times) - p.at);
  }
  perPublish.sort((a, b) => a - b);
  perCopy.sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(40)} live everywhere: p50 ${fmt(quantile(perPublish, 0.5))}  p99 ${fmt(quantile(perPublish, 0.99))}  max ${fmt(perPublish[perPublish.length - 1])}   each copy: p50 ${fmt(quantile(perCopy, 0.5))}  p99 ${fmt(quantile(perCopy, 0.99))}  (${perCopy.length} copies)\n`,
  );
  return { p50: quantile(perPublish, 0.5), p99: quantile(perPublish, 0.99) };
}

const deployments: Deployment[] = [];
try {
  const names = (kind: 'ministry' | 'province', from: number) =>
    Array.from({ length: PER }, (_, i) => ({ slug: `${kind === 'ministry' ? 'bo' : 'tinh'}-${String(from + i).padStart(2, '0')}`, kind, name: `Cổng Thông tin điện tử ${kind === 'ministry' ? 'Bộ' : 'Tỉnh'} ${from + i}` }));
  process.stdout.write(`setting up 4 deployments (central + ${3 * PER} subscriber portals)…\n`);
  const [central, a, b, c] = await Promise.all([
    prepare('central', [{ slug: 'chinhphu', kind: 'central', name: 'Cổng Thông tin điện tử Chính phủ' }]),
    prepare('ministries', names('ministry', 1)),
    prepare('provinces-a', names('province', 1)),
    prepare('provinces-b', names('province', PER + 1)),
  ]);
  deployments.push(central, a, b, c);
  await Promise.all(deployments.map(start));
  const subs = [a, b, c];
  const source = `http://chinhphu.localhost:${central.port}`;
  const arrivals = new Arrivals(subs);
  const pace = INTERVAL === undefined ? 'each publish once the previous one is live everywhere' : `one publish every ${INTERVAL} ms plus the API calls`;

  // baseline: one subscriber
  await api(a, 'POST', `/api/v1/portals/${a.portals[0]}/subscriptions`, { source, policy: { mode: 'publish' } });
  const base = await publishRound(central, arrivals, 1, BASELINE, 'baseline');
  process.stdout.write(`\n${pace}\n`);
  const baseline = report('baseline (1 subscriber)', base, arrivals);

  // fan-out: every subscriber
  const subscribing = Date.now();
  for (const d of subs) for (const slug of d.portals) if (!(d === a && slug === a.portals[0])) await api(d, 'POST', `/api/v1/portals/${slug}/subscriptions`, { source, policy: { mode: 'publish' } });
  process.stdout.write(`subscribed ${3 * PER} portals in ${((Date.now() - subscribing) / 1000).toFixed(1)} s\n`);
  const roundStarted = Date.now();
  const fan = await publishRound(central, arrivals, 3 * PER, PUBLISHES, 'fan-out');
  const seconds = (Date.now() - roundStarted) / 1000;
  const fanout = report(`fan-out (${3 * PER} subscribers, 3 deployments)`, fan, arrivals);
  arrivals.close();
  process.stdout.write(`\n${PUBLISHES} publishes, ${PUBLISHES * 3 * PER} copies in ${seconds.toFixed(1)} s (${((PUBLISHES * 3 * PER) / seconds).toFixed(0)} copies/s)\n`);
  process.stdout.write(`ratio fan-out/baseline: p50 ${(fanout.p50 / baseline.p50).toFixed(2)}×  p99 ${(fanout.p99 / baseline.p99).toFixed(2)}×\n`);
  process.stdout.write(`target p99 < 3000 ms: ${fanout.p99 < 3000 ? 'met' : 'NOT met'}\n`);
} finally {
  await Promise.all(deployments.map(stop));
  if (!args.keep) for (const d of deployments) fs.rmSync(d.dataDir, { recursive: true, force: true });
  else for (const d of deployments) process.stdout.write(`kept ${d.name}: ${d.dataDir}\n`);
}
