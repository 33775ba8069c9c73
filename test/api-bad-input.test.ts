import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, createTestEnv, engines, postgresSkip, sampleNews, seedNetwork, startServer, type Network, type TestEnv, type TestServer } from './helpers.ts';

// Every write route, fed everything a client can get wrong: each answer is a
// clear problem document with the right status, and nothing in the store moves.

if (postgresSkip) describe('bad input on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`bad input on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: Network;
    let itemId: number;
    let publishedId: number;

    const snapshot = async () => {
      const { db } = env.services.store;
      const tables = ['content_items', 'revisions', 'workflow_transitions', 'change_notes', 'outbox', 'translation_groups'] as const;
      const counts: Record<string, number> = {};
      for (const t of tables)
        counts[t] = Number(
          (
            await db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const items = await db.selectFrom('content_items').select(['id', 'version', 'status', 'title', 'updated_at']).orderBy('id').execute();
      return JSON.stringify({ counts, items });
    };

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedNetwork(env.services);
      server = await startServer(env.services);
      const chief = client(server.url, net.tokens['editor-in-chief']);
      itemId = (await chief.post('/api/v1/portals/chinhphu/articles', sampleNews)).json.id;
      publishedId = (await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Bài đã đăng' })).json.id;
      await chief.post(`/api/v1/articles/${publishedId}/workflow`, { action: 'publish' });
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    const routes = () => [
      { method: 'POST', path: '/api/v1/portals/chinhphu/articles', valid: { ...sampleNews, title: 'Hợp lệ' }, wrong: { type: 'news', lang: 'vi', title: 42, tags: 'x' }, missing: {}, missingFields: ['/type', '/lang', '/title'] },
      { method: 'PATCH', path: `/api/v1/articles/${itemId}`, valid: { version: 1, title: 'Sửa' }, wrong: { version: '1', title: ['x'] }, missing: { title: 'no version' }, missingFields: ['/version'] },
      { method: 'POST', path: `/api/v1/articles/${itemId}/workflow`, valid: { action: 'submit' }, wrong: { action: 'explode', note: 5 }, missing: { note: 'no action' }, missingFields: ['/action'] },
    ];

    const send = (method: string, path: string, body: string | undefined, headers: Record<string, string>) =>
      fetch(server.url + path, { method, body, headers: { authorization: `Bearer ${net.tokens['editor-in-chief']}`, ...headers } }).then(async (r) => ({
        status: r.status,
        type: r.headers.get('content-type') ?? '',
        json: await r.json().catch(() => undefined),
      }));

    it('answers malformed JSON with 400, wrong types and missing fields with 422 naming each field', async () => {
      const before = await snapshot();
      for (const r of routes()) {
        for (const body of ['{"title": ', '[1,2', 'null x', '']) {
          const res = await send(r.method, r.path, body, { 'content-type': 'application/json' });
          assert.equal(res.status, 400, `${r.method} ${r.path} with ${JSON.stringify(body)}`);
          assert.match(res.type, /application\/problem\+json/);
          assert.equal(res.json.status, 400);
          assert.ok(res.json.title && res.json.detail && res.json.type);
        }
        const wrong = await send(r.method, r.path, JSON.stringify(r.wrong), { 'content-type': 'application/json' });
        assert.equal(wrong.status, 422, `${r.method} ${r.path} wrong types`);
        assert.ok(wrong.json.errors.length >= 1);
        for (const e of wrong.json.errors) assert.ok(typeof e.path === 'string' && typeof e.message === 'string');
        const missing = await send(r.method, r.path, JSON.stringify(r.missing), { 'content-type': 'application/json' });
        assert.equal(missing.status, 422);
        const paths = missing.json.errors.map((e: any) => e.path);
        for (const f of r.missingFields) assert.ok(paths.includes(f), `${r.method} ${r.path}: ${f} named in ${JSON.stringify(paths)}`);
        const arrayBody = await send(r.method, r.path, '[]', { 'content-type': 'application/json' });
        assert.equal(arrayBody.status, 422);
      }
      assert.equal(await snapshot(), before, 'nothing changed');
    });

    it('reports every invalid field of a legal document at once', async () => {
      const before = await snapshot();
      const res = await send(
        'POST',
        '/api/v1/portals/chinhphu/articles',
        JSON.stringify({ type: 'legal-document', lang: 'vi', title: 'Văn bản lỗi', meta: { number: '42 / 2022 NĐ CP', documentType: 'Nghị định', issuingBody: 'Chính phủ', issuedDate: '2022-02-30', effectStatus: 'maybe' } }),
        { 'content-type': 'application/json' },
      );
      assert.equal(res.status, 422);
      const paths = res.json.errors.map((e: any) => e.path).sort();
      assert.deepEqual(paths, ['/meta/effectStatus', '/meta/number']);
      const date = await send(
        'POST',
        '/api/v1/portals/chinhphu/articles',
        JSON.stringify({ type: 'legal-document', lang: 'vi', title: 'Văn bản lỗi', meta: { number: '42/2022/NĐ-CP', documentType: 'Nghị định', issuingBody: 'Chính phủ', issuedDate: '2022-02-30', effectStatus: 'in-force' } }),
        { 'content-type': 'application/json' },
      );
      assert.deepEqual(date.json.errors, [{ path: '/meta/issuedDate', message: 'is not a real date' }]);
      const proc = await send('POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ type: 'procedure', lang: 'vi', title: 'Thủ tục', meta: { code: 'abc', field: 'Hộ tịch', agency: 'UBND', onlineLevel: 'sometimes', bogus: 1 } }), {
        'content-type': 'application/json',
      });
      assert.deepEqual(proc.json.errors.map((e: any) => e.path).sort(), ['/meta/bogus', '/meta/code', '/meta/onlineLevel']);
      const video = await send('POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ type: 'video', lang: 'vi', title: 'Video', meta: { sourceUrl: 'javascript:alert(1)', duration: -3 } }), { 'content-type': 'application/json' });
      assert.deepEqual([...new Set(video.json.errors.map((e: any) => e.path))].sort(), ['/meta/duration', '/meta/sourceUrl']);
      const section = await send('POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ ...sampleNews, section: 'khong-co' }), { 'content-type': 'application/json' });
      assert.equal(section.status, 422);
      assert.equal(section.json.errors[0].path, '/section');
      const control = await send('POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ ...sampleNews, title: 'bad\u0000title' }), { 'content-type': 'application/json' });
      assert.equal(control.status, 422);
      assert.equal(await snapshot(), before);
    });

    it('answers oversized bodies with 413 and other media types with 415', async () => {
      const before = await snapshot();
      const huge = JSON.stringify({ ...sampleNews, body: 'x'.repeat(11 * 1024 * 1024) });
      for (const r of routes()) {
        const big = await send(r.method, r.path, huge, { 'content-type': 'application/json' });
        assert.equal(big.status, 413, `${r.method} ${r.path}`);
        assert.match(big.type, /problem\+json/);
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
          const res = await send(r.method, r.path, JSON.stringify(r.valid), { 'content-type': type });
          assert.equal(res.status, 415, `${r.method} ${r.path} as ${type}`);
        }
      }
      assert.equal(await snapshot(), before);
    });

    it('answers unknown ids and portals with 404, and ids that are not numbers with 422', async () => {
      const before = await snapshot();
      const chief = client(server.url, net.tokens['editor-in-chief']);
      assert.equal((await chief.patch('/api/v1/articles/999999', { version: 1, title: 'x' })).status, 404);
      assert.equal((await chief.post('/api/v1/articles/999999/workflow', { action: 'publish' })).status, 404);
      assert.equal((await chief.get('/api/v1/articles/999999')).status, 404);
      assert.equal((await chief.post('/api/v1/portals/nowhere/articles', sampleNews)).status, 404);
      assert.equal((await chief.get('/api/v1/portals/nowhere/articles')).status, 404);
      const notNumber = await chief.get('/api/v1/articles/abc');
      assert.equal(notNumber.status, 422);
      assert.equal((await chief.get('/api/v1/nothing/here')).status, 404);
      assert.equal((await chief.get('/api/v1/portals/chinhphu/articles?limit=0')).status, 422);
      assert.equal((await chief.get('/api/v1/portals/chinhphu/articles?limit=101')).status, 422);
      assert.equal((await chief.get('/api/v1/portals/chinhphu/articles?cursor=%%%')).status, 422);
      assert.equal((await chief.get('/api/v1/portals/chinhphu/articles?type=poem')).status, 422);
      assert.equal(await snapshot(), before);
    });

    it('answers missing or bad tokens with 401 and another portal’s token with 403', async () => {
      const before = await snapshot();
      for (const r of routes()) {
        const none = await fetch(server.url + r.path, { method: r.method, body: JSON.stringify(r.valid), headers: { 'content-type': 'application/json' } });
        assert.equal(none.status, 401, `${r.method} ${r.path} without a token`);
        for (const header of ['Bearer lnt_forged', 'Bearer', 'Basic YWJjOmRlZg==']) {
          const bad = await fetch(server.url + r.path, { method: r.method, body: JSON.stringify(r.valid), headers: { 'content-type': 'application/json', authorization: header } });
          assert.equal(bad.status, 401, `${header}`);
        }
        const other = await fetch(server.url + r.path, { method: r.method, body: JSON.stringify(r.valid), headers: { 'content-type': 'application/json', authorization: `Bearer ${net.provinceAdmin}` } });
        assert.equal(other.status, 403, `${r.method} ${r.path} with hanoi's admin token`);
        const body = await other.json();
        assert.match(body.detail, /no role in chinhphu/);
      }
      for (const role of ['feedback-officer', 'analyst'] as const) {
        const res = await client(server.url, net.tokens[role]).post('/api/v1/portals/chinhphu/articles', sampleNews);
        assert.equal(res.status, 403, `${role} may not write content`);
      }
      assert.equal(await snapshot(), before);
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      const chief = client(server.url, net.tokens['editor-in-chief']);
      const current = (await chief.get(`/api/v1/articles/${publishedId}`)).json;
      const before = await snapshot();
      const stale = await chief.patch(`/api/v1/articles/${publishedId}`, { version: current.version - 1, title: 'cũ', changeNote: 'x' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.currentVersion, current.version);
      const staleAction = await chief.post(`/api/v1/articles/${publishedId}/workflow`, { action: 'unpublish', note: 'x', version: current.version - 1 });
      assert.equal(staleAction.status, 409);
      const invalid = await chief.post(`/api/v1/articles/${publishedId}/workflow`, { action: 'approve' });
      assert.equal(invalid.status, 409);
      assert.deepEqual(invalid.json.allowedActions, ['unpublish']);
      const noReason = await chief.post(`/api/v1/articles/${publishedId}/workflow`, { action: 'unpublish' });
      assert.equal(noReason.status, 422);
      assert.equal(await snapshot(), before);
    });

    it('never answers 500 to odd requests', async () => {
      const odd: [string, string, string | undefined, Record<string, string>][] = [
        ['GET', '/api/v1/articles/1e9999', undefined, {}],
        ['GET', '/api/v1/articles/-1', undefined, {}],
        ['GET', '/api/v1/portals/%00/articles', undefined, {}],
        ['GET', '/api/v1/portals/chinhphu/articles?lang=fr', undefined, {}],
        ['POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ ...sampleNews, meta: [] }), { 'content-type': 'application/json' }],
        ['POST', '/api/v1/portals/chinhphu/articles', JSON.stringify({ ...sampleNews, translationOf: 99999 }), { 'content-type': 'application/json' }],
        ['POST', `/api/v1/articles/${itemId}/workflow`, JSON.stringify({ action: 'schedule', at: 'tomorrow' }), { 'content-type': 'application/json' }],
        ['POST', `/api/v1/articles/${itemId}/workflow`, JSON.stringify({ action: 'schedule' }), { 'content-type': 'application/json' }],
        ['PATCH', `/api/v1/articles/${itemId}`, JSON.stringify({ version: 1e300 }), { 'content-type': 'application/json' }],
        ['PATCH', `/api/v1/articles/${itemId}`, '{"version":1,"__proto__":{"x":1}}', { 'content-type': 'application/json' }],
        ['DELETE', `/api/v1/articles/${itemId}`, undefined, {}],
      ];
      for (const [method, path, body, headers] of odd) {
        const res = await send(method, path, body, headers);
        assert.ok(res.status >= 400 && res.status < 500, `${method} ${path} → ${res.status}`);
        assert.match(res.type, /problem\+json/);
      }
      assert.equal((await send('GET', '/api/v1/portals/chinhphu/articles?q=' + encodeURIComponent('%_\\'), undefined, {})).status, 200);
    });
  });
}
