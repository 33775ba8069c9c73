import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createTestEnv, engines, seedNetwork, startServer, waitFor, type TestEnv } from './helpers.ts';
import { createWeb } from '../src/app.ts';
import { vnDayStart } from '../src/modules/analytics/calendar.ts';
import type { AnalyticsSettings } from '../src/modules/analytics/service.ts';

// Ingestion under pressure, on each engine: nothing lost on a graceful
// shutdown, a full buffer shedding with 503 (and saying so on /metrics)
// rather than growing, forwarding that never holds ingestion up, and raw
// events pruned by whole days while the rollups stay.

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';
const beacon = (path: string, extra: Record<string, unknown> = {}) => JSON.stringify({ n: 'pageview', u: `http://chinhphu.localhost:3999${path}`, r: null, w: 1280, ...extra });

function post(base: string, body: string, ip = '10.9.0.1'): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL('/api/event', base);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA, 'x-forwarded-for': ip } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    // a beacon left unanswered is a failure to report, not a test that hangs
    req.setTimeout(10_000, () => req.destroy(new Error('no answer to the beacon within 10 s')));
    req.end(body);
  });
}

async function setup(engine: 'sqlite' | 'postgres', analytics: Partial<AnalyticsSettings>, clock?: () => Date) {
  const env = await createTestEnv(engine, { clock, env: { TRUST_PROXY: '127.0.0.1' }, build: { analytics } });
  const net = await seedNetwork(env.services);
  const server = await startServer(env.services);
  return { env, net, server };
}

