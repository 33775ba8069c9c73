import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createServices, type Services } from '../src/app.ts';
import { client, createTestEnv, engines, seedNetwork, startServer, type TestEnv } from './helpers.ts';

// /readyz tells the truth: what works is in its body, and it answers 503 only when the node
// can serve nothing, or when the store's sealed keys do not open with the deployment
// secret (federation and social posting would break while it said "ready").

for (const engine of engines()) {
  describe(`/readyz on ${engine}`, () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv(engine);
      await seedNetwork(env.services);
      // the portal's federation key, sealed with this deployment's secret
      await env.services.federation.keys.signingKey((await env.services.portals.bySlug('chinhphu'))!);
    });
    after(() => env.close());

    async function readyz(services: Services) {
      const server = await startServer(services);
      try {
        return await client(server.url).get('/readyz');
      } finally {
        await server.close();
      }
    }

    it('is ready with the store reachable and the keys opening, and says what it checked', async () => {
      const res = await readyz(env.services);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.status, 'ready');
      assert.equal(res.json.store, engine);
      assert.equal(res.json.checks.store.ok, true);
      assert.equal(res.json.checks.secret.ok, true);
      if (engine === 'postgres') assert.equal(res.json.checks.listener.ok, true, 'the cache invalidation listener is connected');
      else assert.equal(res.json.checks.listener, undefined, 'one process on SQLite: nothing to listen to');
    });

    it('answers 503 with a clear reason when the sealed keys do not open with the present secret', async () => {
      const file = path.join(env.dataDir, 'secret.key');
      const original = fs.readFileSync(file, 'utf8');
      // the store restored without its secret: a new one was made in its place
      fs.writeFileSync(file, 'f'.repeat(64) + '\n');
      const other = await createServices(env.services.config, { skipMigrate: true, logger: pino({ level: 'silent' }) });
      try {
        const res = await readyz(other);
        assert.equal(res.status, 503, res.text);
        assert.equal(res.json.checks.secret.ok, false);
        assert.match(res.json.checks.secret.error, /sealed keys .* do not open with this deployment's secret/);
        assert.equal(res.json.checks.store.ok, true, 'the store itself is fine');
      } finally {
        await other.pagecache.close();
        await other.store.close();
        fs.writeFileSync(file, original);
      }
      const back = await createServices(env.services.config, { skipMigrate: true, logger: pino({ level: 'silent' }) });
      try {
        assert.equal((await readyz(back)).status, 200, 'ready again with the right secret');
      } finally {
        await back.store.close();
      }
    });
  });
}
