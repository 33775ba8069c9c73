import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { SocialEmulator } from '../src/modules/social/emulator/server.ts';
import { viberEmulator } from '../src/modules/social/emulator/viber.ts';
import { createTestEnv, engines, sampleNews, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';

// The admin's social page: channels with their status, recent posts, and
// "try again" for a post that did not get through — for editors of the
// portal only, behind the admin's CSRF check.

for (const engine of engines()) {
  describe(`admin social page (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    let worker: OutboxWorker;
    const emulator = new SocialEmulator([viberEmulator]);
    let itemId: number;
    let deliveryId: number;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
      await emulator.listen();
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
      const { services } = env;
      const central = await services.portals.require('chinhphu');
      const acc = emulator.account('viber');
      await services.social.channels.create(central, { platform: 'viber', name: 'Kênh Viber Chính phủ', apiBaseUrl: acc.apiBaseUrl, credentials: acc.credentials, languages: ['vi'], contentTypes: ['news'], autoPublish: true });
      // the answer to the post is lost: Viber cannot be asked, so the delivery fails for an editor to check
      emulator.inject('viber', { kind: 'lost-response' });
      const chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const item = await services.content.create(central, chief, { ...sampleNews } as any);
      await services.content.act(item, chief, { action: 'publish' });
      itemId = item.id;
      const [d] = await waitFor(async () => {
        const ds = await services.social.deliveries.forItem(item.id);
        return ds.length && ds[0].status === 'failed' ? ds : undefined;
      }, 15_000);
      deliveryId = d.id;
    });
    after(async () => {
      await worker?.stop();
      await emulator.close();
      await server?.close();
      await env?.close();
    });

    it('shows channels and the failed post; an editor tries it again', async () => {
      const b = new AdminBrowser(port, CENTRAL);
      await b.signIn(net.emails.editor, PASSWORD);
      const pageRes = await b.get('/admin/channels');
      assert.equal(pageRes.status, 200);
      assert.match(pageRes.text, /Kênh Viber Chính phủ/);
      assert.match(pageRes.text, new RegExp(`href="/admin/items/${itemId}"`));
      assert.match(pageRes.text, /Không đăng được/);
      assert.match(pageRes.text, new RegExp(`action="/admin/deliveries/${deliveryId}/retry"`));
      const noCsrf = await b.post(`/admin/deliveries/${deliveryId}/retry`, { _csrf: null });
      assert.equal(noCsrf.status, 403, 'the CSRF check guards the retry');
      const retried = await b.post(`/admin/deliveries/${deliveryId}/retry`, {});
      assert.equal(retried.status, 303);
      await waitFor(async () => (await env.services.social.deliveries.get(deliveryId)).status === 'delivered', 15_000);
      const after = await b.get('/admin/channels');
      assert.match(after.text, /Đã đăng/);
    });

    it('writers see the page without the retry; another portal cannot touch the delivery', async () => {
      const writer = new AdminBrowser(port, CENTRAL);
      await writer.signIn(net.emails.writer, PASSWORD);
      const seen = await writer.get('/admin/channels');
      assert.equal(seen.status, 200);
      assert.equal((await writer.post(`/admin/deliveries/${deliveryId}/retry`, {})).status, 403);
      const other = new AdminBrowser(port, PROVINCE);
      await other.signIn(net.emails.provinceAdmin, PASSWORD);
      await other.get('/admin/channels');
      assert.equal((await other.post(`/admin/deliveries/${deliveryId}/retry`, {})).status, 404);
      const officer = new AdminBrowser(port, CENTRAL);
      await officer.signIn(net.emails['feedback-officer'], PASSWORD);
      assert.equal((await officer.get('/admin/channels')).status, 403, 'the newsroom page is not for feedback officers');
    });
  });
}
