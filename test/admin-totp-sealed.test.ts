import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret } from 'otpauth';
import { loadSecret, Sealer } from '../src/lib/secrets.ts';
import { MfaService, TOTP_SEAL_PURPOSE, totpNow } from '../src/modules/sessions/mfa.ts';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// TOTP secrets are sealed at rest: the database holds no base32 secret, and
// a sealed value works only for the account it was sealed for. Secrets that
// an earlier version kept in the clear are sealed when this version first
// reads them, and their owners sign in as before.

for (const engine of engines()) {
  describe(`admin: TOTP secrets sealed at rest (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const row = async (accountId: number) => env.services.store.db.selectFrom('account_mfa').selectAll().where('account_id', '=', accountId).executeTakeFirst();

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

    async function signInWithCode(email: string, code: string) {
      const b = new AdminBrowser(port, CENTRAL);
      const first = await b.signIn(email);
      assert.equal(first.status, 303);
      assert.match(first.location!, /^\/admin\/login\/2fa/);
      await b.get(first.location!);
      return b.post('/admin/login/2fa', { code });
    }

    test('enrolment through the account page stores only sealed values; signing in with a code works', async () => {
      const email = net.emails.editor;
      const id = net.accountIds.editor;
      const b = await signedInAs(port, CENTRAL, email);
      await b.get('/admin/account');
      assert.equal((await b.post('/admin/account/2fa/start')).status, 303);
      const page = await b.get('/admin/account');
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.text)![1];
      const pending = (await row(id))!;
      assert.match(pending.pending_secret!, /^v1\./);
      assert.ok(!pending.pending_secret!.includes(secret), 'the pending secret is not in the clear');
      // the enrolment page, shown again, still has the same secret (it opens)
      assert.match((await b.get('/admin/account')).text, new RegExp(`id="totp-secret">${secret}<`));

      assert.equal((await b.post('/admin/account/2fa/confirm', { code: totpNow(secret, new Date(Date.now() - 30_000)) })).status, 200);
      const enabled = (await row(id))!;
      assert.equal(enabled.pending_secret, null);
      assert.match(enabled.secret!, /^v1\./);
      assert.ok(!enabled.secret!.includes(secret));
      assert.notEqual(enabled.secret, pending.pending_secret, 'sealed afresh, with a new nonce');

      const r = await signInWithCode(email, totpNow(secret));
      assert.equal(r.status, 303);
      assert.equal(r.location, '/admin');
      assert.equal((await signInWithCode(email, '000000')).status, 401);
    });

    test('a secret left in the clear by an earlier version is sealed when first read, and still signs its owner in', async () => {
      const db = env.services.store.db;
      const secret = new Secret({ size: 20 }).base32;
      const idle = new Secret({ size: 20 }).base32;
      const id = net.accountIds.writer;
      const other = net.accountIds.analyst;
      await db.insertInto('account_mfa').values({ account_id: id, secret, pending_secret: null, enabled_at: new Date().toISOString(), last_step: null }).execute();
      await db.insertInto('account_mfa').values({ account_id: other, secret: null, pending_secret: idle, enabled_at: null, last_step: null }).execute();
      assert.equal((await row(id))!.secret, secret);

      // a process of this version: its first touch of second factors seals every clear secret
      const sealer = new Sealer(() => loadSecret(env.dataDir, env.services.config.secret), TOTP_SEAL_PURPOSE);
      const fresh = new MfaService(env.services.store, sealer);
      assert.equal(await fresh.isEnabled(id), true);
      assert.match((await row(id))!.secret!, /^v1\./);
      assert.ok(!(await row(id))!.secret!.includes(secret));
      assert.match((await row(other))!.pending_secret!, /^v1\./, 'pending enrolments too');
      assert.equal((await fresh.pendingEnrolment(other, 'x'))?.secret, idle);
      assert.equal(await fresh.verify(id, totpNow(secret)), 'totp');

      // a clear value written afterwards (an old node in a rolling upgrade) is sealed when read
      const later = new Secret({ size: 20 }).base32;
      await db.updateTable('account_mfa').set({ secret: later, last_step: null }).where('account_id', '=', id).execute();
      const r = await signInWithCode(net.emails.writer, totpNow(later));
      assert.equal(r.status, 303);
      assert.equal(r.location, '/admin');
      assert.match((await row(id))!.secret!, /^v1\./);
    });

    test('a sealed secret copied to another account opens nowhere: the code is refused, not a server error', async () => {
      const db = env.services.store.db;
      const victim = (await row(net.accountIds.editor))!;
      // the analyst's row gets the editor's sealed secret: it is bound to the editor's account
      await db.updateTable('account_mfa').set({ secret: victim.secret, enabled_at: new Date().toISOString(), pending_secret: null, last_step: null }).where('account_id', '=', net.accountIds.analyst).execute();
      assert.equal(await env.services.sessions.mfa.verify(net.accountIds.analyst, '123456'), undefined);
      const r = await signInWithCode(net.emails.analyst, '123456');
      assert.equal(r.status, 401);
      // and a different deployment secret opens nothing either
      const stranger = new MfaService(env.services.store, new Sealer(() => Buffer.from('another deployment secret, 32 chars+'), TOTP_SEAL_PURPOSE));
      assert.equal(await stranger.pendingEnrolment(net.accountIds.editor, 'x'), undefined);
      assert.equal(await stranger.verify(net.accountIds.editor, '123456'), undefined);
    });
  });
}
