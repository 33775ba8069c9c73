import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { viberEmulator } from '../src/dev/social-emulator/viber.ts';
import type { AuditEntry } from '../src/modules/audit/service.ts';
import { client, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// Every command writes its own audit row: a successful write through the API
// or the admin leaves exactly one new row, naming who acted; a refused one
// (403, 404, 4xx on bad input) leaves none. Covers the commands of social
// channels and deliveries, federation operators, the feedback settings and
// the key rotation, through /api/v1 and /admin alike.

interface Case {
  name: string;
  /** the request; returns its status */
  run(): Promise<number>;
  status: number;
  /** the audit action of the one row a success leaves; absent: a refusal, no row */
  action?: string;
  /** who the row names */
  actor?: string;
}

for (const engine of engines()) {
  describe(`audit rows of module commands (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    const emulator = new SocialEmulator([viberEmulator]);
    const state: { channel?: number; adminChannel?: number } = {};
    let admin: AdminBrowser;
    let editor: AdminBrowser;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      await emulator.listen();
      admin = await signedInAs(portOf(server.url), CENTRAL, net.emails.admin);
      await admin.get('/admin/channels');
      editor = await signedInAs(portOf(server.url), CENTRAL, net.emails.editor);
      await editor.get('/admin/channels');
    });
    after(async () => {
      await emulator.close();
      await server?.close();
      await env?.close();
    });

    const rows = async (): Promise<AuditEntry[]> => env.services.audit.list(net.central.id, { limit: 10_000 });
    const api = (role: 'admin' | 'editor' | 'writer') => client(server.url, net.tokens[role]);
    const viber = () => {
      const acc = emulator.account('viber');
      return { platform: 'viber', name: 'Kênh Viber', apiBaseUrl: acc.apiBaseUrl, credentials: acc.credentials, languages: ['vi'], contentTypes: ['news'], autoPublish: false };
    };
    const adminEmail = 'admin@test.gov.vn';

    const cases: Case[] = [
      // ---------- /api/v1: social channels and deliveries ----------
      { name: 'API: an editor may not connect a channel (403)', run: async () => (await api('editor').post('/api/v1/portals/chinhphu/channels', viber())).status, status: 403 },
      { name: 'API: a channel with an unknown platform is refused', run: async () => (await api('admin').post('/api/v1/portals/chinhphu/channels', { ...viber(), platform: 'myspace' })).status, status: 422 },
      {
        name: 'API: an admin connects a channel',
        run: async () => {
          const res = await api('admin').post('/api/v1/portals/chinhphu/channels', viber());
          state.channel = res.json?.id;
          return res.status;
        },
        status: 201,
        action: 'social-channel',
        actor: adminEmail,
      },
      {
        name: 'API: an admin renames the channel',
        run: async () => (await api('admin').patch(`/api/v1/portals/chinhphu/channels/${state.channel}`, { name: 'Kênh Viber mới' })).status,
        status: 200,
        action: 'social-channel',
        actor: adminEmail,
      },
      { name: 'API: a change to a channel of nowhere (404)', run: async () => (await api('admin').patch('/api/v1/portals/chinhphu/channels/999999', { name: 'x' })).status, status: 404 },
      { name: 'API: a retry of no delivery (404)', run: async () => (await api('editor').post('/api/v1/deliveries/999999/retry')).status, status: 404 },
      { name: 'API: an editor may not disconnect a channel (403)', run: async () => (await api('editor').delete(`/api/v1/portals/chinhphu/channels/${state.channel}`)).status, status: 403 },
      { name: 'API: an admin disconnects the channel', run: async () => (await api('admin').delete(`/api/v1/portals/chinhphu/channels/${state.channel}`)).status, status: 204, action: 'social-channel', actor: adminEmail },
      { name: 'API: disconnecting it again (404)', run: async () => (await api('admin').delete(`/api/v1/portals/chinhphu/channels/${state.channel}`)).status, status: 404 },
      // ---------- /api/v1: federation operators ----------
      { name: 'API: a writer may not rotate the signing key (403)', run: async () => (await client(server.url, net.tokens.writer).post('/api/v1/portals/chinhphu/keys/rotate', {})).status, status: 403 },
      {
        name: 'API: an admin changes the federation settings',
        run: async () =>
          (
            await fetch(`${server.url}/api/v1/portals/chinhphu/federation-settings`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${net.tokens.admin}`, 'content-type': 'application/json' },
              body: JSON.stringify({ subscribersNeedApproval: true }),
            })
          ).status,
        status: 200,
        action: 'federation-subscription',
        actor: adminEmail,
      },
      { name: 'API: an admin rotates the signing key', run: async () => (await api('admin').post('/api/v1/portals/chinhphu/keys/rotate', { graceSeconds: 60 })).status, status: 200, action: 'federation-key-rotated', actor: adminEmail },
      { name: 'API: a decision on no subscriber (404)', run: async () => (await api('admin').post('/api/v1/portals/chinhphu/subscribers/999999/decision', { decision: 'approve' })).status, status: 404 },
      { name: 'API: removing no subscription (404)', run: async () => (await api('admin').delete('/api/v1/portals/chinhphu/subscriptions/999999')).status, status: 404 },
      { name: 'API: a decision on no join request (404)', run: async () => (await api('admin').post('/api/v1/portals/chinhphu/members/999999/decision', { decision: 'approve' })).status, status: 404 },
      // ---------- /api/v1: feedback settings ----------
      { name: 'API: an editor may not change the feedback settings (403)', run: async () => (await api('editor').patch('/api/v1/portals/chinhphu/feedback/settings', { retentionDays: 400 })).status, status: 403 },
      { name: 'API: a retention period out of range is refused (422)', run: async () => (await api('admin').patch('/api/v1/portals/chinhphu/feedback/settings', { retentionDays: 1 })).status, status: 422 },
      { name: 'API: an admin changes the retention period', run: async () => (await api('admin').patch('/api/v1/portals/chinhphu/feedback/settings', { retentionDays: 400 })).status, status: 200, action: 'feedback', actor: adminEmail },
      { name: 'API: a step on no feedback case (404)', run: async () => (await client(server.url, net.tokens['feedback-officer']).post('/api/v1/feedback/999999/actions', { action: 'note', note: 'x' })).status, status: 404 },
      // ---------- /admin ----------
      {
        name: 'admin: an editor may not connect a channel (403)',
        run: async () => (await editor.post('/admin/channels', { platform: 'viber', name: 'x', apiBaseUrl: viber().apiBaseUrl, credentials: 'authToken=x', 'lang-vi': '1', 'type-news': '1' })).status,
        status: 403,
      },
      {
        name: 'admin: a channel form with errors is refused (422)',
        run: async () => (await admin.post('/admin/channels', { platform: 'zalo', name: '', apiBaseUrl: 'ftp://nope', credentials: '', 'lang-vi': '1', 'type-news': '1' })).status,
        status: 422,
      },
      {
        name: 'admin: an admin connects a channel',
        run: async () => {
          const acc = emulator.account('viber');
          const res = await admin.post('/admin/channels', { platform: 'viber', name: 'Viber qua trang quản trị', apiBaseUrl: acc.apiBaseUrl, credentials: `authToken=${acc.credentials.authToken}`, 'lang-vi': '1', 'type-news': '1' });
          const central = await env.services.portals.require('chinhphu');
          state.adminChannel = (await env.services.social.channels.list(central)).find((c) => c.name === 'Viber qua trang quản trị')?.id;
          return res.status;
        },
        status: 303,
        action: 'social-channel',
        actor: adminEmail,
      },
      {
        name: 'admin: new credentials for the channel',
        run: async () => (await admin.post(`/admin/channels/${state.adminChannel}`, { credentials: `authToken=${emulator.account('viber').credentials.authToken}` })).status,
        status: 303,
        action: 'social-channel',
        actor: adminEmail,
      },
      { name: 'admin: an editor may not disconnect it (403)', run: async () => (await editor.post(`/admin/channels/${state.adminChannel}/delete`, {})).status, status: 403 },
      { name: 'admin: an admin disconnects it', run: async () => (await admin.post(`/admin/channels/${state.adminChannel}/delete`, {})).status, status: 303, action: 'social-channel', actor: adminEmail },
      { name: 'admin: disconnecting it again (404)', run: async () => (await admin.post(`/admin/channels/${state.adminChannel}/delete`, {})).status, status: 404 },
      { name: 'admin: an editor may not change federation settings (403)', run: async () => (await editor.post('/admin/federation/settings', { subscribersNeedApproval: '1' })).status, status: 403 },
      { name: 'admin: an admin changes federation settings', run: async () => (await admin.post('/admin/federation/settings', {})).status, status: 303, action: 'federation-subscription', actor: adminEmail },
      { name: 'admin: an admin rotates the signing key', run: async () => (await admin.post('/admin/federation/keys/rotate', {})).status, status: 303, action: 'federation-key-rotated', actor: adminEmail },
      { name: 'admin: a decision on no subscriber (404)', run: async () => (await admin.post('/admin/federation/subscribers/999999/decision', { decision: 'approve' })).status, status: 404 },
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
        assert.notEqual(added[0].ip, '', 'the row says where the request came from');
      });
    }

    it('the CLI and the platform write through the same commands, named as such', async () => {
      const central = await env.services.portals.require('chinhphu');
      const { systemContext } = await import('../src/lib/request-context.ts');
      const before = await rows();
      await env.services.federation.rotateKey(systemContext(central.id, 'cli'), central, 0);
      const added = (await rows()).filter((r) => !before.some((b) => b.id === r.id));
      assert.deepEqual(
        added.map((r) => [r.action, r.actor, r.accountId]),
        [['federation-key-rotated', 'cli', null]],
      );
    });
  });
}
