import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { client, createTestEnv, engines, postgresSkip, sampleNews, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';
import { MAX_BODY_DEPTH, MAX_BODY_ELEMENTS, measureMarkup } from '../src/modules/content/markup-limits.ts';
import { META_LIMITS } from '../src/lib/json-limits.ts';
import { ValidationError } from '../src/lib/errors.ts';
import { CHANGED, DIFF_BUDGET, wordDiff } from '../src/web/admin/diff.ts';
import { emailsIn, redactPersonal } from '../src/modules/feedback/privacy.ts';
import { checkEntry } from '../src/modules/federation/messenger.ts';
import { InboxRejection } from '../src/modules/federation/inbox.ts';

// Issue 16, items 3, 9 (meta addresses) and 20: what editor, federation and
// upload input may cost is bounded — the limits refuse what is too big before
// anything expensive reads it, the history's diff falls back, the email scan
// is one pass, and large bodies share one budget of bytes in flight.

const words = (seed: number, chars: number) => {
  let s = seed;
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const w = `tu${s % 5000}`;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
};

describe('limits measured without parsing', () => {
  it('stops counting markup as soon as it passes a limit', () => {
    assert.deepEqual(measureMarkup('<b>'.repeat(1_000_000)), { elements: MAX_BODY_DEPTH + 1, depth: MAX_BODY_DEPTH + 1 });
    assert.equal(measureMarkup('<br>'.repeat(1_000_000)).elements, MAX_BODY_ELEMENTS + 1);
    // implied ends and closed elements do not add up to depth; stray </p> are elements of their own
    assert.equal(measureMarkup('<ul>' + '<li>x'.repeat(500) + '</ul>').depth, 2);
    assert.equal(measureMarkup('<p>a<p>b<p>c').depth, 1);
    assert.equal(measureMarkup('<div><b><i>x</i></b></div>'.repeat(100)).depth, 3);
    assert.equal(measureMarkup('</p>'.repeat(50)).elements, 50);
  });
});

describe('a federation entry with meta nested thousands deep', () => {
  it('is refused as an invalid item before its digest walks it (no stack overflow)', async () => {
    const origin = 'https://bo.example';
    const meta = JSON.parse('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000));
    const item = {
      id: 1,
      type: 'news',
      lang: 'vi',
      slug: 'x',
      title: 'X',
      summary: '',
      body: '<p>x</p>',
      section: null,
      tags: [],
      meta,
      url: `${origin}/x`,
      publishedAt: null,
      firstPublishedAt: null,
      publicUpdatedAt: null,
      translations: {},
      media: [],
      changeNotes: [],
    };
    const header = { v: 1, portal: origin, sequence: 1, action: 'publish', at: '2026-01-01T00:00:00Z', item: 1, version: 1, type: 'news', lang: 'vi', section: null, digest: 'sha-256=:x:' };
    await assert.rejects(checkEntry({ header, item, signature: 'x', keyId: `${origin}#k` }, origin, {} as never), (err: unknown) => err instanceof InboxRejection && err.status === 422 && err.reason === 'invalid-item');
  });
});

describe('the history diff', () => {
  it('shows word changes of ordinary edits, even in the largest bodies', () => {
    const small = wordDiff('Chính phủ họp phiên thường kỳ tháng Mười.', 'Chính phủ họp phiên chuyên đề tháng Mười.');
    assert.ok(small && small !== CHANGED);
    assert.match(small.value, /<del>thường kỳ<\/del>|<del>thường<\/del>/);
    // a whole field replaced is still shown word by word when it is short
    const replaced = wordDiff('Câu gốc của bài.', 'Câu đã sửa của bài.');
    assert.ok(replaced && replaced !== CHANGED);
    assert.equal(replaced.value, 'Câu <del>gốc</del><ins>đã sửa</ins> của bài.');
    const whole = wordDiff('một', 'hai');
    assert.ok(whole && whole !== CHANGED && whole.value === '<del>một</del><ins>hai</ins>');
    const big = words(1, 1_900_000);
    const edited = `${big.slice(0, 900_000)} chen ${big.slice(900_000)}`;
    const d = wordDiff(big, edited);
    assert.ok(d && d !== CHANGED && d.value.includes('<ins>'));
  });

  it('falls back to paragraphs, then to "changed", past its budget', () => {
    // every paragraph touched: too many word edits for the budget, but few paragraphs
    const paras = Array.from({ length: 400 }, (_, i) => words(i + 10, 400));
    const touched = paras.map((p, i) => (i % 2 ? p.replace(/tu1/g, 'TU1') : p));
    const byParagraph = wordDiff(paras.join('\n'), touched.join('\n'));
    assert.ok(byParagraph && byParagraph !== CHANGED);
    assert.match(byParagraph.value, /<del>[^<]*\n?<\/del>/);
    // two unrelated texts: nothing to show but that they differ
    assert.equal(wordDiff(words(1, 50_000), words(2, 50_000)), CHANGED);
    assert.ok(DIFF_BUDGET < (50_000 * 50_000) / 10, 'the budget is far below the quadratic cost of two 50 KB texts');
  });
});

describe('email addresses in citizen text', () => {
  const OLD = /[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}/g;
  const ranges = (text: string) => [...text.matchAll(OLD)].map((m) => [m.index, m.index + m[0].length]);

  it('finds what the old expression found, on random text', () => {
    const alphabet = ['a', 'b', '.', '@', ' ', 'x', 'vn', '(', '-', '1', 'é'];
    let seed = 7;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = n % 30;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += alphabet[seed % alphabet.length];
      }
      assert.deepEqual(emailsIn(text), ranges(text), JSON.stringify(text));
    }
  });

  it('keeps its answers right on long adversarial text', () => {
    // the work is linear: each character is looked at a few times at most, whatever the text
    const linear = (text: string, expected: Array<[number, number]>) => {
      const work = { steps: 0 };
      assert.deepEqual(emailsIn(text, work), expected);
      assert.ok(work.steps <= 4 * text.length, `${work.steps} steps for ${text.length} characters`);
    };
    linear('a'.repeat(300_000), []);
    linear('a@'.repeat(150_000), []);
    linear(`x@${'a.'.repeat(150_000)}`, []);
    linear(`x@${'a.1'.repeat(100_000)}`, []);
    linear(`${'a'.repeat(100_000)}@${'b'.repeat(100_000)}.vn`, [[0, 200_004]]);
    linear(
      'a@b.vn '.repeat(40_000),
      Array.from({ length: 40_000 }, (_, i) => [i * 7, i * 7 + 6] as [number, number]),
    );
    const text = `${'a'.repeat(100_000)} liên hệ nguyen.van.a@gmail.com, hoặc (ban@hanoi.gov.vn).`;
    assert.equal(redactPersonal(text, null), `${'a'.repeat(100_000)} liên hệ […], hoặc ([…]).`);
  });
});

