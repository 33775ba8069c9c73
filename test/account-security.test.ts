import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer, TestClock } from './helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';
import { clientAddress, isLoopback, trustFunction } from '../src/web/client-address.ts';
import { metricsAccess } from '../src/web/ops.ts';
import { ConfigError, parseTrustProxy } from '../src/config.ts';

// Issue 16, items 2, 6 and 9 (tokens, /metrics): an existing account's
// password is its owner's alone; the client's address is the socket's unless
// a trusted proxy (TRUST_PROXY) forwarded the request; API tokens carry a
// portal scope and an expiry; /metrics is not public.

const ATTACKER_PASSWORD = 'chosen-by-the-province';

/** A GET or POST with headers of our choosing, e.g. a forged X-Forwarded-For. */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', agent: false, headers: opts.headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('client address and /metrics decisions (unit)', () => {
  const fakeRequest = (peer: string, xff?: string) => ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as http.IncomingMessage;

  it('reads TRUST_PROXY: unset/false, hops, addresses and CIDRs; refuses anything else', () => {
    assert.deepEqual(parseTrustProxy(undefined), { kind: 'none' });
    assert.deepEqual(parseTrustProxy('false'), { kind: 'none' });
    assert.deepEqual(parseTrustProxy('2'), { kind: 'hops', hops: 2 });
    assert.deepEqual(parseTrustProxy('10.0.0.0/8, ::1,192.168.1.7'), { kind: 'cidrs', cidrs: ['10.0.0.0/8', '::1', '192.168.1.7'] });
    for (const bad of ['true', '10.0.0.0/33', 'proxy.local', '::1/129', '1.2.3.4/8/1']) assert.throws(() => parseTrustProxy(bad), ConfigError, bad);
  });

  it('takes the socket address by default, whatever X-Forwarded-For says', () => {
    const trust = trustFunction(parseTrustProxy(undefined));
    assert.equal(trust, false);
    assert.equal(clientAddress(fakeRequest('198.51.100.7', '127.0.0.1'), trust), '198.51.100.7');
  });

  it('honours X-Forwarded-For only through trusted hops', () => {
    const cidrs = trustFunction(parseTrustProxy('10.0.0.0/8'));
    // from a trusted proxy: the nearest untrusted hop is the client (a forged entry further out does not count)
    assert.equal(clientAddress(fakeRequest('10.0.0.2', '6.6.6.6, 203.0.113.9'), cidrs), '203.0.113.9');
    assert.equal(clientAddress(fakeRequest('10.0.0.2', '203.0.113.9, 10.0.0.3'), cidrs), '203.0.113.9');
    // straight from the internet: the header is the client's own word
    assert.equal(clientAddress(fakeRequest('198.51.100.7', '10.0.0.9'), cidrs), '198.51.100.7');
    const hops = trustFunction(parseTrustProxy('1'));
    assert.equal(clientAddress(fakeRequest('10.0.0.2', '6.6.6.6, 203.0.113.9'), hops), '203.0.113.9');
    assert.equal(clientAddress(fakeRequest('10.0.0.2'), hops), '10.0.0.2');
  });

  it('decides /metrics: the token when set, else loopback only', () => {
    assert.equal(metricsAccess({ clientIp: '127.0.0.1', authorization: undefined, token: 'tok-123' }), 401);
    assert.equal(metricsAccess({ clientIp: '127.0.0.1', authorization: 'Bearer nope', token: 'tok-123' }), 401);
    assert.equal(metricsAccess({ clientIp: '203.0.113.9', authorization: 'Bearer tok-123', token: 'tok-123' }), 'ok');
    assert.equal(metricsAccess({ clientIp: '127.0.0.1', authorization: undefined, token: undefined }), 'ok');
    assert.equal(metricsAccess({ clientIp: '::ffff:127.0.0.1', authorization: undefined, token: undefined }), 'ok');
    assert.equal(metricsAccess({ clientIp: '::1', authorization: undefined, token: undefined }), 'ok');
    assert.equal(metricsAccess({ clientIp: '203.0.113.9', authorization: undefined, token: undefined }), 403);
    assert.equal(metricsAccess({ clientIp: '10.0.0.5', authorization: 'Bearer x', token: undefined }), 403);
    assert.ok(!isLoopback('128.0.0.1') && !isLoopback('') && !isLoopback('not an address'));
  });
});

