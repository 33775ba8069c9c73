import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { actingAs, createTestEnv, engines, postgresSkip, sampleNews, seedNetwork, waitFor } from './helpers.ts';
import { createServices, createWorker } from '../src/app.ts';

if (postgresSkip) describe('scheduler restart on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`scheduled publishing on ${engine}`, () => {
    it('survives a restart: a schedule set before shutdown fires in the next process', async () => {
      const env = await createTestEnv(engine);
      try {
        const net = await seedNetwork(env.services);
        const portal = (await env.services.portals.bySlug('chinhphu'))!;
        const chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
        const draft = await env.services.content.create(portal, actingAs(chief), { ...sampleNews, title: 'Công điện về ứng phó bão số 9' });
        const at = new Date(Date.now() + 1500);
        await env.services.content.act(draft, actingAs(chief), { action: 'schedule', at: at.toISOString() });
        // "restart": a second, independent set of services on the same store, the first one gone
        const config = env.services.config;
        await env.services.store.close();
        const next = await createServices(config, { logger: pino({ level: 'silent' }) });
        env.services = next;
        const worker = createWorker(next, { pollMs: 100 });
        worker.start();
        try {
          const item = await waitFor(async () => {
            const it = await next.content.find(draft.id);
            return it?.status === 'published' && it;
          }, 7000);
          const lag = Date.parse(item.publishedAt!) - at.getTime();
          assert.ok(lag >= 0 && lag < 5000, `fired ${lag} ms after its time`);
        } finally {
          await worker.stop();
        }
      } finally {
        await env.close();
      }
    });
  });
}
