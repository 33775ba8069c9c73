import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdminBrowser, PASSWORD } from './admin-helpers.ts';
import { Deployment, publish, until } from './federation-helpers.ts';

// The admin's federation page between two real deployments (separate
// processes, stores and ports, talking over loopback with portal hostnames):
// a province portal asks to join the central portal's network, the central
// admin approves it on the page, and the network index lists it; the
// province follows the central portal from a form and receives what it
// publishes; it proposes an item upward, and the central portal sends it back
// with a note. Only the roles the API allows may act, and every form needs
// its CSRF token.

describe('admin federation page across two deployments', () => {
  let central: Deployment;
  let province: Deployment;
  const host = (d: Deployment, slug: string) => `${slug}.localhost:${d.port}`;

  before(async () => {
    central = await Deployment.create('central');
    province = await Deployment.create('province');
    await central.setup([{ slug: 'chinhphu', kind: 'central', name: 'Cổng Thông tin điện tử Chính phủ', sections: ['chi-dao', 'tin-tuc'] }]);
    await province.setup([{ slug: 'hanoi', kind: 'province', name: 'Cổng Thông tin điện tử Hà Nội', sections: ['tin-tuc', 'chi-dao'] }]);
    for (const [d, slug] of [
      [central, 'chinhphu'],
      [province, 'hanoi'],
    ] as const) {
      await d.withServices(async (s) => {
        const portal = await s.portals.require(slug);
        const admin = await s.accounts.byEmail(`admin@${slug}.test`);
        await s.accounts.setPassword(admin!.id, PASSWORD);
        await s.accounts.addUser({ email: `editor@${slug}.test`, portalId: portal.id, role: 'editor' });
        const editor = await s.accounts.byEmail(`editor@${slug}.test`);
        await s.accounts.setPassword(editor!.id, PASSWORD);
      });
    }
    await Promise.all([central.start(), province.start()]);
  });

  after(async () => {
    await Promise.all([central?.destroy(), province?.destroy()]);
  });

  async function signedIn(d: Deployment, slug: string, who: 'admin' | 'editor') {
    const b = new AdminBrowser(d.port, host(d, slug));
    const r = await b.signIn(`${who}@${slug}.test`, PASSWORD);
    assert.equal(r.status, 303, r.text);
    const pageRes = await b.get('/admin/federation');
    assert.equal(pageRes.status, 200, pageRes.text);
    return { b, page: pageRes };
  }

  it('join, approval on the page, and the network index lists the remote member', async () => {
    const { b: hanoi, page } = await signedIn(province, 'hanoi', 'admin');
    assert.match(page.text, /Tham gia mạng lưới/);
    // a URL that is not a portal's is refused on the form, nothing is recorded
    const bad = await hanoi.post('/admin/federation/network/join', { directory: 'not a url' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /class="error-summary"|role="alert"/);
    assert.equal((await province.api('hanoi').get('/api/v1/portals/hanoi/network')).json.items.length, 0);

    const join = await hanoi.post('/admin/federation/network/join', { directory: central.url('chinhphu') });
    assert.equal(join.status, 303, join.text);
    assert.match(join.location!, /notice=joined/);

    const { b: chief } = await signedIn(central, 'chinhphu', 'admin');
    const waiting = await until('join request reaches the central portal', async () => {
      const p = await chief.get('/admin/federation');
      return p.text.includes(province.url('hanoi')) && /\/admin\/federation\/members\/(\d+)\/decision/.exec(p.text);
    });
    const memberId = waiting![1];
    // the network index does not list a member that is not approved yet
    const networkIndex = async () => (await new AdminBrowser(central.port, `localhost:${central.port}`).get('/')).text;
    const before = await networkIndex();
    assert.doesNotMatch(before, /Cổng Thông tin điện tử Hà Nội/);

    // an editor cannot decide on membership, and a form without its token changes nothing
    const { b: editor } = await signedIn(central, 'chinhphu', 'editor');
    assert.equal((await editor.post(`/admin/federation/members/${memberId}/decision`, { decision: 'approve' })).status, 403);
    assert.equal((await chief.post(`/admin/federation/members/${memberId}/decision`, { decision: 'approve', _csrf: null })).status, 403);
    assert.equal((await central.api('chinhphu').get('/api/v1/portals/chinhphu/members?status=pending')).json.items.length, 1);

    const ok = await chief.post(`/admin/federation/members/${memberId}/decision`, { decision: 'approve', note: 'Chào mừng' });
    assert.equal(ok.status, 303, ok.text);
    const again = await chief.post(`/admin/federation/members/${memberId}/decision`, { decision: 'reject', note: 'x' });
    assert.equal(again.status, 409, 'a decided request cannot be decided again');

    // the page cache of the network index is dropped at once: the member shows on the next request
    const index = await networkIndex();
    assert.match(index, /Cổng Thông tin điện tử Hà Nội/);
    assert.match(index, /Cổng thành viên kết nối liên thông/);
    assert.ok(index.includes(`href="${province.url('hanoi')}/"`));

    // the province sees the answer on its page
    await until('approval reaches hanoi', async () => (await hanoi.get('/admin/federation')).text.includes('Đã chấp thuận'));
  });

  it('subscribing from the form, then a publication at the source arrives', async () => {
    const { b: editor } = await signedIn(province, 'hanoi', 'editor');
    assert.equal((await editor.post('/admin/federation/subscriptions', { source: central.url('chinhphu'), mode: 'publish' })).status, 403, 'following is for admins');
    const { b: admin } = await signedIn(province, 'hanoi', 'admin');
    const bad = await admin.post('/admin/federation/subscriptions', { source: 'ftp://example', mode: 'publish', 'type-directive': '1' });
    assert.equal(bad.status, 422);
    assert.equal((await province.api('hanoi').get('/api/v1/portals/hanoi/subscriptions')).json.items.length, 0);

    const ok = await admin.post('/admin/federation/subscriptions', { source: central.url('chinhphu'), mode: 'publish', 'type-directive': '1', 'lang-vi': '1', section: 'chi-dao' });
    assert.equal(ok.status, 303, ok.text);
    const subs = (await province.api('hanoi').get('/api/v1/portals/hanoi/subscriptions')).json.items;
    assert.equal(subs.length, 1);
    assert.deepEqual(subs[0].policy, { mode: 'publish', types: ['directive'], languages: ['vi'], section: 'chi-dao' });
    await until('subscription confirmed', async () => (await province.api('hanoi').get(`/api/v1/portals/hanoi/subscriptions/${subs[0].id}`)).json.status === 'active');
    const shown = await admin.get('/admin/federation');
    assert.match(shown.text, /Đang hoạt động/);
    assert.match(shown.text, /Xuất bản ngay/);

    const item = await publish(central, 'chinhphu', { type: 'directive', lang: 'vi', title: 'Chỉ đạo về phòng chống thiên tai', summary: 'Tóm tắt', body: '<p>Nội dung chỉ đạo.</p>', section: 'chi-dao' });
    await until(
      'directive arrives at hanoi',
      async () => {
        const list = await province.api('hanoi').get('/api/v1/portals/hanoi/articles?status=published');
        return list.json?.items?.some((i: any) => i.title === item.title);
      },
      15_000,
    );

    // the central admin sees its follower
    const { b: chief } = await signedIn(central, 'chinhphu', 'admin');
    assert.ok((await chief.get('/admin/federation')).text.includes(province.url('hanoi')));

    // unfollowing from the page
    const del = await admin.post(`/admin/federation/subscriptions/${subs[0].id}/delete`);
    assert.equal(del.status, 303);
    assert.equal((await province.api('hanoi').get(`/api/v1/portals/hanoi/subscriptions`)).json.items.length, 0);
  });

  it('a proposal upward, sent back with a note that the province sees', async () => {
    const own = await publish(province, 'hanoi', { type: 'news', lang: 'vi', title: 'Hà Nội khánh thành cầu mới', summary: 'Tóm tắt', body: '<p>Nội dung.</p>', section: 'tin-tuc' });
    const { b: editor } = await signedIn(province, 'hanoi', 'editor');
    assert.equal((await editor.post('/admin/federation/proposals', { item: String(own.id) })).status, 403, 'proposing is for publishers');
    const { b: admin } = await signedIn(province, 'hanoi', 'admin');
    assert.equal((await admin.post('/admin/federation/proposals', { item: '999999' })).status, 422);
    const sent = await admin.post('/admin/federation/proposals', { item: String(own.id), note: 'Đề nghị đăng lại' });
    assert.equal(sent.status, 303, sent.text);

    const { b: chief } = await signedIn(central, 'chinhphu', 'admin');
    const found = await until('proposal reaches the central portal', async () => {
      const p = await chief.get('/admin/federation');
      return p.text.includes('Hà Nội khánh thành cầu mới') && /\/admin\/federation\/proposals\/(\d+)\/decision/.exec(p.text);
    });
    const id = found![1];
    const noNote = await chief.post(`/admin/federation/proposals/${id}/decision`, { decision: 'decline' });
    assert.equal(noNote.status, 422, 'sending back needs a note');
    const declined = await chief.post(`/admin/federation/proposals/${id}/decision`, { decision: 'decline', note: 'Tin địa phương, không đăng lại' });
    assert.equal(declined.status, 303, declined.text);
    await until('the note reaches hanoi', async () => (await admin.get('/admin/federation')).text.includes('Tin địa phương, không đăng lại'));
  });

  it('rotating the signing key from the page', async () => {
    const { b: admin } = await signedIn(province, 'hanoi', 'admin');
    const identity = async () => JSON.parse((await province.page('hanoi', '/.well-known/lantoa/portal.json')).text) as { keyId: string; keys: { id: string }[] };
    const before = await identity();
    const r = await admin.post('/admin/federation/keys/rotate');
    assert.equal(r.status, 303);
    const after = await identity();
    assert.notEqual(after.keyId, before.keyId);
    assert.ok(
      after.keys.some((k) => k.id === before.keyId),
      'the old key stays published for the grace period',
    );
    const { b: editor } = await signedIn(province, 'hanoi', 'editor');
    assert.equal((await editor.post('/admin/federation/keys/rotate')).status, 403);
  });
});
