import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Role } from '../src/modules/accounts/service.ts';
import { actingAs, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// The authorization matrix: every admin route and action, visited with every
// role (and anonymously), in the role's own portal and in another one. Each
// answer is checked: 200/201/303 where the role may, 403 where it may not,
// 303 to the sign-in page without a session, 404 for another portal's things.

const ROLES: Role[] = ['admin', 'editor-in-chief', 'editor', 'writer', 'feedback-officer', 'analyst'];
const MEMBER = new Set<Role>(ROLES);
const NEWSROOM = new Set<Role>(['admin', 'editor-in-chief', 'editor', 'writer']);
const PUBLISHERS = new Set<Role>(['admin', 'editor-in-chief']);
const ADMIN = new Set<Role>(['admin']);

type Who = Role | 'anonymous';

interface Case {
  name: string;
  method: 'GET' | 'POST';
  /** who may: their expected status; everyone else gets 403 (303 when anonymous) */
  allowed: Set<Role>;
  ok: number;
  /** builds the path and form for one attempt (fresh fixtures for actions that change state) */
  prepare: (who: Who) => Promise<{ path: string; form?: Record<string, string> }>;
}

for (const engine of engines()) {
  describe(`admin authorization matrix (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const browsers = new Map<Who, AdminBrowser>();
    let mediaId: number;
    let tokenIdOf: () => Promise<number>;

    /** A draft written by the given role's account (or the writer's, for roles that cannot write). */
    async function draftBy(role: Role): Promise<{ id: number; version: number }> {
      const portal = await env.services.portals.require('chinhphu');
      const author = NEWSROOM.has(role) ? role : 'writer';
      const item = await env.services.content.create(portal, actingAs({ accountId: net.accountIds[author], roles: [author] }), { type: 'news', lang: 'vi', title: `Bản nháp của ${author} ${Math.random()}`, body: '<p>x</p>' });
      return { id: item.id, version: item.version };
    }

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
      for (const role of ROLES) {
        const b = await signedInAs(port, CENTRAL, net.emails[role]);
        browsers.set(role, b);
      }
      browsers.set('anonymous', new AdminBrowser(port, CENTRAL));
      const portal = await env.services.portals.require('chinhphu');
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      mediaId = (await env.services.media.upload(portal, actingAs(net.accountIds.writer), { filename: 'a.png', mime: 'image/png', data: png, alt: 'Ô vuông xanh' })).id;
      tokenIdOf = async () => {
        await env.services.accounts.createToken(net.emails.editor, `matrix ${Math.random()}`);
        return (await env.services.accounts.tokensOf([net.accountIds.editor]))[0].id;
      };
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const cases: Case[] = [
      { name: 'dashboard', method: 'GET', allowed: MEMBER, ok: 200, prepare: async () => ({ path: '/admin' }) },
      { name: 'account', method: 'GET', allowed: MEMBER, ok: 200, prepare: async () => ({ path: '/admin/account' }) },
      { name: 'items list', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/items?status=draft' }) },
      { name: 'new item chooser', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/items/new' }) },
      { name: 'new item form', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/items/new?type=procedure' }) },
      { name: 'item editor', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: `/admin/items/${(await draftBy('writer')).id}` }) },
      { name: 'item history', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: `/admin/items/${(await draftBy('writer')).id}/history` }) },
      { name: 'item preview', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: `/admin/items/${(await draftBy('writer')).id}/preview` }) },
      { name: 'media library', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/media' }) },
      { name: 'media item', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: `/admin/media/${mediaId}` }) },
      { name: 'media picker json', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/media.json' }) },
      { name: 'audit log', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/audit' }) },
      { name: 'audit csv', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/audit.csv' }) },
      { name: 'users', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/users' }) },
      { name: 'tokens', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/tokens' }) },
      { name: 'settings', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/settings' }) },
      { name: 'sections', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/sections' }) },
      { name: 'federation page', method: 'GET', allowed: NEWSROOM, ok: 200, prepare: async () => ({ path: '/admin/federation' }) },
      { name: 'analytics', method: 'GET', allowed: new Set<Role>(['admin', 'analyst']), ok: 200, prepare: async () => ({ path: '/admin/analytics' }) },
      { name: 'analytics csv', method: 'GET', allowed: new Set<Role>(['admin', 'analyst']), ok: 200, prepare: async () => ({ path: '/admin/analytics/export.csv?table=sources' }) },
      { name: 'uptime page', method: 'GET', allowed: new Set<Role>(['admin', 'analyst']), ok: 200, prepare: async () => ({ path: '/admin/uptime' }) },
      { name: 'network page', method: 'GET', allowed: new Set<Role>(['admin', 'analyst']), ok: 200, prepare: async () => ({ path: '/admin/network' }) },
      { name: 'rotate the signing key', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: '/admin/federation/keys/rotate' }) },
      { name: 'create item', method: 'POST', allowed: NEWSROOM, ok: 303, prepare: async () => ({ path: '/admin/items', form: { type: 'news', lang: 'vi', title: `Tin ma trận ${Math.random()}`, body: '<p>x</p>' } }) },
      {
        name: 'edit own draft',
        method: 'POST',
        allowed: NEWSROOM,
        ok: 303,
        prepare: async (who) => {
          const d = await draftBy(who === 'anonymous' ? 'writer' : who);
          return { path: `/admin/items/${d.id}`, form: { version: String(d.version), title: 'Đã sửa', body: '<p>y</p>' } };
        },
      },
      {
        name: "edit someone else's draft",
        method: 'POST',
        allowed: new Set<Role>(['admin', 'editor-in-chief', 'editor']),
        ok: 303,
        prepare: async () => {
          const d = await draftBy('editor');
          return { path: `/admin/items/${d.id}`, form: { version: String(d.version), title: 'Sửa bài người khác', body: '<p>z</p>' } };
        },
      },
      {
        name: 'autosave own draft',
        method: 'POST',
        allowed: NEWSROOM,
        ok: 200,
        prepare: async (who) => {
          const d = await draftBy(who === 'anonymous' ? 'writer' : who);
          return { path: `/admin/items/${d.id}/autosave`, form: { version: String(d.version), title: 'Tự lưu', body: '<p>y</p>' } };
        },
      },
      {
        name: 'submit own draft',
        method: 'POST',
        allowed: NEWSROOM,
        ok: 303,
        prepare: async (who) => ({ path: `/admin/items/${(await draftBy(who === 'anonymous' ? 'writer' : who)).id}/workflow`, form: { action: 'submit' } }),
      },
      {
        name: 'publish a draft',
        method: 'POST',
        allowed: PUBLISHERS,
        ok: 303,
        prepare: async () => ({ path: `/admin/items/${(await draftBy('editor')).id}/workflow`, form: { action: 'publish' } }),
      },
      {
        name: 'send back a submission',
        method: 'POST',
        allowed: new Set<Role>(['admin', 'editor-in-chief', 'editor']),
        ok: 303,
        prepare: async () => {
          const d = await draftBy('editor');
          const item = (await env.services.content.find(d.id))!;
          await env.services.content.act(item, actingAs({ accountId: net.accountIds.editor, roles: ['editor'] }), { action: 'submit' });
          return { path: `/admin/items/${d.id}/workflow`, form: { action: 'reject', note: 'Cần sửa' } };
        },
      },
      {
        name: 'restore a revision',
        method: 'POST',
        allowed: new Set<Role>(['admin', 'editor-in-chief', 'editor']),
        ok: 303,
        prepare: async () => {
          const d = await draftBy('editor');
          const item = (await env.services.content.find(d.id))!;
          const edited = await env.services.content.update(item, actingAs({ accountId: net.accountIds.editor, roles: ['editor'] }), { version: item.version, title: 'Phiên bản hai' });
          return { path: `/admin/items/${d.id}/restore`, form: { revision: '1', version: String(edited.version) } };
        },
      },
      { name: 'describe media', method: 'POST', allowed: NEWSROOM, ok: 303, prepare: async () => ({ path: `/admin/media/${mediaId}`, form: { alt: 'Ô vuông màu xanh', caption: '', credit: '' } }) },
      { name: 'start 2FA enrolment', method: 'POST', allowed: MEMBER, ok: 303, prepare: async () => ({ path: '/admin/account/2fa/start' }) },
      { name: 'workflow email choice', method: 'POST', allowed: MEMBER, ok: 303, prepare: async () => ({ path: '/admin/account/notifications', form: { workflow: '1' } }) },
      { name: 'grant a role', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: '/admin/users', form: { email: `moi${Math.random().toString(36).slice(2)}@test.gov.vn`, role: 'writer' } }) },
      {
        name: 'revoke a role',
        method: 'POST',
        allowed: ADMIN,
        ok: 303,
        prepare: async () => {
          const email = `thu-hoi-${Math.random().toString(36).slice(2)}@test.gov.vn`;
          const acc = await env.services.accounts.addUser({ email, portalId: net.central.id, role: 'analyst' });
          return { path: '/admin/users/revoke', form: { account: String(acc.id), role: 'analyst' } };
        },
      },
      { name: 'create a token', method: 'POST', allowed: ADMIN, ok: 201, prepare: async () => ({ path: '/admin/tokens', form: { name: 'ma trận' } }) },
      { name: 'revoke a token', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: `/admin/tokens/${await tokenIdOf()}/revoke` }) },
      { name: 'portal settings', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: '/admin/settings', form: {} }) },
      { name: 'add a section', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: '/admin/sections', form: { slug: `muc-${Math.random().toString(36).slice(2, 8)}`, kind: 'section', name_vi: 'Mục mới' } }) },
      { name: 'section editor', method: 'GET', allowed: ADMIN, ok: 200, prepare: async () => ({ path: '/admin/sections/van-ban' }) },
      { name: 'edit a section', method: 'POST', allowed: ADMIN, ok: 303, prepare: async () => ({ path: '/admin/sections/van-ban', form: { name_vi: 'Văn bản', parent: '', position: '1', inMenu: '1' } }) },
      {
        name: 'portal names, look and contact',
        method: 'POST',
        allowed: ADMIN,
        ok: 303,
        prepare: async () => ({
          path: '/admin/settings/portal',
          form: { name_vi: 'Cổng Chính phủ', contact_unit: 'Văn phòng', contact_responsible: 'Chánh Văn phòng', contact_address: '1 Phố Thử', contact_phone: '024 0000 0000', contact_email: 'lienhe@example.gov.vn' },
        }),
      },
    ];

    for (const who of ['anonymous', ...ROLES] as Who[]) {
      it(`in its own portal: ${who}`, async () => {
        const b = browsers.get(who)!;
        const failures: string[] = [];
        for (const c of cases) {
          const { path, form } = await c.prepare(who);
          if (c.method === 'POST') await b.get(who === 'anonymous' ? '/admin/login' : '/admin/account'); // a page of this session, for its CSRF token
          const r = c.method === 'GET' ? await b.get(path) : await b.post(path, form ?? {});
          const expected = who === 'anonymous' ? 303 : c.allowed.has(who) ? c.ok : 403;
          if (r.status !== expected) failures.push(`${c.method} ${c.name} (${path}): expected ${expected}, got ${r.status}`);
          if (who === 'anonymous' && r.status === 303 && !r.location?.startsWith('/admin/login')) failures.push(`${c.name}: anonymous sent to ${r.location}`);
        }
        assert.deepEqual(failures, []);
      });
    }

    it('in another portal: central accounts cannot sign in at the province, and get nothing there', async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const b = new AdminBrowser(port, PROVINCE);
        const r = await b.signIn(net.emails[role]);
        if (r.status !== 403) failures.push(`${role} sign-in at the province: ${r.status}`);
        for (const c of cases) {
          const { path, form } = await c.prepare(role);
          const res = c.method === 'GET' ? await b.get(path) : await b.post(path, form ?? {});
          if (res.status !== 303 && res.status !== 403) failures.push(`${role} ${c.method} ${c.name} at the province: ${res.status}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    it("in another portal: the province's admin finds none of the central portal's items, media or tokens", async () => {
      const b = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      await b.get('/admin');
      const d = await draftBy('writer');
      const token = await tokenIdOf();
      const checks: [string, 'GET' | 'POST', Record<string, string>?][] = [
        [`/admin/items/${d.id}`, 'GET'],
        [`/admin/items/${d.id}/history`, 'GET'],
        [`/admin/items/${d.id}/preview`, 'GET'],
        [`/admin/items/new?translationOf=${d.id}&lang=en`, 'GET'],
        [`/admin/media/${mediaId}`, 'GET'],
        [`/admin/items/${d.id}`, 'POST', { version: String(d.version), title: 'x' }],
        [`/admin/items/${d.id}/workflow`, 'POST', { action: 'publish' }],
        [`/admin/items/${d.id}/restore`, 'POST', { revision: '1' }],
        [`/admin/items/${d.id}/autosave`, 'POST', { version: String(d.version), title: 'x' }],
        [`/admin/media/${mediaId}`, 'POST', { alt: 'x' }],
        [`/admin/tokens/${token}/revoke`, 'POST', {}],
        ['/admin/users/revoke', 'POST', { account: String(net.accountIds.writer), role: 'writer' }],
      ];
      const failures: string[] = [];
      for (const [path, method, form] of checks) {
        const r = method === 'GET' ? await b.get(path) : await b.post(path, form ?? {});
        if (r.status !== 404) failures.push(`${method} ${path}: ${r.status}`);
      }
      assert.deepEqual(failures, []);
      const item = await env.services.content.find(d.id);
      assert.equal(item?.status, 'draft', 'nothing changed in the other portal');
      assert.equal(item?.version, d.version);
      const writer = await env.services.accounts.byId(net.accountIds.writer);
      assert.deepEqual(writer?.roles.get(net.central.id), ['writer']);
    });
  });
}
