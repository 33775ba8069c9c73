import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { actingAs, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// Portal admins edit their portal: names per language, colours, a logo from
// the media library, the footer's legally required contact details, and
// sections (names, parent, order, whether the menu lists them). Every change
// is validated, needs the CSRF token, is audited, and the public site shows
// it on the very next request although the page was cached a moment before.

for (const engine of engines()) {
  describe(`admin: portal settings and sections (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let admin: AdminBrowser;
    let reader: AdminBrowser;
    let logoId: number;
    let provinceMediaId: number;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      admin = await signedInAs(portOf(server.url), CENTRAL, net.emails.admin);
      reader = new AdminBrowser(portOf(server.url), CENTRAL);
      const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#c8102e' } })
        .png()
        .toBuffer();
      const central = await env.services.portals.require('chinhphu');
      const province = await env.services.portals.require('hanoi');
      logoId = (await env.services.media.upload(central, actingAs(net.accountIds.admin), { filename: 'logo.png', mime: 'image/png', data: png, alt: 'Biểu trưng Chính phủ' })).id;
      provinceMediaId = (await env.services.media.upload(province, actingAs(null), { filename: 'hn.png', mime: 'image/png', data: png, alt: 'Ảnh của Hà Nội' })).id;
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const goodForm = () => ({
      name_vi: 'Cổng Thông tin điện tử Chính phủ (mới)',
      name_en: 'Government Portal (new)',
      name_zh: '政府门户网站',
      brandColor: '#0B5394',
      tintColor: '',
      logo: String(logoId),
      contact_unit: 'Văn phòng Chính phủ',
      contact_responsible: 'Tổng Biên tập Nguyễn Văn A',
      contact_address: '16 Lê Hồng Phong, Ba Đình, Hà Nội',
      contact_phone: '(024) 3843 8866',
      contact_email: 'banbientap@chinhphu.gov.vn',
    });

    test('the settings page shows the current names and footer details in an editable form', async () => {
      const page = await admin.get('/admin/settings');
      assert.equal(page.status, 200);
      assert.match(page.text, /action="\/admin\/settings\/portal"/);
      assert.match(page.text, /name="name_vi" value="Cổng Thông tin điện tử Chính phủ"/);
      assert.match(page.text, /name="contact_email" value="lienhe@example.gov.vn"/);
      assert.match(page.text, new RegExp(`<option value="${logoId}">#${logoId} — Biểu trưng Chính phủ</option>`));
      assert.doesNotMatch(page.text, new RegExp(`value="${provinceMediaId}"`), "another portal's pictures are not offered");
    });

    test('a saved change is audited and on the public site at once, although the page was cached', async () => {
      const first = await reader.get('/');
      assert.equal(first.status, 200);
      assert.match(first.text, /Văn phòng thử nghiệm/);
      const cached = await reader.get('/');
      assert.equal(cached.headers['x-cache'], 'HIT', 'the home page is served from the cache before the change');

      await admin.get('/admin/settings');
      const saved = await admin.post('/admin/settings/portal', goodForm());
      assert.equal(saved.status, 303);
      assert.equal(saved.location, '/admin/settings?notice=portal-saved');

      const after = await reader.get('/');
      assert.notEqual(after.headers['x-cache'], 'HIT');
      assert.match(after.text, /Văn phòng Chính phủ/);
      assert.match(after.text, /16 Lê Hồng Phong, Ba Đình, Hà Nội/);
      assert.match(after.text, /href="mailto:banbientap@chinhphu.gov.vn"/);
      assert.match(after.text, /href="tel:\(024\)38438866"|href="tel:02438438866"/);
      assert.doesNotMatch(after.text, /Văn phòng thử nghiệm/);
      assert.match(after.text, /<title>Cổng Thông tin điện tử Chính phủ \(mới\)<\/title>/);
      assert.match(after.text, /--brand:#0b5394/, 'the chosen colour, readable with white text as it is');
      assert.match(after.text, /<img src="\/media\/[^"]+" alt="Biểu trưng Chính phủ" height="44" width="132">/, 'the logo instead of the emblem');
      const english = await reader.get('/en/');
      assert.match(english.text, /Government Portal \(new\)/);

      const entries = await env.services.audit.list(net.central.id, { action: 'portal-updated', limit: 5 });
      assert.equal(entries.length, 1);
      assert.equal(entries[0].actor, net.emails.admin);
      assert.deepEqual([...(entries[0].detail.changed as string[])].sort(), ['branding', 'contact', 'names']);
      const portal = await env.services.portals.require('chinhphu');
      assert.equal(portal.branding.logo?.mediaId, logoId);
      assert.equal(portal.contact.unit, 'Văn phòng Chính phủ');
    });

    test('a colour too light for white text is darkened on the site; removing the logo brings the emblem back', async () => {
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings/portal', { ...goodForm(), brandColor: '#ffee88', logo: '' })).status, 303);
      const home = await reader.get('/');
      const brand = /--brand:(#[0-9a-f]{6})/.exec(home.text)?.[1];
      assert.ok(brand && brand !== '#ffee88', `darkened: ${brand}`);
      assert.doesNotMatch(home.text, /<img src="\/media\/[^"]+" alt="Biểu trưng/);
      assert.match(home.text, /<svg width="44" height="44"/);
    });

    test('invalid values are refused with the fields marked, and nothing changes', async () => {
      const before = await env.services.portals.require('chinhphu');
      const cases: [Record<string, string>, RegExp][] = [
        [{ contact_unit: '' }, /id="f-contact_unit-error"/],
        [{ contact_email: 'not an email' }, /id="f-contact_email-error"/],
        [{ contact_phone: 'call us<script>' }, /id="f-contact_phone-error"/],
        [{ name_vi: '   ' }, /id="f-name_vi-error"/],
        [{ brandColor: 'red' }, /id="f-brandColor-error"/],
        [{ tintColor: '#12345' }, /id="f-tintColor-error"/],
        [{ logo: String(provinceMediaId) }, /id="f-logo-error"/],
        [{ logo: '99999999' }, /id="f-logo-error"/],
        [{ logo: '1 or 1=1' }, /id="f-logo-error"/],
      ];
      for (const [change, marker] of cases) {
        await admin.get('/admin/settings');
        const r = await admin.post('/admin/settings/portal', { ...goodForm(), ...change });
        assert.equal(r.status, 422, JSON.stringify(change));
        assert.match(r.text, marker, JSON.stringify(change));
        assert.doesNotMatch(r.text, /<script>/);
      }
      // a form with nothing in it is bad input too, not a server error
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings/portal', {})).status, 422);
      env.services.portals.invalidate();
      assert.deepEqual(await env.services.portals.require('chinhphu'), before);
    });

    test('without the CSRF token, or as another role, nothing is saved', async () => {
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings/portal', { ...goodForm(), contact_unit: 'Kẻ giả mạo', _csrf: null })).status, 403);
      assert.equal((await admin.post('/admin/settings/portal', { ...goodForm(), contact_unit: 'Kẻ giả mạo' }, { origin: 'http://evil.example' })).status, 403);
      const chief = await signedInAs(admin.port, CENTRAL, net.emails['editor-in-chief']);
      await chief.get('/admin');
      assert.equal((await chief.post('/admin/settings/portal', { ...goodForm(), contact_unit: 'Kẻ giả mạo' })).status, 403);
      // the province's admin changes the province, never the central portal
      const hn = await signedInAs(admin.port, PROVINCE, net.emails.provinceAdmin);
      await hn.get('/admin/settings');
      assert.equal((await hn.post('/admin/settings/portal', { ...goodForm(), name_vi: 'Cổng Hà Nội mới', logo: String(logoId) })).status, 422, "the central portal's picture is not the province's");
      assert.equal((await hn.post('/admin/settings/portal', { ...goodForm(), name_vi: 'Cổng Hà Nội mới', logo: '' })).status, 303);
      env.services.portals.invalidate();
      assert.notEqual((await env.services.portals.require('chinhphu')).contact.unit, 'Kẻ giả mạo');
      assert.notEqual((await env.services.portals.require('chinhphu')).name.vi, 'Cổng Hà Nội mới');
      assert.equal((await env.services.portals.require('hanoi')).name.vi, 'Cổng Hà Nội mới');
    });

    test('sections: rename, hide from the menu, move and reorder — the public menu follows at once', async () => {
      const home0 = await reader.get('/');
      assert.match(home0.text, /<a href="\/van-ban"[^>]*>Văn bản<\/a>/);
      await reader.get('/');
      const list = await admin.get('/admin/sections');
      assert.match(list.text, /href="\/admin\/sections\/van-ban"/);
      const form = await admin.get('/admin/sections/van-ban');
      assert.equal(form.status, 200);
      assert.match(form.text, /name="inMenu" value="1" checked/);

      // hidden from the menu, renamed
      let r = await admin.post('/admin/sections/van-ban', { name_vi: 'Văn bản pháp luật', name_en: 'Legal documents', parent: '', position: '5', color: '' });
      assert.equal(r.status, 303);
      let home = await reader.get('/');
      assert.notEqual(home.headers['x-cache'], 'HIT');
      assert.doesNotMatch(home.text, /href="\/van-ban"/, 'not in the menu any more');
      const page = await reader.get('/van-ban');
      assert.equal(page.status, 200, 'its page is still there');
      assert.match(page.text, /Văn bản pháp luật/);

      // back in the menu, before "Tin tức"
      await admin.get('/admin/sections/van-ban');
      r = await admin.post('/admin/sections/van-ban', { name_vi: 'Văn bản pháp luật', name_en: 'Legal documents', parent: '', position: '-1', inMenu: '1', color: '' });
      assert.equal(r.status, 303);
      home = await reader.get('/');
      const nav = /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(home.text)?.[0] ?? '';
      assert.ok(nav.indexOf('/van-ban') > 0 && nav.indexOf('/van-ban') < nav.indexOf('/tin-tuc'), nav);
      assert.match((await reader.get('/en/')).text, /Legal documents/);

      // moved into the sub-site: its band lists it, the main menu does not
      await admin.get('/admin/sections/tin-tuc');
      r = await admin.post('/admin/sections/tin-tuc', { name_vi: 'Tin tức', parent: 'chuyen-doi-so', position: '0', inMenu: '1', color: '' });
      assert.equal(r.status, 303);
      const sections = await env.services.portals.sections(net.central.id);
      assert.equal(sections.find((s) => s.slug === 'tin-tuc')?.parent, 'chuyen-doi-so');
      const entries = await env.services.audit.list(net.central.id, { action: 'section-updated', limit: 10 });
      assert.equal(entries.length, 3);
      assert.equal(entries[0].detail.parent, 'chuyen-doi-so');
    });

    test('sections: loops, unknown parents and junk are refused without a 500; other portals\u2019 sections are not found', async () => {
      // chuyen-doi-so now holds tin-tuc: putting the sub-site under tin-tuc would make a loop
      await admin.get('/admin/sections/chuyen-doi-so');
      let r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: 'Chuyển đổi số', parent: 'tin-tuc', position: '0', inMenu: '1', color: '' });
      assert.equal(r.status, 422);
      assert.match(r.text, /id="f-parent-error"/);
      r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: 'Chuyển đổi số', parent: 'chuyen-doi-so', position: '0', inMenu: '1' });
      assert.equal(r.status, 422);
      r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: 'Chuyển đổi số', parent: 'khong-co', position: '0' });
      assert.equal(r.status, 422);
      r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: 'Chuyển đổi số', parent: '', position: 'abc' });
      assert.equal(r.status, 422);
      assert.match(r.text, /id="f-position-error"/);
      r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: '', parent: '' });
      assert.equal(r.status, 422);
      r = await admin.post('/admin/sections/chuyen-doi-so', { name_vi: 'Chuyển đổi số', color: 'javascript:alert(1)' });
      assert.equal(r.status, 422);
      assert.equal((await admin.get('/admin/sections/khong-co')).status, 404);
      assert.equal((await admin.get('/admin/sections/..%2Fsettings')).status, 404);
      assert.equal((await admin.post('/admin/sections/khong-co', { name_vi: 'x' })).status, 404);
      const sections = await env.services.portals.sections(net.central.id);
      assert.equal(sections.find((s) => s.slug === 'chuyen-doi-so')?.parent, null);
    });
  });
}
