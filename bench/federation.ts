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
//             is the latest of the 51 for each publish          target p99 < 3 s
// and prints p50/p99 of each, the ratio fan-out/baseline, and per-delivery figures.
//
//   npm run bench:federation -- [--publishes N] [--baseline N] [--interval MS] [--per-deployment K] [--keep]

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
    interval: { type: 'string', default: '250' },
    'per-deployment': { type: 'string', default: '17' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`npm run bench:federation -- [options]
  --publishes N        measured publishes with every subscriber (default 100)
  --baseline N         publishes with a single subscriber first (default 20)
  --interval MS        pause between publishes (default 250)
  --per-deployment K   subscriber portals on each of the 3 deployments (default 17: 51 in all)
  --keep               keep the data directories
`);
  process.exit(0);
}
const PUBLISHES = Number(args.publishes);
const BASELINE = Number(args.baseline);
const INTERVAL = Number(args.interval);
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
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LANTOA_DEMO: '0', LOG_LEVEL: 'warn', PAGE_CACHE: '1' };
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
  const child = spawn(process.execPath, ['bin/lantoa.js', 'start'], { cwd: root, env: { ...process.env, ...d.env }, stdio: ['ignore', 'ignore', 'inherit'] });
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

/** When each subscriber portal of a deployment committed its copy of each origin item. */
function receivedTimes(d: Deployment): Map<string, number> {
  const db = new BetterSqlite3(path.join(d.dataDir, 'lantoa.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`select s.portal_id, r.origin_item_id, r.received_at from federation_received r join federation_subscriptions s on s.id = r.subscription_id where r.outcome = 'applied'`)
      .all() as Array<{ portal_id: number; origin_item_id: number; received_at: string }>;
    return new Map(rows.map((r) => [`${d.name}:${r.portal_id}:${r.origin_item_id}`, Date.parse(r.received_at)]));
  } finally {
    db.close();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

async function publishRound(central: Deployment, count: number, label: string): Promise<Array<{ id: number; at: number }>> {
  const out: Array<{ id: number; at: number }> = [];
  for (let i = 0; i < count; i++) {
    const created = await api(central, 'POST', '/api/v1/portals/chinhphu/articles', { type: 'directive', lang: 'vi', section: 'tin-tuc', title: `Chỉ thị ${label} số ${i + 1} của Thủ tướng Chính phủ`, summary: 'Về việc tăng cường kỷ luật, kỷ cương hành chính.', body: `<p>Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương (${label} ${i + 1}).</p>`.repeat(8) });
    await api(central, 'POST', `/api/v1/articles/${created.id}/workflow`, { action: 'publish' });
    out.push({ id: created.id, at: Date.now() });
    if (INTERVAL > 0) await sleep(INTERVAL);
  }
  return out;
}

async function waitAll(subs: Deployment[], published: Array<{ id: number }>, portalsPer: (d: Deployment) => number, timeoutMs = 120_000): Promise<Map<string, number>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const times = new Map<string, number>();
    for (const d of subs) for (const [k, v] of receivedTimes(d)) times.set(k, v);
    const expected = subs.reduce((n, d) => n + portalsPer(d), 0) * published.length;
    const ids = new Set(published.map((p) => p.id));
    const got = [...times.keys()].filter((k) => ids.has(Number(k.split(':')[2]))).length;
    if (got >= expected) return times;
    if (Date.now() > end) throw new Error(`only ${got} of ${expected} deliveries after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

function report(label: string, published: Array<{ id: number; at: number }>, times: Map<string, number>) {
  const perPublish: number[] = [];
  const perDelivery: number[] = [];
  for (const p of published) {
    let latest = 0;
    for (const [k, t] of times) {
      if (Number(k.split(':')[2]) !== p.id) continue;
      const ms = t - p.at;
      perDelivery.push(ms);
      latest = Math.max(latest, ms);
    }
    perPublish.push(latest);
  }
  perPublish.sort((a, b) => a - b);
  perDelivery.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(34)} live everywhere: p50 ${fmt(quantile(perPublish, 0.5))}  p99 ${fmt(quantile(perPublish, 0.99))}  max ${fmt(perPublish[perPublish.length - 1])}   each delivery: p50 ${fmt(quantile(perDelivery, 0.5))}  p99 ${fmt(quantile(perDelivery, 0.99))}  (${perDelivery.length} deliveries)\n`);
  return { p50: quantile(perPublish, 0.5), p99: quantile(perPublish, 0.99) };
}

const deployments: Deployment[] = [];
try {
  const names = (kind: string, from: number) => Array.from({ length: PER }, (_, i) => ({ slug: `${kind === 'ministry' ? 'bo' : 'tinh'}-${String(from + i).padStart(2, '0')}`, kind: kind as 'ministry' | 'province', name: `Cổng Thông tin điện tử ${kind === 'ministry' ? 'Bộ' : 'Tỉnh'} ${from + i}` }));
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

  // baseline: one subscriber
  await api(a, 'POST', `/api/v1/portals/${a.portals[0]}/subscriptions`, { source, policy: { mode: 'publish' } });
  const base = await publishRound(central, BASELINE, 'baseline');
  const baseTimes = await waitAll([a], base, () => 1);
  process.stdout.write('\n');
  const baseline = report('baseline (1 subscriber)', base, baseTimes);

  // fan-out: every subscriber
  const started = Date.now();
  for (const d of subs) for (const slug of d.portals) if (!(d === a && slug === a.portals[0])) await api(d, 'POST', `/api/v1/portals/${slug}/subscriptions`, { source, policy: { mode: 'publish' } });
  process.stdout.write(`subscribed ${3 * PER} portals in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const fan = await publishRound(central, PUBLISHES, 'fan-out');
  const fanTimes = await waitAll(subs, fan, (d) => d.portals.length);
  const fanout = report(`fan-out (${3 * PER} subscribers, 3 deployments)`, fan, fanTimes);
  process.stdout.write(`\nratio fan-out/baseline: p50 ${(fanout.p50 / baseline.p50).toFixed(2)}×  p99 ${(fanout.p99 / baseline.p99).toFixed(2)}×\n`);
  process.stdout.write(`target p99 < 3000 ms: ${fanout.p99 < 3000 ? 'met' : 'NOT met'} (${PUBLISHES} publishes, one every ${INTERVAL} ms plus the API calls)\n`);
} finally {
  await Promise.all(deployments.map(stop));
  if (!args.keep) for (const d of deployments) fs.rmSync(d.dataDir, { recursive: true, force: true });
  else for (const d of deployments) process.stdout.write(`kept ${d.name}: ${d.dataDir}\n`);
}
