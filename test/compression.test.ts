import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { engines, postgresSkip } from './helpers.ts';
import { startSite, CENTRAL, type SiteEnv } from './site-helpers.ts';
import { AdminBrowser, PASSWORD } from './admin-helpers.ts';
import { preferredEncoding } from '../src/web/compression.ts';

// Compression of answers rendered for one request (search, forms, the admin, the API with a token),
// as well as cached ones (feeds): gzip or brotli as the client accepts, never under 1 KB, Vary on
// Accept-Encoding; the admin's editor bundle under a content-hashed, immutable name, compressed once.

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const figures: string[] = [];

describe('Accept-Encoding negotiation', () => {
  it('prefers brotli, honours q=0 and *', () => {
    assert.equal(preferredEncoding('gzip, deflate, br'), 'br');
    assert.equal(preferredEncoding('gzip'), 'gzip');
    assert.equal(preferredEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(preferredEncoding('br;q=0.5, gzip;q=0.9'), 'gzip');
    assert.equal(preferredEncoding('gzip;q=0, br;q=0'), undefined);
    assert.equal(preferredEncoding('identity'), undefined);
    assert.equal(preferredEncoding('*'), 'br');
    assert.equal(preferredEncoding('*;q=0, gzip'), 'gzip');
    assert.equal(preferredEncoding(''), undefined);
    assert.equal(preferredEncoding(undefined), undefined);
    assert.equal(preferredEncoding(',x'.repeat(100) + ',br'), undefined, 'only the first codings are read');
  });
});

if (postgresSkip) describe('compression on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`compression on ${engine}`, () => {
    let site: SiteEnv;
    let admin: AdminBrowser;
    before(async () => {
      site = await startSite(engine);
      const account = await site.services.accounts.byEmail('editor-in-chief@test.gov.vn');
      await site.services.accounts.setPassword(account!.id, PASSWORD);
      admin = new AdminBrowser(site.port, CENTRAL);
    });
    after(async () => {
      await site?.close();
      if (figures.length) console.log(`compression (${engine}):\n  ${figures.splice(0).join('\n  ')}`);
    });

    const uncached: Array<[string, string, Record<string, string>?]> = [
      ['search page', '/search?q=ch%C3%ADnh+ph%E1%BB%A7'],
      ['search page (en)', '/en/search?q=government'],
      ['feedback form', '/phan-anh'],
      ['answers list', '/hoi-dap'],
      ['admin login', '/admin/login'],
      ['API list with a token', '/api/v1/portals/chinhphu/articles?limit=20', {}],
      ['OpenAPI document', '/api/v1/openapi.json'],
      ['API docs stylesheet (a file stream)', '/api/docs/static/swagger-ui.css'],
      ['RSS feed', '/feed.xml'],
      ['JSON feed', '/en/feed.json'],
      ['404 page', '/khong-co-trang-nay'],
    ];

    it('compresses every text answer over 1 KB with brotli or gzip, and says Vary: Accept-Encoding', async () => {
      for (const [name, path, auth] of uncached) {
        const headers: Record<string, string> = auth ? { authorization: `Bearer ${site.seed.chiefToken}` } : {};
        const plain = await site.get(CENTRAL, path, headers);
        assert.ok(plain.status === 200 || plain.status === 404, `${name}: ${plain.status}`);
        assert.equal(plain.headers['content-encoding'], undefined, `${name}: nothing asked, nothing encoded`);
        assert.ok(plain.raw.length >= 1024, `${name} is ${plain.raw.length} bytes: the check needs more than 1 KB`);
        for (const encoding of ['br', 'gzip'] as const) {
          const r = await site.get(CENTRAL, path, { ...headers, 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate' });
          assert.equal(r.status, plain.status, `${name} ${encoding}`);
          assert.equal(r.headers['content-encoding'], encoding, `${name}: ${encoding}`);
          assert.match(String(r.headers.vary), /accept-encoding/i, `${name}: Vary`);
          if (r.headers['content-length'] !== undefined) assert.equal(Number(r.headers['content-length']), r.raw.length, `${name}: length of the encoded bytes`);
          assert.ok(r.raw.length < plain.raw.length * 0.75, `${name}: ${r.raw.length} of ${plain.raw.length} bytes`);
          // the decoded page is the page (search results and forms may carry per-request tokens: compare the start)
          assert.equal(r.text.slice(0, 200), plain.text.slice(0, 200), `${name}: same content`);
          if (encoding === 'br') figures.push(`${name} ${path}: ${kb(plain.raw.length)} → ${kb(r.raw.length)} br`);
        }
        // q=0 refuses; identity alone gets identity
        const refused = await site.get(CENTRAL, path, { ...headers, 'accept-encoding': 'br;q=0, gzip;q=0' });
        assert.equal(refused.headers['content-encoding'], undefined, `${name}: q=0`);
        const head = await site.get(CENTRAL, path, headers, 'HEAD');
        assert.equal(head.status, plain.status, `${name}: HEAD`);
        assert.equal(head.raw.length, 0, `${name}: HEAD has no body`);
      }
    });

    it('leaves small answers and non-text alone', async () => {
      const token = { authorization: `Bearer ${site.seed.chiefToken}`, 'accept-encoding': 'br, gzip' };
      const missing = await site.get(CENTRAL, '/api/v1/articles/987654', token);
      assert.equal(missing.status, 404);
      assert.ok(missing.raw.length < 1024);
      assert.equal(missing.headers['content-encoding'], undefined);
      const health = await site.get(CENTRAL, '/healthz', { 'accept-encoding': 'br, gzip' });
      assert.equal(health.headers['content-encoding'], undefined);
    });

    it('serves the editor bundle under a content-hashed name, immutable, compressed once', async () => {
      const signedIn = await admin.signIn('editor-in-chief@test.gov.vn');
      assert.equal(signedIn.status, 303);
      const page = await admin.get('/admin/items/new?type=news');
      assert.equal(page.status, 200);
      const src = /<script src="(\/admin\/assets\/editor-[0-9a-f]{12}\.js)"/.exec(page.text)?.[1];
      assert.ok(src, 'the editor page loads the hashed bundle');
      const plain = await site.get(CENTRAL, src);
      assert.equal(plain.status, 200);
      assert.match(String(plain.headers['content-type']), /javascript/);
      assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
      const br = await site.get(CENTRAL, src, { 'accept-encoding': 'gzip, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.equal(zlib.brotliDecompressSync(br.raw).toString('utf8'), plain.text);
      const gz = await site.get(CENTRAL, src, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.text, plain.text);
      // compressed once: the same bytes each time
      const again = await site.get(CENTRAL, src, { 'accept-encoding': 'br' });
      assert.ok(again.raw.equals(br.raw));
      figures.push(`editor bundle: ${kb(plain.raw.length)} → ${kb(br.raw.length)} br, ${kb(gz.raw.length)} gzip`);
      // another hash is not the bundle
      const wrong = await site.get(CENTRAL, '/admin/assets/editor-000000000000.js');
      assert.equal(wrong.status, 404);
    });
  });
}
