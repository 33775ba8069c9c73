import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createServices, createWorker, type Services } from '../src/app.ts';
import { client, createTestSchema, postgresSkip, sampleNews, seedNetwork, startServer, waitFor, type Network, type TestServer } from './helpers.ts';
import { rawRequest } from './site-helpers.ts';

// Faults between the app and PostgreSQL: backends terminated under load, and a silent
// partition (a proxy that stops forwarding without closing anything). The process must
// survive every one, keep serving what it has cached (marked stale), refuse writes with
// 503 + Retry-After, say so on /readyz, and recover by itself once the database is back.

/**
 * A TCP proxy on loopback in front of PostgreSQL that can go silent: `freeze()` drops
 * everything on the connections it has and on those it accepts meanwhile, closing none
 * (half-open connections, as after a partition that lost their state); `thaw()` lets new
 * connections through again. Connections frozen once stay dead.
 */
class FreezableProxy {
  private server: net.Server;
  private frozen = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly dead = new WeakSet<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((downstream) => this.accept(downstream));
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private accept(downstream: net.Socket) {
    this.sockets.add(downstream);
    downstream.on('close', () => this.sockets.delete(downstream));
    downstream.on('error', () => {});
    if (this.frozen) {
      this.dead.add(downstream);
      downstream.on('data', () => {});
      return;
    }
    const upstream = net.connect(this.target);
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => downstream.destroy());
    downstream.on('data', (chunk) => {
      if (!this.dead.has(downstream)) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!this.dead.has(downstream)) downstream.write(chunk);
    });
    downstream.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (!this.dead.has(downstream)) downstream.destroy();
    });
  }

  freeze() {
    this.frozen = true;
    for (const s of this.sockets) this.dead.add(s);
  }

  thaw() {
    this.frozen = false;
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server.close(r));
  }
}

/** Every uncaught exception and unhandled rejection while a test runs: none may happen. */
function crashSentinel() {
  const seen: string[] = [];
  const onError = (err: unknown) => void seen.push(err instanceof Error ? err.message : String(err));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    seen,
    stop() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}

interface FaultEnv {
  services: Services;
  server: TestServer;
  net: Network;
  close(): Promise<void>;
}

/** Services, a web server and a worker over `databaseUrl`, with a name of their own on the server (to terminate only ours). */
async function startFaultEnv(schemaUrl: string, env: Record<string, string> = {}, databaseUrl = schemaUrl): Promise<FaultEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-faults-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '3999', DATABASE_URL: databaseUrl, ...env });
  const services = await createServices(config, { logger: pino({ level: process.env.TEST_LOG ?? 'silent' }) });
  const net = await seedNetwork(services);
  const server = await startServer(services);
  const worker = createWorker(services, { pollMs: 50 });
  worker.start();
  return {
    services,
    server,
    net,
    async close() {
      await worker.stop().catch(() => {});
      await server.close().catch(() => {});
      await services.store.close().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

async function publishedArticlePath(f: FaultEnv, title: string): Promise<{ id: number; path: string }> {
  const chief = client(f.server.url, f.net.tokens['editor-in-chief']);
  const created = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title });
  assert.equal(created.status, 201, created.text);
  const published = await chief.post(`/api/v1/articles/${created.json.id}/workflow`, { action: 'publish' });
  assert.equal(published.status, 200, published.text);
  return { id: created.json.id, path: new URL(published.json.url ?? (await chief.get(`/api/v1/articles/${created.json.id}`)).json.url).pathname };
}

