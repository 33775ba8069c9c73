import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createSocialEmulator, type SocialEmulator } from '../src/dev/social-emulator/index.ts';
import { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { client, createTestEnv, engines, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Translations say what their original says. Withdrawing a Vietnamese article
// (wrong figures) takes its published translations down with it, social posts
// included, unless the editor keeps them; a translation starts without the
// original's social text, which is written for the original's readers.

for (const engine of engines()) {
  describe(`translation integrity (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let emulator: SocialEmulator;
    let worker: OutboxWorker;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      emulator = createSocialEmulator();
      await emulator.listen();
      const central = await env.services.portals.require('chinhphu');
      const acc = emulator.account('facebook');
      await env.services.social.channels.create(systemContext(central.id), central, {
        platform: 'facebook',
        name: 'Fanpage',
        apiBaseUrl: acc.apiBaseUrl,
        credentials: acc.credentials,
        languages: ['vi', 'en'],
        contentTypes: ['news'],
        autoPublish: true,
      });
      worker = new OutboxWorker(env.services.store, env.services.outbox, { pollMs: 20 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      await emulator?.close();
      await server?.close();
      await env?.close();
    });

    /** A published Vietnamese article and its published English translation, both posted to the fanpage. */
    async function publishedPair(api: ReturnType<typeof client>, title: string) {
      const vi = await api.post('/api/v1/portals/chinhphu/articles', { type: 'news', lang: 'vi', title, summary: 'Số liệu quý III.', body: '<p>Số liệu.</p>', section: 'tin-tuc', meta: { socialText: 'Số liệu kinh tế quý III' } });
      assert.equal(vi.status, 201, JSON.stringify(vi.json));
      const en = await api.post('/api/v1/portals/chinhphu/articles', {
        type: 'news',
        lang: 'en',
        title: `${title} (English)`,
        summary: 'Q3 figures.',
        body: '<p>Figures.</p>',
        section: 'tin-tuc',
        translationOf: vi.json.id,
        meta: { socialText: 'Q3 economic figures' },
      });
      assert.equal(en.status, 201, JSON.stringify(en.json));
      for (const id of [vi.json.id, en.json.id]) assert.equal((await api.post(`/api/v1/articles/${id}/workflow`, { action: 'publish' })).status, 200);
      for (const id of [vi.json.id, en.json.id]) {
        await waitFor(async () => (await env.services.social.deliveries.forItem(id)).every((d) => d.status === 'delivered'), 10_000);
      }
      return { vi: vi.json.id as number, en: en.json.id as number };
    }

    const livePosts = async (itemId: number) => {
      const url = (await env.services.content.find(itemId))!.url;
      return emulator.state('facebook').postsFor(url).length;
    };

    it('unpublishing an original takes its published translation down too, social post included, by default', async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const { vi, en } = await publishedPair(api, 'Tăng trưởng GDP quý III đạt 7,4%');
      assert.equal(await livePosts(en), 1);
      const r = await api.post(`/api/v1/articles/${vi}/workflow`, { action: 'unpublish', kind: 'withdrawn', note: 'Số liệu sai, đang rà soát lại' });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      const tr = (await env.services.content.find(en))!;
      console.log(`# ${engine}: after unpublishing the original: translation ${tr.status}, its fanpage posts live ${await livePosts(en)}`);
      assert.equal(tr.status, 'unpublished');
      assert.deepEqual(tr.unpublished, { kind: 'withdrawn', reason: 'Số liệu sai, đang rà soát lại' });
      // readers see the explanation, not the wrong figures
      const page = await client(server.url).get(`/api/v1/articles/${en}`);
      assert.equal(page.status, 410);
      // the translation's post is removed from the fanpage like the original's
      await waitFor(async () => (await livePosts(en)) === 0 && (await livePosts(vi)) === 0, 10_000);
      // one audit row per item
      const rows = (await env.services.audit.list(net.central.id, { action: 'transition' })) as unknown as { target: string; detail: Record<string, unknown> }[];
      assert.ok(
        rows.some((a) => a.target === `item:${vi}` && a.detail.action === 'unpublish'),
        'the original audited',
      );
      assert.ok(
        rows.some((a) => a.target === `item:${en}` && a.detail.withOriginal === vi),
        'the translation audited',
      );
      // both history pages record the transition
      const history = await api.get(`/api/v1/articles/${en}/history`);
      assert.ok(JSON.stringify(history.json).includes('Số liệu sai'), 'the translation’s history has the reason');
    });

    it('"keep" leaves the translations live; a translation unpublished alone leaves its original; bad values are 422', async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const { vi, en } = await publishedPair(api, 'Kế hoạch đầu tư công năm 2026');
      const bad = await api.post(`/api/v1/articles/${vi}/workflow`, { action: 'unpublish', note: 'Lý do', translations: 'all' });
      assert.equal(bad.status, 422);
      const misplaced = await api.post(`/api/v1/articles/${en}/workflow`, { action: 'publish', translations: 'same' });
      assert.ok(misplaced.status === 422 || misplaced.status === 400, `a translations field on publish is refused (${misplaced.status})`);
      assert.equal((await env.services.content.find(vi))!.status, 'published', 'nothing changed');
      // the translation withdrawn alone: its original stays
      assert.equal((await api.post(`/api/v1/articles/${en}/workflow`, { action: 'unpublish', note: 'Bản dịch cần sửa' })).status, 200);
      assert.equal((await env.services.content.find(vi))!.status, 'published');
      assert.equal((await api.post(`/api/v1/articles/${en}/workflow`, { action: 'publish' })).status, 200);
      const kept = await api.post(`/api/v1/articles/${vi}/workflow`, { action: 'unpublish', kind: 'gone', note: 'Trùng bài', translations: 'keep' });
      assert.equal(kept.status, 200);
      assert.equal((await env.services.content.find(en))!.status, 'published');
      // the OpenAPI document names the field
      const spec = await client(server.url).get('/api/v1/openapi.json');
      assert.match(spec.text, /"translations":\{[^}]*"enum":\["same","keep"\]/, 'the schema lists same and keep');
    });

    it('the admin offers the choice (same by default) without JavaScript, and a new translation does not copy the social text', async () => {
      const api = client(server.url, net.tokens['editor-in-chief']);
      const { vi, en } = await publishedPair(api, 'Chỉ số giá tiêu dùng tháng Mười');
      const chief = await signedInAs(portOf(server.url), CENTRAL, net.emails['editor-in-chief']);
      const page = await chief.get(`/admin/items/${vi}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<input type="radio" id="translations-same" name="translations" value="same" checked>/);
      assert.match(page.text, /<input type="radio" id="translations-keep" name="translations" value="keep">/);
      // a translation's own page offers no such choice: it has no translations of its own to take down
      assert.doesNotMatch((await chief.get(`/admin/items/${en}`)).text, /name="translations"/);
      const item = (await env.services.content.find(vi))!;
      await chief.get(`/admin/items/${vi}`);
      const sent = await chief.post(`/admin/items/${vi}/workflow`, { action: 'unpublish', version: String(item.version), note: 'Số liệu chưa chính xác', kind: 'withdrawn', translations: 'same' });
      assert.equal(sent.status, 303, sent.text.slice(0, 300));
      assert.equal((await env.services.content.find(en))!.status, 'unpublished');

      // a translation started from an original with social text starts without it
      const other = await api.post('/api/v1/portals/chinhphu/articles', {
        type: 'news',
        lang: 'vi',
        title: 'Hội nghị xúc tiến đầu tư',
        summary: 'Tóm tắt.',
        body: '<p>Nội dung.</p>',
        section: 'tin-tuc',
        meta: { socialText: 'Mời theo dõi hội nghị xúc tiến đầu tư' },
      });
      const form = await chief.get(`/admin/items/new?translationOf=${other.json.id}&lang=en`);
      assert.equal(form.status, 200);
      assert.doesNotMatch(form.text, /Mời theo dõi hội nghị/, 'the Vietnamese social text is not carried into the English form');
    });
  });
}
