import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, createTestEnv, engines, postgresSkip, sampleNews, seedNetwork, startServer, type Network, type TestEnv, type TestServer } from './helpers.ts';

if (postgresSkip) describe('API item cache on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`API item cache on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: Network;
    before(async () => {
      env = await createTestEnv(engine);
      net = await seedNetwork(env.services);
      server = await startServer(env.services);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    it('serves anonymous item reads from the cache, with validators, and never a stale copy after a change', async () => {
      const chief = client(server.url, net.tokens['editor-in-chief']);
      const created = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Bản tin được lưu đệm' });
      await chief.post(`/api/v1/articles/${created.json.id}/workflow`, { action: 'publish' });
      const path = `/api/v1/articles/${created.json.id}`;
      // let the publication's own invalidation pass first (a process ignores its own NOTIFY echo)
      await env.services.pagecache.settled();

      const first = await fetch(server.url + path);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('x-cache'), 'MISS');
      const second = await fetch(server.url + path);
      assert.equal(second.headers.get('x-cache'), 'HIT');
      assert.deepEqual(await second.json(), await first.json());
      assert.match(second.headers.get('surrogate-key')!, new RegExp(`item-${created.json.id}`));
      const etag = second.headers.get('etag')!;
      const revalidated = await fetch(server.url + path, { headers: { 'if-none-match': etag } });
      assert.equal(revalidated.status, 304);
      const gz = await fetch(server.url + path, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal((await gz.json()).id, created.json.id, 'compressed variants decode to the same item');

      const live = (await chief.get(path)).json;
      const fixed = await chief.patch(path, { version: live.version, title: 'Bản tin đã đính chính', changeNote: 'Sửa tiêu đề.' });
      assert.equal(fixed.status, 200);
      const after = await fetch(server.url + path);
      assert.equal((await after.json()).title, 'Bản tin đã đính chính', 'the correction is served at once');
      assert.notEqual(after.headers.get('etag'), etag);

      const members = await chief.get(path);
      assert.equal(members.headers.get('x-cache'), null, 'authenticated reads bypass the cache');
      assert.match(members.headers.get('cache-control')!, /private/);

      await chief.post(`${path}/workflow`, { action: 'unpublish', note: 'Đã có văn bản thay thế.' });
      const gone = await fetch(server.url + path);
      assert.equal(gone.status, 410);
      assert.match(gone.headers.get('content-type')!, /problem\+json/);
      assert.equal((await fetch(server.url + path)).headers.get('x-cache'), 'HIT', 'a 410 is cached too');

      const unknown = await fetch(`${server.url}/api/v1/articles/987654`);
      assert.equal(unknown.status, 404);
      assert.notEqual((await fetch(`${server.url}/api/v1/articles/987654`)).headers.get('x-cache'), 'HIT', 'unknown ids are not kept');
    });
  });
}

for (const engine of engines()) {
  describe(`API list cache on ${engine}`, () => {
    it('caches anonymous list pages and drops them when anything in the portal is published, corrected or withdrawn', async () => {
      const env = await createTestEnv(engine);
      const net = await seedNetwork(env.services);
      const server = await startServer(env.services);
      try {
        const chief = client(server.url, net.tokens['editor-in-chief']);
        const publish = async (title: string) => {
          const c = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title });
          await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'publish' });
          return c.json.id as number;
        };
        const first = await publish('Tin thứ nhất trong danh sách');
        await env.services.pagecache.settled();
        const list = '/api/v1/portals/chinhphu/articles?lang=vi';
        assert.equal((await fetch(server.url + list)).headers.get('x-cache'), 'MISS');
        const hit = await fetch(server.url + list);
        assert.equal(hit.headers.get('x-cache'), 'HIT');
        assert.deepEqual(
          (await hit.json()).items.map((i: any) => i.id),
          [first],
        );

        const second = await publish('Tin thứ hai trong danh sách');
        assert.deepEqual(
          (await (await fetch(server.url + list)).json()).items.map((i: any) => i.id),
          [second, first],
          'a new publication shows at once',
        );
        const other = await client(server.url, net.provinceAdmin).post('/api/v1/portals/hanoi/articles', { ...sampleNews, title: 'Tin Hà Nội' });
        assert.equal(other.status, 201);
        const live = (await chief.get(`/api/v1/articles/${first}`)).json;
        await chief.patch(`/api/v1/articles/${first}`, { version: live.version, title: 'Tin thứ nhất (đã sửa)', changeNote: 'Sửa tiêu đề' });
        assert.equal((await (await fetch(server.url + list)).json()).items[1].title, 'Tin thứ nhất (đã sửa)');
        await chief.post(`/api/v1/articles/${second}/workflow`, { action: 'unpublish', note: 'Rút tin' });
        assert.deepEqual(
          (await (await fetch(server.url + list)).json()).items.map((i: any) => i.id),
          [first],
        );
        const bad = await fetch(`${server.url}/api/v1/portals/chinhphu/articles?cursor=nonsense`);
        assert.equal(bad.status, 422, 'bad parameters still answer 422 through the cache');
        const withQ = await fetch(`${server.url}/api/v1/portals/chinhphu/articles?q=tin`);
        assert.equal(withQ.headers.get('x-cache'), null, 'free-text lists are not cached');
      } finally {
        await server.close();
        await env.close();
      }
    });
  });
}
