import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../src/modules/accounts/service.ts';
import { can, PERMISSIONS, requirePermission, rolesAllowed, type Permission, type PolicyActor, type Subject } from '../src/modules/policy/index.ts';
import { ACTIONS, decide, STATES } from '../src/modules/workflow/rules.ts';
import { ForbiddenError } from '../src/lib/errors.ts';
import { client, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// The policy as a table: every role, every permission, in the portal where
// the role is held, in another portal, and at the central portal. Then the
// API and the admin asked the same question by the same account, over HTTP.

const CENTRAL_PORTAL = { id: 1, slug: 'chinhphu', kind: 'central' };
const OWN = { id: 2, slug: 'hanoi', kind: 'province' };
const OTHER = { id: 3, slug: 'haiphong', kind: 'province' };
const ME = 42;

const NEWSROOM: Role[] = ['admin', 'editor-in-chief', 'editor', 'writer'];
const PUBLISHERS: Role[] = ['admin', 'editor-in-chief'];

/** Who may, holding one role in the subject's portal; items are given where the permission needs one. */
const EXPECTED: Record<Permission, { item?: Subject['item']; roles: Role[] }> = {
  'content.read-drafts': { roles: NEWSROOM },
  'content.create': { roles: NEWSROOM },
  'content.edit': { item: { status: 'draft', ownerId: ME }, roles: NEWSROOM },
  'item.submit': { item: { status: 'draft', ownerId: ME }, roles: NEWSROOM },
  'item.approve': { item: { status: 'submitted', ownerId: 7 }, roles: PUBLISHERS },
  'item.reject': { item: { status: 'submitted', ownerId: 7 }, roles: ['admin', 'editor-in-chief', 'editor'] },
  'item.publish': { item: { status: 'approved', ownerId: 7 }, roles: PUBLISHERS },
  'item.schedule': { item: { status: 'approved', ownerId: 7 }, roles: PUBLISHERS },
  'item.unpublish': { item: { status: 'published', ownerId: 7 }, roles: PUBLISHERS },
  'home.edit': { roles: PUBLISHERS },
  'feedback.desk': { roles: ['admin', 'editor-in-chief', 'feedback-officer'] },
  'feedback.cases': { roles: ['admin', 'feedback-officer'] },
  'feedback.act': { roles: ['admin', 'editor-in-chief', 'feedback-officer'] },
  'feedback.stats': { roles: ['admin', 'editor-in-chief', 'feedback-officer', 'analyst'] },
  'feedback.settings': { roles: ['admin'] },
  'stats.view': { roles: ['admin', 'analyst'] },
  'channels.manage': { roles: ['admin'] },
  'channels.retry': { roles: ['admin', 'editor-in-chief', 'editor'] },
  'federation.manage': { roles: ['admin'] },
  'federation.propose': { roles: PUBLISHERS },
  'network.view': { roles: ['admin', 'analyst'] },
  'uptime.view': { roles: ['admin', 'analyst'] },
  'portal.administer': { roles: ['admin'] },
};

const holding = (portalId: number, role: Role): PolicyActor => ({ id: ME, roles: new Map([[portalId, [role]]]) });

describe('policy: the matrix', () => {
  for (const permission of PERMISSIONS) {
    const { item, roles } = EXPECTED[permission];
    for (const role of ROLES) {
      it(`${role} × ${permission}`, () => {
        const allowed = roles.includes(role);
        // holding the role in a province portal
        const provincial = holding(OWN.id, role);
        assert.equal(can(provincial, permission, { portal: OWN, item }), allowed, 'own portal');
        assert.equal(can(provincial, permission, { portal: OTHER, item }), false, 'another portal');
        assert.equal(can(provincial, permission, { portal: CENTRAL_PORTAL, item }), false, 'the central portal');
        // holding it at the central portal: the same answers there, nothing in the provinces
        const central = holding(CENTRAL_PORTAL.id, role);
        assert.equal(can(central, permission, { portal: CENTRAL_PORTAL, item }), allowed, 'own (central) portal');
        assert.equal(can(central, permission, { portal: OWN, item }), false, 'a province portal');
      });
    }
  }

  it('has a row for every permission, and no one may do anything anonymously or without a role', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      assert.equal(can(undefined, permission, { portal: OWN, item: EXPECTED[permission].item }), false);
      assert.equal(can({ id: ME, roles: new Map() }, permission, { portal: OWN, item: EXPECTED[permission].item }), false);
    }
  });

  it('answers items exactly as the workflow rules do (it delegates, it does not copy)', () => {
    for (const role of ROLES)
      for (const action of ACTIONS)
        for (const status of STATES)
          for (const ownerId of [ME, 7]) {
            const expected = decide({ accountId: ME, roles: [role] }, action, status, ownerId === ME).ok;
            assert.equal(can(holding(OWN.id, role), `item.${action}`, { portal: OWN, item: { status, ownerId } }), expected, `${role} ${action} ${status} owner=${ownerId === ME}`);
          }
  });

  it('lets a writer edit and submit only its own drafts; item permissions need the item', () => {
    const writer = holding(OWN.id, 'writer');
    assert.equal(can(writer, 'content.edit', { portal: OWN, item: { status: 'draft', ownerId: 7 } }), false);
    assert.equal(can(writer, 'item.submit', { portal: OWN, item: { status: 'draft', ownerId: 7 } }), false);
    assert.equal(can(writer, 'content.edit', { portal: OWN, item: { status: 'submitted', ownerId: ME } }), false);
    assert.equal(can(holding(OWN.id, 'admin'), 'content.edit', { portal: OWN }), false);
    assert.equal(can(holding(OWN.id, 'admin'), 'item.publish', { portal: OWN }), false);
  });

  it('refuses with a 403 that names the roles that would do', () => {
    assert.doesNotThrow(() => requirePermission(holding(OWN.id, 'analyst'), 'network.view', { portal: OWN }));
    assert.throws(
      () => requirePermission(holding(OWN.id, 'writer'), 'network.view', { portal: OWN }),
      (err: unknown) => err instanceof ForbiddenError && err.status === 403 && err.message === 'Only the role admin or analyst in hanoi may read the network figures.',
    );
    assert.deepEqual(rolesAllowed('stats.view', { portal: OWN }), ['admin', 'analyst']);
  });
});

