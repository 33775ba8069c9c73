import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { sql } from 'kysely';
import { createTestEnv, engines, seedNetwork, startServer, type Network, type TestEnv, type TestServer } from './helpers.ts';
import { vnDayStart } from '../src/modules/analytics/calendar.ts';

// Analytics end to end on each engine: beacons over real HTTP into the
// bounded buffer, batches into raw events and rollups, and the dashboards'
// API. Each test works on a day of its own (the clock is injected), so the
// rollups of one test never mix with another's.

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const ZALO = 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12100709 ZaloTheme/light ZaloLanguage/vi';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Hà Nội wall-clock time of a day, as epoch ms. */
const vnTime = (day: string, hhmm: string) => vnDayStart(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** POSTs raw bytes (as sendBeacon would, text/plain unless told otherwise). */
function send(base: string, body: string | Buffer, opts: { ip?: string; ua?: string | null; type?: string; path?: string } = {}): Promise<Sent> {
  const u = new URL(opts.path ?? '/api/event', base);
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'text/plain;charset=UTF-8', 'content-length': String(Buffer.byteLength(body)) };
  if (opts.ua !== null) headers['user-agent'] = opts.ua ?? BROWSER;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function get(base: string, path: string, token?: string): Promise<Sent & { json: any }> {
  return fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(async (r) => {
    const text = await r.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, headers: Object.fromEntries(r.headers), text, json };
  });
}

const PORTAL = 'http://chinhphu.localhost:3999';
const view = (path: string, extra: Record<string, unknown> = {}) => JSON.stringify({ n: 'pageview', u: `${PORTAL}${path}`, r: null, w: 1440, ...extra });

