import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { actingAs, createTestEnv, engines, postgresSkip, sampleNews, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// The admin's "Trang chủ" page: plain forms (no script) to pin and order the
// top stories and set the breaking-news banner; editors-in-chief and admins only.

if (postgresSkip) describe('admin: curated home on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`admin: curated home (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let chief: AdminBrowser;
    const ids: number[] = [];

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      const { content, portals } = env.services;
      const central = await portals.require('chinhphu');
      const actor = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief' as const] };
      for (let i = 1; i <= 3; i++) {
        const item = await content.create(central, actingAs(actor), { ...sampleNews, title: `Tin thử trang chủ ${i}`, slug: `tin-thu-trang-chu-${i}` });
        ids.push((await content.act(item, actingAs(actor), { action: 'publish' })).id);
      }
      chief = await signedInAs(portOf(server.url), CENTRAL, net.emails['editor-in-chief']);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    test('the menu and the page are for editors-in-chief and admins', async () => {
      const page = await chief.get('/admin/home');
      assert.equal(page.status, 200);
      assert.match(page.text, /href="\/admin\/home"/);
      assert.match(page.text, /<form method="post" action="\/admin\/home\?lang=vi"/);
      assert.match(page.text, /<datalist id="recent-items">[^]*Tin thử trang chủ 3/);
      const writer = await signedInAs(portOf(server.url), CENTRAL, net.emails.writer);
      assert.equal((await writer.get('/admin/home')).status, 403);
      assert.doesNotMatch((await writer.get('/admin')).text, /href="\/admin\/home"/);
      assert.equal((await chief.get('/admin/home?lang=fr')).status, 200, 'an unknown language is Vietnamese');
    });

    test('pins in the order numbered, with an end in Vietnam time, and a banner; bad input is a 422 that keeps the form', async () => {
      await chief.get('/admin/home');
      const saved = await chief.post('/admin/home?lang=vi', {
        order_0: '2',
        id_0: String(ids[0]),
        until_0: '2099-01-01T09:30',
        order_1: '1',
        id_1: String(ids[2]),
        b_text: 'Tin nóng thử',
        b_url: '/tin-tuc',
        b_until: '2099-01-02T00:00',
      });
      assert.equal(saved.status, 303, saved.text.slice(0, 500));
      assert.equal(saved.location, '/admin/home?lang=vi&notice=home-saved');
      const api = await (await fetch(`${server.url}/api/v1/portals/chinhphu/home?lang=vi`)).json();
      assert.deepEqual(api.featured, [
        { id: ids[2], until: null },
        { id: ids[0], until: '2099-01-01T02:30:00.000Z' },
      ]);
      assert.equal(api.breaking.text, 'Tin nóng thử');
      assert.equal(api.breaking.until, '2099-01-01T17:00:00.000Z');
      const again = await chief.get('/admin/home?lang=vi&notice=home-saved');
      assert.match(again.text, /Đã lưu trang chủ/);
      assert.match(again.text, new RegExp(`name="id_1" value="${ids[0]}"`));
      assert.match(again.text, /name="until_1" value="2099-01-01T09:30"/);

      const bad = await chief.post('/admin/home?lang=vi', { order_0: '1', id_0: '999999', b_text: 'x', b_url: 'javascript:alert(1)', b_until: '2099-01-02T00:00' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /role="alert"/);
      assert.match(bad.text, /name="b_url" value="javascript:alert\(1\)"/, 'the form keeps what was typed (escaped)');
      const unchanged = await (await fetch(`${server.url}/api/v1/portals/chinhphu/home?lang=vi`)).json();
      assert.equal(unchanged.featured.length, 2, 'nothing was written');

      const csrfless = await chief.post('/admin/home?lang=vi', { _csrf: null, id_0: String(ids[1]) });
      assert.ok(csrfless.status >= 400, 'the CSRF token is required');

      const cleared = await chief.post('/admin/home?lang=vi', {});
      assert.equal(cleared.status, 303);
      const empty = await (await fetch(`${server.url}/api/v1/portals/chinhphu/home?lang=vi`)).json();
      assert.deepEqual([empty.featured, empty.breaking], [[], null]);
      const central = await env.services.portals.require('chinhphu');
      assert.equal((await env.services.audit.list(central.id, { action: 'home-updated' })).length, 2);
    });
  });
}
