import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { viberEmulator } from '../src/dev/social-emulator/viber.ts';
import { actingAs, createTestEnv, engines, sampleNews, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { LANG_COOKIE, type AdminContext } from '../src/web/admin/http.ts';
import { MESSAGES } from '../src/web/admin/i18n.ts';
import { deliveryError, peerError } from '../src/web/admin/platform-errors.ts';
import { AdminBrowser, type AdminNetwork, CENTRAL, portOf, seedAdminNetwork, signedInAs } from './admin-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Issue 17 item 9: after a workflow action the admin's notice says what
// happened (not always "Đã lưu bài"), and what a platform or the workflow
// answers in English reaches the Vietnamese admin in Vietnamese, with the raw
// text kept under "technical details" for support.

const noticeOf = (text: string) => /<div class="notice" role="status">([^<]*)<\/div>/.exec(text)?.[1];

for (const engine of engines()) {
  describe(`admin notices and explained errors (${engine})`, () => {
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

    /** Takes a workflow action through the editor's form and follows the redirect to the notice. */
    async function act(b: AdminBrowser, itemId: number, fields: Record<string, string>) {
      await b.get(`/admin/items/${itemId}`);
      const item = await env.services.content.find(itemId);
      const res = await b.post(`/admin/items/${itemId}/workflow`, { version: String(item!.version), ...fields });
      assert.equal(res.status, 303, `${fields.action}: ${res.text.slice(0, 300)}`);
      const shown = await b.get(res.location!);
      return { location: res.location!, notice: noticeOf(shown.text) };
    }

    it('says "Đã gửi duyệt", "Đã xuất bản" and "Đã hẹn giờ" after those actions, and English words for an English admin', async () => {
      const central = await env.services.portals.require('chinhphu');
      const writer = { accountId: net.accountIds.writer, roles: ['writer' as const] };
      const a = await env.services.content.create(central, actingAs(writer), { ...sampleNews, title: 'Bài gửi duyệt' });
      const bItem = await env.services.content.create(central, actingAs(writer), { ...sampleNews, title: 'Bài hẹn giờ' });

      const w = await signedInAs(port, CENTRAL, net.emails.writer);
      const submitted = await act(w, a.id, { action: 'submit' });
      assert.match(submitted.location, /notice=submitted$/);
      assert.equal(submitted.notice, 'Đã gửi duyệt.');

      const chief = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      const published = await act(chief, a.id, { action: 'publish' });
      assert.equal(published.notice, 'Đã xuất bản.');
      assert.equal((await env.services.content.find(a.id))?.status, 'published');

      const scheduled = await act(chief, bItem.id, { action: 'schedule', at: '2099-03-02T08:00' });
      assert.equal(scheduled.notice, 'Đã hẹn giờ xuất bản.');
      assert.equal((await env.services.content.find(bItem.id))?.status, 'scheduled');

      const sentBack = await act(chief, bItem.id, { action: 'reject', note: 'Cần thêm nguồn.' });
      assert.equal(sentBack.notice, 'Đã trả lại bài cho người viết.');

      // the same notice key, read by an admin who chose English
      chief.cookies.set(LANG_COOKIE, 'en');
      assert.equal(noticeOf((await chief.get(published.location)).text), 'Published.');
      assert.equal(noticeOf((await chief.get(scheduled.location)).text), 'Publication scheduled.');
      chief.cookies.delete(LANG_COOKIE);
      // an inherited name is no notice at all
      const proto = await chief.get(`/admin/items/${a.id}?notice=constructor`);
      assert.equal(proto.status, 200);
      assert.equal(noticeOf(proto.text), undefined);
    });

    it('a refused workflow step is explained in Vietnamese, the English rule kept under technical details', async () => {
      const central = await env.services.portals.require('chinhphu');
      const writer = { accountId: net.accountIds.writer, roles: ['writer' as const] };
      const item = await env.services.content.create(central, actingAs(writer), { ...sampleNews, title: 'Bài chưa gửi' });
      const chief = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      await chief.get(`/admin/items/${item.id}`);
      // a stale page's button: unpublishing an item that is still a draft
      const refused = await chief.post(`/admin/items/${item.id}/workflow`, { action: 'unpublish', version: String(item.version) });
      assert.equal(refused.status, 409);
      assert.match(refused.text, /Không thể «Gỡ bài» bài đang ở trạng thái «Bản nháp»\. Có thể làm lúc này: [^<]*Xuất bản/);
      assert.match(refused.text, /<details class="technical"><summary>Chi tiết kỹ thuật[^<]*<\/summary><code lang="en">Cannot unpublish an item that is draft\. Allowed now: [^<]*<\/code><\/details>/);
    });

    it("a platform's refusal shows on the item and the channels page in Vietnamese, the platform's text kept for support", async () => {
      const central = await env.services.portals.require('chinhphu');
      const acc = emulator.account('viber');
      await env.services.social.channels.create(systemContext(central.id), central, {
        platform: 'viber',
        name: 'Kênh Viber thử lỗi',
        apiBaseUrl: acc.apiBaseUrl,
        credentials: acc.credentials,
        languages: ['vi'],
        contentTypes: ['news'],
        autoPublish: true,
      });
      emulator.inject('viber', { kind: 'duplicate' });
      const chiefActor = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const item = await env.services.content.create(central, actingAs(chiefActor), { ...sampleNews, title: 'Bài bị nền tảng từ chối' });
      await env.services.content.act(item, actingAs(chiefActor), { action: 'publish' });
      const [d] = await waitFor(async () => {
        const ds = await env.services.social.deliveries.forItem(item.id);
        return ds.length && ds[0].status === 'failed' ? ds : undefined;
      });
      assert.ok(d.lastError, 'the platform said why');

      const chief = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      for (const path of [`/admin/items/${item.id}`, '/admin/channels']) {
        const page = await chief.get(path);
        assert.equal(page.status, 200, path);
        assert.match(page.text, /Nền tảng từ chối bài đăng/, `${path} explains the refusal in Vietnamese`);
        const folded = /<details class="technical"><summary>Chi tiết kỹ thuật[^<]*<\/summary><code lang="en">([^<]*)<\/code><\/details>/.exec(page.text);
        assert.ok(folded, `${path} keeps the platform's text for support`);
        assert.ok(folded[1].length > 0);
      }
    });
  });
}

describe('explained errors: what each known English text means', () => {
  const ctx = (lang: 'vi' | 'en') => ({ lang, m: MESSAGES[lang] }) as unknown as AdminContext;
  const text = (h: unknown) => String((h as { value?: string })?.value ?? h);

  it('names each kind of delivery failure, keeping the raw text', () => {
    const cases: [string, string, RegExp][] = [
      ['failed', 'the item was taken down before it was posted', /Bài đã bị gỡ trước khi kịp đăng/],
      ['needs-reauth', 'Error validating access token (the page token no longer works: reconnect the page)', /cần kết nối lại kênh/],
      ['failed', 'gave up after 8 attempts: POST https://api.example/x timed out', /đã ngừng sau 8 lần thử/],
      ['delivered', 'viber offers no way to delete a post: remove it by hand', /gỡ bài trên nền tảng bằng tay/],
      ['delivered', 'update failed: Facebook refused the request: 400', /Không cập nhật được bài/],
      ['delivered', 'removal failed: 500', /Không gỡ được bài/],
      ['queued', 'Zalo is throttling: 429', /hệ thống sẽ tự thử lại/],
      ['failed', '(#506) Duplicate status message', /Nền tảng từ chối bài đăng/],
    ];
    for (const [status, raw, meaning] of cases) {
      const out = text(deliveryError(ctx('vi'), status, raw));
      assert.match(out, meaning, raw);
      assert.ok(out.includes('Chi tiết kỹ thuật'), raw);
    }
    assert.equal(deliveryError(ctx('vi'), 'delivered', null), '');
    assert.match(text(deliveryError(ctx('en'), 'failed', 'x')), /The platform refused the post/);
    assert.match(text(deliveryError(ctx('vi'), 'failed', '<script>x</script>')), /&lt;script&gt;/, 'the raw text is escaped');
  });

  it("names a federation peer's answer", () => {
    assert.match(text(peerError(ctx('vi'), "waiting for the source's admin to approve the subscription")), /Đang chờ quản trị viên cổng nguồn duyệt/);
    assert.match(text(peerError(ctx('vi'), 'log entry rejected: bad digest')), /không hợp lệ và đã bị bỏ qua/);
    assert.match(text(peerError(ctx('vi'), '503: unavailable')), /Cổng bên kia không trả lời/);
  });
});
