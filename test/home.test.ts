import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import { engines, postgresSkip } from './helpers.ts';
import { CENTRAL, PROVINCE, pathOf, pollPage, startSite, type SiteEnv } from './site-helpers.ts';

// The curated home (src/modules/home): editors pin and order the top stories
// and set a breaking-news banner; the change drops exactly the pages that show
// it, and pins lapse and banners end with the (injected) clock.

if (postgresSkip) describe('curated home on postgres', { skip: postgresSkip }, () => {});

/** The titles of the top-stories block, in the order shown. */
function topStoryOrder(html: string, titles: string[]): string[] {
  const start = html.indexOf('id="top-stories"');
  const end = html.indexOf('id="latest"');
  assert.ok(start > 0 && end > start, 'the home has a top-stories block before the latest news');
  const block = html.slice(start, end);
  return titles
    .map((t) => ({ t, at: block.indexOf(`>${t}</a>`) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.t);
}

for (const engine of engines()) {
  describe(`curated home on ${engine}`, () => {
    let env: SiteEnv;
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    let api: (method: string, path: string, token?: string, body?: unknown) => Promise<{ status: number; json: any; type: string }>;
    let tokens: Record<'chief' | 'admin' | 'writer' | 'editor' | 'hanoiAdmin', string>;
    const homeUrl = '/api/v1/portals/chinhphu/home?lang=vi';
    const runDueJobs = async () => {
      const worker = createWorker(env.services, { pollMs: 50 });
      while ((await worker.runOnce()) > 0);
    };

    before(async () => {
      env = await startSite(engine, { clock });
      const { accounts } = env.services;
      tokens = {
        chief: env.seed.chiefToken,
        admin: await accounts.createToken('admin@test.gov.vn'),
        writer: await accounts.createToken('writer@test.gov.vn'),
        editor: await accounts.createToken('editor@test.gov.vn'),
        hanoiAdmin: await accounts.createToken('admin@hanoi.test.gov.vn'),
      };
      api = async (method, path, token, body) => {
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(`http://127.0.0.1:${env.port}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await res.text();
        return { status: res.status, json: text ? JSON.parse(text) : undefined, type: res.headers.get('content-type') ?? '' };
      };
    });
    after(async () => {
      await env.close();
    });

    it('before any curation: the four newest news, no pins, no banner', async () => {
      const r = await api('GET', homeUrl);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.featured, []);
      assert.equal(r.json.breaking, null);
      assert.equal(r.json.items.length, 4);
      assert.ok(r.json.items.every((i: { type: string; status: string }) => i.type === 'news' && i.status === 'published'));
      assert.ok(!(await env.get(CENTRAL, '/')).text.includes('class="breaking"'));
      const openapi = (await api('GET', '/api/v1/openapi.json')).json;
      const path = openapi.paths['/api/v1/portals/{slug}/home'];
      assert.ok(path?.get && path?.put, 'both routes are in the OpenAPI document');
      assert.ok(JSON.stringify(path.put).includes('featured'), 'with the body schema');
    });

    it('only the editor-in-chief and admins of the portal may change it', async () => {
      const body = { featured: [{ id: env.seed.press.id }], breaking: null };
      assert.equal((await api('PUT', homeUrl, undefined, body)).status, 401);
      for (const who of ['writer', 'editor', 'hanoiAdmin'] as const) {
        const r = await api('PUT', homeUrl, tokens[who], body);
        assert.equal(r.status, 403, who);
        assert.match(r.type, /problem\+json/);
      }
      assert.deepEqual((await api('GET', homeUrl)).json.featured, [], 'nothing was written');
    });

    it('refuses what is not a published item of this portal and language, bad links and bad shapes (422, nothing written)', async () => {
      const s = env.seed;
      const until = new Date(clock().getTime() + 3600_000).toISOString();
      const bad: [string, unknown, string][] = [
        ['a draft', { featured: [{ id: s.draft.id }], breaking: null }, '/featured/0/id'],
        ['an unpublished item', { featured: [{ id: s.withdrawn.id }], breaking: null }, '/featured/0/id'],
        ["another portal's item", { featured: [{ id: s.hanoiNews.id }], breaking: null }, '/featured/0/id'],
        ['another language', { featured: [{ id: s.newsEn.id }], breaking: null }, '/featured/0/id'],
        ['an unknown id', { featured: [{ id: 2_000_000_000 }], breaking: null }, '/featured/0/id'],
        ['a duplicate', { featured: [{ id: s.press.id }, { id: s.press.id }], breaking: null }, '/featured/1/id'],
        ['a lapsed pin', { featured: [{ id: s.press.id, until: '2001-01-01T00:00:00Z' }], breaking: null }, '/featured/0/until'],
        ['a script link', { featured: [], breaking: { text: 'Tin nóng', url: 'javascript:alert(1)', until } }, '/breaking/url'],
        ['a link to another host by //', { featured: [], breaking: { text: 'Tin nóng', url: '//evil.example/x', until } }, '/breaking/url'],
        ['a data: link', { featured: [], breaking: { text: 'Tin nóng', url: 'data:text/html,hi', until } }, '/breaking/url'],
        ['a banner with neither item nor link', { featured: [], breaking: { text: 'Tin nóng', until } }, '/breaking'],
        ['a banner item of another portal', { featured: [], breaking: { itemId: s.hanoiNews.id, until } }, '/breaking/itemId'],
        ['a banner that ends before it starts', { featured: [], breaking: { text: 'x', url: '/tin-tuc', from: until, until: new Date(clock().getTime() + 60_000).toISOString() } }, '/breaking/until'],
        ['a banner with control characters', { featured: [], breaking: { text: 'a\u0007b', url: '/tin-tuc', until } }, '/breaking/text'],
        ['a time that is no time', { featured: [{ id: s.press.id, until: '2030-99-99T00:00:00Z' }], breaking: null }, '/featured/0/until'],
      ];
      for (const [what, body, path] of bad) {
        const r = await api('PUT', homeUrl, tokens.chief, body);
        assert.equal(r.status, 422, what);
        assert.match(r.type, /problem\+json/, what);
        assert.ok(
          r.json.errors.some((e: { path: string }) => e.path === path),
          `${what}: ${JSON.stringify(r.json.errors)}`,
        );
      }
      const tooMany = await api('PUT', homeUrl, tokens.chief, { featured: Array.from({ length: 13 }, (_, i) => ({ id: i + 1 })), breaking: null });
      assert.ok(tooMany.status >= 400 && tooMany.status < 500 && /problem\+json/.test(tooMany.type), `13 pins: ${tooMany.status}`);
      const longText = await api('PUT', homeUrl, tokens.chief, { featured: [], breaking: { text: 'x'.repeat(201), url: '/tin-tuc', until } });
      assert.ok(longText.status >= 400 && longText.status < 500, 'a long banner text is refused');
      const extra = await api('PUT', homeUrl, tokens.chief, { featured: [], breaking: null, __proto__x: 1 });
      assert.ok(extra.status >= 400 && extra.status < 500, 'unknown fields are refused');
      const r = await api('GET', homeUrl);
      assert.deepEqual([r.json.featured, r.json.breaking], [[], null], 'nothing was written');
    });

    it('pins show in order on the home at once, only that home is dropped, and the banner runs on every page of that language', async () => {
      const s = env.seed;
      const titles = [s.press.title, s.directive.title, s.news.title];
      const article = pathOf(s.news);
      // fill the cache: the home, an article, the English home and article, the province's home
      const warm: [string, string][] = [
        [CENTRAL, '/'],
        [CENTRAL, article],
        [CENTRAL, '/en/'],
        [CENTRAL, pathOf(s.newsEn)],
        [PROVINCE, '/'],
      ];
      for (const [host, p] of warm) {
        await env.get(host, p);
        assert.equal((await env.get(host, p)).headers['x-cache'], 'HIT', `${host}${p} cached`);
      }

      const now = clock().getTime();
      const pinUntil = new Date(now + 3600_000).toISOString();
      const bannerUntil = new Date(now + 2 * 3600_000).toISOString();
      const put = await api('PUT', homeUrl, tokens.chief, {
        featured: [{ id: s.press.id, until: pinUntil }, { id: s.directive.id }],
        breaking: { text: 'Bão số 3 đổ bộ: theo dõi cập nhật <ngay>', url: '/tin-tuc', until: bannerUntil },
      });
      assert.equal(put.status, 200, JSON.stringify(put.json));
      assert.deepEqual(put.json.featured, [
        { id: s.press.id, until: pinUntil },
        { id: s.directive.id, until: null },
      ]);
      assert.equal(put.json.breaking.until, bannerUntil);
      assert.deepEqual(
        put.json.items.slice(0, 2).map((i: { id: number }) => i.id),
        [s.press.id, s.directive.id],
      );
      assert.equal(put.json.items.length, 4, 'two pins and two newest news');
      assert.ok('body' in put.json.items[0] === false && typeof put.json.items[0].url === 'string', 'items as the list API gives them');
      const got = await api('GET', homeUrl);
      assert.deepEqual(got.json, put.json, 'GET answers what PUT answered');

      const { response: home, ms } = await pollPage(
        () => env.get(CENTRAL, '/'),
        (r) => topStoryOrder(r.text, titles)[0] === s.press.title,
      );
      console.log(`# ${engine}: curated home live after ${ms.toFixed(0)} ms`);
      assert.deepEqual(topStoryOrder(home.text, titles).slice(0, 2), [s.press.title, s.directive.title], 'pinned order on the home');
      assert.match(home.text, /class="breaking"[^]*<a href="\/tin-tuc">Bão số 3 đổ bộ: theo dõi cập nhật &lt;ngay&gt;<\/a>/, 'the banner, escaped');
      const { response: page } = await pollPage(
        () => env.get(CENTRAL, article),
        (r) => r.text.includes('class="breaking"'),
      );
      assert.equal(page.status, 200, 'the banner reaches the portal’s other pages in that language');
      for (const [host, p] of [
        [CENTRAL, '/en/'],
        [CENTRAL, pathOf(s.newsEn)],
        [PROVINCE, '/'],
      ] as const) {
        const r = await env.get(host, p);
        assert.equal(r.headers['x-cache'], 'HIT', `${host}${p} keeps its cached page`);
        assert.ok(!r.text.includes('class="breaking"'), `${host}${p} shows no banner`);
      }
      assert.equal((await api('GET', '/api/v1/portals/chinhphu/home?lang=en')).json.featured.length, 0, 'the English home is its own');
    });

    it('a pin lapses and the banner ends with the clock, and the cached pages follow', async () => {
      const s = env.seed;
      const titles = [s.press.title, s.directive.title];
      const article = pathOf(s.news);
      await env.get(CENTRAL, '/');
      await env.get(CENTRAL, article);
      assert.equal((await env.get(CENTRAL, '/')).headers['x-cache'], 'HIT');

      offsetMs += 3600_000 + 1000; // past the press release's pin
      await runDueJobs();
      const { response: home } = await pollPage(
        () => env.get(CENTRAL, '/'),
        (r) => topStoryOrder(r.text, titles)[0] === s.directive.title,
      );
      assert.ok(!topStoryOrder(home.text, titles).includes(s.press.title), 'the lapsed pin left the top stories');
      assert.ok(home.text.includes('class="breaking"'), 'the banner still runs');
      const items = (await api('GET', homeUrl)).json.items.map((i: { id: number }) => i.id);
      assert.equal(items[0], s.directive.id);
      assert.ok(!items.includes(s.press.id));

      offsetMs += 3600_000; // past the banner's end
      await runDueJobs();
      await pollPage(
        () => env.get(CENTRAL, article),
        (r) => !r.text.includes('class="breaking"'),
      );
      await pollPage(
        () => env.get(CENTRAL, '/'),
        (r) => !r.text.includes('class="breaking"'),
      );
    });

    it('a banner on an item starts at its time, links the item, and can be taken down at once', async () => {
      const s = env.seed;
      const now = clock().getTime();
      const put = await api('PUT', homeUrl, tokens.admin, {
        featured: [],
        breaking: { itemId: s.directive.id, from: new Date(now + 600_000).toISOString(), until: new Date(now + 1_200_000).toISOString() },
      });
      assert.equal(put.status, 200, JSON.stringify(put.json));
      assert.equal(put.json.breaking.itemId, s.directive.id);
      await env.get(CENTRAL, '/');
      assert.ok(!(await env.get(CENTRAL, '/')).text.includes('class="breaking"'), 'not before its start');

      offsetMs += 600_000 + 1000;
      await runDueJobs();
      const { response } = await pollPage(
        () => env.get(CENTRAL, '/'),
        (r) => r.text.includes('class="breaking"'),
      );
      assert.ok(response.text.includes(`<a href="${s.directive.url}">${s.directive.title}</a>`), 'the banner links the item by its title');

      assert.equal((await api('PUT', homeUrl, tokens.chief, { featured: [], breaking: null })).status, 200);
      await pollPage(
        () => env.get(CENTRAL, '/'),
        (r) => !r.text.includes('class="breaking"'),
      );
    });

    it('each change is in the audit log', async () => {
      const central = await env.services.portals.require('chinhphu');
      const rows = await env.services.audit.list(central.id, { action: 'home-updated' });
      assert.ok(rows.length >= 3);
      assert.ok(rows.every((r) => r.target === 'home:chinhphu:vi' && r.actor !== null));
      const first = rows[rows.length - 1].detail as { after: { featured: unknown[] } };
      assert.equal(first.after.featured.length, 2);
    });
  });
}

for (const engine of engines()) {
  describe(`curated home and the CDN on ${engine}`, () => {
    let env: SiteEnv;
    let purges: string[][] = [];
    let cdn: import('node:http').Server;
    before(async () => {
      const http = await import('node:http');
      cdn = http.createServer((req, res) => {
        purges.push(String(req.headers['surrogate-key'] ?? '').split(' '));
        req.resume();
        res.end('ok');
      });
      await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', () => r()));
      const { port } = cdn.address() as import('node:net').AddressInfo;
      env = await startSite(engine, { pageCache: { cdnPurgeUrl: `http://127.0.0.1:${port}/purge` } });
    });
    after(async () => {
      await env.close();
      await new Promise((r) => cdn.close(r));
    });

    it('a change purges exactly that home’s keys at the CDN, through the outbox', async () => {
      const worker = createWorker(env.services, { pollMs: 50 });
      while ((await worker.runOnce()) > 0);
      purges = [];
      const until = new Date(Date.now() + 3600_000).toISOString();
      const r = await fetch(`http://127.0.0.1:${env.port}/api/v1/portals/chinhphu/home?lang=en`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${env.seed.chiefToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ featured: [{ id: env.seed.newsEn.id }], breaking: { itemId: env.seed.newsEn.id, until } }),
      });
      assert.equal(r.status, 200);
      while ((await worker.runOnce()) > 0);
      assert.deepEqual(purges, [['home-chinhphu-en', 'banner-chinhphu-en']]);
    });
  });
}