for (const engine of engines()) {
  describe(`account security (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const time = new TestClock(Date.parse('2026-03-02T01:00:00Z'));

    before(async () => {
      env = await createTestEnv(engine, { clock: time.now, env: { METRICS_TOKEN: 'metrics-secret-1' }, build: { admin: { throttle: { maxPerIp: 4 } } } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it('a province admin adding the central admin grants a role in the province only and leaves the password alone', async () => {
      const province = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      await province.get('/admin/users');
      const added = await province.post('/admin/users', { email: net.emails.admin, role: 'writer', password: ATTACKER_PASSWORD, name: 'Renamed' });
      assert.equal(added.status, 303);
      assert.equal(added.location, '/admin/users?notice=granted-existing');
      const account = (await env.services.accounts.byEmail(net.emails.admin))!;
      assert.deepEqual(account.roles.get(net.province.id), ['writer']);
      assert.deepEqual(account.roles.get(net.central.id), ['admin']);
      assert.equal(account.name, 'admin', "the name is not the granting admin's either");

      assert.equal((await new AdminBrowser(port, CENTRAL).signIn(net.emails.admin, ATTACKER_PASSWORD)).status, 401, "the attacker's password opens nothing");
      assert.equal((await new AdminBrowser(port, CENTRAL).signIn(net.emails.admin, PASSWORD)).status, 303, "the owner's password still works");
      const granted = (await env.services.audit.list(net.province.id, { action: 'role-granted' })).find((e) => e.target === `account:${account.id}`);
      assert.equal(granted?.detail.existingAccount, true);
      assert.equal(granted?.detail.passwordIgnored, true);

      // a new account does get the password given with it
      await province.get('/admin/users');
      assert.equal((await province.post('/admin/users', { email: 'moi@hanoi.test.gov.vn', role: 'writer', password: 'mat-khau-moi-1234' })).location, '/admin/users?notice=granted');
      assert.equal((await new AdminBrowser(port, PROVINCE).signIn('moi@hanoi.test.gov.vn', 'mat-khau-moi-1234')).status, 303);
    });

    it("revoking a role in the province ends the account's province sessions only", async () => {
      const central = await signedInAs(port, CENTRAL, net.emails.analyst);
      const province = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      await province.get('/admin/users');
      await province.post('/admin/users', { email: net.emails.analyst, role: 'analyst' });
      await province.get('/admin/users');
      assert.equal((await province.post('/admin/users/revoke', { account: String(net.accountIds.analyst), role: 'analyst' })).status, 303);
      assert.equal((await central.get('/admin')).status, 200, 'the central session lives on');
    });

    it('a password change by its owner ends the other sessions, keeps the current one, and is audited', async () => {
      const email = net.emails.writer2;
      const elsewhere = await signedInAs(port, CENTRAL, email);
      const owner = await signedInAs(port, CENTRAL, email);
      await owner.get('/admin/account');
      assert.equal((await owner.post('/admin/account/password', { current: PASSWORD, password: 'a-new-password-42' })).status, 303);
      assert.equal((await owner.get('/admin')).status, 200);
      assert.equal((await elsewhere.get('/admin')).status, 303, 'the other session has ended');
      assert.ok((await env.services.audit.list(net.central.id, { action: 'password-changed' })).some((e) => e.actor === email));
      await env.services.accounts.setPassword(net.otherWriter.id, PASSWORD);
    });

    it('ignores X-Forwarded-For by default: the per-address sign-in lock, a per-address limit and the audit log see the socket', async () => {
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const b = new AdminBrowser(port, CENTRAL);
        await b.get('/admin/login');
        status = (await b.post('/admin/login', { email: `nobody${i}@x.vn`, password: 'wrong-password-1' }, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status;
      }
      assert.equal(status, 429, 'the fifth try from one address is locked, whatever address it claims');
      const failures = await env.services.audit.list(net.central.id, { action: 'sign-in-failed', actor: 'nobody' });
      assert.ok(failures.length > 0 && failures.every((e) => e.ip === '127.0.0.1'), JSON.stringify(failures.map((e) => e.ip)));

      const codes: number[] = [];
      for (let i = 0; i < 61; i++) codes.push((await send(`${server.url}/api/v1/feedback/challenge`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })).status);
      assert.equal(codes.filter((c) => c === 429).length, 1, 'the 61st challenge in a minute is refused');
    });

    it('scopes API tokens to a portal: 403 elsewhere even where the account holds roles; expired tokens are 401', async () => {
      const { accounts } = env.services;
      await accounts.addUser({ email: net.emails.admin, portalId: net.province.id, role: 'admin' });
      const scoped = await accounts.createToken(net.emails.admin, 'central only', { portalId: net.central.id });
      const unscoped = await accounts.createToken(net.emails.admin, 'both');
      const stats = (slug: string, token: string) => send(`${server.url}/api/v1/portals/${slug}/stats`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await stats('chinhphu', scoped)).status, 200);
      assert.equal((await stats('hanoi', scoped)).status, 403);
      assert.equal((await stats('hanoi', unscoped)).status, 200, "a token without a scope keeps today's behaviour");
      await assert.rejects(accounts.createToken(net.emails.writer, 'x', { portalId: net.province.id }), /holds no role|Invalid/i);

      const shortLived = await accounts.createToken(net.emails.admin, 'a day', { expiresInDays: 1 });
      assert.equal((await stats('chinhphu', shortLived)).status, 200);
      time.advance(86_400_000 + 1000);
      assert.equal((await stats('chinhphu', shortLived)).status, 401);
      assert.equal((await stats('chinhphu', unscoped)).status, 200);
    });

    it("the admin's token page makes tokens for its portal and shows and revokes that portal's tokens only", async () => {
      const { accounts } = env.services;
      // an account with roles in both portals, holding an unscoped token and one scoped to the central portal
      await accounts.addUser({ email: net.emails['editor-in-chief'], portalId: net.province.id, role: 'editor' });
      const centralOnly = await accounts.createToken(net.emails['editor-in-chief'], 'central-token', { portalId: net.central.id });
      const centralIds = (await accounts.tokensOf([net.accountIds['editor-in-chief']])).map((t) => t.id);

      const province = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      const listing = await province.get('/admin/tokens');
      assert.equal(listing.status, 200);
      assert.ok(!listing.text.includes(net.emails['editor-in-chief']), "tokens of an account also used at the central portal are not the province's");
      assert.ok(listing.text.includes(net.emails.provinceAdmin), "the province admin's own (older, unscoped) token is listed: it acts here only");
      for (const id of centralIds) assert.equal((await province.post(`/admin/tokens/${id}/revoke`)).status, 404);
      assert.equal((await send(`${server.url}/api/v1/portals/chinhphu/stats?from=2026-01-01&to=2026-01-02`, { headers: { authorization: `Bearer ${centralOnly}` } })).status, 403, 'an editor-in-chief is no analyst, but the token is alive');

      // the central admin, also admin at the province, makes a token on the province's page
      const both = await signedInAs(port, PROVINCE, net.emails.admin);
      await both.get('/admin/tokens');
      const made = await both.post('/admin/tokens', { name: 'hanoi bot', expires: '30' });
      assert.equal(made.status, 201);
      const secret = /id="new-token">([^<]+)</.exec(made.text)![1];
      const stats = (slug: string) => send(`${server.url}/api/v1/portals/${slug}/stats`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal((await stats('hanoi')).status, 200);
      assert.equal((await stats('chinhphu')).status, 403, "a token made on the province's page acts there only");
      const [info] = await accounts.tokensOf([net.accountIds.admin]);
      assert.equal(info.portalId, net.province.id);
      assert.ok(info.expiresAt);
      const centralAdmin = await signedInAs(port, CENTRAL, net.emails.admin);
      assert.ok(!(await centralAdmin.get('/admin/tokens')).text.includes('hanoi bot'), "the central admin does not see the province's token");
    });

    it('/metrics needs METRICS_TOKEN when it is set', async () => {
      assert.equal((await send(`${server.url}/metrics`)).status, 401);
      assert.equal((await send(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status, 401);
      const ok = await send(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret-1' } });
      assert.equal(ok.status, 200);
      assert.match(ok.text, /lantoa_http_request_duration_seconds/);
    });
  });

  describe(`behind a trusted proxy (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;

    before(async () => {
      // the test's client plays the proxy on loopback
      env = await createTestEnv(engine, { env: { TRUST_PROXY: '127.0.0.1/32' }, build: { admin: { throttle: { maxPerIp: 4 } } } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it("counts the forwarded address: one client's lock and limits are not another's, and the audit log names it", async () => {
      const attempt = async (i: number, ip: string) => {
        const b = new AdminBrowser(port, CENTRAL);
        await b.get('/admin/login');
        return (await b.post('/admin/login', { email: `nobody${i}@x.vn`, password: 'wrong-password-1' }, { 'x-forwarded-for': ip })).status;
      };
      for (let i = 0; i < 5; i++) assert.equal(await attempt(i, `203.0.113.${i + 1}`), 401);
      let last = 0;
      for (let i = 0; i < 5; i++) last = await attempt(10 + i, '203.0.113.99');
      assert.equal(last, 429, 'one forwarded address is locked after four failures');
      const ips = new Set((await env.services.audit.list(net.central.id, { action: 'sign-in-failed' })).map((e) => e.ip));
      assert.ok(ips.has('203.0.113.1') && ips.has('203.0.113.99') && !ips.has('127.0.0.1'));

      const codes: number[] = [];
      for (let i = 0; i < 61; i++) codes.push((await send(`${server.url}/api/v1/feedback/challenge`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })).status);
      assert.ok(
        codes.every((c) => c === 200),
        'sixty-one readers behind the proxy are sixty-one clients',
      );
    });

    it('/metrics without METRICS_TOKEN answers loopback only: a client forwarded by the proxy gets 403', async () => {
      assert.equal((await send(`${server.url}/metrics`)).status, 200);
      assert.equal((await send(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } })).status, 403);
    });
  });
}