async function pageviews(env: TestEnv): Promise<number> {
  const r = await env.services.store.db
    .selectFrom('analytics_daily')
    .select((eb) => eb.fn.sum('pageviews').as('n'))
    .where('dim', '=', 'total')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

for (const engine of engines()) {
  describe(`analytics ingestion (${engine})`, () => {
    it('writes every accepted event when the server shuts down gracefully', async () => {
      // batches an hour apart: whatever is written before close() was written by close()
      const { env, server } = await setup(engine, { flushMs: 3_600_000 });
      try {
        const n = 250;
        const answers = await Promise.all(Array.from({ length: n }, (_, i) => post(server.url, beacon(`/p/${i % 7}`), `10.9.${i >> 8}.${i & 255}`)));
        assert.ok(answers.every((a) => a.status === 202));
        assert.equal(env.services.analytics.metrics().buffered, n);
        assert.equal(await pageviews(env), 0, 'nothing written yet');
        await server.close();
        assert.equal(await pageviews(env), n);
        assert.equal(env.services.analytics.metrics().buffered, 0);
        assert.equal(env.services.analytics.metrics().lostOnClose, 0);
      } finally {
        await env.close();
      }
    });

    it('sheds events with 503 when the buffer is full, counts them, and writes the ones it took', async () => {
      const { env, server } = await setup(engine, { flushMs: 3_600_000, maxBuffer: 5 });
      try {
        const statuses: number[] = [];
        let shed: { headers: http.IncomingHttpHeaders; text: string } | undefined;
        for (let i = 0; i < 8; i++) {
          const r = await post(server.url, beacon('/'), `10.8.0.${i}`);
          statuses.push(r.status);
          if (r.status === 503) shed = r;
        }
        assert.deepEqual(statuses, [202, 202, 202, 202, 202, 503, 503, 503]);
        assert.match(String(shed!.headers['content-type']), /^application\/problem\+json/);
        assert.equal(shed!.headers['retry-after'], '1');
        assert.equal(JSON.parse(shed!.text).status, 503);
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        assert.match(metrics, /lantoa_analytics_events_total\{outcome="shed"\} 3\b/);
        assert.match(metrics, /lantoa_analytics_buffered_events 5\b/);
        // once written, the buffer takes events again
        await env.services.analytics.flush();
        assert.equal((await post(server.url, beacon('/'), '10.8.1.1')).status, 202);
        await server.close();
        assert.equal(await pageviews(env), 6);
      } finally {
        await env.close();
      }
    });

    it('forwards page views in batches to a national collector without holding ingestion up', async () => {
      const received: Array<{ siteId: string; events: Array<Record<string, unknown>> }> = [];
      // the first batch meets a collector that holds it for seconds and then fails: it must be tried again
      let held: (() => void) | undefined;
      let holding = false;
      let first = true;
      const release = () => {
        const answer = held;
        held = undefined;
        answer?.();
      };
      const collector = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          if (first) {
            first = false;
            holding = true;
            held = () => res.writeHead(503).end();
            return;
          }
          received.push(JSON.parse(body));
          res.writeHead(202).end();
        });
      });
      await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/collect`;
      const closeCollector = async () => {
        release();
        collector.closeAllConnections();
        await new Promise((r) => collector.close(r));
      };
      const { env, server } = await setup(engine, { flushMs: 20, forwardUrl: url, forwardSiteId: 'vn-gov-test', forwardMs: 20 }).catch(async (err) => {
        await closeCollector();
        throw err;
      });
      try {
        for (let i = 0; i < 4; i++) assert.equal((await post(server.url, beacon(`/tin-tuc/${i}`), `10.7.0.${i}`)).status, 202);
        assert.equal((await post(server.url, JSON.stringify({ n: 'outbound', u: 'http://chinhphu.localhost:3999/', p: { url: 'https://dichvucong.gov.vn/' } }))).status, 202);
        // while the collector sits on the first batch, beacons are still answered and written
        await waitFor(async () => holding && (await pageviews(env)) === 4, 10_000);
        assert.equal((await post(server.url, beacon('/tin-tuc/3'), '10.7.0.3')).status, 202);
        await env.services.analytics.flush();
        assert.equal(await pageviews(env), 5);
        release();
        await waitFor(async () => env.services.analytics.metrics().forwarded >= 5, 10_000);
        const events = received.flatMap((b) => b.events);
        assert.equal(events.length, 5, 'page views only, each once');
        assert.ok(received.every((b) => b.siteId === 'vn-gov-test'));
        assert.deepEqual(
          events.map((e) => e.url).sort(),
          [0, 1, 2, 3, 3].map((i) => `http://chinhphu.localhost:3999/tin-tuc/${i}`),
        );
        assert.equal(events[0].portal, 'chinhphu');
        assert.match(String(events[0].visitor), /^[A-Za-z0-9_-]{22}$/);
        assert.ok(!JSON.stringify(events).includes('10.7.0.'), 'no address leaves');
      } finally {
        await server.close();
        await env.close();
        await closeCollector();
      }
    });

    it('prunes raw events by whole days and keeps the rollups', async () => {
      let now = vnDayStart('2025-04-01') + 10 * 3600_000;
      const { env, server } = await setup(engine, { flushMs: 20, rawDays: 2 }, () => new Date(now));
      const db = env.services.store.db;
      const raw = async (day: string) =>
        Number(
          (
            await db
              .selectFrom('analytics_events')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('day', '=', day)
              .executeTakeFirst()
          )?.n ?? 0,
        );
      try {
        for (const day of ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04']) {
          now = vnDayStart(day) + 10 * 3600_000;
          assert.equal((await post(server.url, beacon('/'))).status, 202);
          await env.services.analytics.flush();
        }
        // on 04-04, two days of raw events are kept before it: 04-02 and 04-03
        assert.deepEqual([await raw('2025-04-01'), await raw('2025-04-02'), await raw('2025-04-03'), await raw('2025-04-04')], [0, 1, 1, 1]);
        assert.equal(await pageviews(env), 4);
        if (engine === 'postgres') {
          const parts = await sql<{
            name: string;
          }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'analytics_events' and p.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(
            env.services.store.db,
          );
          const names = parts.rows.map((r) => r.name).sort();
          assert.ok(!names.includes('analytics_events_20250401'), 'the old day’s partition is dropped');
          assert.ok(names.includes('analytics_events_20250405'), 'tomorrow’s is ready');
        }
      } finally {
        await server.close();
        await env.close();
      }
    });

    it('answers the same through Fastify (app.inject) as on the raw fast path, and limits no address', async () => {
      const env = await createTestEnv(engine, { env: { TRUST_PROXY: '127.0.0.1' }, build: { analytics: { flushMs: 3_600_000 } } });
      await seedNetwork(env.services);
      const app = await createWeb(env.services, { logRequests: false });
      try {
        const inject = (payload: string, type = 'text/plain;charset=UTF-8', ua = UA) => app.inject({ method: 'POST', url: '/api/event', payload, headers: { 'content-type': type, 'user-agent': ua, 'x-forwarded-for': '10.5.5.5' } });
        const cases: Array<[string, Awaited<ReturnType<typeof inject>>, number]> = [
          ['page view', await inject(beacon('/')), 202],
          ['as JSON', await inject(beacon('/'), 'application/json'), 202],
          ['malformed', await inject('{"n":'), 400],
          ['empty', await inject(''), 400],
          ['other site', await inject(JSON.stringify({ n: 'pageview', u: 'https://example.com/' })), 400],
          ['too large', await inject(beacon('/', { r: 'x'.repeat(20_000) })), 413],
          ['form', await inject('n=1', 'application/x-www-form-urlencoded'), 415],
          ['bot', await inject(beacon('/'), 'text/plain', 'Googlebot/2.1 (+http://www.google.com/bot.html)'), 202],
        ];
        for (const [name, r, status] of cases) {
          assert.equal(r.statusCode, status, `${name}: ${r.body}`);
          if (status >= 400) assert.match(String(r.headers['content-type']), /^application\/problem\+json/, name);
        }
        // readers behind one carrier's address are many: no per-address limit on the beacon
        const many = await Promise.all(Array.from({ length: 300 }, () => inject(beacon('/'))));
        assert.ok(many.every((r) => r.statusCode === 202));
        assert.equal(env.services.analytics.metrics().buffered, 302);
        const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body);
        for (const p of ['/api/event', '/api/v1/portals/{slug}/stats', '/api/v1/portals/{slug}/stats/realtime', '/api/v1/portals/{slug}/stats.csv']) assert.ok(doc.paths[p], `OpenAPI documents ${p}`);
        await app.close();
        assert.equal(await pageviews(env), 302, 'closing the app wrote the buffer');
      } finally {
        await app.close();
        await env.close();
      }
    });

    it('keeps a failed batch and writes it once the store answers again', async () => {
      const { env, server } = await setup(engine, { flushMs: 3_600_000 });
      try {
        for (let i = 0; i < 3; i++) assert.equal((await post(server.url, beacon('/'), `10.6.0.${i}`)).status, 202);
        // take the rollup table away for a moment: the batch's transaction fails and rolls back whole
        await sql`alter table analytics_daily rename to analytics_daily_away`.execute(env.services.store.db);
        await env.services.analytics.ingestion.flush();
        assert.equal(env.services.analytics.metrics().failedBatches, 1);
        assert.equal(env.services.analytics.metrics().buffered, 3);
        await sql`alter table analytics_daily_away rename to analytics_daily`.execute(env.services.store.db);
        await env.services.analytics.flush();
        assert.equal(await pageviews(env), 3);
        const rawCount = await env.services.store.db
          .selectFrom('analytics_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst();
        assert.equal(Number(rawCount?.n), 3, 'no raw event twice');
      } finally {
        await server.close();
        await env.close();
      }
    });
  });
}