for (const engine of engines()) {
  describe(`policy over HTTP: the API and the admin agree (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    const browsers = new Map<Role, AdminBrowser>();

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      for (const role of ROLES) {
        const b = await signedInAs(portOf(server.url), CENTRAL, net.emails[role]);
        browsers.set(role, b);
      }
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const pairs: { permission: Permission; api: string; admin: string }[] = [
      { permission: 'stats.view', api: '/api/v1/portals/chinhphu/stats', admin: '/admin/analytics' },
      { permission: 'network.view', api: '/api/v1/network/stats', admin: '/admin/network' },
      { permission: 'uptime.view', api: '/api/v1/network/uptime', admin: '/admin/uptime' },
    ];
    for (const { permission, api, admin } of pairs) {
      it(`${permission}: the same answer for every role at the central portal, and the menu offers it exactly then`, async () => {
        for (const role of ROLES) {
          const expected = EXPECTED[permission].roles.includes(role) ? 200 : 403;
          const fromApi = await client(server.url, net.tokens[role]).get(api, { host: CENTRAL });
          const b = browsers.get(role)!;
          const fromAdmin = await b.get(admin);
          assert.equal(fromApi.status, expected, `${role} API ${api}`);
          assert.equal(fromAdmin.status, expected, `${role} admin ${admin}`);
          const menu = (await b.get('/admin')).text;
          assert.equal(menu.includes(`href="${admin}"`), expected === 200, `${role} menu link ${admin}`);
        }
      });
    }

    it("a province's admin reads its own portal's network and uptime figures, and only those", async () => {
      const b = await signedInAs(portOf(server.url), PROVINCE, net.emails.provinceAdmin);
      const menu = (await b.get('/admin')).text;
      assert.ok(menu.includes('href="/admin/network"') && menu.includes('href="/admin/uptime"'), 'the menu offers both');
      const page = await b.get('/admin/network');
      assert.equal(page.status, 200);
      assert.match(page.text, /Cổng Thông tin điện tử Hà Nội/);
      assert.doesNotMatch(page.text, /Cổng Thông tin điện tử Chính phủ<\/a>/, "the central portal's row is not its business");
      assert.equal((await b.get('/admin/uptime')).status, 200);

      const api = client(server.url, net.provinceAdmin);
      const stats = await api.get('/api/v1/network/stats');
      assert.equal(stats.status, 200);
      assert.deepEqual(
        stats.json.portals.map((p: { slug: string }) => p.slug),
        ['hanoi'],
      );
      assert.equal(stats.json.totals.portals, 1);
      const uptime = await api.get('/api/v1/network/uptime');
      assert.equal(uptime.status, 200);
      assert.ok(uptime.json.items.every((i: { slug: string }) => i.slug === 'hanoi'));

      // the network-wide view stays at the central portal
      const whole = await client(server.url, net.tokens.admin).get('/api/v1/network/stats');
      assert.deepEqual(whole.json.portals.map((p: { slug: string }) => p.slug).sort(), ['chinhphu', 'hanoi']);
      // and a province's writer sees neither
      const writer = await env.services.accounts.addUser({ email: 'writer@hanoi.test.gov.vn', portalId: net.province.id, role: 'writer' });
      assert.ok(writer.id);
      const writerToken = await env.services.accounts.createToken('writer@hanoi.test.gov.vn');
      const refused = await client(server.url, writerToken).get('/api/v1/network/stats');
      assert.equal(refused.status, 403);
      assert.match(refused.json.detail, /Only the role admin or analyst in chinhphu may read the network figures/);
    });
  });
}
