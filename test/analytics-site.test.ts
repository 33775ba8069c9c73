import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import vm from 'node:vm';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';
import { BEACON_JS, BEACON_JS_PATH } from '../src/web/site/assets.ts';
import { systemContext } from '../src/lib/request-context.ts';

// The beacon on the public pages, and the analytics screen of the admin:
// the script's size and behaviour, its place in every portal page under a
// policy that lets no other script run, and who may see the figures.

const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

function request(port: number, host: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host, 'user-agent': UA, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs the beacon in a bare browser-like sandbox; returns what it sent and its click handler. */
function runBeacon(page: { href: string; host: string; referrer: string; width: number }) {
  const sent: Array<{ url: string; body: any }> = [];
  const listeners: Record<string, (e: unknown) => void> = {};
  const window: Record<string, any> = { location: { href: page.href, host: page.host }, screen: { width: page.width } };
  const document = { referrer: page.referrer, addEventListener: (type: string, fn: (e: unknown) => void) => (listeners[type] = fn) };
  const navigator = { sendBeacon: (url: string, body: string) => (sent.push({ url, body: JSON.parse(body) }), true) };
  vm.runInNewContext(BEACON_JS, { window, document, navigator, URL, JSON });
  const link = (href: string, dataEvent: string | null = null) => ({ href, getAttribute: (name: string) => (name === 'data-event' ? dataEvent : null) });
  const click = (target: unknown, button = 0) => listeners.click({ target: { closest: () => target }, button });
  return { sent, click, link, window, listeners };
}

describe('the beacon script', () => {
  it('stays under 1 KB and sends a page view with URL, referrer and screen width', () => {
    assert.ok(Buffer.byteLength(BEACON_JS) < 1024, `${Buffer.byteLength(BEACON_JS)} bytes`);
    const b = runBeacon({ href: 'http://chinhphu.localhost/tin-tuc/a?utm_source=zalo', host: 'chinhphu.localhost', referrer: 'https://chat.zalo.me/', width: 390 });
    assert.deepEqual(b.sent, [{ url: '/api/event', body: { n: 'pageview', u: 'http://chinhphu.localhost/tin-tuc/a?utm_source=zalo', r: 'https://chat.zalo.me/', w: 390 } }]);
  });
  it('reports outbound links, downloads and marked elements, and nothing for links inside the portal', () => {
    const b = runBeacon({ href: 'http://chinhphu.localhost/', host: 'chinhphu.localhost', referrer: '', width: 1440 });
    assert.equal(b.sent[0].body.r, null);
    b.click(b.link('https://dichvucong.gov.vn/p/home'));
    b.click(b.link('http://chinhphu.localhost/media/nd-42.PDF'));
    b.click(b.link('http://chinhphu.localhost/tin-tuc/b'));
    b.click(b.link('mailto:lienhe@chinhphu.vn'));
    b.click(b.link('http://chinhphu.localhost/phan-anh', 'Mở form phản ánh'));
    b.click(b.link('https://vnexpress.net/'), 2); // a right click opens a menu, not the link
    b.click(null);
    b.window.lantoa('Chia sẻ', { kenh: 'zalo' });
    assert.deepEqual(
      b.sent.slice(1).map((s) => [s.body.n, s.body.p]),
      [
        ['outbound', { url: 'https://dichvucong.gov.vn/p/home' }],
        ['download', { url: 'http://chinhphu.localhost/media/nd-42.PDF' }],
        ['Mở form phản ánh', { url: 'http://chinhphu.localhost/phan-anh' }],
        ['Chia sẻ', { kenh: 'zalo' }],
      ],
    );
    assert.ok(b.listeners.auxclick, 'middle clicks count too');
  });
  it('uses no cookie, no storage and nothing from another site', () => {
    assert.doesNotMatch(BEACON_JS, /cookie|localStorage|sessionStorage|indexedDB|https?:\/\//);
  });
});

for (const engine of engines()) {
  describe(`analytics on the site and in the admin (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;

    before(async () => {
      env = await createTestEnv(engine, { build: { analytics: { flushMs: 20 } } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    it('puts the beacon on every portal page, serves it for a year, and lets only scripts of this site run', async () => {
      for (const path of ['/', '/tin-tuc', '/en/', '/khong-co-trang-nay', '/search?q=x', '/hoi-dap']) {
        const r = await request(port, CENTRAL, 'GET', path);
        assert.ok(r.text.includes(`<script src="${BEACON_JS_PATH}" defer></script>`), `${path} (${r.status})`);
        const csp = String(r.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'/, path);
        assert.doesNotMatch(csp, /unsafe-inline'[^;]*;?\s*$|script-src[^;]*(unsafe|https?:|\*)/, path);
      }
      const network = await request(port, 'localhost', 'GET', '/');
      assert.ok(!network.text.includes(BEACON_JS_PATH), 'the network index belongs to no portal: no beacon');
      const js = await request(port, CENTRAL, 'GET', BEACON_JS_PATH);
      assert.equal(js.status, 200);
      assert.match(String(js.headers['content-type']), /^text\/javascript/);
      assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(js.text, BEACON_JS);
    });

    it('counts what the beacon sends from a page of the site', async () => {
      const page = await request(port, CENTRAL, 'GET', '/tin-tuc');
      assert.equal(page.status, 200);
      const b = runBeacon({ href: `http://${CENTRAL}:${port}/tin-tuc`, host: `${CENTRAL}:${port}`, referrer: 'https://www.bing.com/', width: 1280 });
      b.click(b.link('https://dichvucong.gov.vn/'));
      for (const s of b.sent) {
        const r = await request(port, CENTRAL, 'POST', s.url, JSON.stringify(s.body), { 'content-type': 'text/plain;charset=UTF-8' });
        assert.equal(r.status, 202, r.text);
      }
      await env.services.analytics.flush();
      const central = await env.services.portals.require('chinhphu');
      const today = env.services.analytics.today();
      const stats = await env.services.analytics.stats(central, env.services.analytics.range({ from: today, to: today }));
      assert.equal(stats.pageviews, 1);
      assert.deepEqual(stats.topPages, [{ path: '/tin-tuc', pageviews: 1, visitors: 1 }]);
      assert.deepEqual(
        stats.sources.map((s) => `${s.kind}:${s.source}`),
        ['search:bing'],
      );
      assert.deepEqual(
        stats.outbound.map((o) => o.url),
        ['dichvucong.gov.vn/'],
      );
    });

    it('shows the analytics screen to analysts and admins only, with the chart, figures, social reach and feedback', async () => {
      const central = await env.services.portals.require('chinhphu');
      const channel = await env.services.social.channels.create(systemContext(central.id), central, {
        platform: 'viber',
        name: 'Kênh Viber Chính phủ',
        apiBaseUrl: 'http://127.0.0.1:9/pa',
        credentials: { authToken: 'x' },
        languages: ['vi'],
        contentTypes: ['news'],
        autoPublish: false,
      });
      const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
      await env.services.store.db
        .insertInto('social_metrics')
        .values([
          { channel_id: channel.id, delivery_id: null, metric: 'followers', value: 1200, at: at(30) },
          { channel_id: channel.id, delivery_id: null, metric: 'followers', value: 1250, at: at(1) },
        ])
        .execute();

      const analyst = await signedInAs(port, CENTRAL, net.emails.analyst);
      const r = await analyst.get('/admin/analytics');
      assert.equal(r.status, 200, r.text.slice(0, 500));
      assert.match(r.text, /<svg class="chart" viewBox="0 0 760 260"[^>]*role="img"/);
      assert.match(r.text, /<a href="\/admin\/analytics" aria-current="page">Thống kê<\/a>/);
      assert.ok(r.text.includes('/tin-tuc</a>'), 'top pages');
      assert.ok(r.text.includes('bing'), 'sources');
      assert.match(r.text, /1 người đang xem/);
      assert.ok(r.text.includes('Kênh Viber Chính phủ') && r.text.includes('1.250') && r.text.includes('+50'), 'followers and their change');
      assert.ok(r.text.includes('Phản ánh, kiến nghị trong kỳ'));
      assert.match(r.text, /href="\/admin\/analytics\/export\.csv\?from=\d{4}-\d\d-\d\d&amp;to=\d{4}-\d\d-\d\d&amp;interval=day&amp;table=pages"/);
      assert.doesNotMatch(r.text, /<script(?! src="\/admin\/assets\/)/, 'no inline script');
      const csv = await analyst.get(`/admin/analytics/export.csv?table=pages`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.ok(csv.text.startsWith('path,pageviews,visitors\r\n/tin-tuc,1,1\r\n'), csv.text);
      const bad = await analyst.get('/admin/analytics?from=2025-13-01');
      assert.equal(bad.status, 422);
      assert.match(bad.text, /role="alert"/);
      const hourly = await analyst.get(`/admin/analytics?from=${env.services.analytics.today()}&to=${env.services.analytics.today()}&interval=hour`);
      assert.equal(hourly.status, 200);
      assert.equal([...hourly.text.matchAll(/<tr><td>[^<]*\d\d:00[^<]*<\/td>/g)].length, 24, 'the chart’s figures, hour by hour');

      const admin = await signedInAs(port, CENTRAL, net.emails.admin);
      assert.equal((await admin.get('/admin/analytics')).status, 200);
      for (const role of ['editor', 'writer', 'editor-in-chief', 'feedback-officer'] as const) {
        const b = await signedInAs(port, CENTRAL, net.emails[role]);
        const page = await b.get('/admin/analytics');
        assert.equal(page.status, 403, role);
        assert.equal((await b.get('/admin/analytics/export.csv')).status, 403, role);
        assert.doesNotMatch((await b.get('/admin')).text, /href="\/admin\/analytics"/, `${role} sees no link`);
      }
      const anonymous = await new AdminBrowser(port, CENTRAL).get('/admin/analytics');
      assert.equal(anonymous.status, 303);
      // the province's admin sees the province's figures, not the central portal's
      const province = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      const own = await province.get('/admin/analytics');
      assert.equal(own.status, 200);
      assert.ok(!own.text.includes('/tin-tuc</a>'));
    });
  });
}
