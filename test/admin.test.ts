import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { scrypt as scryptCb, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer, TestClock } from './helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';
import { hashToken } from '../src/modules/accounts/service.ts';

// Admin sign-in: passwords (argon2id, old scrypt hashes upgraded), sessions
// (hashed, HttpOnly cookies, idle and absolute timeouts, sign-out), CSRF on
// every form, throttling and lockout, portal switching, security headers.

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

for (const engine of engines()) {
  describe(`admin sign-in and sessions (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const time = new TestClock(Date.parse('2026-03-02T01:00:00Z'));

    before(async () => {
      // a proxy on loopback terminates HTTPS in the test of the __Host- cookie (X-Forwarded-Proto)
      env = await createTestEnv(engine, { clock: time.now, env: { TRUST_PROXY: '127.0.0.1' } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const browser = (host = CENTRAL) => new AdminBrowser(port, host);

    it('answers every admin page with strict security headers', async () => {
      const b = browser();
      for (const path of ['/admin/login', '/admin', '/admin/nothing-here', '/admin/reset']) {
        const r = await b.get(path);
        const csp = String(r.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'(;|$)/, path);
        assert.doesNotMatch(csp, /unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe/, path);
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(r.headers['referrer-policy'], 'same-origin', path);
        assert.equal(r.headers['cache-control'], 'no-store', path);
      }
      const page = await b.get('/admin/login');
      assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
      assert.doesNotMatch(page.text, /\sstyle="/, 'no inline style');
    });

    it('refuses a wrong password, signs in with the right one and stores only a hash of the session token', async () => {
      const b = browser();
      const wrong = await b.signIn(net.emails.writer, 'not the password');
      assert.equal(wrong.status, 401);
      assert.match(wrong.text, /không đúng/);
      const ok = await b.signIn(net.emails.writer);
      assert.equal(ok.status, 303);
      assert.equal(ok.location, '/admin');
      const setCookie = ([] as string[]).concat(ok.headers['set-cookie'] ?? []).find((c) => c.startsWith('lantoa_admin='))!;
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      assert.match(setCookie, /Path=\/admin/);
      assert.doesNotMatch(setCookie, /Secure/);
      const token = b.cookies.get('lantoa_admin')!;
      const rows = await env.services.store.db.selectFrom('admin_sessions').select(['token_hash', 'csrf']).execute();
      assert.ok(rows.some((r) => r.token_hash === hashToken(token)));
      assert.ok(
        rows.every((r) => r.token_hash !== token),
        'the raw token is never stored',
      );
      const dash = await b.get('/admin');
      assert.equal(dash.status, 200);
      assert.match(dash.text, /writer@test\.gov\.vn/);
      assert.ok(!dash.text.includes(token), 'the session token never appears in a page');
      const entries = await env.services.audit.list(net.central.id, {});
      assert.ok(entries.some((e) => e.action === 'sign-in-failed' && e.actor === net.emails.writer && e.ip));
      assert.ok(entries.some((e) => e.action === 'sign-in' && e.actor === net.emails.writer));
    });

    it('marks the cookie Secure with the __Host- prefix behind HTTPS', async () => {
      const b = browser();
      await b.get('/admin/login', { 'x-forwarded-proto': 'https' });
      const r = await b.post('/admin/login', { email: net.emails.editor, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      assert.equal(r.status, 303);
      const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-lantoa_admin='))!;
      assert.ok(setCookie, 'the __Host- cookie is set');
      assert.match(setCookie, /Secure/);
      assert.match(setCookie, /Path=\/;/);
    });

    it('refuses every POST without the CSRF token, or from another origin, and changes nothing', async () => {
      const b = browser();
      await b.signIn(net.emails.writer);
      await b.get('/admin/items/new?type=news');
      const before = await env.services.editorial.list(net.central.id, {});
      const form = { type: 'news', lang: 'vi', title: 'Không được tạo', body: '<p>x</p>' };
      const missing = await b.post('/admin/items', { ...form, _csrf: null });
      assert.equal(missing.status, 403);
      const wrong = await b.post('/admin/items', { ...form, _csrf: 'forged-token-forged-token' });
      assert.equal(wrong.status, 403);
      const crossSite = await b.post('/admin/items', form, { origin: 'https://evil.example' });
      assert.equal(crossSite.status, 403);
      const logout = await b.post('/admin/logout', { _csrf: null });
      assert.equal(logout.status, 403);
      const after = await env.services.editorial.list(net.central.id, {});
      assert.equal(after.length, before.length, 'no item was created');
      assert.equal((await b.get('/admin')).status, 200, 'still signed in: the forged sign-out did nothing');
      const good = await b.post('/admin/items', form);
      assert.equal(good.status, 303, 'the same form with its token works');
      // the sign-in form is protected too (login CSRF): its token must match the pre-session cookie
      const fresh = browser();
      await fresh.get('/admin/login');
      fresh.cookies.delete('lantoa_pre');
      assert.equal((await fresh.post('/admin/login', { email: net.emails.editor, password: PASSWORD })).status, 403);
    });

    it('sends anonymous visitors to the sign-in page and back where they were going', async () => {
      const b = browser();
      const r = await b.get('/admin/items?status=draft');
      assert.equal(r.status, 303);
      assert.equal(r.location, `/admin/login?next=${encodeURIComponent('/admin/items?status=draft')}`);
      await b.get(r.location);
      const signed = await b.post('/admin/login', { email: net.emails.editor, password: PASSWORD, next: '/admin/items?status=draft' });
      assert.equal(signed.location, '/admin/items?status=draft');
      const evil = browser();
      await evil.get('/admin/login');
      const away = await evil.post('/admin/login', { email: net.emails.editor, password: PASSWORD, next: '//evil.example/x' });
      assert.equal(away.location, '/admin', 'no open redirect');
    });

    it('ends sessions after the idle timeout and after the absolute lifetime', async () => {
      const idle = browser();
      await idle.signIn(net.emails.editor);
      time.advance(59 * 60_000);
      assert.equal((await idle.get('/admin')).status, 200, 'still alive after 59 minutes');
      time.advance(61 * 60_000);
      assert.equal((await idle.get('/admin')).status, 303, 'idle for 61 minutes: signed out');

      const busy = browser();
      await busy.signIn(net.emails.editor);
      for (let h = 0; h < 11; h++) {
        time.advance(55 * 60_000);
        assert.equal((await busy.get('/admin')).status, 200, `active, ${h + 1} steps`);
      }
      time.advance(70 * 60_000);
      assert.equal((await busy.get('/admin')).status, 303, 'past the 12-hour lifetime even though active');
    });

    it('signs out: the old cookie opens nothing afterwards', async () => {
      const b = browser();
      await b.signIn(net.emails.editor);
      await b.get('/admin');
      const token = b.cookies.get('lantoa_admin')!;
      const out = await b.post('/admin/logout');
      assert.equal(out.status, 303);
      assert.equal(b.cookies.get('lantoa_admin'), undefined);
      const replay = browser();
      replay.cookies.set('lantoa_admin', token);
      assert.equal((await replay.get('/admin')).status, 303);
    });

    it('locks an email after five failures, even for the right password, and says for how long', async () => {
      const email = net.emails['analyst'];
      const b = browser();
      for (let i = 0; i < 5; i++) assert.equal((await b.signIn(email, `wrong-${i}`)).status, 401);
      const locked = await b.signIn(email);
      assert.equal(locked.status, 429);
      assert.ok(Number(locked.headers['retry-after']) > 0);
      assert.match(locked.text, /tạm khóa/);
      const entries = await env.services.audit.list(net.central.id, { action: 'sign-in-locked' });
      assert.ok(entries.some((e) => e.actor === email));
      time.advance(16 * 60_000);
      assert.equal((await b.signIn(email)).status, 303, 'the lock lifts after 15 minutes');
    });

    it('refuses accounts without a role in this portal, and keeps each session to its own portal', async () => {
      const b = browser(PROVINCE);
      const r = await b.signIn(net.emails.writer);
      assert.equal(r.status, 403);
      assert.match(r.text, /không có vai trò/);
      // a central session cookie presented on the province host is no session there
      const c = browser();
      await c.signIn(net.emails.admin);
      const onProvince = browser(PROVINCE);
      onProvince.cookies.set('lantoa_admin', c.cookies.get('lantoa_admin')!);
      assert.equal((await onProvince.get('/admin')).status, 303);
    });

    it('switches an account with roles in two portals from one to the other with a one-time code', async () => {
      await env.services.accounts.addUser({ email: net.emails['editor-in-chief'], portalId: net.province.id, role: 'editor' });
      const b = browser();
      await b.signIn(net.emails['editor-in-chief']);
      const dash = await b.get('/admin');
      assert.match(dash.text, /name="portal"/, 'the switcher is offered');
      const sw = await b.post('/admin/switch', { portal: 'hanoi' });
      assert.equal(sw.status, 303);
      const target = new URL(sw.location!);
      assert.equal(target.hostname, 'hanoi.localhost');
      const p = browser(PROVINCE);
      const confirm = await p.get(target.pathname + target.search);
      assert.equal(confirm.status, 200);
      assert.match(confirm.text, /editor-in-chief@test\.gov\.vn/);
      const code = new URLSearchParams(target.search).get('code')!;
      const done = await p.post('/admin/handoff', { code });
      assert.equal(done.status, 303);
      const there = await p.get('/admin');
      assert.equal(there.status, 200);
      assert.match(there.text, /Biên tập viên/);
      const again = browser(PROVINCE);
      await again.get(target.pathname + target.search);
      assert.equal((await again.post('/admin/handoff', { code })).status, 400, 'a code works once');
      // no switching into a portal where the account holds no role
      const w = browser();
      await w.signIn(net.emails.writer);
      await w.get('/admin');
      assert.equal((await w.post('/admin/switch', { portal: 'hanoi' })).status, 403);
    });

    it('verifies an old scrypt hash and replaces it with argon2id on sign-in', async () => {
      const salt = randomBytes(16);
      const key = await scrypt('mat-khau-cu-scrypt', salt, 32);
      const legacy = `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
      const acc = await env.services.accounts.addUser({ email: 'legacy@test.gov.vn', portalId: net.central.id, role: 'editor' });
      await env.services.store.db.updateTable('accounts').set({ password_hash: legacy }).where('id', '=', acc.id).execute();
      const b = browser();
      assert.equal((await b.signIn('legacy@test.gov.vn', 'mat-khau-cu-scrypt')).status, 303);
      const row = await env.services.store.db.selectFrom('accounts').select('password_hash').where('id', '=', acc.id).executeTakeFirstOrThrow();
      assert.match(row.password_hash!, /^\$argon2id\$/);
      assert.equal((await browser().signIn('legacy@test.gov.vn', 'mat-khau-cu-scrypt')).status, 303, 'the new hash verifies the same password');
    });

    it('switches the UI to English and back', async () => {
      const b = browser();
      await b.get('/admin/login');
      const en = await b.get('/admin/lang/en', { referer: `http://${CENTRAL}/admin/login` });
      assert.equal(en.status, 303);
      assert.equal(en.location, '/admin/login');
      const page = await b.get('/admin/login');
      assert.match(page.text, /<html lang="en">/);
      assert.match(page.text, /Admin sign-in/);
    });

    it('answers malformed requests with a 4xx page, never a 500, and keeps the API JSON-only', async () => {
      const b = browser();
      await b.signIn(net.emails.admin);
      await b.get('/admin');
      const cases: [string, Promise<{ status: number }>][] = [
        ['text/plain body', b.request('POST', '/admin/items', 'x', { 'content-type': 'text/plain' })],
        ['broken JSON', b.request('POST', '/admin/items', '{bad', { 'content-type': 'application/json' })],
        ['truncated multipart', b.request('POST', '/admin/media', '--x\r\nbroken', { 'content-type': 'multipart/form-data; boundary=x' })],
        ['unknown type', b.post('/admin/items', { type: 'poem' })],
        ['unknown action', b.post('/admin/items/999999/workflow', { action: 'fly' })],
        ['bad id', b.get('/admin/items/abc')],
        ['huge id', b.get('/admin/items/99999999999999999999')],
        ['bad escape', b.get('/admin/%E0%A4%A')],
        ['long reset token', b.get(`/admin/reset/${'a'.repeat(300)}`)],
        ['media path traversal', b.get('/media/../../etc/passwd')],
      ];
      for (const [name, answer] of cases) {
        const { status } = await answer;
        assert.ok(status >= 400 && status < 500, `${name}: ${status}`);
      }
      const api = await fetch(`${server.url}/api/v1/portals/chinhphu/articles`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${net.tokens.admin}` }, body: 'type=news' });
      assert.equal(api.status, 415, "the form parser is the admin's only");
    });

    it("answers the network host with a list of the portals' admins", async () => {
      const b = browser(`localhost:${port}`);
      const r = await b.get('/admin');
      assert.equal(r.status, 404);
      assert.match(r.text, /chinhphu\.localhost/);
    });
  });
}
