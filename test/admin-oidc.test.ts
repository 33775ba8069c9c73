import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, PROVINCE, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';
import { totpNow } from '../src/modules/sessions/mfa.ts';

// Sign-in through an OpenID Connect provider: authorization code with PKCE,
// state and nonce, the account matched by the email the provider verified.
// The provider is a tiny one written here — discovery, JWKS, an authorize
// endpoint that signs in whoever the test says, and a token endpoint that
// checks the client's secret and the PKCE verifier and signs an RS256 ID token.

interface Person {
  sub: string;
  email: string;
  email_verified: boolean;
}

class TinyProvider {
  server = http.createServer((req, res) => this.handle(req, res));
  issuer = '';
  person: Person = { sub: 'u1', email: 'editor@test.gov.vn', email_verified: true };
  /** changes to make to the next ID token (a wrong nonce, another audience…) */
  tamper: Record<string, unknown> = {};
  tokenRequests = 0;
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; person: Person }>();

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  async listen() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.issuer = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  private json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  }

  private idToken(claims: Record<string, unknown>): string {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.key.privateKey).toString('base64url')}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url!, this.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return this.json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return this.json(res, 200, { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      // a real provider would show its own sign-in page here; this one signs in `person` at once
      if (q.get('client_id') !== this.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('scope')?.split(' ').includes('openid')) {
        return this.json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? '', redirectUri: q.get('redirect_uri')!, person: { ...this.person } });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.tokenRequests++;
        const f = new URLSearchParams(body);
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [f.get('client_id'), f.get('client_secret')];
        if (id !== this.clientId || secret !== this.clientSecret) return this.json(res, 401, { error: 'invalid_client' });
        const grant = this.codes.get(f.get('code') ?? '');
        this.codes.delete(f.get('code') ?? ''); // a code works once
        if (!grant || f.get('grant_type') !== 'authorization_code' || f.get('redirect_uri') !== grant.redirectUri) return this.json(res, 400, { error: 'invalid_grant' });
        const challenge = createHash('sha256')
          .update(f.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== grant.challenge) return this.json(res, 400, { error: 'invalid_grant', error_description: 'PKCE' });
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: this.issuer, aud: this.clientId, sub: grant.person.sub, email: grant.person.email, email_verified: grant.person.email_verified, nonce: grant.nonce, iat: now, exp: now + 300, ...this.tamper };
        this.json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: this.idToken(claims) });
      });
      return;
    }
    this.json(res, 404, { error: 'not_found' });
  }
}

/** Follows the round trip: our POST → the provider's authorize → back to our callback. */
async function viaProvider(b: AdminBrowser, next?: string) {
  await b.get('/admin/login');
  const start = await b.post('/admin/login/oidc', next ? { next } : {});
  assert.equal(start.status, 303, start.text.slice(0, 300));
  const atProvider = await fetch(start.location!, { redirect: 'manual' });
  const back = atProvider.headers.get('location');
  if (!back) return { start, provider: atProvider.status, callback: undefined };
  const u = new URL(back);
  return { start, provider: atProvider.status, callback: await b.get(u.pathname + u.search) };
}