if (postgresSkip) describe('cpu limits on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`bounded editor input on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    const count = async () =>
      Number(
        (
          await env.services.store.db
            .selectFrom('content_items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      env = await createTestEnv(engine, { env: { UPLOADS_IN_FLIGHT_MB: '1' } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    const raw = (method: string, path: string, body: string) =>
      fetch(server.url + path, { method, body, headers: { authorization: `Bearer ${net.tokens['editor-in-chief']}`, 'content-type': 'application/json' } }).then(async (r) => ({
        status: r.status,
        type: r.headers.get('content-type') ?? '',
        json: await r.json(),
      }));

    it('refuses bodies nested too deep or with too many elements (422 naming /body), and writes nothing', async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const n = await count();
      for (const body of ['<b>'.repeat(200_000), `<div>${'<b>'.repeat(MAX_BODY_DEPTH)}x</div>`, '<br>'.repeat(MAX_BODY_ELEMENTS + 1)]) {
        const res = await api.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, body });
        assert.equal(res.status, 422);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal(res.json.errors[0].path, '/body');
      }
      assert.equal(await count(), n);
      // at the limits it is accepted
      const deepest = await api.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, body: `${'<b>'.repeat(MAX_BODY_DEPTH)}x` });
      assert.equal(deepest.status, 201);
      const edit = await api.patch(`/api/v1/articles/${deepest.json.id}`, { version: 1, body: '<i>'.repeat(MAX_BODY_DEPTH + 1) });
      assert.equal(edit.status, 422);
      assert.equal(edit.json.errors[0].path, '/body');
    });

    it('refuses meta nested thousands deep or too large with 422, not 500', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const res = await raw('POST', '/api/v1/portals/chinhphu/articles', `{"type":"news","lang":"vi","title":"Sâu","body":"<p>x</p>","meta":${deep}}`);
      assert.equal(res.status, 422);
      assert.equal(res.json.errors[0].path, '/');
      // within what any body may be, past what meta may be
      const deeper = '{"a":'.repeat(META_LIMITS.maxDepth + 1) + '1' + '}'.repeat(META_LIMITS.maxDepth + 1);
      const meta = await raw('POST', '/api/v1/portals/chinhphu/articles', `{"type":"news","lang":"vi","title":"Sâu","body":"<p>x</p>","meta":${deeper}}`);
      assert.equal(meta.status, 422);
      assert.equal(meta.json.errors[0].path, '/meta');
      const atLimit = '{"a":'.repeat(META_LIMITS.maxDepth - 1) + '1' + '}'.repeat(META_LIMITS.maxDepth - 1);
      assert.equal((await raw('POST', '/api/v1/portals/chinhphu/articles', `{"type":"news","lang":"vi","title":"Vừa","body":"<p>x</p>","meta":{"x":${atLimit}}}`)).status, 201);
      const wide = { many: Array.from({ length: META_LIMITS.maxNodes }, (_, i) => i) };
      const api = client(server.url, net.tokens['editor-in-chief']);
      const tooMany = await api.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, meta: wide });
      assert.equal(tooMany.status, 422);
      assert.equal(tooMany.json.errors[0].path, '/meta');
    });

    it('refuses any JSON body nested past the limit with 422, on every API route', async () => {
      const deep = '['.repeat(5_000) + ']'.repeat(5_000);
      for (const [method, path, body] of [
        ['POST', '/api/v1/portals/chinhphu/channels', `{"platform":"viber","name":"x","credentials":{"authToken":${deep}},"languages":["vi"],"contentTypes":["news"],"autoPublish":false}`],
        ['POST', '/api/v1/portals/chinhphu/subscriptions', `{"source":"http://x.localhost","policy":${deep}}`],
        ['POST', '/api/v1/portals/chinhphu/articles', deep],
      ] as const) {
        const res = await raw(method, path, body);
        assert.equal(res.status, 422, `${method} ${path}`);
        assert.match(res.type, /application\/problem\+json/);
        assert.equal(res.json.errors[0].path, '/');
      }
    });

    it("takes only http(s) addresses or the portal's own paths in meta", async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const procedure = { type: 'procedure', lang: 'vi', title: 'Cấp giấy phép', body: '<p>x</p>', meta: { code: '1.001108', field: 'Xây dựng', agency: 'Sở Xây dựng', onlineLevel: 'full' } };
      const bad: Array<[string, Record<string, unknown>, string]> = [
        ['procedure', { ...procedure.meta, serviceUrl: 'javascript:alert(1)' }, '/meta/serviceUrl'],
        ['procedure', { ...procedure.meta, requiredDocuments: [{ name: 'Đơn', template: 'data:text/html,x' }] }, '/meta/requiredDocuments/0/template'],
        ['video', { sourceUrl: 'https://www.youtube.com/watch?v=abc', duration: 10, poster: 'javascript:x' }, '/meta/poster'],
        ['gallery', { images: [{ src: '//evil.example/a.jpg' }] }, '/meta/images/0/src'],
        ['gallery', { images: [{ src: '/media/a.jpg', srcset: '/media/a.webp 480w, javascript:x 960w' }] }, '/meta/images/0/srcset'],
        [
          'legal-document',
          { number: '42/2022/NĐ-CP', documentType: 'Nghị định', issuingBody: 'Chính phủ', issuedDate: '2022-06-24', effectStatus: 'in-force', attachments: [{ name: 'a.pdf', url: '/\\evil.example/a.pdf' }] },
          '/meta/attachments/0/url',
        ],
      ];
      for (const [type, meta, path] of bad) {
        const res = await api.post('/api/v1/portals/chinhphu/articles', { ...procedure, type, meta });
        assert.equal(res.status, 422, `${type} ${path}`);
        assert.ok(
          res.json.errors.some((e: { path: string }) => e.path === path),
          `${path} in ${JSON.stringify(res.json.errors)}`,
        );
      }
      const good = await api.post('/api/v1/portals/chinhphu/articles', { ...procedure, meta: { ...procedure.meta, serviceUrl: 'https://dichvucong.gov.vn/p/1', requiredDocuments: [{ name: 'Đơn', template: '/media/don.docx' }] } });
      assert.equal(good.status, 201);
    });

    it('applies the same limits to items received from another portal', async () => {
      const portal = await env.services.portals.require('chinhphu');
      const mirror = (body: string, meta: Record<string, unknown> = {}) =>
        env.services.store.db.transaction().execute((trx) =>
          env.services.content.writeMirror(trx as never, {
            portal,
            itemId: null,
            type: 'news',
            lang: 'vi',
            title: 'Nhận',
            summary: '',
            body,
            tags: [],
            meta,
            section: null,
            slug: 'nhan',
            origin: { via: 'subscription' },
            status: 'submitted',
            note: 'test',
          }),
        );
      const n = await count();
      await assert.rejects(mirror('<b>'.repeat(100_000)), (err: unknown) => err instanceof ValidationError && err.errors[0].path === '/body');
      await assert.rejects(mirror('<p>x</p>', { cover: { src: 'javascript:x', alt: '' } }), (err: unknown) => err instanceof ValidationError && err.errors.some((e) => e.path.startsWith('/meta/cover')));
      assert.equal(await count(), n);
    });

    it('shows "changed" on the history of two unrelated large versions', async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const created = await api.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, body: `<p>${words(1, 50_000)}</p>` });
      assert.equal(created.status, 201);
      assert.equal((await api.patch(`/api/v1/articles/${created.json.id}`, { version: 1, body: `<p>${words(2, 50_000)}</p>` })).status, 200);
      const b = await signedInAs(portOf(server.url), CENTRAL, net.emails['editor-in-chief']);
      const page = await b.get(`/admin/items/${created.json.id}/history?v=2`);
      assert.equal(page.status, 200);
      assert.match(page.text, /class="diff-changed"/);
      assert.doesNotMatch(page.text, /<ins>/);
    });

    it('answers 503 with Retry-After to a large body while the budget of bodies in flight is taken', async () => {
      const { port } = new URL(server.url);
      const size = 800 * 1024;
      // one large body, sent only in part: it holds its share of the budget
      // (100-continue: the server answers it as it takes the request, in the same turn as the reservation)
      const held = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/portals/chinhphu/articles',
        headers: { authorization: `Bearer ${net.tokens['editor-in-chief']}`, 'content-type': 'application/json', 'content-length': String(size), expect: '100-continue' },
      });
      held.on('error', () => {});
      const heldAnswer = new Promise<number>((resolve) => held.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0))));
      await new Promise((resolve) => held.once('continue', resolve));
      const opening = '{"type":"news","lang":"vi","title":"Lớn","body":"';
      held.write(opening);
      const second = () =>
        fetch(`${server.url}/api/v1/portals/chinhphu/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${net.tokens['editor-in-chief']}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...sampleNews, body: 'x'.repeat(size) }),
        });
      const refused = await waitFor(async () => {
        const r = await second();
        return r.status === 503 ? r : (await r.arrayBuffer(), undefined);
      });
      assert.equal(refused.headers.get('retry-after'), '5');
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal((await refused.json()).status, 503);
      // the citizen form with files gets its own page back, with the reason at the file input
      const boundary = '----lantoa-budget';
      const form = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="attachments"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n`),
        Buffer.alloc(size, 0x25),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const citizen = await new Promise<{ status: number; retryAfter: string | undefined; text: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: '/phan-anh', headers: { host: 'chinhphu.localhost', 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(form.length) } },
          (res) => {
            let text = '';
            res
              .setEncoding('utf8')
              .on('data', (c) => (text += c))
              .on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], text }));
          },
        );
        req.on('error', reject);
        req.end(form);
      });
      assert.equal(citizen.status, 503);
      assert.equal(citizen.retryAfter, '5');
      assert.match(citizen.text, /id="fb-attachments"/);
      // the held body ends; its share is released, and the next large body is read
      held.end(`${'x'.repeat(size - Buffer.byteLength(opening) - 2)}"}`);
      assert.equal(await heldAnswer, 201);
      const next = await waitFor(async () => {
        const r = await second();
        return r.status !== 503 ? r : (await r.arrayBuffer(), undefined);
      });
      assert.equal(next.status, 201);
      // a body larger than the whole budget still passes when it is alone
      const huge = await fetch(`${server.url}/api/v1/portals/chinhphu/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${net.tokens['editor-in-chief']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...sampleNews, body: `<p>${'y'.repeat(1_500_000)}</p>` }),
      });
      assert.equal(huge.status, 201);
    });
  });
}
