import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestEnv, engines, sampleLegalDocument, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// The editor and the workflow through the admin's forms: create with
// validation next to the fields, send back with a comment, fix, publish (and
// see it on the public site), schedule in Hanoi time, unpublish, history
// with diff and restore, translations, preview, audit log and CSV, media.

const idFrom = (location: string | undefined) => Number(/\/admin\/items\/(\d+)/.exec(location ?? '')?.[1]);

for (const engine of engines()) {
  describe(`admin editor and workflow (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const as = async (role: string) => {
      const b = await signedInAs(port, CENTRAL, net.emails[role]);
      await b.get('/admin');
      return b;
    };

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it('shows server-side validation messages next to the fields, keeping what was typed', async () => {
      const writer = await as('writer');
      await writer.get('/admin/items/new?type=legal-document');
      const r = await writer.post('/admin/items', { type: 'legal-document', lang: 'vi', title: '', summary: 'Giữ lại tóm tắt này', 'meta.number': '42 2022 ND', 'meta.issuedDate': '2022-02-30', 'meta.effectStatus': 'in-force' });
      assert.equal(r.status, 422);
      assert.match(r.text, /id="f-title-error">không được để trống|id="f-title-error">bắt buộc/);
      assert.match(r.text, /id="f-meta-number-error">sai định dạng số ký hiệu/);
      assert.match(r.text, /id="f-meta-documentType-error">bắt buộc/);
      assert.match(r.text, /aria-invalid="true"/);
      assert.match(r.text, /Giữ lại tóm tắt này/, 'the summary typed is still there');
      const ok = await writer.post('/admin/items', {
        type: 'legal-document',
        lang: 'vi',
        title: sampleLegalDocument.title,
        section: 'van-ban',
        'meta.number': '42/2022/NĐ-CP',
        'meta.documentType': 'Nghị định',
        'meta.issuingBody': 'Chính phủ',
        'meta.issuedDate': '2022-06-24',
        'meta.effectStatus': 'in-force',
      });
      assert.equal(ok.status, 303);
      const item = await env.services.content.find(idFrom(ok.location));
      assert.equal(item?.meta.number, '42/2022/NĐ-CP');
      assert.equal(item?.status, 'draft');
    });

    it('runs a news item through submit, send back with a comment, fix, publish — and it is on the public site', async () => {
      const writer = await as('writer');
      await writer.get('/admin/items/new?type=news');
      const created = await writer.post('/admin/items', {
        type: 'news',
        lang: 'vi',
        title: 'Hội nghị chuyển đổi số quốc gia',
        summary: 'Tóm tắt',
        body: '<h2>Mở đầu</h2><ul><li>Một</li><li>Hai</li></ul><script>alert(1)</script>',
        section: 'tin-tuc',
        tags: 'chuyển đổi số, hội nghị',
      });
      assert.equal(created.status, 303);
      const id = idFrom(created.location);
      let page = await writer.get(`/admin/items/${id}`);
      assert.match(page.text, /Gửi duyệt/);
      assert.doesNotMatch(page.text, /value="publish"/, 'a writer is not offered publish');
      const stored = await env.services.content.find(id);
      assert.doesNotMatch(stored!.body, /script/, 'the body is sanitized with the API allow-list');
      assert.deepEqual(stored!.tags, ['chuyển đổi số', 'hội nghị']);
      assert.equal((await writer.post(`/admin/items/${id}/workflow`, { action: 'submit', version: String(stored!.version) })).status, 303);

      const chief = await as('editor-in-chief');
      const dash = await chief.get('/admin');
      assert.match(dash.text, /Chờ tôi duyệt[\s\S]*Hội nghị chuyển đổi số quốc gia/);
      page = await chief.get(`/admin/items/${id}`);
      for (const a of ['approve', 'reject', 'publish', 'schedule']) assert.match(page.text, new RegExp(`name="action" value="${a}"`), `chief sees ${a}`);
      const noNote = await chief.post(`/admin/items/${id}/workflow`, { action: 'reject', note: '' });
      assert.equal(noNote.status, 422);
      assert.match(noNote.text, /hãy ghi lý do trả lại/);
      assert.equal((await chief.post(`/admin/items/${id}/workflow`, { action: 'reject', note: 'Thiếu nguồn trích dẫn' })).status, 303);

      const back = await writer.get('/admin');
      assert.match(back.text, /Bị trả lại cho tôi[\s\S]*Hội nghị chuyển đổi số quốc gia[\s\S]*Thiếu nguồn trích dẫn/);
      page = await writer.get(`/admin/items/${id}`);
      const version = /name="version" value="(\d+)"/.exec(page.text)![1];
      const fixed = await writer.post(`/admin/items/${id}`, {
        version,
        title: 'Hội nghị chuyển đổi số quốc gia',
        summary: 'Tóm tắt, có nguồn',
        body: '<h2>Mở đầu</h2><p>Theo Bộ Thông tin và Truyền thông.</p>',
        section: 'tin-tuc',
        tags: 'chuyển đổi số',
      });
      assert.equal(fixed.status, 303);
      const stale = await writer.post(`/admin/items/${id}`, { version, title: 'Sửa trên bản cũ', section: 'tin-tuc' });
      assert.equal(stale.status, 409, 'an edit of an old version is refused');
      assert.match(stale.text, /người khác sửa/);
      await writer.post(`/admin/items/${id}/workflow`, { action: 'submit' });
      assert.equal((await chief.post(`/admin/items/${id}/workflow`, { action: 'publish' })).status, 303);
      const item = await env.services.content.find(id);
      assert.equal(item?.status, 'published');
      const pub = await new AdminBrowser(port, CENTRAL).get(new URL(item.url).pathname);
      assert.equal(pub.status, 200);
      assert.match(pub.text, /Theo Bộ Thông tin và Truyền thông/);

      // a change to a live item needs a change note unless it is marked minor
      page = await chief.get(`/admin/items/${id}`);
      const v2 = /name="version" value="(\d+)"/.exec(page.text)![1];
      const noNoteEdit = await chief.post(`/admin/items/${id}`, { version: v2, title: 'Hội nghị chuyển đổi số quốc gia 2026', body: item.body, section: 'tin-tuc' });
      assert.equal(noNoteEdit.status, 422);
      assert.match(noNoteEdit.text, /id="f-changeNote-error"/);
      assert.equal((await chief.post(`/admin/items/${id}`, { version: v2, title: 'Hội nghị chuyển đổi số quốc gia 2026', body: item.body, section: 'tin-tuc', changeNote: 'Bổ sung năm' })).status, 303);
      assert.match(page.text, /Đường dẫn đã cố định/, 'the slug is fixed after publication');

      const transitions = await env.services.audit.list(net.central.id, { action: 'transition' });
      assert.ok(transitions.some((e) => e.target === `item:${id}` && e.detail.action === 'reject' && e.detail.note === 'Thiếu nguồn trích dẫn'));
    });

    it('schedules in Hanoi time and unpublishes with a reason', async () => {
      const chief = await as('editor-in-chief');
      await chief.get('/admin/items/new?type=press-release');
      const id = idFrom((await chief.post('/admin/items', { type: 'press-release', lang: 'vi', title: 'Thông cáo báo chí phiên họp', body: '<p>Nội dung</p>' })).location);
      await chief.get(`/admin/items/${id}`);
      const year = new Date().getUTCFullYear() + 1;
      assert.equal((await chief.post(`/admin/items/${id}/workflow`, { action: 'schedule', at: `${year}-01-15T08:30` })).status, 303);
      const item = await env.services.content.find(id);
      assert.equal(item?.status, 'scheduled');
      assert.equal(item?.scheduledAt, `${year}-01-15T01:30:00.000Z`, '08:30 in Hanoi is 01:30 UTC');
      const past = await chief.post(`/admin/items/${id}/workflow`, { action: 'schedule', at: '2020-01-01T08:00' });
      assert.equal(past.status, 422);
      await chief.post(`/admin/items/${id}/workflow`, { action: 'publish' });
      const noReason = await chief.post(`/admin/items/${id}/workflow`, { action: 'unpublish', note: '', kind: 'gone' });
      assert.equal(noReason.status, 422);
      assert.equal((await chief.post(`/admin/items/${id}/workflow`, { action: 'unpublish', note: 'Trùng lặp', kind: 'gone' })).status, 303);
      const gone = await env.services.content.find(id);
      assert.deepEqual(gone?.unpublished, { kind: 'gone', reason: 'Trùng lặp' });
    });

    it('shows revision history with a readable diff and restores an older version as a new one', async () => {
      const editor = await as('editor');
      await editor.get('/admin/items/new?type=news');
      const id = idFrom((await editor.post('/admin/items', { type: 'news', lang: 'vi', title: 'Bản đầu tiên', body: '<p>Câu gốc của bài.</p>' })).location);
      let page = await editor.get(`/admin/items/${id}`);
      let version = /name="version" value="(\d+)"/.exec(page.text)![1];
      await editor.post(`/admin/items/${id}`, { version, title: 'Bản thứ hai', body: '<p>Câu đã sửa của bài.</p>' });
      const history = await editor.get(`/admin/items/${id}/history`);
      assert.equal(history.status, 200);
      assert.match(history.text, /<del>gốc<\/del>|<del>Câu gốc/);
      assert.match(history.text, /<ins>[^<]*sửa/);
      assert.match(history.text, /Bản <del>đầu<\/del><ins>thứ<\/ins>/);
      page = await editor.get(`/admin/items/${id}/history?v=1`);
      assert.match(page.text, /action="\/admin\/items\/\d+\/restore"/);
      version = /name="version" value="(\d+)"/.exec(page.text)![1];
      assert.equal((await editor.post(`/admin/items/${id}/restore`, { revision: '1', version })).status, 303);
      const restored = await env.services.content.find(id);
      assert.equal(restored?.title, 'Bản đầu tiên');
      assert.equal(restored?.version, 3, 'a restore is a new version; nothing is rewritten');
    });

    it('starts a translation from an item, side by side, and lists what is missing', async () => {
      const chief = await as('editor-in-chief');
      await chief.get('/admin/items/new?type=news');
      const id = idFrom((await chief.post('/admin/items', { type: 'news', lang: 'vi', title: 'Chính phủ họp thường kỳ tháng Ba', body: '<p>Nội dung tiếng Việt</p>', section: 'tin-tuc' })).location);
      await chief.get(`/admin/items/${id}`);
      await chief.post(`/admin/items/${id}/workflow`, { action: 'publish' });
      const dash = await chief.get('/admin');
      assert.match(dash.text, /Bản dịch còn thiếu[\s\S]*Chính phủ họp thường kỳ tháng Ba[\s\S]*Tiếng Anh, Tiếng Trung/);
      const page = await chief.get(`/admin/items/${id}`);
      assert.match(page.text, new RegExp(`/admin/items/new\\?translationOf=${id}&amp;lang=en`));
      const form = await chief.get(`/admin/items/new?translationOf=${id}&lang=en`);
      assert.equal(form.status, 200);
      assert.match(form.text, /Nội dung tiếng Việt/, 'the original is shown beside the form');
      const created = await chief.post('/admin/items', { type: 'news', lang: 'en', translationOf: String(id), title: 'Government holds its regular March meeting', body: '<p>English text</p>', section: 'tin-tuc' });
      assert.equal(created.status, 303);
      const en = await env.services.content.find(idFrom(created.location));
      assert.equal(en?.lang, 'en');
      assert.equal((await env.services.content.find(id))?.translations.en, en?.id);
      assert.equal(en?.status, 'draft', 'each translation has its own state');
    });

    it('previews an unpublished item with the public page renderer', async () => {
      const writer = await as('writer');
      await writer.get('/admin/items/new?type=news');
      const id = idFrom((await writer.post('/admin/items', { type: 'news', lang: 'vi', title: 'Bản nháp xem trước', body: '<p>Chưa công bố</p>', section: 'tin-tuc' })).location);
      const preview = await writer.get(`/admin/items/${id}/preview`);
      assert.equal(preview.status, 200);
      assert.match(preview.text, /Bản nháp xem trước/);
      assert.match(String(preview.headers['content-security-policy']), /script-src 'none'/);
      assert.equal((await new AdminBrowser(port, CENTRAL).get(new URL((await env.services.content.find(id))!.url).pathname)).status, 404, 'still not public');
    });

    it('uploads pictures into responsive variants, requires alt text, and rejects files that lie about their type', async () => {
      const writer = await as('writer');
      await writer.get('/admin/media');
      const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 30, b: 40 } } })
        .jpeg()
        .toBuffer();
      const noAlt = await writer.upload('/admin/media', { alt: '' }, { name: 'anh.jpg', type: 'image/jpeg', data: jpeg });
      assert.equal(noAlt.status, 422);
      assert.match(noAlt.text, /hãy mô tả ảnh/);
      await writer.get('/admin/media');
      const liar = await writer.upload('/admin/media', { alt: 'Ảnh giả' }, { name: 'anh.png', type: 'image/png', data: jpeg });
      assert.equal(liar.status, 422);
      assert.match(liar.text, /JPEG/);
      await writer.get('/admin/media');
      const exe = await writer.upload('/admin/media', { alt: 'Tệp lạ' }, { name: 'tai-lieu.pdf', type: 'application/pdf', data: Buffer.from('MZ\x90\x00 not a pdf') });
      assert.equal(exe.status, 422);
      await writer.get('/admin/media');
      const ok = await writer.upload('/admin/media', { alt: 'Toàn cảnh hội nghị', caption: 'Hội nghị', credit: 'Nhật Bắc' }, { name: 'hoi-nghi.jpg', type: 'image/jpeg', data: jpeg });
      assert.equal(ok.status, 303);
      const detail = await writer.get(ok.location!);
      assert.match(detail.text, /type=&quot;image\/avif&quot;/);
      assert.match(detail.text, /Ảnh: Nhật Bắc/);
      const [item] = await env.services.media.list(net.central.id);
      const formats = new Set(item.variants.map((v) => v.format));
      assert.deepEqual([...formats].sort(), ['avif', 'jpg', 'webp']);
      assert.deepEqual(
        [...new Set(item.variants.map((v) => v.width))].sort((a, b) => a! - b!),
        [480, 960, 1200],
      );
      const file = await new AdminBrowser(port, CENTRAL).get(`/media/${item.variants[0].key}`);
      assert.equal(file.status, 200);
      assert.match(String(file.headers['cache-control']), /max-age=31536000, immutable/);
      assert.equal(file.headers['content-type'], 'image/avif');
      const json = await writer.get('/admin/media.json');
      assert.equal(JSON.parse(json.text).items[0].alt, 'Toàn cảnh hội nghị');
    });

    it('keeps an audit log that admins can filter and export as CSV, safe for spreadsheets', async () => {
      await env.services.audit.record({ portalId: net.central.id, actor: '=HYPERLINK("http://x")', action: 'sign-in-failed', ip: '127.0.0.1' });
      const admin = await as('admin');
      const page = await admin.get('/admin/audit?action=transition');
      assert.equal(page.status, 200);
      assert.match(page.text, /transition/);
      assert.doesNotMatch(page.text, /<td>sign-in-failed<\/td>/);
      const csv = await admin.get('/admin/audit.csv');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.text, /"id","at","actor","action"|id,at,actor,action/);
      assert.match(csv.text, /"'=HYPERLINK/);
      assert.doesNotMatch(csv.text, /mat-khau|lnt_/, 'no secret in the log');
    });
  });
}