for (const engine of engines()) {
  describe(`admin: sign-in with OpenID Connect (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    const provider = new TinyProvider('lantoa-test', 'rat-bi-mat-cua-client');

    before(async () => {
      await provider.listen();
      env = await createTestEnv(engine, { env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_NAME: 'Định danh Bộ' } });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
      await provider.close();
    });

    test('the sign-in page offers the provider; the round trip uses PKCE, state and nonce and signs the member in', async () => {
      const b = new AdminBrowser(port, CENTRAL);
      const page = await b.get('/admin/login');
      assert.match(page.text, /<form method="post" action="\/admin\/login\/oidc"/);
      assert.match(page.text, /Đăng nhập bằng Định danh Bộ/);
      provider.person = { sub: 'u-editor', email: 'Editor@Test.gov.vn', email_verified: true };
      const r = await viaProvider(b, '/admin/items');
      const auth = new URL(r.start.location!);
      assert.equal(auth.origin, provider.issuer);
      assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(auth.searchParams.get('state') && auth.searchParams.get('nonce'));
      assert.equal(auth.searchParams.get('redirect_uri'), `http://${CENTRAL}/admin/login/oidc/callback`);
      assert.match(String(r.start.headers['set-cookie']), /lantoa_oidc=v1\.[^;]+; Path=\/admin\/login\/oidc; SameSite=Lax; HttpOnly/);
      assert.equal(r.callback?.status, 303);
      assert.equal(r.callback?.location, '/admin/items');
      assert.equal((await b.get('/admin')).status, 200, 'signed in');
      const entries = await env.services.audit.list(net.central.id, { action: 'sign-in', limit: 1 });
      assert.equal(entries[0].actor, net.emails.editor);
      assert.deepEqual(entries[0].detail, { method: 'oidc' });
    });

    test('an email the provider did not verify, an unknown account, or no role in this portal signs nobody in', async () => {
      provider.person = { sub: 'u2', email: net.emails.writer, email_verified: false };
      let r = await viaProvider(new AdminBrowser(port, CENTRAL));
      assert.equal(r.callback?.status, 401);
      provider.person = { sub: 'u3', email: 'stranger@example.org', email_verified: true };
      r = await viaProvider(new AdminBrowser(port, CENTRAL));
      assert.equal(r.callback?.status, 403);
      provider.person = { sub: 'u4', email: net.emails.writer, email_verified: true };
      const province = new AdminBrowser(port, PROVINCE);
      r = await viaProvider(province);
      assert.equal(r.callback?.status, 403, 'a central writer has no role at the province');
      assert.equal((await province.get('/admin')).status, 303);
    });

    test('a tampered or replayed answer is refused: wrong state, missing cookie, wrong nonce or audience, a code used twice', async () => {
      provider.person = { sub: 'u5', email: net.emails.writer, email_verified: true };
      // the callback reached without the sealed cookie (another browser, or a forged link)
      const a = new AdminBrowser(port, CENTRAL);
      await a.get('/admin/login');
      const start = await a.post('/admin/login/oidc', {});
      const back = new URL((await fetch(start.location!, { redirect: 'manual' })).headers.get('location')!);
      const stranger = new AdminBrowser(port, CENTRAL);
      assert.equal((await stranger.get(back.pathname + back.search)).status, 401);
      // the right browser, but the state changed on the way
      const forged = new URLSearchParams(back.search);
      forged.set('state', 'attacker');
      assert.equal((await a.get(`${back.pathname}?${forged}`)).status, 401);
      // the cookie is single use: the genuine answer after that finds no sign-in in progress
      assert.equal((await a.get(back.pathname + back.search)).status, 401);

      for (const [tamper, why] of [
        [{ nonce: 'replayed' }, /nonce/],
        [{ aud: 'another-client' }, /aud/],
        [{ iss: 'http://evil.example' }, /iss/],
        [{ exp: Math.floor(Date.now() / 1000) - 3600 }, /exp/],
      ] as const) {
        provider.tamper = tamper;
        const r = await viaProvider(new AdminBrowser(port, CENTRAL));
        assert.equal(r.callback?.status, 401, JSON.stringify(tamper));
        const [last] = await env.services.audit.list(net.central.id, { action: 'sign-in-failed', limit: 1 });
        assert.match(String(last.detail.why), why, `refused for the right reason: ${last.detail.why}`);
      }
      provider.tamper = {};
      // the provider reports an error (the person cancelled)
      const c = new AdminBrowser(port, CENTRAL);
      await c.get('/admin/login');
      await c.post('/admin/login/oidc', {});
      assert.equal((await c.get('/admin/login/oidc/callback?error=access_denied&state=x')).status, 401);
      assert.equal((await c.get('/admin/login/oidc/callback?%%%')).status, 401);
      const failures = await env.services.audit.list(net.central.id, { action: 'sign-in-failed', limit: 50 });
      assert.ok(failures.some((e) => e.detail.reason === 'oidc'));
      assert.ok(failures.every((e) => !JSON.stringify(e.detail).includes(provider.clientSecret)));
    });

    test('the starting POST needs its CSRF token; an account with a second factor still gives it', async () => {
      const b = new AdminBrowser(port, CENTRAL);
      await b.get('/admin/login');
      assert.equal((await b.post('/admin/login/oidc', { _csrf: null })).status, 403);
      const chiefId = net.accountIds['editor-in-chief'];
      const { secret } = await env.services.sessions.mfa.startEnrolment(chiefId, net.emails['editor-in-chief']);
      assert.ok(await env.services.sessions.mfa.confirmEnrolment(chiefId, totpNow(secret, new Date(Date.now() - 30_000))));
      provider.person = { sub: 'u6', email: net.emails['editor-in-chief'], email_verified: true };
      const r = await viaProvider(b);
      assert.equal(r.callback?.status, 303);
      assert.match(r.callback.location!, /^\/admin\/login\/2fa/);
      assert.equal((await b.get('/admin')).status, 303, 'not in before the code');
      await b.get(r.callback.location!);
      assert.equal((await b.post('/admin/login/2fa', { code: totpNow(secret) })).status, 303);
      assert.equal((await b.get('/admin')).status, 200);
    });
  });
}

describe('admin: without OpenID Connect settings', () => {
  test('no button, and the endpoints are not there', async () => {
    const env = await createTestEnv('sqlite');
    try {
      await seedAdminNetwork(env.services);
      const server = await startServer(env.services);
      try {
        const b = new AdminBrowser(portOf(server.url), CENTRAL);
        assert.doesNotMatch((await b.get('/admin/login')).text, /login\/oidc/);
        assert.equal((await b.post('/admin/login/oidc', {})).status, 404);
        assert.equal((await b.get('/admin/login/oidc/callback?code=x&state=y')).status, 404);
      } finally {
        await server.close();
      }
    } finally {
      await env.close();
    }
  });
});
