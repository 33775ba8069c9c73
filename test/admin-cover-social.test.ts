import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { createSocialEmulator, type SocialEmulator } from '../src/dev/social-emulator/index.ts';
import { formatFacebook } from '../src/modules/social/connectors/facebook.ts';
import { formatViber } from '../src/modules/social/connectors/viber.ts';
import { formatX } from '../src/modules/social/connectors/x.ts';
import { formatYouTube } from '../src/modules/social/connectors/youtube.ts';
import { formatZalo } from '../src/modules/social/connectors/zalo.ts';
import type { SocialPost } from '../src/modules/social/types.ts';
import { actingAs, client, createTestEnv, engines, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';

// Every content type may carry a cover picture (from the media library) and
// a short text for social posts. The editor stores them in the item's meta;
// the public page shows the cover as its lead picture and og:image, and the
// social connectors post the editor's text (with the link) and the cover.

const SOCIAL = 'Chính phủ ban hành chương trình chuyển đổi số quốc gia — người dân làm thủ tục trực tuyến từ hôm nay.';

for (const engine of engines()) {
  describe(`admin: cover picture and social text (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let emulator: SocialEmulator;
    let worker: OutboxWorker;
    let writer: AdminBrowser;
    let chief: AdminBrowser;
    let pictureId: number;
    let pdfId: number;
    let provincePictureId: number;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      emulator = createSocialEmulator();
      await emulator.listen();
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
      const port = portOf(server.url);
      writer = new AdminBrowser(port, CENTRAL);
      chief = new AdminBrowser(port, CENTRAL);
      assert.equal((await writer.signIn(net.emails.writer)).status, 303);
      assert.equal((await chief.signIn(net.emails['editor-in-chief'])).status, 303);
      const central = await env.services.portals.require('chinhphu');
      const province = await env.services.portals.require('hanoi');
      const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2a6f97' } })
        .jpeg()
        .toBuffer();
      pictureId = (await env.services.media.upload(central, actingAs(net.accountIds.writer), { filename: 'anh-bia.jpg', mime: 'image/jpeg', data: jpeg, alt: 'Hội nghị chuyển đổi số', caption: 'Toàn cảnh hội nghị', credit: 'VGP' })).id;
      pdfId = (await env.services.media.upload(central, actingAs(net.accountIds.writer), { filename: 'vb.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n'), alt: 'Văn bản' })).id;
      provincePictureId = (await env.services.media.upload(province, actingAs(null), { filename: 'hn.jpg', mime: 'image/jpeg', data: jpeg, alt: 'Hà Nội' })).id;
      // an X and a Facebook channel that post every news item automatically
      const admin = client(server.url, net.tokens.admin);
      for (const platform of ['x', 'facebook'] as const) {
        const acc = emulator.account(platform);
        const res = await admin.post('/api/v1/portals/chinhphu/channels', {
          platform,
          name: `Kênh ${platform}`,
          apiBaseUrl: acc.apiBaseUrl,
          credentials: acc.credentials,
          languages: ['vi'],
          contentTypes: ['news', 'legal-document'],
          autoPublish: true,
        });
        assert.equal(res.status, 201, res.text);
      }
    });
    after(async () => {
      await worker?.stop();
      await emulator?.close();
      await server?.close();
      await env?.close();
    });

    async function create(fields: Record<string, string>) {
      await writer.get('/admin/items/new?type=news');
      return writer.post('/admin/items', { type: 'news', lang: 'vi', title: 'Chương trình chuyển đổi số quốc gia', summary: 'Tóm tắt bài.', body: '<p>Nội dung.</p>', ...fields });
    }

    test('the editor offers the library\u2019s pictures as cover and a field for the social text', async () => {
      const page = await writer.get('/admin/items/new?type=legal-document');
      assert.equal(page.status, 200);
      assert.match(page.text, /<select id="f-cover" name="cover"/);
      assert.match(page.text, new RegExp(`<option value="${pictureId}">#${pictureId} — Hội nghị chuyển đổi số</option>`));
      assert.doesNotMatch(page.text, new RegExp(`<option value="${pdfId}">`), 'a PDF is no cover');
      assert.doesNotMatch(page.text, new RegExp(`<option value="${provincePictureId}">`), "another portal's pictures are not offered");
      assert.match(page.text, /<textarea id="f-socialText" name="socialText"[^>]*maxlength="280"/);
    });

    test('saved with the item: the cover as a snapshot of the library picture, the social text as typed', async () => {
      const r = await create({ cover: String(pictureId), socialText: `  ${SOCIAL}\r\n` });
      assert.equal(r.status, 303, r.text.slice(0, 500));
      const id = Number(/\/admin\/items\/(\d+)/.exec(r.location!)![1]);
      const item = (await env.services.content.find(id))!;
      const cover = item.meta.cover as Record<string, unknown>;
      assert.equal(cover.mediaId, pictureId);
      assert.match(String(cover.src), /^\/media\/.+\.jpg$/);
      assert.match(String(cover.srcset), /\.webp \d+w/);
      assert.equal(cover.alt, 'Hội nghị chuyển đổi số');
      assert.equal(cover.width, 1200);
      assert.equal(item.meta.socialText, SOCIAL);
      const editor = await writer.get(`/admin/items/${id}`);
      assert.match(editor.text, new RegExp(`<option value="${pictureId}" selected>`));
      assert.match(editor.text, /class="cover-preview"/);

      // a save without the fields (an older form, the API) keeps them; emptying them removes them
      await writer.post(`/admin/items/${id}`, { version: String(item.version), title: item.title, body: item.body });
      const kept = (await env.services.content.find(id))!;
      assert.equal((kept.meta.cover as { mediaId: number }).mediaId, pictureId);
      assert.equal(kept.meta.socialText, SOCIAL);
      await writer.get(`/admin/items/${id}`);
      await writer.post(`/admin/items/${id}`, { version: String(kept.version), title: kept.title, body: kept.body, cover: '', socialText: ' ' });
      const cleared = (await env.services.content.find(id))!;
      assert.equal(cleared.meta.cover, undefined);
      assert.equal(cleared.meta.socialText, undefined);
    });

    test('a cover that is not a picture of this library, or a social text too long, is refused with the field marked', async () => {
      for (const cover of [String(pdfId), String(provincePictureId), '99999999', 'x', '-1']) {
        const r = await create({ cover });
        assert.equal(r.status, 422, cover);
        assert.match(r.text, /id="f-cover-error"/, cover);
      }
      const r = await create({ socialText: 'ư'.repeat(281) });
      assert.equal(r.status, 422);
      assert.match(r.text, /id="f-socialText-error"/);
      assert.equal((await create({ socialText: 'ư'.repeat(280) })).status, 303, 'exactly 280 characters (not bytes) is fine');
      // through the API, meta is checked the same way
      const api = client(server.url, net.tokens.writer);
      const bad = await api.post('/api/v1/portals/chinhphu/articles', { type: 'news', lang: 'vi', title: 'Bài API', body: '<p>x</p>', meta: { cover: { src: 'javascript:alert(1)', alt: '' }, socialText: 42 } });
      assert.equal(bad.status, 422, bad.text);
      const paths = (bad.json.errors as { path: string }[]).map((e) => e.path).sort();
      assert.ok(paths.some((p) => p.startsWith('/meta/cover')) && paths.includes('/meta/socialText'), JSON.stringify(paths));
    });

    test('published: the cover is the lead picture and og:image; the social posts carry the editor\u2019s text and the link', async () => {
      const r = await create({ cover: String(pictureId), socialText: SOCIAL, title: 'Bài có ảnh bìa và lời đăng mạng xã hội' });
      const id = Number(/\/admin\/items\/(\d+)/.exec(r.location!)![1]);
      const item = (await env.services.content.find(id))!;
      await chief.get(`/admin/items/${id}`);
      assert.equal((await chief.post(`/admin/items/${id}/workflow`, { action: 'publish', version: String(item.version) })).status, 303);
      const published = (await env.services.content.find(id))!;
      assert.equal(published.status, 'published');

      const reader = new AdminBrowser(writer.port, CENTRAL);
      const pageRes = await reader.get(new URL(published.url).pathname);
      assert.equal(pageRes.status, 200);
      const cover = published.meta.cover as { src: string };
      assert.match(pageRes.text, new RegExp(`<meta property="og:image" content="${published.url.split('/').slice(0, 3).join('/').replace(/[.]/g, '\\.')}${cover.src.replace(/[.]/g, '\\.')}">`));
      assert.match(pageRes.text, /<meta name="twitter:card" content="summary_large_image">/);
      assert.match(
        pageRes.text,
        /<figure class="lead-image"><picture><source type="image\/webp" srcset="[^"]+"[^>]*><img src="\/media\/[^"]+\.jpg" alt="Hội nghị chuyển đổi số" width="1200" height="675"[^>]*><\/picture><figcaption>Toàn cảnh hội nghị — VGP<\/figcaption><\/figure>/,
      );

      const posts = await waitFor(async () => {
        const x = emulator.state('x').postsFor(published.url);
        const fb = emulator.state('facebook').postsFor(published.url);
        return x.length && fb.length ? { x: x[0], fb: fb[0] } : undefined;
      }, 15_000);
      assert.equal(posts.x.text, `${SOCIAL}\n\n${published.url}`);
      assert.ok(!posts.x.text.includes(published.title), 'the title is not added to the editor\u2019s text');
      assert.ok(posts.fb.text.startsWith(SOCIAL), posts.fb.text);
      assert.ok(!posts.fb.text.includes(published.title));
    });

    test('every connector takes the social text instead of the title and summary, and keeps the link', () => {
      const post: SocialPost = {
        itemId: 1,
        type: 'video',
        lang: 'vi',
        title: 'Tiêu đề dài của bài viết',
        summary: 'Sapo của bài viết.',
        bodyHtml: '<p>Thân bài.</p>',
        url: 'https://chinhphu.vn/bai-viet-1',
        tags: ['chuyển đổi số'],
        portalName: 'Cổng Chính phủ',
        socialText: SOCIAL,
      };
      assert.equal(formatX(post), `${SOCIAL}\n\nhttps://chinhphu.vn/bai-viet-1`);
      assert.equal(formatFacebook(post).message, SOCIAL);
      assert.equal(formatFacebook(post).caption, `${SOCIAL}\n\nhttps://chinhphu.vn/bai-viet-1`);
      assert.equal(formatViber(post).text, `${SOCIAL}\n\nhttps://chinhphu.vn/bai-viet-1`);
      assert.equal(formatViber({ ...post, imageUrl: 'https://chinhphu.vn/media/a.jpg' }).text, `${SOCIAL}\nhttps://chinhphu.vn/bai-viet-1`);
      assert.equal(formatZalo(post).description, SOCIAL);
      assert.ok(formatYouTube(post).description.startsWith(SOCIAL));
      // a long text in Chinese weighs double on X: cut to fit, the link never
      const zh = formatX({ ...post, socialText: '政府'.repeat(140) });
      assert.ok(zh.endsWith('\n\nhttps://chinhphu.vn/bai-viet-1'));
      assert.ok(zh.length < 140 + 40);
      // without a social text, nothing changes: the title leads
      const { socialText: _, ...plain } = post;
      assert.ok(formatX(plain).startsWith('Tiêu đề dài của bài viết'));
    });
  });
}
