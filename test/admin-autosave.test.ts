import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTOSAVE_NOTE } from '../src/modules/content/model.ts';
import { actingAs, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// The editor's autosave endpoint: the same form as Save, the same checks
// (validation, sanitizing, optimistic locking, who may edit what), answered
// in JSON for the script; never on a published item; and a run of autosaves
// by one person is one revision, not one every few seconds. (The script
// itself is exercised in Chromium: browser-admin.test.ts.)

for (const engine of engines()) {
  describe(`admin: autosave (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let writer: AdminBrowser;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      writer = await signedInAs(portOf(server.url), CENTRAL, net.emails.writer);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    async function draft(role: 'writer' | 'editor' = 'writer') {
      const portal = await env.services.portals.require('chinhphu');
      return env.services.content.create(portal, actingAs({ accountId: net.accountIds[role], roles: [role] }), { type: 'news', lang: 'vi', title: 'Bản nháp tự lưu', body: '<p>Mở đầu.</p>' });
    }

    test('the editor page of a draft asks for autosave; a published item\u2019s does not', async () => {
      const d = await draft();
      const page = await writer.get(`/admin/items/${d.id}`);
      assert.match(page.text, new RegExp(`data-autosave="/admin/items/${d.id}/autosave"`));
      assert.match(page.text, /class="autosave-status[^"]*" role="status"/);
      const portal = await env.services.portals.require('chinhphu');
      const chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const live = await env.services.content.act(await env.services.content.create(portal, actingAs(chief), { type: 'news', lang: 'vi', title: 'Đã đăng', body: '<p>x</p>' }), actingAs(chief), { action: 'publish' });
      const b = await signedInAs(writer.port, CENTRAL, net.emails['editor-in-chief']);
      assert.doesNotMatch((await b.get(`/admin/items/${live.id}`)).text, /data-autosave=/);
    });

    test('saves the form as Save would: sanitized, versioned, answered in JSON; a run of autosaves is one revision', async () => {
      const d = await draft();
      await writer.get(`/admin/items/${d.id}`);
      let r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: 'Tiêu đề đang viết', body: '<p>Đoạn một.</p><script>alert(1)</script><img src=x onerror=alert(1)>', socialText: 'Lời đăng' });
      assert.equal(r.status, 200, r.text);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      const first = JSON.parse(r.text);
      assert.equal(first.version, d.version + 1);
      assert.ok(!Number.isNaN(Date.parse(first.savedAt)));
      let item = (await env.services.content.find(d.id))!;
      assert.equal(item.title, 'Tiêu đề đang viết');
      assert.equal(item.body, '<p>Đoạn một.</p><img src="x" />');
      assert.equal(item.meta.socialText, 'Lời đăng');

      r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(first.version), title: 'Tiêu đề đang viết', body: '<p>Đoạn một.</p><p>Đoạn hai.</p>' });
      assert.equal(r.status, 200);
      const second = JSON.parse(r.text);
      assert.equal(second.version, first.version + 1);
      let revisions = await env.services.editorial.revisions(d.id);
      assert.deepEqual(
        revisions.map((x) => [x.version, x.note]),
        [
          [second.version, AUTOSAVE_NOTE],
          [1, null],
        ],
        'the two autosaves share one revision',
      );
      assert.match(revisions[0].body, /Đoạn hai/);

      // a deliberate Save after them is a revision of its own, and the next autosave starts a new one
      assert.equal((await writer.post(`/admin/items/${d.id}`, { version: String(second.version), title: 'Tiêu đề xong', body: '<p>Xong.</p>' })).status, 303);
      item = (await env.services.content.find(d.id))!;
      r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(item.version), title: 'Tiêu đề xong', body: '<p>Xong. Thêm.</p>' });
      assert.equal(r.status, 200);
      revisions = await env.services.editorial.revisions(d.id);
      assert.deepEqual(
        revisions.map((x) => x.note),
        [AUTOSAVE_NOTE, null, AUTOSAVE_NOTE, null],
      );
      // autosaves are in the revisions; the audit log keeps the deliberate saves only
      const audited = await env.services.audit.list(net.central.id, { action: 'item-edited', target: `item:${d.id}`, limit: 10 });
      assert.equal(audited.length, 1);
    });

    test('a stale version is a conflict, and nothing is written', async () => {
      const d = await draft();
      await writer.get(`/admin/items/${d.id}`);
      await env.services.content.update(d, actingAs({ accountId: net.accountIds.writer, roles: ['writer'] }), { version: d.version, title: 'Sửa ở tab khác' });
      const r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: 'Ghi đè?', body: '<p>y</p>' });
      assert.equal(r.status, 409);
      assert.equal(JSON.parse(r.text).error, 'conflict');
      assert.equal((await env.services.content.find(d.id))!.title, 'Sửa ở tab khác');
    });

    test('invalid fields are 422 with the paths; junk is never a 500', async () => {
      const d = await draft();
      await writer.get(`/admin/items/${d.id}`);
      let r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: '', body: '<p>x</p>', socialText: 'x'.repeat(300) });
      assert.equal(r.status, 422);
      const paths = (JSON.parse(r.text).errors as { path: string }[]).map((e) => e.path);
      assert.ok(paths.includes('/title') && paths.includes('/meta/socialText'), JSON.stringify(paths));
      r = await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: 'x', cover: '12345678' });
      assert.equal(r.status, 422);
      r = await writer.post(`/admin/items/${d.id}/autosave`, { title: 'x' });
      assert.equal(r.status, 400);
      r = await writer.post(`/admin/items/${d.id}/autosave`, { version: 'abc', title: 'x' });
      assert.equal(r.status, 400);
      r = await writer.request('POST', `/admin/items/${d.id}/autosave`, '%%%&&&=', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.ok(r.status >= 400 && r.status < 500, String(r.status));
      assert.equal((await writer.post('/admin/items/999999/autosave', { version: '1', title: 'x' })).status, 404);
      assert.equal((await env.services.content.find(d.id))!.version, d.version);
    });

    test('the same rules as Save: CSRF, published items, other people\u2019s drafts', async () => {
      const d = await draft();
      await writer.get(`/admin/items/${d.id}`);
      assert.equal((await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: 'x', _csrf: null })).status, 403);
      assert.equal((await writer.post(`/admin/items/${d.id}/autosave`, { version: String(d.version), title: 'x' }, { origin: 'http://evil.example' })).status, 403);
      // the writer may not edit the editor's draft
      const other = await draft('editor');
      assert.equal((await writer.post(`/admin/items/${other.id}/autosave`, { version: String(other.version), title: 'x' })).status, 403);
      // an editor-in-chief may edit a published item, but never by autosave
      const chiefActor = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      const live = await env.services.content.act(d, actingAs(chiefActor), { action: 'publish' });
      const chief = await signedInAs(writer.port, CENTRAL, net.emails['editor-in-chief']);
      await chief.get(`/admin/items/${live.id}`);
      const r = await chief.post(`/admin/items/${live.id}/autosave`, { version: String(live.version), title: 'Sửa bài đang đăng', body: '<p>z</p>', minor: '1' });
      assert.equal(r.status, 409);
      assert.equal(JSON.parse(r.text).error, 'published');
      const after = (await env.services.content.find(live.id))!;
      assert.equal(after.title, d.title);
      assert.equal(after.version, live.version);
      // anonymous: sent to sign in
      const anon = new AdminBrowser(writer.port, CENTRAL);
      await anon.get('/admin/login');
      assert.equal((await anon.post(`/admin/items/${d.id}/autosave`, { version: '1', title: 'x' })).status, 303);
    });
  });
}
