import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import { createSocialEmulator, type SocialEmulator } from '../src/dev/social-emulator/index.ts';
import type { Platform } from '../src/modules/social/types.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { DELIVER_TOPIC, UPDATE_TOPIC } from '../src/modules/social/delivery.ts';
import { client, createTestEnv, engines, sampleNews, seedNetwork, startServer, waitFor, type TestEnv } from './helpers.ts';

// Channels over the API and deliveries through the outbox, against the five
// platform emulators, on each store: what publishing queues (in the
// publishing transaction), what reaches each platform, and what happens when
// a platform throttles, refuses, or takes a channel's authorisation away.

for (const engine of engines()) {
  describe(`social channels and deliveries (${engine})`, () => {
    let env: TestEnv;
    let emulator: SocialEmulator;
    let base: string;
    let close: () => Promise<void>;
    let worker: OutboxWorker;
    let net: Awaited<ReturnType<typeof seedNetwork>>;
    let admin: ReturnType<typeof client>;
    let chief: ReturnType<typeof client>;
    const channelIds: Partial<Record<Platform, number>> = {};

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedNetwork(env.services);
      ({ url: base, close } = await startServer(env.services));
      emulator = createSocialEmulator();
      await emulator.listen();
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
      admin = client(base, net.tokens.admin);
      chief = client(base, net.tokens['editor-in-chief']);
    });
    after(async () => {
      await worker?.stop();
      await emulator?.close();
      await close?.();
      await env?.close();
    });

    async function publish(body: Record<string, unknown>) {
      const created = await chief.post(`/api/v1/portals/chinhphu/articles`, body);
      assert.equal(created.status, 201, created.text);
      const pub = await chief.post(`/api/v1/articles/${created.json.id}/workflow`, { action: 'publish' });
      assert.equal(pub.status, 200, pub.text);
      return pub.json;
    }

    const deliveries = async (itemId: number) => (await chief.get(`/api/v1/articles/${itemId}/deliveries`)).json.items as any[];
    const settled = (itemId: number, timeout = 15_000) =>
      waitFor(async () => {
        const ds = await deliveries(itemId);
        return ds.length > 0 && ds.every((d) => d.status !== 'queued') ? ds : undefined;
      }, timeout);

    it('connects a channel of each platform; credentials are sealed and never shown', async () => {
      for (const platform of ['facebook', 'x', 'zalo', 'viber', 'youtube'] as const) {
        const acc = emulator.account(platform);
        const res = await admin.post('/api/v1/portals/chinhphu/channels', {
          platform,
          name: `Kênh ${platform}`,
          apiBaseUrl: acc.apiBaseUrl,
          credentials: acc.credentials,
          languages: ['vi'],
          contentTypes: platform === 'youtube' ? ['video'] : ['news', 'press-release', 'directive', 'video'],
          autoPublish: true,
        });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.json.status, 'active');
        assert.deepEqual(res.json.credentialsSet, Object.keys(acc.credentials).sort());
        for (const secret of Object.values(acc.credentials)) assert.ok(!res.text.includes(secret), 'no credential value in the answer');
        channelIds[platform] = res.json.id;
        const row = await env.services.store.db
          .selectFrom('social_channels' as any)
          .select('credentials' as any)
          .where('id' as any, '=', res.json.id)
          .executeTakeFirstOrThrow();
        for (const secret of Object.values(acc.credentials)) if (secret.length > 8) assert.ok(!String((row as any).credentials).includes(secret), 'stored sealed');
      }
      const list = await chief.get('/api/v1/portals/chinhphu/channels');
      assert.equal(list.status, 200);
      assert.equal(list.json.items.length, 5);
    });

    it('refuses bad channel settings with 422 naming each field, and outsiders with 401/403', async () => {
      const bad = await admin.post('/api/v1/portals/chinhphu/channels', { platform: 'myspace', name: '', apiBaseUrl: 'ftp://x', credentials: {}, languages: ['fr'], contentTypes: ['poem'], autoPublish: true });
      assert.equal(bad.status, 422);
      assert.equal(bad.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const paths = bad.json.errors.map((e: any) => e.path);
      for (const p of ['/platform', '/name', '/apiBaseUrl', '/languages', '/contentTypes']) assert.ok(paths.includes(p), `${p} named in ${JSON.stringify(paths)}`);
      const missing = await admin.post('/api/v1/portals/chinhphu/channels', {
        platform: 'zalo',
        name: 'Zalo',
        credentials: { accessToken: 'a', bogus: 'b' },
        languages: ['vi'],
        contentTypes: ['news'],
        sections: ['khong-co'],
        autoPublish: true,
      });
      assert.equal(missing.status, 422);
      const mp = missing.json.errors.map((e: any) => e.path);
      for (const p of ['/credentials/refreshToken', '/credentials/appId', '/credentials/appSecret', '/credentials/bogus', '/sections']) assert.ok(mp.includes(p), `${p} named in ${JSON.stringify(mp)}`);
      const ok = { platform: 'viber', name: 'V', credentials: { authToken: 't' }, languages: ['vi'], contentTypes: ['news'], autoPublish: true };
      assert.equal((await client(base).post('/api/v1/portals/chinhphu/channels', ok)).status, 401);
      assert.equal((await client(base, net.tokens.editor).post('/api/v1/portals/chinhphu/channels', ok)).status, 403);
      assert.equal((await client(base, net.provinceAdmin).post('/api/v1/portals/chinhphu/channels', ok)).status, 403);
      assert.equal((await client(base, net.provinceAdmin).get('/api/v1/portals/chinhphu/channels')).status, 403);
      const count = await env.services.store.db
        .selectFrom('social_channels' as any)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number((count as any).n), 5, 'nothing stored by the refusals');
    });

    it('publishing queues one delivery per matching channel in the same transaction, and each platform gets the post once', async () => {
      const item = await publish({ ...sampleNews, title: 'Chính phủ họp phiên thường kỳ tháng Mười một về giải ngân vốn đầu tư công' });
      // queued at once, before any worker ran: the rows came with the publication
      const queued = await env.services.social.deliveries.forItem(item.id);
      assert.deepEqual(queued.map((d) => d.platform).sort(), ['facebook', 'viber', 'x', 'zalo'], 'YouTube takes videos only');
      const done = await settled(item.id);
      for (const d of done) {
        assert.equal(d.status, 'delivered', `${d.platform}: ${d.lastError}`);
        assert.ok(d.remoteId);
        assert.equal(emulator.state(d.platform).postsFor(item.url).length, 1, `${d.platform} got it once`);
      }
    });

    it('channels carry only their languages, types and sections; manual channels wait to be picked', async () => {
      const acc = emulator.account('facebook');
      const manual = await admin.post('/api/v1/portals/chinhphu/channels', {
        platform: 'facebook',
        name: 'Trang Văn bản',
        apiBaseUrl: acc.apiBaseUrl,
        credentials: acc.credentials,
        languages: ['vi', 'en'],
        contentTypes: ['news'],
        sections: ['van-ban'],
        autoPublish: false,
      });
      assert.equal(manual.status, 201, manual.text);
      const en = await publish({ ...sampleNews, lang: 'en', title: 'Government holds its regular meeting', summary: 'On the economy.' });
      assert.equal((await deliveries(en.id)).length, 0, 'no channel carries English news automatically');
      const picked = await chief.post(`/api/v1/articles/${en.id}/deliveries`, { channels: [manual.json.id] });
      assert.equal(picked.status, 202, picked.text);
      const [d] = await settled(en.id);
      assert.equal(d.status, 'delivered');
      assert.equal(d.channel, manual.json.id);
      const again = await chief.post(`/api/v1/articles/${en.id}/deliveries`, { channels: [manual.json.id] });
      assert.equal(again.status, 202);
      // whatever picking it again queued has run
      await waitFor(async () => (await env.services.store.db.selectFrom('outbox').select('id').where('topic', 'in', [DELIVER_TOPIC, UPDATE_TOPIC]).where('status', 'in', ['pending', 'running']).execute()).length === 0);
      assert.equal(emulator.state('facebook').postsFor(en.url).length, 1, 'picking it again posts nothing more');
      const wrong = await chief.post(`/api/v1/articles/${en.id}/deliveries`, { channels: [channelIds.youtube] });
      assert.equal(wrong.status, 422, 'YouTube cannot carry a news item');
    });

    it('a throttled platform is waited for; a refused post fails with its reason and can be retried', async () => {
      emulator.inject('x', { kind: 'rate-limit', retryAfterSeconds: 1 });
      emulator.inject('zalo', { kind: 'duplicate' });
      const item = await publish({ ...sampleNews, title: 'Bộ Tài chính công bố số liệu thu ngân sách mười một tháng' });
      const ds = await settled(item.id);
      const x = ds.find((d) => d.platform === 'x')!;
      assert.equal(x.status, 'delivered');
      assert.equal(x.attempts, 2, 'one throttled attempt, then the post');
      const zalo = ds.find((d) => d.platform === 'zalo')!;
      assert.equal(zalo.status, 'failed');
      assert.ok(zalo.lastError);
      const retried = await chief.post(`/api/v1/deliveries/${zalo.id}/retry`);
      assert.equal(retried.status, 202, retried.text);
      await waitFor(async () => (await deliveries(item.id)).find((d) => d.id === zalo.id)?.status === 'delivered', 15_000);
      assert.equal(emulator.state('zalo').postsFor(item.url).length, 1);
      assert.equal((await chief.post(`/api/v1/deliveries/${x.id}/retry`)).status, 409, 'a delivered post is not retried');
    });

    it('an expired X token is refreshed and the new one kept; a Facebook token taken away waits for an admin', async () => {
      emulator.inject('x', { kind: 'expired-token' });
      emulator.inject('facebook', { kind: 'expired-token' });
      const before = (await env.services.social.channels.runtime(channelIds.x!)).credentials;
      const item = await publish({ ...sampleNews, title: 'Thủ tướng yêu cầu đẩy nhanh tiến độ các dự án giao thông trọng điểm' });
      const ds = await settled(item.id);
      assert.equal(ds.find((d) => d.platform === 'x')!.status, 'delivered');
      const after = (await env.services.social.channels.runtime(channelIds.x!)).credentials;
      assert.notEqual(after.accessToken, before.accessToken);
      assert.notEqual(after.refreshToken, before.refreshToken);
      const fb = ds.find((d) => d.platform === 'facebook')!;
      assert.equal(fb.status, 'needs-reauth');
      const channel = await chief.get(`/api/v1/portals/chinhphu/channels/${channelIds.facebook}`);
      assert.equal(channel.json.status, 'needs-reauth');
      const audit = await env.services.audit.list({ portalId: net.central.id, action: 'social-channel' } as any).catch(() => undefined);
      if (audit) assert.ok((audit as any).items?.some?.((e: any) => e.detail?.status === 'needs-reauth') ?? true);
      // the admin reconnects: the waiting post goes out
      const fresh = emulator.account('facebook');
      const patched = await admin.patch(`/api/v1/portals/chinhphu/channels/${channelIds.facebook}`, { credentials: fresh.credentials });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.json.status, 'active');
      await waitFor(async () => (await deliveries(item.id)).find((d) => d.platform === 'facebook')?.status === 'delivered', 15_000);
      assert.equal(emulator.state('facebook').postsFor(item.url).length, 1);
    });

    it('a refused token refresh marks the channel for re-authorisation and logs it; the post waits', async () => {
      // the stored refresh token is one X never issued: the refresh after the expiry is refused
      const broken = await admin.patch(`/api/v1/portals/chinhphu/channels/${channelIds.x}`, { credentials: { refreshToken: 'xrt-revoked' } });
      assert.equal(broken.status, 200, broken.text);
      emulator.inject('x', { kind: 'expired-token' });
      const item = await publish({ ...sampleNews, title: 'Thông cáo báo chí về kết quả phiên họp Chính phủ' });
      const ds = await settled(item.id);
      assert.equal(ds.find((d) => d.platform === 'x')!.status, 'needs-reauth');
      assert.equal(ds.find((d) => d.platform === 'facebook')!.status, 'delivered', 'other channels are not held up');
      const channel = (await chief.get(`/api/v1/portals/chinhphu/channels/${channelIds.x}`)).json;
      assert.equal(channel.status, 'needs-reauth');
      assert.match(channel.statusReason, /refresh/i);
      const log = await env.services.store.db
        .selectFrom('audit_log' as any)
        .selectAll()
        .where('target' as any, '=', `social-channel:${channelIds.x}`)
        .execute();
      assert.ok(
        log.some((e: any) => String(e.detail).includes('needs-reauth')),
        'the disconnection is in the audit log',
      );
      const fresh = emulator.account('x');
      const fixed = await admin.patch(`/api/v1/portals/chinhphu/channels/${channelIds.x}`, { credentials: fresh.credentials });
      assert.equal(fixed.json.status, 'active');
      await waitFor(async () => (await deliveries(item.id)).find((d) => d.platform === 'x')?.status === 'delivered', 15_000);
      assert.equal(emulator.state('x').postsFor(item.url).length, 1);
    });

    it('pulls followers and post reach into time series', async () => {
      emulator.state('facebook').followers = 5_400_000;
      const pulled = await env.services.social.deliveries.pullMetrics();
      assert.ok(pulled.channels >= 5);
      assert.ok(pulled.posts > 0, 'recent posts were asked for their figures');
      const followers = await chief.get(`/api/v1/portals/chinhphu/channels/${channelIds.facebook}/metrics`);
      assert.equal(followers.status, 200, followers.text);
      assert.equal(followers.json.metric, 'followers');
      assert.equal(followers.json.points.at(-1).value, 5_400_000);
      const yt = await chief.get(`/api/v1/portals/chinhphu/channels/${channelIds.youtube}/metrics`);
      assert.equal(yt.json.points.length, 1);
      const bad = await chief.get(`/api/v1/portals/chinhphu/channels/${channelIds.facebook}/metrics?metric=mood`);
      assert.equal(bad.status, 422);
      // the next pull is scheduled in the outbox
      const next = await env.services.store.db
        .selectFrom('outbox' as any)
        .select('run_after' as any)
        .where('topic' as any, '=', 'social.metrics')
        .where('status' as any, '=', 'pending')
        .execute();
      assert.ok(next.length >= 1);
    });

    it('a correction edits the Facebook post; taking the item down deletes the posts where the platform allows', async () => {
      const item = await publish({ ...sampleNews, title: 'Công điện về ứng phó với mưa lũ tại các tỉnh miền Trung' });
      await settled(item.id);
      const current = await env.services.content.getForMember(item.id);
      const fix = await chief.patch(`/api/v1/articles/${item.id}`, { version: current.version, title: 'Công điện về ứng phó với mưa lũ tại các tỉnh miền Trung và Tây Nguyên', changeNote: 'Bổ sung địa bàn Tây Nguyên.' });
      assert.equal(fix.status, 200, fix.text);
      const fbPost = () => emulator.state('facebook').postsFor(item.url)[0];
      await waitFor(async () => fbPost().edits > 0, 10_000);
      assert.match(fbPost().text, /Tây Nguyên/);
      const down = await chief.post(`/api/v1/articles/${item.id}/workflow`, { action: 'unpublish', note: 'Đã được thay thế.' });
      assert.equal(down.status, 200, down.text);
      await waitFor(async () => emulator.state('facebook').postsFor(item.url).length === 0 && emulator.state('x').postsFor(item.url).length === 0, 10_000);
      // each removal is its own job: wait for the Viber one too
      const ds = await waitFor(async () => {
        const all = await deliveries(item.id);
        return all.find((d) => d.platform === 'viber')?.lastError ? all : undefined;
      }, 10_000);
      assert.ok(ds.find((d) => d.platform === 'facebook').removedAt);
      assert.ok(ds.find((d) => d.platform === 'viber').lastError?.includes('by hand'), 'Viber cannot delete: the editor is told');
    });
  });
}
