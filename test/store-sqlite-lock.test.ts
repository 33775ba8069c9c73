import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connect, type AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { createWeb } from '../src/app.ts';
import { client, createTestEnv, sampleNews, seedNetwork, startServer, waitFor, type Network, type TestEnv, type TestServer } from './helpers.ts';

// Another process (here: a second connection on the same file) holds SQLite's write lock.
// A write of ours must wait for it without blocking the event loop: /healthz and every
// other request keep being answered meanwhile; past SQLITE_BUSY_TIMEOUT_MS the write is
// refused with 503 and Retry-After, and nothing of it is kept.

describe('SQLite: another process holding the write lock', () => {
  for (const budget of ['5000', '150']) {
    describe(`with SQLITE_BUSY_TIMEOUT_MS=${budget}`, () => {
      let env: TestEnv;
      let server: TestServer;
      let net: Network;
      before(async () => {
        env = await createTestEnv('sqlite', { env: { SQLITE_BUSY_TIMEOUT_MS: budget } });
        net = await seedNetwork(env.services);
        server = await startServer(env.services);
      });
      after(async () => {
        await server.close();
        await env.close();
      });

      it(budget === '5000' ? 'waits asynchronously: /healthz answers while a write waits, and the write lands once the lock is free' : 'refuses the write with 503 and Retry-After once the wait is over, keeping nothing', async (t) => {
        const writer = client(server.url, net.tokens.writer);
        const blocker = new BetterSqlite3(env.services.store.file);
        const delay = monitorEventLoopDelay({ resolution: 10 });
        try {
          blocker.prepare('begin immediate').run();
          delay.enable();
          let settled = false;
          const title = `Bài viết chờ khóa ${budget}`;
          const write = writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title }).finally(() => (settled = true));
          if (budget === '5000') {
            // the write is waiting for the lock, and the process answers other requests meanwhile
            let answeredWhileWaiting = 0;
            await waitFor(
              async () => {
                const res = await fetch(`${server.url}/healthz`);
                if (res.status === 200 && !settled) answeredWhileWaiting++;
                return answeredWhileWaiting >= 3;
              },
              4000,
              5,
            );
            const list = await client(server.url).get('/api/v1/portals/chinhphu/articles');
            assert.equal(list.status, 200, 'reads go on while a write waits for the lock');
            assert.equal(settled, false, 'the write was still waiting for the lock');
            blocker.prepare('commit').run();
            const res = await write;
            assert.equal(res.status, 201, res.text);
          } else {
            const res = await write;
            assert.equal(res.status, 503, res.text);
            assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After');
            assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
            blocker.prepare('commit').run();
            const kept = await env.services.store.db.selectFrom('content_items').select('id').where('title', '=', title).execute();
            assert.deepEqual(kept, [], 'nothing of the refused write was kept');
          }
        } finally {
          delay.disable();
          if (blocker.inTransaction) blocker.prepare('rollback').run();
          blocker.close();
        }
        t.diagnostic(`event-loop delay while the lock was held: max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms`);
      });
    });
  }
});

describe('shutting down', () => {
  it('finishes the request in flight and answers new ones with 503 problem+json and Retry-After', async () => {
    const env = await createTestEnv('sqlite');
    const net = await seedNetwork(env.services);
    const app = await createWeb(env.services, { logRequests: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    let inFlight = 0;
    app.server.on('request', () => void inFlight++);
    const { port } = app.server.address() as AddressInfo;
    // the lock keeps the first write in flight while the server starts closing
    const blocker = new BetterSqlite3(env.services.store.file);
    blocker.prepare('begin immediate').run();
    const body = JSON.stringify({ ...sampleNews, title: 'Gửi trước khi dừng' });
    const request = `POST /api/v1/portals/chinhphu/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${net.tokens.writer}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d));
    try {
      socket.write(request);
      await waitFor(async () => inFlight === 1);
      const closing = app.close();
      // the same connection, busy, stays open: a second request on it comes in once the server stopped listening
      await waitFor(async () => !app.server.listening);
      socket.write(request);
      blocker.prepare('commit').run();
      // responses follow each other on the connection, the second right after the first's body
      await waitFor(async () => (received.match(/HTTP\/1\.1 \d{3} /g) ?? []).length === 2, 10_000);
      const [first, second] = received.split(/(?=HTTP\/1\.1 \d{3} )/);
      assert.match(first, /^HTTP\/1\.1 201/, 'the request in flight finished');
      assert.match(second, /^HTTP\/1\.1 503/);
      assert.match(second, /content-type: application\/problem\+json/i);
      assert.match(second, /retry-after: \d+/i);
      assert.match(second, /"status":503/);
      await closing;
    } finally {
      socket.destroy();
      if (blocker.inTransaction) blocker.prepare('rollback').run();
      blocker.close();
      await app.close().catch(() => {});
      await env.close();
    }
  });
});