describe('PostgreSQL connection faults', { skip: postgresSkip }, () => {
  it('survives terminated backends under load (serve and worker) and recovers by itself', async (t) => {
    const schema = await createTestSchema();
    const appName = `lantoa_faults_${process.pid}_${Date.now()}`;
    const f = await startFaultEnv(withParams(schema.url, { application_name: appName }));
    const sentinel = crashSentinel();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      // connections checked out and busy when the server ends them: the case that used to crash
      const busy = [1, 2, 3].map(() =>
        sql`select pg_sleep(5)`.execute(f.services.store.db).then(
          () => 'finished',
          (e: Error) => e.message,
        ),
      );
      await waitFor(async () => (await admin.query(`select count(*)::int as n from pg_stat_activity where application_name = $1 and query like 'select pg_sleep%'`, [appName])).rows[0].n >= 3);
      const killedAt = Date.now();
      const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [appName]);
      assert.ok((rowCount ?? 0) >= 4, 'the pool and the LISTEN connection were terminated');
      for (const outcome of await Promise.all(busy)) assert.match(outcome, /terminat/i, 'the queries under way fail, as errors');
      const anon = client(f.server.url);
      await waitFor(async () => (await anon.get('/api/v1/portals')).status === 200, 20_000);
      const recoveredMs = Date.now() - killedAt;
      // writes work again, and the listener is back (readyz says so)
      const writer = client(f.server.url, f.net.tokens.writer);
      await waitFor(async () => (await writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Sau khi mất kết nối' })).status === 201, 20_000);
      await waitFor(async () => (await anon.get('/readyz')).json?.checks?.listener?.ok === true, 20_000);
      assert.deepEqual(sentinel.seen, [], 'no uncaught exception');
      t.diagnostic(`terminated ${rowCount} backends; API answering again after ${recoveredMs} ms`);
    } finally {
      sentinel.stop();
      await admin.end();
      await f.close();
      await schema.drop();
    }
  });

  describe('a silent partition (a proxy that stops forwarding without closing)', () => {
    let schema: Awaited<ReturnType<typeof createTestSchema>>;
    let proxy: FreezableProxy;
    let f: FaultEnv;
    let sentinel: ReturnType<typeof crashSentinel>;
    before(async () => {
      schema = await createTestSchema();
      const real = new URL(schema.url);
      proxy = new FreezableProxy({ host: real.hostname, port: Number(real.port || 5432) });
      await proxy.start();
      const proxied = new URL(schema.url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      // short limits, so the test sees in a second what production sees in tens of seconds
      f = await startFaultEnv(schema.url, { DATABASE_HEARTBEAT_MS: '200', DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_QUERY_TIMEOUT_MS: '1500', DATABASE_KEEPALIVE_MS: '1000' }, proxied.toString());
      sentinel = crashSentinel();
    });
    after(async () => {
      sentinel.stop();
      proxy.thaw();
      await f.close();
      await proxy.close();
      await schema.drop();
    });

    it('notices it, serves cached pages marked stale, refuses writes with 503, tells the truth on /readyz, and recovers', async (t) => {
      const { port } = new URL(f.server.url);
      const host = 'chinhphu.localhost';
      const article = await publishedArticlePath(f, 'Trang được lưu trước sự cố');
      const first = await rawRequest(Number(port), host, article.path);
      assert.equal(first.status, 200);
      await waitFor(async () => (await rawRequest(Number(port), host, article.path)).headers['x-cache'] === 'HIT');
      const home = await rawRequest(Number(port), host, '/');
      assert.equal(home.status, 200);
      const anon = client(f.server.url);
      const ready = await anon.get('/readyz');
      assert.equal(ready.status, 200);
      assert.equal(ready.json.status, 'ready');
      assert.equal(ready.json.checks.listener.ok, true);

      proxy.freeze();
      const frozenAt = Date.now();
      // the listener's heartbeat notices; /readyz says what is wrong but stays 200 while there are pages to serve
      const degraded = await waitFor(async () => {
        const r = await anon.get('/readyz');
        return r.json?.checks?.listener?.ok === false && r.json?.checks?.store?.ok === false ? r : undefined;
      }, 20_000);
      const noticedMs = Date.now() - frozenAt;
      assert.equal(degraded.status, 200, 'a node that can serve its cached pages stays in the pool');
      assert.match(degraded.json.status, /degraded/);

      // cached pages keep answering, marked stale
      const stale = await rawRequest(Number(port), host, article.path);
      assert.equal(stale.status, 200);
      assert.equal(stale.headers['x-cache'], 'STALE');
      assert.match(stale.text, /Trang được lưu trước sự cố/);
      assert.equal((await rawRequest(Number(port), host, '/')).status, 200);
      assert.equal((await anon.get('/healthz')).status, 200);

      // writes: 503, problem+json, Retry-After
      const writer = client(f.server.url, f.net.tokens.writer);
      const refused = await writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Viết trong sự cố' });
      assert.equal(refused.status, 503, refused.text);
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(refused.json.status, 503);

      // with nothing cached either, the node can serve nothing: now /readyz is 503
      f.services.pagecache.cache.clear();
      assert.equal((await anon.get('/readyz')).status, 503);

      proxy.thaw();
      const thawedAt = Date.now();
      await waitFor(async () => {
        const r = await anon.get('/readyz');
        return r.status === 200 && r.json.status === 'ready';
      }, 30_000);
      const recoveredMs = Date.now() - thawedAt;
      const fresh = await rawRequest(Number(port), host, article.path);
      assert.equal(fresh.status, 200);
      assert.notEqual(fresh.headers['x-cache'], 'STALE');
      await waitFor(async () => (await writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Viết sau sự cố' })).status === 201, 20_000);

      // the worker did not hang on its dead connection: a job queued now is delivered
      let delivered = false;
      f.services.outbox.handle('faults.after-partition', async () => void (delivered = true));
      await f.services.outbox.enqueue(f.services.store.db, 'faults.after-partition', {});
      await waitFor(async () => delivered, 20_000);
      assert.deepEqual(sentinel.seen, [], 'no uncaught exception');
      t.diagnostic(`partition noticed after ${noticedMs} ms (heartbeat 200 ms); ready again ${recoveredMs} ms after it healed`);
    });
  });
});
