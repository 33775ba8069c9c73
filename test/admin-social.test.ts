import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { viberEmulator } from '../src/dev/social-emulator/viber.ts';
import { actingAs, createTestEnv, engines, sampleNews, startServer, type TestEnv, type TestServer, waitFor } from './helpers.ts';
import { type AdminNetwork, CENTRAL, portOf, PROVINCE, seedAdminNetwork, signedInAs } from './admin-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

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
      await services.social.channels.create(systemContext(central.id), central, {
        platform: 'viber',
        name: 'Kênh Viber Chính phủ',
        apiBaseUrl: acc.apiBaseUrl,
        credentials: acc.credentials,
        languages: ['vi'],
        contentTypes: ['news'],
        autoPublish: true,
      });
      // the answer to the post is lost: Viber cannot be asked, so the delivery fails for an editor to check
      emulator.inject('viber', { kind: 'lost-response' });
      const chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const item = await services.content.create(central, actingAs(chief), { ...sampleNews });
      await services.content.act(item, actingAs(chief), { action: 'publish' });
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
      const b = await signedInAs(port, CENTRAL, net.emails.editor);
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

    it('an admin connects a channel with the form, updates its credentials and disconnects it; secrets never come back', async () => {
      const b = await signedInAs(port, CENTRAL, net.emails.admin);
      const form = await b.get('/admin/channels');
      assert.match(form.text, /action="\/admin\/channels"/);
      const bad = await b.post('/admin/channels', { platform: 'zalo', name: '', apiBaseUrl: 'ftp://nope', credentials: 'accessToken=bi-mat-zalo-123\nappId=42', 'lang-vi': '1', 'type-news': '1', autoPublish: '1' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /refreshToken|credentials/);
      assert.ok(!bad.text.includes('bi-mat-zalo-123'), 'a typed secret is not sent back');
      const acc = emulator.account('viber');
      const ok = await b.post('/admin/channels', { platform: 'viber', name: 'Viber Tin nhanh', apiBaseUrl: acc.apiBaseUrl, credentials: `authToken=${acc.credentials.authToken}`, 'lang-vi': '1', 'type-news': '1', autoPublish: '1' });
      assert.equal(ok.status, 303, ok.text);
      const list = await b.get('/admin/channels');
      assert.match(list.text, /Viber Tin nhanh/);
      assert.ok(!list.text.includes(acc.credentials.authToken), 'stored credentials are never shown');
      const central = await env.services.portals.require('chinhphu');
      const channel = (await env.services.social.channels.list(central)).find((c) => c.name === 'Viber Tin nhanh')!;
      const fresh = emulator.account('viber');
      assert.equal((await b.post(`/admin/channels/${channel.id}`, { credentials: `authToken=${fresh.credentials.authToken}` })).status, 303);
      assert.equal((await env.services.social.channels.runtime(channel.id)).credentials.authToken, fresh.credentials.authToken);
      const editor = await signedInAs(port, CENTRAL, net.emails.editor);
      assert.doesNotMatch((await editor.get('/admin/channels')).text, /action="\/admin\/channels"/, 'editors do not connect channels');
      assert.equal((await editor.post(`/admin/channels/${channel.id}/delete`, {})).status, 403);
      assert.equal((await b.post(`/admin/channels/${channel.id}/delete`, {})).status, 303);
      assert.equal(
        (await env.services.social.channels.list(central)).some((c) => c.id === channel.id),
        false,
      );
      const log = await env.services.store.db
        .selectFrom('audit_log' as any)
        .selectAll()
        .where('target' as any, '=', `social-channel:${channel.id}`)
        .execute();
      assert.equal(log.length, 3, 'connected, updated and removed are in the audit log');
    });

    it('writers see the page without the retry; another portal cannot touch the delivery', async () => {
      const writer = await signedInAs(port, CENTRAL, net.emails.writer);
      const seen = await writer.get('/admin/channels');
      assert.equal(seen.status, 200);
      assert.equal((await writer.post(`/admin/deliveries/${deliveryId}/retry`, {})).status, 403);
      const other = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      await other.get('/admin/channels');
      assert.equal((await other.post(`/admin/deliveries/${deliveryId}/retry`, {})).status, 404);
      const officer = await signedInAs(port, CENTRAL, net.emails['feedback-officer']);
      assert.equal((await officer.get('/admin/channels')).status, 403, 'the newsroom page is not for feedback officers');
    });
  });
}

for (const engine of engines()) {
  describe(`admin publishing to channels picked by hand (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    let worker: OutboxWorker;
    const emulator = new SocialEmulator([viberEmulator]);

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
      await emulator.listen();
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      await emulator.close();
      await server?.close();
      await env?.close();
    });

    it('offers manual channels beside Publish, posts to the ticked ones only, and shows the result on the item', async () => {
      const { services } = env;
      const central = await services.portals.require('chinhphu');
      const acc = emulator.account('viber');
      const manual = await services.social.channels.create(systemContext(central.id), central, {
        platform: 'viber',
        name: 'Viber chọn tay',
        apiBaseUrl: acc.apiBaseUrl,
        credentials: acc.credentials,
        languages: ['vi'],
        contentTypes: ['news'],
        autoPublish: false,
      });
      const chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const item = await services.content.create(central, actingAs(chief), { ...sampleNews });
      const b = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      const editPage = await b.get(`/admin/items/${item.id}`);
      assert.match(editPage.text, new RegExp(`name="channel-${manual.id}"`));
      const res = await b.post(`/admin/items/${item.id}/workflow`, { action: 'publish', version: String(item.version), [`channel-${manual.id}`]: '1' });
      assert.equal(res.status, 303, res.text);
      await waitFor(async () => (await services.social.deliveries.forItem(item.id))[0]?.status === 'delivered', 15_000);
      assert.equal(emulator.state('viber').postsFor(item.url).length, 1);
      const after = await b.get(`/admin/items/${item.id}`);
      assert.match(after.text, /Viber chọn tay \(viber\): Đã đăng/);
    });
  });
}
