import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
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
        const blocker = new BetterSqlite3(env.services.store.file!);
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
            await waitFor(async () => {
              const res = await fetch(`${server.url}/healthz`);
              if (res.status === 200 && !settled) answeredWhileWaiting++;
              return answeredWhileWaiting >= 3;
            }, 4000, 5);
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
