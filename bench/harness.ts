import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// What the page benchmarks share: child servers that are stopped on exit, a
// store with the demo network plus N generated items (SQLite in a temp
// DATA_DIR, or a fresh PostgreSQL schema), and a raw node:http baseline.

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const cli = path.join(root, 'bin', 'lantoa.js');
export const log = (m: string) => process.stderr.write(`${m}\n`);

const children = new Set<ChildProcess>();
export const cleanups: Array<() => unknown> = [];

/** SIGTERM, then its exit code (null when it did not exit within `timeoutMs`). */
export async function stopChild(child: ChildProcess, timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
}

/** Stops every child server, then runs the cleanups newest first. */
export async function cleanup(): Promise<void> {
  for (const c of children) await stopChild(c);
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((e) => log(`cleanup: ${(e as Error).message}`));
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function spawnChild(argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-5000)));
  child.once('exit', (code) => {
    children.delete(child);
    if (code) log(`${argv.slice(-1)[0]} exited with ${code}: ${err}`);
  });
  return child;
}

export async function runToEnd(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawnChild(argv, env);
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${argv.join(' ')} failed`);
}

/** One GET with a Host header; the bytes and headers as sent. */
export function get(port: number, host: string, p: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p, headers: { host }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

async function waitReady(port: number, child: ChildProcess) {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    try {
      if ((await get(port, '127.0.0.1', '/readyz')).status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error('server not ready after 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `lantoa serve` on a free port, once it answers /readyz. */
export async function serve(env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawnChild([cli, 'serve'], { ...env, ...extra, PORT: String(port) });
  await waitReady(port, child);
  return { port, child };
}

/** A bare node:http server answering every request with the same bytes and headers (RAW_BODY_B64, RAW_HEADERS). */
export const RAW_SERVER = `
const http = require('node:http');
const body = Buffer.from(process.env.RAW_BODY_B64, 'base64');
const headers = { ...JSON.parse(process.env.RAW_HEADERS), 'content-length': body.length };
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

/** Starts the raw baseline serving `body` with `headers`; its port. */
export async function rawServer(body: Buffer, headers: Record<string, string>): Promise<number> {
  const port = await freePort();
  const raw = spawnChild(['-e', RAW_SERVER], { ...process.env, PORT: String(port), RAW_BODY_B64: body.toString('base64'), RAW_HEADERS: JSON.stringify(headers) });
  await new Promise((r) => setTimeout(r, 300));
  if (raw.exitCode !== null) throw new Error('raw server did not start');
  return port;
}

/** The response headers worth replaying from a raw server (not the per-connection ones). */
export function replayableHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string' && !['date', 'connection', 'keep-alive', 'content-length', 'x-cache'].includes(k)) out[k] = v;
  return out;
}

export interface BenchStore {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  databaseUrl: string | undefined;
  /** published items in the store */
  total: number;
}

/**
 * The demo network plus `items` generated items, in a temp SQLite DATA_DIR
 * (or `dataDir`, reused as it is when it already holds a store), or with
 * `pg` in a fresh schema of BENCH_PG_URL. Removed at the end unless `keep`.
 */
export async function prepareStore(opts: { items: number; pg: boolean; dataDir?: string; keep: boolean; label: string }): Promise<BenchStore> {
  let databaseUrl: string | undefined;
  if (opts.pg) {
    const base = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
    cleanups.push(async () => {
      if (opts.keep) return log(`kept schema ${schema}`);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    });
  }
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), `lantoa-bench-${opts.label}-`));
  fs.mkdirSync(dataDir, { recursive: true });
  if (!opts.dataDir) cleanups.push(() => (opts.keep ? log(`kept ${dataDir}`) : fs.rmSync(dataDir, { recursive: true, force: true })));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LANTOA_DEMO: '0', LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;

  const { loadConfig } = await import('../src/config.ts');
  const { createServices } = await import('../src/app.ts');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const count = async (services: Awaited<ReturnType<typeof createServices>>) =>
    Number(
      (
        await services.store.db
          .selectFrom('content_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow()
      ).n,
    );
  let services = await createServices(config);
  const before = (await services.portals.list()).length ? await count(services) : 0;
  await services.store.close();
  // a reused store (--data-dir) is measured as it is
  if (before === 0) {
    const t0 = Date.now();
    log(`preparing the store (${databaseUrl ? 'postgres' : 'sqlite'}): lantoa demo --articles ${opts.items}`);
    await runToEnd([cli, 'demo', '--articles', String(opts.items)], env);
    log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  services = await createServices(config, { skipMigrate: true });
  const total = await count(services);
  await services.store.close();
  return { env, dataDir, databaseUrl, total };
}

/** A whole, non-negative number from a command-line option; exits with a message otherwise. */
export function wholeNumber(name: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < 0) {
    process.stderr.write(`bench: --${name} must be a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
}

/** The resident memory of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
