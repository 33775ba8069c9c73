import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, createTestEnv, seedNetwork, startServer, type TestEnv, type TestServer } from './helpers.ts';

describe('operations and API documents', () => {
  let env: TestEnv;
  let server: TestServer;
  before(async () => {
    env = await createTestEnv('sqlite');
    await seedNetwork(env.services);
    server = await startServer(env.services);
  });
  after(async () => {
    await server.close();
    await env.close().catch(() => {});
  });

  it('serves an OpenAPI 3.1 document covering the contract, and browsable docs', async () => {
    const doc = (await client(server.url).get('/api/v1/openapi.json')).json;
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/v1/portals', '/api/v1/portals/{slug}/sections', '/api/v1/portals/{slug}/articles', '/api/v1/articles/{id}', '/api/v1/articles/{id}/workflow']) {
      assert.ok(doc.paths[p], `${p} documented`);
    }
    assert.ok(doc.paths['/api/v1/portals/{slug}/articles'].post.requestBody);
    assert.ok(doc.paths['/api/v1/articles/{id}'].patch.requestBody.content['application/json'].schema.properties.version);
    assert.deepEqual(doc.paths['/api/v1/articles/{id}/workflow'].post.requestBody.content['application/json'].schema.properties.action.enum, ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish']);
    assert.ok(doc.components.schemas.LegalDocumentMeta.properties.effectStatus);
    assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
    assert.ok(!doc.paths['/metrics'], 'operations endpoints stay out of the API document');
    const docs = await fetch(`${server.url}/api/docs`, { redirect: 'follow' });
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
  });

  it('exposes Prometheus metrics including the outbox backlog and request durations', async () => {
    await fetch(`${server.url}/api/v1/portals`);
    const res = await fetch(`${server.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /text\/plain/);
    const text = await res.text();
    assert.match(text, /lantoa_outbox_jobs\{status="dead"\} 0/);
    assert.match(text, /lantoa_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/portals",status="200"\} \d+/);
    assert.match(text, /lantoa_process_cpu_user_seconds_total/);
  });

  it('answers /healthz always and /readyz 503 once the store is gone', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal((await ready.json()).store, 'sqlite');
    await env.services.store.close();
    assert.equal((await fetch(`${server.url}/readyz`)).status, 503);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the process is still alive');
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a token exceeds its writes per minute, and changes nothing', async () => {
    const env = await createTestEnv('sqlite', { env: { API_WRITE_LIMIT: '3' } });
    const net = await seedNetwork(env.services);
    const server = await startServer(env.services);
    try {
      const writer = client(server.url, net.tokens.writer);
      const body = { type: 'news', lang: 'vi', title: 'Tin nhanh' };
      for (let i = 0; i < 3; i++) assert.equal((await writer.post('/api/v1/portals/chinhphu/articles', body)).status, 201);
      const limited = await writer.post('/api/v1/portals/chinhphu/articles', body);
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get('content-type')!, /problem\+json/);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      const count = await env.services.store.db
        .selectFrom('content_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 3);
      assert.equal((await client(server.url, net.tokens.editor).post('/api/v1/portals/chinhphu/articles', body)).status, 201, 'other tokens are not affected');
      assert.equal((await client(server.url).get('/api/v1/portals/chinhphu/articles')).status, 200, 'reads are not limited');
    } finally {
      await server.close();
      await env.close();
    }
  });
});
