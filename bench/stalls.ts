// `node --import tsx bench/stalls.ts` — how long editor and upload input can hold the event loop (issue 16, items 3 and 20).
//
// Starts `lantoa serve` (a child process, SQLite in a temp DATA_DIR) with one
// portal and an admin, then sends, one scenario at a time:
//   nested      a body of 100,000 nested <b> tags (300 KB)
//   deep-meta   meta nested 10,000 levels
//   heaviest    the heaviest body the limits allow (2 MB, nesting and element count at the limits)
//   history     the revision history page of an item whose two versions are different 50 KB bodies
//   history-max the same with two different bodies of the largest allowed size
//   uploads     50 concurrent 9.5 MB request bodies
// While each runs, a probe asks /healthz one request after another; the
// scenario's line gives the answer's status, the worst /healthz latency, the
// worst event-loop delay the server saw (perf_hooks.monitorEventLoopDelay, as
// /metrics reports it since the previous scrape) and the server's resident memory.
//
//   npm run bench:stalls -- [--only nested,history] [--timeout S]

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanup, cleanups, log, rssMiB, serve } from './harness.ts';
import { MAX_BODY_DEPTH, MAX_BODY_ELEMENTS } from '../src/modules/content/markup-limits.ts';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, timeout: { type: 'string', default: '120' } } });
const only = args.only ? new Set(args.only.split(',')) : undefined;
const timeoutMs = Number(args.timeout) * 1000;
const HOST = 'chinhphu.localhost';
const PASSWORD = 'mat-khau-bench-stalls-2026';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let port = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, timeout: timeoutMs, headers: { host: HOST, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Asks /healthz one request after another until stopped; the worst latency seen, in ms. */
function probe(): { stop(): Promise<number> } {
  let running = true;
  let worst = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => res.resume().on('end', resolve)).on('error', () => resolve());
      });
      worst = Math.max(worst, performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return worst;
    },
  };
}

/** The server's worst event-loop delay since the previous scrape, in ms (the scrape resets the histogram). */
async function loopMax(): Promise<number> {
  const m = /^lantoa_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec((await request('GET', '/metrics')).body);
  return m ? Number(m[1]) * 1000 : NaN;
}

const rows: string[] = [];
let serverPid = 0;

async function scenario(name: string, run: () => Promise<string>) {
  if (only && !only.has(name)) return;
  await loopMax();
  const rssBefore = rssMiB(serverPid);
  const p = probe();
  const t = performance.now();
  let outcome: string;
  try {
    outcome = await run();
  } catch (err) {
    outcome = `error: ${(err as Error).message}`;
  }
  const took = performance.now() - t;
  const healthz = await p.stop();
  const loop = await loopMax();
  const line = `${name.padEnd(12)} ${outcome.padEnd(34)} took ${took.toFixed(0).padStart(7)} ms  /healthz worst ${healthz.toFixed(0).padStart(7)} ms  event loop max ${loop.toFixed(0).padStart(7)} ms  RSS ${rssBefore.toFixed(0)} → ${rssMiB(serverPid).toFixed(0)} MiB`;
  log(line);
  rows.push(line);
}

