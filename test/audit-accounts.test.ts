import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../src/modules/audit/service.ts';
import { systemContext } from '../src/lib/request-context.ts';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';

// The portal's settings, sections, members' roles, API tokens and one's own
// account are changed by the portals, accounts and sessions modules, which
// write the audit row themselves, in the change's transaction: a change
// through /admin leaves exactly one row naming who acted and from where; a
// refused one (bad input, nothing to change) leaves none.

interface Case {
  name: string;
  run(): Promise<number>;
  status: number;
  /** the action of the one row a success leaves; absent: no row */
  action?: string;
  actor?: string;
  detail?: Record<string, unknown>;
}

for (const engine of engines()) {
  describe(`audit rows of the accounts, portals and sessions commands (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let admin: AdminBrowser;
    const state: { token?: number; member?: number } = {};
    const adminEmail = 'admin@test.gov.vn';
    const newcomer = 'nguoimoi@test.gov.vn';

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      admin = new AdminBrowser(portOf(server.url), CENTRAL);
      await admin.signIn(net.emails.admin, PASSWORD);
      await admin.get('/admin/settings');
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const rows = async (): Promise<AuditEntry[]> => env.services.audit.list(net.central.id, { limit: 10_000 });
    const portalForm = async (patch: Record<string, string>) => {
      const p = await env.services.portals.require('chinhphu');
      return { name_vi: p.name.vi ?? '', ...Object.fromEntries(Object.entries(p.contact).map(([k, v]) => [`contact_${k}`, String(v ?? '')])), brandColor: '', tintColor: '', logo: '', ...patch };
    };

    const cases: Case[] = [
      { name: 'portal settings with a bad colour (422)', run: async () => (await admin.post('/admin/settings/portal', await portalForm({ brandColor: 'red' }))).status, status: 422 },
      {
        name: 'portal settings saved',
        run: async () => (await admin.post('/admin/settings/portal', await portalForm({ name_vi: 'Cổng thông tin mới' }))).status,
        status: 303,
        action: 'portal-updated',
        actor: adminEmail,
        detail: { changed: ['names'] },
      },
      { name: 'the second factor required', run: async () => (await admin.post('/admin/settings', {})).status, status: 303, action: 'settings-changed', actor: adminEmail, detail: { requireTwoFactor: false } },
      { name: 'a section with a bad slug (422)', run: async () => (await admin.post('/admin/sections', { slug: 'Bad Slug', name_vi: 'X' })).status, status: 422 },
      { name: 'a section created', run: async () => (await admin.post('/admin/sections', { slug: 'thong-bao', name_vi: 'Thông báo' })).status, status: 303, action: 'section-created', actor: adminEmail },
      { name: 'the same section again (409)', run: async () => (await admin.post('/admin/sections', { slug: 'thong-bao', name_vi: 'Thông báo' })).status, status: 409 },
      {
        name: 'a section renamed',
        run: async () => (await admin.post('/admin/sections/thong-bao', { name_vi: 'Thông báo mới', parent: '', position: '3', inMenu: '1' })).status,
        status: 303,
        action: 'section-updated',
        actor: adminEmail,
        detail: { slug: 'thong-bao', parent: null, position: 3, inMenu: true },
      },
      { name: 'a role for no email (422)', run: async () => (await admin.post('/admin/users', { email: 'not-an-email', role: 'writer' })).status, status: 422 },
      {
        name: 'a role granted to a new account',
        run: async () => {
          const res = await admin.post('/admin/users', { email: newcomer, role: 'writer', password: 'mot-mat-khau-dai' });
          state.member = (await env.services.accounts.byEmail(newcomer))?.id;
          return res.status;
        },
        status: 303,
        action: 'role-granted',
        actor: adminEmail,
        detail: { email: newcomer, role: 'writer', newAccount: true },
      },
      {
        name: 'a role revoked',
        run: async () => (await admin.post('/admin/users/revoke', { account: String(state.member), role: 'writer' })).status,
        status: 303,
        action: 'role-revoked',
        actor: adminEmail,
        detail: { email: newcomer, role: 'writer' },
      },
      { name: 'a role not held revoked (404)', run: async () => (await admin.post('/admin/users/revoke', { account: String(state.member), role: 'writer' })).status, status: 404 },
      {
        name: 'a token created',
        run: async () => {
          const res = await admin.post('/admin/tokens', { name: 'máy chủ báo cáo', expires: '30' });
          state.token = (await env.services.accounts.tokensOf([net.accountIds.admin])).find((t) => t.name === 'máy chủ báo cáo')?.id;
          return res.status;
        },
        status: 201,
        action: 'token-created',
        actor: adminEmail,
      },
      { name: 'a token revoked', run: async () => (await admin.post(`/admin/tokens/${state.token}/revoke`, {})).status, status: 303, action: 'token-revoked', actor: adminEmail, detail: { name: 'máy chủ báo cáo', owner: adminEmail } },
      { name: 'the revoked token revoked again: nothing changes', run: async () => (await admin.post(`/admin/tokens/${state.token}/revoke`, {})).status, status: 303 },
      { name: 'no token to revoke (404)', run: async () => (await admin.post('/admin/tokens/999999/revoke', {})).status, status: 404 },
      { name: 'workflow emails turned on', run: async () => (await admin.post('/admin/account/notifications', { workflow: '1' })).status, status: 303, action: 'notifications-changed', actor: adminEmail, detail: { workflow: true } },
      { name: 'a password change with the wrong current one (422)', run: async () => (await admin.post('/admin/account/password', { current: 'sai-mat-khau-roi', password: 'mat-khau-moi-dai-hon' })).status, status: 422 },
      { name: 'a too short new password (422)', run: async () => (await admin.post('/admin/account/password', { current: PASSWORD, password: 'ngan' })).status, status: 422 },
      { name: 'the password changed', run: async () => (await admin.post('/admin/account/password', { current: PASSWORD, password: 'mat-khau-moi-dai-hon' })).status, status: 303, action: 'password-changed', actor: adminEmail },
    ];

    for (const c of cases) {
      it(`${c.name}: ${c.action ? 'one audit row' : 'no audit row'}`, async () => {
        const before = await rows();
        const status = await c.run();
        assert.equal(status, c.status);
        const added = (await rows()).filter((r) => !before.some((b) => b.id === r.id));
        if (!c.action) {
          assert.deepEqual(added, [], 'a refused write leaves no audit row');
          return;
        }
        assert.equal(added.length, 1, `exactly one row, got ${added.map((r) => r.action).join(', ')}`);
        assert.equal(added[0].action, c.action);
        assert.equal(added[0].actor, c.actor);
        assert.equal(added[0].accountId, net.accountIds.admin);
        assert.ok(added[0].ip && added[0].ip !== 'cli' && added[0].ip !== 'system', 'the row says where the request came from');
        if (c.detail) for (const [k, v] of Object.entries(c.detail)) assert.deepEqual(added[0].detail[k], v, `detail.${k}`);
      });
    }

    it('the CLI grants a role and replaces a password through the same command, named as such', async () => {
      const before = await rows();
      const account = await env.services.accounts.addUser({ email: newcomer, portalId: net.central.id, role: 'editor', password: 'mat-khau-cua-van-hanh', setPassword: true }, systemContext(net.central.id, 'cli'));
      const added = (await rows()).filter((r) => !before.some((b) => b.id === r.id));
      assert.deepEqual(added.map((r) => [r.action, r.actor, r.accountId, r.target]).sort(), [
        ['password-changed', 'cli', null, `account:${account.id}`],
        ['role-granted', 'cli', null, `account:${account.id}`],
      ]);
    });
  });
}
