import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtp, unfold, mailEnv } from './mail-helpers.ts';
import { createTestEnv, engines, startServer, waitFor, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';
import { totpNow } from '../src/modules/sessions/mfa.ts';

// Two-factor authentication (enrolment with a QR code, sign-in with a code
// or a recovery code, each usable once, portals that require it) and
// password reset by email through a real SMTP server on loopback.

for (const engine of engines()) {
  describe(`admin two-factor authentication and password reset (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;

    before(async () => {
      smtp = await startSmtp();
      env = await createTestEnv(engine, { env: mailEnv(smtp) });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      env?.services.sessions.mailer.close();
      await server?.close();
      await env?.close();
      await smtp?.close();
    });

    it('enrols TOTP with a QR code, then asks for a code at sign-in; codes and recovery codes work once', async () => {
      const email = net.emails['editor-in-chief'];
      const b = await signedInAs(port, CENTRAL, email);
      await b.get('/admin/account');
      assert.equal((await b.post('/admin/account/2fa/start')).status, 303);
      const enrol = await b.get('/admin/account');
      assert.match(enrol.text, /<svg[^>]*>/, 'the QR code is inline SVG (no script)');
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(enrol.text)![1];
      const wrong = await b.post('/admin/account/2fa/confirm', { code: '000000' });
      assert.equal(wrong.status, 422);
      const confirmed = await b.post('/admin/account/2fa/confirm', { code: totpNow(secret) });
      assert.equal(confirmed.status, 200);
      const codes = [...confirmed.text.matchAll(/<li>([A-Z0-9]{5}-[A-Z0-9]{5})<\/li>/g)].map((x) => x[1]);
      assert.equal(codes.length, 10);

      const c = new AdminBrowser(port, CENTRAL);
      const first = await c.signIn(email);
      assert.equal(first.status, 303);
      assert.match(first.location!, /^\/admin\/login\/2fa/);
      assert.equal((await c.get('/admin')).status, 303, 'half signed in is not signed in');
      await c.get(first.location!);
      // the code used for enrolment was in this time step: it does not work a second time
      assert.equal((await c.post('/admin/login/2fa', { code: totpNow(secret) })).status, 401);
      const recovered = await c.post('/admin/login/2fa', { code: codes[0].toLowerCase() });
      assert.equal(recovered.status, 303);
      assert.equal((await c.get('/admin')).status, 200);

      const d = new AdminBrowser(port, CENTRAL);
      await d.get((await d.signIn(email)).location!);
      assert.equal((await d.post('/admin/login/2fa', { code: codes[0] })).status, 401, 'a recovery code works once');
      const entries = await env.services.audit.list(net.central.id, { actor: email });
      assert.ok(entries.some((e) => e.action === 'mfa-enabled'));
      assert.ok(entries.some((e) => e.action === 'sign-in' && e.detail.method === 'password+recovery'));
      assert.ok(entries.some((e) => e.action === 'mfa-failed'));
    });

    it('lets a portal admin require two-factor authentication of every member', async () => {
      const admin = await signedInAs(port, CENTRAL, net.emails.admin);
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings', { require2fa: '1' })).status, 422, 'not before the admin has a second factor');
      const { secret } = await env.services.sessions.mfa.startEnrolment(net.accountIds.admin, net.emails.admin);
      assert.ok(await env.services.sessions.mfa.confirmEnrolment(net.accountIds.admin, totpNow(secret)));
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings', { require2fa: '1' })).status, 303);
      const editor = await signedInAs(port, CENTRAL, net.emails.editor);
      const dash = await editor.get('/admin');
      assert.equal(dash.status, 303);
      assert.equal(dash.location, '/admin/account?notice=2fa-required');
      assert.equal((await editor.get('/admin/items')).status, 303, 'no work until the second factor is on');
      const account = await editor.get('/admin/account');
      assert.match(account.text, /yêu cầu xác thực hai lớp/);
      await admin.get('/admin/settings');
      assert.equal((await admin.post('/admin/settings', {})).status, 303);
      assert.equal((await editor.get('/admin')).status, 200);
    });

    it('resets a forgotten password through a link sent by email, once, ending old sessions', async () => {
      const email = net.emails.writer;
      const old = await signedInAs(port, CENTRAL, email);
      assert.equal((await old.get('/admin')).status, 200);

      const b = new AdminBrowser(port, CENTRAL);
      await b.get('/admin/reset');
      const unknown = await b.post('/admin/reset', { email: 'nobody@test.gov.vn' });
      assert.equal(unknown.status, 200);
      await b.get('/admin/reset');
      const known = await b.post('/admin/reset', { email });
      assert.equal(known.status, 200);
      assert.equal(unknown.text.replace(/value="[^"]*"/g, ''), known.text.replace(/value="[^"]*"/g, ''), 'the same answer either way');
      const message = await waitFor(async () => smtp.mail.find((x) => x.to === email));
      assert.equal(smtp.mail.filter((x) => x.to === 'nobody@test.gov.vn').length, 0);
      const link = /https?:\/\/\S+\/admin\/reset\/([A-Za-z0-9_-]+)/.exec(unfold(message.data));
      assert.ok(link, 'the mail holds a reset link');
      const path = `/admin/reset/${link[1]}`;
      const form = await b.get(path);
      assert.equal(form.status, 200);
      const mismatch = await b.post(path, { password: 'mot-mat-khau-moi-1', confirm: 'khac-hoan-toan-2' });
      assert.equal(mismatch.status, 422);
      const short = await b.post(path, { password: 'ngan', confirm: 'ngan' });
      assert.equal(short.status, 422);
      const done = await b.post(path, { password: 'mot-mat-khau-moi-1', confirm: 'mot-mat-khau-moi-1' });
      assert.equal(done.status, 303);
      assert.equal((await old.get('/admin')).status, 303, 'the session from before the reset has ended');
      assert.equal((await new AdminBrowser(port, CENTRAL).signIn(email, PASSWORD)).status, 401);
      assert.equal((await new AdminBrowser(port, CENTRAL).signIn(email, 'mot-mat-khau-moi-1')).status, 303);
      const again = new AdminBrowser(port, CENTRAL);
      assert.equal((await again.get(path)).status, 400, 'the link works once');
      const entries = await env.services.audit.list(net.central.id, { actor: email });
      assert.ok(entries.some((e) => e.action === 'password-reset'));
      assert.ok(
        entries.every((e) => !JSON.stringify(e).includes(link[1])),
        'the reset token is in no log',
      );
    });
  });
}
