import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import { startDemoSocial, type DemoSocial } from '../src/modules/social/demo.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { actingAs, createTestEnv, engines, sampleNews, seedNetwork, waitFor, type TestEnv } from './helpers.ts';

// What `npm start` does for the demo: the central portal's five channels
// point at emulators in the same process, and a publication reaches them.
// A second start (a fresh emulator that knows none of the old tokens) hands
// the same channels new credentials instead of adding channels.

for (const engine of engines()) {
  describe(`demo social channels (${engine})`, () => {
    let env: TestEnv;
    let worker: OutboxWorker;
    const running: DemoSocial[] = [];
    before(async () => {
      env = await createTestEnv(engine);
      await seedNetwork(env.services);
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      for (const r of running) await r.close();
      await env?.close();
    });

    it('connects five channels to local emulators, and a restart reuses them with fresh credentials', async () => {
      const { services } = env;
      const central = await services.portals.require('chinhphu');
      const first = (await startDemoSocial(services, 0))!;
      running.push(first);
      const channels = await services.social.channels.list(central);
      assert.deepEqual(channels.map((c) => c.platform).sort(), ['facebook', 'viber', 'x', 'youtube', 'zalo']);
      assert.ok(channels.every((c) => c.apiBaseUrl!.startsWith(first.url)));
      await first.close();

      const second = (await startDemoSocial(services, 0))!;
      running.push(second);
      const again = await services.social.channels.list(central);
      assert.equal(again.length, 5, 'no channel added twice');
      assert.ok(again.every((c) => c.apiBaseUrl!.startsWith(second.url)));

      const chief = { accountId: (await services.accounts.members(central.id)).find((m) => m.roles.includes('editor-in-chief'))!.id, roles: ['editor-in-chief' as const] };
      const item = await services.content.create(central, actingAs(chief), { ...sampleNews, type: 'news', lang: 'vi' });
      await services.content.act(item, actingAs(chief), { action: 'publish' });
      const done = await waitFor(async () => {
        const ds = await services.social.deliveries.forItem(item.id);
        return ds.length === 4 && ds.every((d) => d.status === 'delivered') ? ds : undefined;
      }, 15_000);
      assert.deepEqual(done.map((d) => d.platform).sort(), ['facebook', 'viber', 'x', 'zalo']);
      const page = await fetch(`${second.url}/`).then((r) => r.text());
      assert.ok(page.includes(item.url.replace(/&/g, '&amp;')), 'the emulators page lists the post');
    });
  });
}
