import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import Fastify from 'fastify';
import { engines, seedNetwork } from './helpers.ts';
import { rawRequest, startSite, type SiteEnv } from './site-helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, signedInAs } from './admin-helpers.ts';
import { buildPage, PageCache } from '../src/modules/pagecache/cache.ts';
import { answerFirst, FastPaths, fastPathServer } from '../src/web/fast-path.ts';
import { sameHostPath, localRedirect } from '../src/web/location.ts';
import { controlInTarget, nulInBody } from '../src/web/edge.ts';
import { MAX_FORM_FIELDS, parseForm } from '../src/web/admin/index.ts';

// Regression tests for issue 16, items 1, 7 and 9 (crafted admin paths, NUL bytes),
// through HTTP on both stores; the sweep over every route family is no-crash.test.ts.

for (const engine of engines()) {
  describe(`hostile addresses (${engine})`, () => {
    let env: SiteEnv;
    let token: string;

    before(async () => {
      env = await startSite(engine, { empty: true });
      const network = await seedNetwork(env.services);
      token = network.tokens.admin;
      const account = await env.services.accounts.byEmail('admin@test.gov.vn');
      await env.services.accounts.setPassword(account!.id, PASSWORD);
    });
    after(() => env?.close());

    it('item 1: a path named like a property of Object.prototype is a 404 page, twice, and the server lives on', async () => {
      for (const path of ['/constructor', '/__proto__', '/toString', '/tin-tuc/constructor', '/en/valueOf', '/tin-tuc/hasOwnProperty']) {
        for (let round = 1; round <= 2; round++) {
          const res = await env.get(CENTRAL, path);
          assert.equal(res.status, 404, `${path} (request ${round})`);
          assert.match(String(res.headers['content-type']), /^text\/html/, `${path} (request ${round})`);
        }
      }
      assert.equal((await env.get('127.0.0.1', '/healthz')).status, 200);
    });

    it('item 7: a doubled slash never becomes a Location to another host, and the sign-in next stays in the admin', async () => {
      for (const path of ['//evil.example/', '//evil.example//', '///evil.example/', '/en//evil.example/', '/vi//evil.example', '/%2f%2fevil.example/']) {
        const res = await env.get(CENTRAL, path);
        const location = res.headers.location;
        if (location === undefined) continue;
        assert.equal(sameHostPath(location), new URL(location, 'http://x.invalid').pathname, `${path} → ${location}`);
        assert.ok(!location.startsWith('//') && !location.startsWith('/\\'), `${path} → ${location}`);
      }
      const moved = await env.get(CENTRAL, '//evil.example/');
      assert.equal(moved.status, 301);
      assert.equal(moved.headers.location, '/evil.example');

      for (const next of ['/admin/../..//evil.example/', '/admin/%2e%2e/%2e%2e//evil.example', '/admin/..\\..\\evil.example', '//evil.example/admin', 'https://evil.example/admin', '/admin/\u0007']) {
        const browser = new AdminBrowser(env.port, CENTRAL);
        await browser.get('/admin/login');
        const res = await browser.post('/admin/login', { email: 'admin@test.gov.vn', password: PASSWORD, next });
        assert.equal(res.status, 303, JSON.stringify(next));
        assert.equal(res.location, '/admin', JSON.stringify(next));
      }
      // a next inside the admin still works
      const browser = new AdminBrowser(env.port, CENTRAL);
      await browser.get('/admin/login');
      const res = await browser.post('/admin/login', { email: 'admin@test.gov.vn', password: PASSWORD, next: '/admin/items?status=draft' });
      assert.equal(res.location, '/admin/items?status=draft');
    });

    it('item 9: crafted admin paths are 4xx: notices named like prototype properties, unknown asset files', async () => {
      const browser = await signedInAs(env.port, CENTRAL, 'admin@test.gov.vn');
      for (const notice of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        for (const path of [`/admin?notice=${notice}`, `/admin/channels?notice=${notice}`, `/admin/federation?notice=${notice}`, `/admin/users?notice=${notice}`]) {
          const res = await browser.get(path);
          assert.equal(res.status, 200, path);
          assert.doesNotMatch(res.text, /class="notice"|function |\[object /, path);
        }
      }
      for (const path of ['/admin/assets/nope.js', '/admin/assets/constructor', '/admin/assets/__proto__', '/admin/lang/constructor']) {
        assert.equal((await browser.get(path)).status, 404, path);
        assert.equal((await env.get(CENTRAL, path)).status, 404, `${path} (signed out)`);
      }
    });

    it('item 9: control characters and NUL are refused at the edge: 400 in addresses (pages and API), 422 in bodies', async () => {
      for (const path of ['/tin-tuc/a%00b', '/search?q=a%00b', '/phan-anh/tra-cuu?ma=%00&lh=%00', '/tin-tuc%0d%0a', '/admin/items?q=%00']) {
        const res = await env.get(CENTRAL, path);
        assert.equal(res.status, 400, path);
        assert.match(String(res.headers['content-type']), /^text\/(html|plain)/, path);
      }
      for (const path of ['/api/v1/portals/chinhphu/articles?q=a%00b', '/api/v1/search?q=a%00b', '/api/v1/articles/1%00']) {
        const res = await env.get('127.0.0.1', path);
        assert.equal(res.status, 400, path);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', path);
      }
      const res = await fetch(`http://127.0.0.1:${env.port}/api/v1/portals/chinhphu/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'news', lang: 'vi', title: 'Tin\u0000 mới', summary: 'Tóm tắt', body: '<p>Nội dung</p>', section: 'tin-tuc' }),
      });
      assert.equal(res.status, 422);
      const problem = (await res.json()) as { status: number; errors: { path: string }[] };
      assert.equal(problem.status, 422);
      assert.deepEqual(
        problem.errors.map((e) => e.path),
        ['/title'],
      );
      // nothing half-written
      assert.equal((await env.services.content.listPublished(await env.services.portals.require('chinhphu'), { lang: 'vi' }, { limit: 5 })).length, 0);
      assert.equal((await rawRequest(env.port, '127.0.0.1', '/healthz')).status, 200);
    });

    it('item 3: an admin form past the field limit is refused before it is parsed, signed out; repeated names still become a list', async () => {
      // `a=&a=&…` copied the list for each repeat: 240 KB held the event loop a minute, before sign-in
      for (const body of ['a=&'.repeat(MAX_FORM_FIELDS + 1), 'x=1&'.repeat(5000), `${'constructor=&__proto__=&'.repeat(MAX_FORM_FIELDS)}`]) {
        for (const path of ['/admin/login', '/admin/items/new']) {
          const status = await new Promise<number | undefined>((resolve, reject) => {
            const req = http.request({ host: '127.0.0.1', port: env.port, path, method: 'POST', headers: { host: CENTRAL, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode));
            });
            req.on('error', reject);
            req.end(body);
          });
          assert.equal(status, 413, `${path}, ${body.length} bytes`);
        }
      }
      assert.equal((await rawRequest(env.port, '127.0.0.1', '/healthz')).status, 200);
      // a form at the limit is parsed, its repeated names in order
      const many = parseForm(`${'tag=x&'.repeat(MAX_FORM_FIELDS - 3)}tag=y&constructor=c&__proto__=p`);
      assert.equal((many.tag as string[]).length, MAX_FORM_FIELDS - 2);
      assert.equal((many.tag as string[]).at(-1), 'y');
      assert.equal(many.constructor, 'c');
      assert.equal(Object.getPrototypeOf(many), null);
      // and the sign-in form still works
      await signedInAs(env.port, CENTRAL, 'admin@test.gov.vn');
    });
  });
}

describe('the guards themselves', () => {
  it('a page without a content type, status or valid header is never built, so never cached', async () => {
    await assert.rejects(buildPage({ status: 200, contentType: undefined as never, body: 'x', keys: [], cacheable: true }, 0), TypeError);
    await assert.rejects(buildPage({ status: 200, contentType: 'text/html', body: 'x', keys: [], headers: { location: '/a\r\nset-cookie: x=1' }, cacheable: true }, 0), TypeError);
    await assert.rejects(buildPage({ status: 0, contentType: 'text/html', body: 'x', keys: [], cacheable: true }, 0), TypeError);
    const cache = new PageCache({ maxBytes: 1 << 20, ttlMs: 60_000 });
    await assert.rejects(cache.get('k', async () => ({ status: 200, contentType: undefined as never, body: 'x', keys: [], cacheable: true })));
    assert.equal(cache.has('k'), false);
  });

  it('a fast path that throws answers 500 for that request, and the server answers the next one', async () => {
    const app = Fastify({ serverFactory: fastPathServer(new FastPaths()) });
    app.get('/ok', async () => ({ ok: true }));
    await app.ready();
    answerFirst(app, 'beacon', (req) => {
      if (req.url === '/sync') throw new Error('thrown outside any handler');
      if (req.url === '/async') return Promise.reject(new Error('rejected outside any handler'));
      return false;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      for (const path of ['/sync', '/async', '/sync']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        assert.equal(res.status, 500, path);
        assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      }
      assert.equal((await fetch(`http://127.0.0.1:${port}/ok`)).status, 200);
    } finally {
      await app.close();
    }
  });

  it('same-host paths: one leading slash, no backslash, no control characters, dot segments resolved', () => {
    assert.equal(sameHostPath('/tin-tuc'), '/tin-tuc');
    assert.equal(sameHostPath('/a/../b?x=1'), '/b?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'evil.example', '/a\r\nb', '', '/..//evil.example', '/%2e%2e//evil.example']) {
      assert.equal(sameHostPath(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(localRedirect('/admin/../..//evil.example', '/admin', '/admin'), '/admin');
    assert.equal(localRedirect('/administrator', '/admin', '/admin'), '/admin');
    assert.equal(localRedirect('/admin/items', '/admin', '/admin'), '/admin/items');
  });

  it('control characters: all of them in a path, NUL in a query string or a body', () => {
    assert.ok(controlInTarget('/a%00'));
    assert.ok(controlInTarget('/a%1B'));
    assert.ok(controlInTarget('/a?q=%00'));
    assert.equal(controlInTarget('/a?q=line%0Abreak'), undefined);
    assert.equal(controlInTarget('/tin-tuc?page=2'), undefined);
    assert.equal(nulInBody({ a: ['x', { 'b/c': 'd\u0000' }] }), '/a/1/b~1c');
    assert.equal(nulInBody({ a: 'tab\tand\nline' }), undefined);
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic.self = cyclic;
    assert.equal(nulInBody(cyclic), undefined);
  });
});