for (const engine of engines()) {
  describe(`analytics (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: Network;
    let now = vnTime('2025-03-01', '10:00');
    const clock = () => new Date(now);
    const db = () => env.services.store.db;

    async function dayTotal(day: string, portalId = net.central.id) {
      const r = await db().selectFrom('analytics_daily').selectAll().where('portal_id', '=', portalId).where('dim', '=', 'total').where('day', '=', day).executeTakeFirst();
      return { pageviews: Number(r?.pageviews ?? 0), visitors: Number(r?.visitors ?? 0), visits: Number(r?.visits ?? 0), bounces: Number(r?.bounces ?? 0), events: Number(r?.events ?? 0) };
    }
    async function rawCount(day: string) {
      const r = await db()
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('day', '=', day)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    }

    before(async () => {
      env = await createTestEnv(engine, { clock, env: { TRUST_PROXY: '127.0.0.1' }, build: { analytics: { flushMs: 20 } } });
      net = await seedNetwork(env.services);
      server = await startServer(env.services);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    it('counts every one of N concurrent beacons exactly once: raw events, and minute, hour and day rollups', async () => {
      const day = '2025-03-02';
      now = vnTime(day, '09:15');
      const visitors = 120;
      const perVisitor = 5;
      const jobs: Promise<Sent>[] = [];
      for (let v = 0; v < visitors; v++) {
        for (let k = 0; k < perVisitor; k++) jobs.push(send(server.url, view(`/tin-tuc/bai-${k}`), { ip: `10.1.${v >> 8}.${v & 255}` }));
      }
      const answers = await Promise.all(jobs);
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
      await env.services.analytics.flush();
      const n = visitors * perVisitor;
      assert.deepEqual(await dayTotal(day), { pageviews: n, visitors, visits: visitors, bounces: 0, events: 0 });
      assert.equal(await rawCount(day), n);
      const hour = await db()
        .selectFrom('analytics_hourly')
        .selectAll()
        .where('dim', '=', 'total')
        .where('bucket', '=', new Date(vnTime(day, '09:00')).toISOString())
        .executeTakeFirstOrThrow();
      assert.equal(Number(hour.pageviews), n);
      assert.equal(Number(hour.visitors), visitors);
      const minute = await db().selectFrom('analytics_minute').selectAll().where('dim', '=', 'total').where('bucket', '=', new Date(now).toISOString()).executeTakeFirstOrThrow();
      assert.equal(Number(minute.pageviews), n);
      // the minute rollups carry the dimensions too: each page's views in that minute
      const minutePages = await db().selectFrom('analytics_minute').select(['value', 'pageviews']).where('dim', '=', 'page').where('bucket', '=', new Date(now).toISOString()).orderBy('value').execute();
      assert.deepEqual(
        minutePages.map((p) => [p.value, Number(p.pageviews)]),
        [0, 1, 2, 3, 4].map((k) => [`/tin-tuc/bai-${k}`, visitors]),
      );
      const pages = await db().selectFrom('analytics_daily').select(['value', 'pageviews', 'visitors']).where('dim', '=', 'page').where('day', '=', day).orderBy('value').execute();
      assert.deepEqual(
        pages.map((p) => [p.value, Number(p.pageviews), Number(p.visitors)]),
        [0, 1, 2, 3, 4].map((k) => [`/tin-tuc/bai-${k}`, visitors, visitors]),
      );
      // no address and no User-Agent in the raw events: only the day's hash
      const sample = await db().selectFrom('analytics_events').selectAll().where('day', '=', day).limit(1).executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(sample), /10\.1\.|Windows NT|AppleWebKit/);
      assert.match(sample.visitor, /^[A-Za-z0-9_-]{22}$/);
    });

    it('tells visits apart by 30 minutes without a page view, and counts one-page visits as bounces', async () => {
      const day = '2025-03-03';
      const ip = '10.2.0.1';
      now = vnTime(day, '08:00');
      await send(server.url, view('/a'), { ip });
      now = vnTime(day, '08:29');
      await send(server.url, view('/b'), { ip }); // same visit
      now = vnTime(day, '09:05');
      await send(server.url, view('/c'), { ip }); // 36 minutes later: a new visit, a bounce
      now = vnTime(day, '09:06');
      await send(server.url, view('/d'), { ip, ua: IPHONE }); // another browser: another visitor, a bounce
      await env.services.analytics.flush();
      assert.deepEqual(await dayTotal(day), { pageviews: 4, visitors: 2, visits: 3, bounces: 2, events: 0 });
      // the second view of the 08:00 visit took back the bounce where its first view put it
      const hours = await db()
        .selectFrom('analytics_hourly')
        .select(['bucket', 'visits', 'bounces', 'visitors'])
        .where('dim', '=', 'total')
        .where('bucket', 'like', `${day.slice(0, 8)}%`)
        .orderBy('bucket')
        .execute();
      const byHour = Object.fromEntries(hours.map((h) => [h.bucket, [Number(h.visits), Number(h.bounces), Number(h.visitors)]]));
      assert.deepEqual(byHour[new Date(vnTime(day, '08:00')).toISOString()], [1, 0, 1]);
      assert.deepEqual(byHour[new Date(vnTime(day, '09:00')).toISOString()], [2, 2, 2]);
    });

    it('gives a reader a new pseudonym at midnight in Hà Nội and deletes the old day’s salt', async () => {
      const day1 = '2025-03-04';
      const day2 = '2025-03-05';
      const ip = '10.3.0.1';
      now = vnTime(day1, '23:50');
      await send(server.url, view('/x'), { ip });
      await env.services.analytics.flush();
      now = vnTime(day1, '23:55');
      await send(server.url, view('/y'), { ip });
      await env.services.analytics.flush();
      assert.deepEqual(await dayTotal(day1), { pageviews: 2, visitors: 1, visits: 1, bounces: 0, events: 0 });
      now = vnTime(day2, '00:00') + 30_000; // within the grace: yesterday's salt is still there for late batches
      await send(server.url, view('/y'), { ip });
      await env.services.analytics.flush();
      const salts = async () => (await db().selectFrom('analytics_salts').select('day').orderBy('day').execute()).map((r) => r.day);
      assert.ok((await salts()).includes(day1));
      now = vnTime(day2, '00:10');
      await send(server.url, view('/z'), { ip });
      await env.services.analytics.flush();
      // five minutes before and ten after midnight: two days, one visitor each, and two different hashes
      assert.deepEqual(await dayTotal(day2), { pageviews: 2, visitors: 1, visits: 1, bounces: 0, events: 0 });
      const hashes = await db().selectFrom('analytics_events').select(['day', 'visitor']).where('day', 'in', [day1, day2]).execute();
      const byDay = new Map<string, Set<string>>();
      for (const h of hashes) (byDay.get(h.day) ?? byDay.set(h.day, new Set()).get(h.day)!).add(h.visitor);
      assert.equal(byDay.get(day1)!.size, 1);
      assert.equal(byDay.get(day2)!.size, 1);
      assert.notEqual([...byDay.get(day1)!][0], [...byDay.get(day2)!][0]);
      // past the grace the salt of the day before is gone, and with it every way back to the reader
      assert.ok(!(await salts()).some((d) => d < day2), `salts left: ${await salts()}`);
      const states = await db().selectFrom('analytics_visitors').select('day').where('day', '<', day2).execute();
      assert.equal(states.length, 0);
    });

    it('refuses bad beacons with 400/413/415 problem documents and drops bots with 202, counting none of them', async () => {
      const day = '2025-03-06';
      now = vnTime(day, '12:00');
      const base = server.url;
      const cases: Array<[string, Promise<Sent>, number]> = [
        ['not JSON', send(base, 'pageview please'), 400],
        ['malformed JSON', send(base, '{"n":"pageview",', { type: 'application/json' }), 400],
        ['empty body', send(base, ''), 400],
        ['an array', send(base, '[]'), 400],
        ['no fields', send(base, '{}'), 400],
        ['empty name', send(base, JSON.stringify({ n: '', u: `${PORTAL}/` })), 400],
        ['name too long', send(base, JSON.stringify({ n: 'x'.repeat(101), u: `${PORTAL}/` })), 400],
        ['not a URL', send(base, JSON.stringify({ n: 'pageview', u: 'trang chủ' })), 400],
        ['ftp URL', send(base, JSON.stringify({ n: 'pageview', u: 'ftp://chinhphu.localhost/x' })), 400],
        ['another site', send(base, JSON.stringify({ n: 'pageview', u: 'https://example.com/tin-tuc' })), 400],
        ['unknown portal', send(base, JSON.stringify({ n: 'pageview', u: 'http://khong-co.localhost:3999/' })), 400],
        ['width as text', send(base, view('/', { w: 'wide' })), 400],
        ['referrer as number', send(base, view('/', { r: 5 })), 400],
        ['props as list', send(base, view('/', { p: ['a'] })), 400],
        ['outbound without link', send(base, JSON.stringify({ n: 'outbound', u: `${PORTAL}/` })), 400],
        ['huge payload', send(base, view('/', { r: `https://x.vn/${'a'.repeat(20_000)}` })), 413],
        ['form post', send(base, 'n=pageview', { type: 'application/x-www-form-urlencoded' }), 415],
        ['Googlebot', send(base, view('/'), { ua: GOOGLEBOT }), 202],
        ['no User-Agent', send(base, view('/'), { ua: null }), 202],
        ['headless browser', send(base, view('/'), { ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36' }), 202],
      ];
      for (const [name, promise, status] of cases) {
        const r = await promise;
        assert.equal(r.status, status, `${name}: ${r.text}`);
        if (status >= 400) {
          assert.match(String(r.headers['content-type']), /^application\/problem\+json/, name);
          const body = JSON.parse(r.text);
          assert.equal(body.status, status, name);
          assert.ok(body.detail, name);
        }
      }
      const problem = JSON.parse((await send(base, '{}')).text);
      assert.deepEqual(problem.errors.map((e: { path: string }) => e.path).sort(), ['/n', '/u']);
      await env.services.analytics.flush();
      assert.deepEqual(await dayTotal(day), { pageviews: 0, visitors: 0, visits: 0, bounces: 0, events: 0 });
      assert.equal(await rawCount(day), 0);
      const m = env.services.analytics.metrics();
      assert.ok(m.bots >= 3 && m.invalid >= 15, JSON.stringify(m));
    });

    it('classifies sources, devices, browsers and languages and answers the dashboard with the previous period', async () => {
      const day = '2025-03-08';
      now = vnTime('2025-03-07', '10:00'); // the day before: the previous period

      await send(server.url, view('/tin-tuc/a'), { ip: '10.4.0.99' });
      now = vnTime(day, '10:00');
      const beacons: Array<[string, string, string?]> = [
        [view('/tin-tuc/a', { r: 'https://www.google.com.vn/' }), '10.4.0.1'],
        [view('/tin-tuc/b', { r: `${PORTAL}/tin-tuc/a` }), '10.4.0.1'], // inside the portal: same visit, still from Google
        [view('/en/news/x', { r: 'https://l.facebook.com/l.php?u=x', w: 390 }), '10.4.0.2', IPHONE],
        [view('/zh'), '10.4.0.3', ZALO], // Zalo's in-app browser sends no referrer
        [view('/tin-tuc/a?utm_source=newsletter&utm_campaign=Thang-3'), '10.4.0.4'],
        [view('/', { r: 'http://hanoi.localhost:3999/tin-tuc' }), '10.4.0.5'],
        [JSON.stringify({ n: 'outbound', u: `${PORTAL}/dich-vu`, p: { url: 'https://dichvucong.gov.vn/p/home?x=1' } }), '10.4.0.6'],
        [JSON.stringify({ n: 'download', u: `${PORTAL}/van-ban/nd-42`, p: { url: '/media/nd-42.pdf' } }), '10.4.0.6'],
        [JSON.stringify({ n: 'Đăng ký nhận tin', u: `${PORTAL}/` }), '10.4.0.6'],
      ];
      for (const [body, ip, ua] of beacons) assert.equal((await send(server.url, body, { ip, ua })).status, 202);
      await env.services.analytics.flush();

      const denied = await get(server.url, `/api/v1/portals/chinhphu/stats?from=${day}&to=${day}`, net.tokens.editor);
      assert.equal(denied.status, 403);
      const r = await get(server.url, `/api/v1/portals/chinhphu/stats?from=${day}&to=${day}`, net.tokens.analyst);
      assert.equal(r.status, 200, r.text);
      const s = r.json;
      assert.equal(s.pageviews, 6);
      assert.equal(s.visitors, 5);
      assert.equal(s.visits, 5);
      assert.equal(s.bounceRate, 80);
      assert.equal(s.viewsPerVisit, 1.2);
      assert.equal(s.events, 3);
      assert.equal(s.interval, 'hour');
      assert.equal(s.series.length, 24);
      assert.equal(
        s.series.reduce((a: number, p: { pageviews: number }) => a + p.pageviews, 0),
        6,
      );
      assert.deepEqual(s.topPages[0], { path: '/tin-tuc/a', pageviews: 2, visitors: 2 });
      const src = Object.fromEntries(s.sources.map((x: { kind: string; source: string; visitors: number; pageviews: number }) => [`${x.kind}:${x.source}`, [x.visitors, x.pageviews]]));
      assert.deepEqual(src, { 'search:google': [1, 2], 'social:facebook': [1, 1], 'social:zalo': [1, 1], 'campaign:thang-3': [1, 1], 'network:hanoi': [1, 1] });
      assert.deepEqual(Object.fromEntries(s.languages.map((x: { lang: string; pageviews: number }) => [x.lang, x.pageviews])), { vi: 4, en: 1, zh: 1 });
      assert.deepEqual(Object.fromEntries(s.devices.map((x: { device: string; visitors: number }) => [x.device, x.visitors])), { desktop: 3, mobile: 2 });
      assert.ok(s.browsers.some((b: { browser: string }) => b.browser === 'Zalo'));
      assert.deepEqual(s.outbound, [{ url: 'dichvucong.gov.vn/p/home', events: 1, visitors: 1 }]);
      assert.deepEqual(s.downloads, [{ url: 'chinhphu.localhost:3999/media/nd-42.pdf', events: 1, visitors: 1 }]);
      assert.deepEqual(s.customEvents, [{ name: 'Đăng ký nhận tin', events: 1, visitors: 1 }]);
      assert.deepEqual([s.previous.from, s.previous.to, s.previous.pageviews], ['2025-03-07', '2025-03-07', 1]);
      assert.equal(s.change.pageviews, 500);

      const admin = await get(server.url, `/api/v1/portals/chinhphu/stats?from=2025-03-01&to=${day}&interval=day`, net.tokens.admin);
      assert.equal(admin.status, 200);
      assert.equal(admin.json.series.length, 8);
      assert.equal(admin.json.series.at(-1).pageviews, 6);
      assert.equal(admin.json.series.at(-2).pageviews, 1);
      assert.equal(admin.json.series.at(-1).t, new Date(vnDayStart(day)).toISOString());

      const realtime = await get(server.url, '/api/v1/portals/chinhphu/stats/realtime', net.tokens.analyst);
      assert.equal(realtime.status, 200);
      assert.equal(realtime.json.visitors, 5);
      assert.equal(realtime.json.pageviews, 6);
      assert.equal(realtime.json.series.length, 30);
    });

    it('checks who may read the figures and what a period may be', async () => {
      const base = '/api/v1/portals/chinhphu/stats';
      assert.equal((await get(server.url, base)).status, 401);
      for (const role of ['editor', 'writer', 'editor-in-chief', 'feedback-officer'] as const) assert.equal((await get(server.url, base, net.tokens[role])).status, 403, role);
      assert.equal((await get(server.url, base, net.provinceAdmin)).status, 403, 'an admin of another portal');
      assert.equal((await get(server.url, '/api/v1/portals/hanoi/stats', net.provinceAdmin)).status, 200);
      assert.equal((await get(server.url, '/api/v1/portals/nope/stats', net.tokens.analyst)).status, 404);
      assert.equal((await get(server.url, `${base}/realtime`, net.tokens.editor)).status, 403);
      assert.equal((await get(server.url, `${base}.csv`, net.tokens.editor)).status, 403);
      for (const q of ['from=2025-02-30', 'from=yesterday', 'from=2025-03-09&to=2025-03-01', 'interval=week', 'from=2020-01-01&to=2025-01-01', 'from=2025-01-01&to=2025-03-01&interval=minute']) {
        const r = await get(server.url, `${base}?${q}`, net.tokens.analyst);
        assert.equal(r.status, 422, `${q}: ${r.text}`);
        assert.match(String(r.headers['content-type']), /problem\+json/);
      }
    });

    it('exports each table as CSV, defusing text a spreadsheet would run as a formula', async () => {
      const day = '2025-03-10';
      now = vnTime(day, '11:00');
      await send(server.url, view('/tin-tuc/a?utm_campaign==HYPERLINK("http://x.vn","bam")'), { ip: '10.5.0.1' });
      await send(server.url, view('/tin-tuc/a'), { ip: '10.5.0.2' });
      await env.services.analytics.flush();
      const pages = await get(server.url, `/api/v1/portals/chinhphu/stats.csv?from=${day}&to=${day}&table=pages`, net.tokens.analyst);
      assert.equal(pages.status, 200);
      assert.match(String(pages.headers['content-type']), /^text\/csv/);
      assert.match(String(pages.headers['content-disposition']), /attachment; filename="chinhphu-pages-2025-03-10-2025-03-10\.csv"/);
      assert.equal(pages.text, 'path,pageviews,visitors\r\n/tin-tuc/a,2,2\r\n');
      const sources = await get(server.url, `/api/v1/portals/chinhphu/stats.csv?from=${day}&to=${day}&table=sources`, net.tokens.analyst);
      assert.ok(sources.text.includes(`campaign,"'=hyperlink(""http://x.vn"",""bam"")",1,1,1`), sources.text);
      const summary = await get(server.url, `/api/v1/portals/chinhphu/stats.csv?from=${day}&to=${day}&table=summary`, net.tokens.admin);
      assert.ok(summary.text.startsWith('metric,2025-03-10..2025-03-10,previous period\r\nvisitors,2,0\r\nvisits,2,0\r\npageviews,2,0\r\n'), summary.text);
      const series = await get(server.url, `/api/v1/portals/chinhphu/stats.csv?from=${day}&to=${day}`, net.tokens.admin);
      assert.equal(series.text.trim().split('\r\n').length, 25);
      assert.equal((await get(server.url, `/api/v1/portals/chinhphu/stats.csv?table=secrets`, net.tokens.admin)).status, 422);
    });

    it('exposes the ingestion counters on /metrics', async () => {
      const r = await get(server.url, '/metrics');
      assert.match(r.text, /lantoa_analytics_events_total\{outcome="accepted"\} \d+/);
      assert.match(r.text, /lantoa_analytics_events_total\{outcome="shed"\} 0/);
      assert.match(r.text, /lantoa_analytics_buffered_events \d+/);
    });

    if (engine === 'postgres') {
      it('keeps raw events in day partitions, created ahead of the day', async () => {
        const parts = await sql<{
          name: string;
        }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'analytics_events' and c.relnamespace = p.relnamespace and p.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(
          env.services.store.db,
        );
        const names = parts.rows.map((r) => r.name);
        assert.ok(names.includes('analytics_events_20250302'), names.join());
        assert.ok(names.includes('analytics_events_20250311'), 'the day after the last one written is ready');
        const r = await sql<{ n: number }>`select count(*)::int as n from analytics_events_20250302`.execute(env.services.store.db);
        assert.equal(r.rows[0].n, 600);
      });
    }
  });
}