/** Words in a deterministic but seed-dependent order: two seeds give two different texts of the same kind. */
function words(seed: number, chars: number): string {
  let s = seed;
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const w = `tu${s % 5000}`;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-stalls-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LANTOA_DEMO: '0', LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  // one portal, one admin with a password and a token, made before the server starts
  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  const services = await createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  {
    const central = await services.portals.create({
      slug: 'chinhphu',
      kind: 'central',
      names: { vi: 'Cổng Chính phủ', en: 'Government Portal' },
      languages: ['vi', 'en'],
      contact: { unit: 'VP', responsible: 'CVP', address: '1 Phố Thử', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' },
    });
    await services.portals.createSection(central, { slug: 'tin-tuc', names: { vi: 'Tin tức', en: 'News' } });
    const account = await services.accounts.addUser({ email: 'admin@bench.gov.vn', portalId: central.id, role: 'admin' });
    await services.accounts.setPassword(account.id, PASSWORD);
  }
  const token = await services.accounts.createToken('admin@bench.gov.vn');
  await services.store.close();

  const server = await serve(env);
  port = server.port;
  serverPid = server.child.pid!;
  const api = (method: string, path: string, body: unknown) => request(method, path, JSON.stringify(body), { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const create = (body: string, extra: Record<string, unknown> = {}) => api('POST', '/api/v1/portals/chinhphu/articles', { type: 'news', lang: 'vi', title: 'Bài đo', summary: '', body, section: 'tin-tuc', ...extra });
  const said = (a: Answer) => {
    let detail = '';
    try {
      const j = JSON.parse(a.body);
      detail = j.errors?.[0]?.message ?? '';
    } catch {
      // not JSON
    }
    return `${a.status}${detail ? ` ${detail.slice(0, 28)}` : ''}`;
  };

  log(`server on ${port} (sqlite)`);
  await scenario('nested', async () => said(await create('<b>'.repeat(100_000))));
  await scenario('deep-meta', async () => {
    // written out by hand: JSON.stringify itself overflows the stack on such an object
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const body = `{"type":"news","lang":"vi","title":"Bài đo","body":"<p>x</p>","section":"tin-tuc","meta":${deep}}`;
    return said(await request('POST', '/api/v1/portals/chinhphu/articles', body, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }));
  });

  // The heaviest body the limits allow: 2,000,000 characters, every element allowed, nested as deep as allowed.
  const depth = MAX_BODY_DEPTH;
  const groups = Math.floor(MAX_BODY_ELEMENTS / depth);
  const text = 'y'.repeat(Math.floor((2_000_000 - groups * depth * 7) / (groups * depth)) - 1);
  const heaviest = (('<b>' + text).repeat(depth) + '</b>'.repeat(depth)).repeat(groups);
  await scenario('heaviest', async () => said(await create(heaviest)));

  const history = async (a: string, b: string) => {
    const created = await create(a);
    if (created.status !== 201) return `create ${said(created)}`;
    const id = JSON.parse(created.body).id;
    const patched = await api('PATCH', `/api/v1/articles/${id}`, { version: 1, body: b });
    if (patched.status !== 200) return `patch ${said(patched)}`;
    // sign in to the admin: the login page's CSRF token and cookie, then the form
    const cookies = new Map<string, string>();
    const keep = (a: Answer) => {
      for (const line of ([] as string[]).concat(a.headers['set-cookie'] ?? [])) {
        const [pair] = line.split(';');
        const i = pair.indexOf('=');
        cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
      }
      return a;
    };
    const jar = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const loginPage = keep(await request('GET', '/admin/login'));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)?.[1] ?? '';
    keep(await request('POST', '/admin/login', new URLSearchParams({ _csrf: csrf, email: 'admin@bench.gov.vn', password: PASSWORD }).toString(), { 'content-type': 'application/x-www-form-urlencoded', cookie: jar() }));
    const t = performance.now();
    const page = await request('GET', `/admin/items/${id}/history?v=2`, undefined, { cookie: jar() });
    const ms = performance.now() - t;
    const fellBack = /class="diff-changed"/.test(page.body) ? ' fell back' : page.body.includes('<ins>') ? ' word diff' : '';
    return `${page.status}${fellBack} page ${ms.toFixed(0)} ms`;
  };
  await scenario('history', () => history(`<p>${words(1, 50_000)}</p>`, `<p>${words(2, 50_000)}</p>`));
  await scenario('history-max', () => history(`<p>${words(3, 1_990_000)}</p>`, `<p>${words(4, 1_990_000)}</p>`));

  // 50 request bodies of 9.5 MB at once (an editor's upload size; JSON so any write route takes it).
  await scenario('uploads', async () => {
    const payload = Buffer.from(JSON.stringify({ type: 'news', lang: 'vi', title: 'Tải lên', body: 'x'.repeat(9.5 * 1024 * 1024 - 100) }));
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid))), 20);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => request('POST', '/api/v1/portals/chinhphu/articles', payload, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }).catch((e) => ({ status: 0, body: String(e), headers: {} }))),
    );
    clearInterval(watch);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    return `${[...byStatus].map(([s, n]) => `${n}×${s}`).join(' ')} peak ${peak.toFixed(0)} MiB`;
  });

  process.stdout.write(`${rows.join('\n')}\n`);
}

main()
  .catch((err) => {
    log(String(err?.stack ?? err));
    process.exitCode = 1;
  })
  .finally(() => cleanup().then(() => process.exit()));
