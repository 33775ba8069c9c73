import type * as OpenId from 'openid-client';
import type { Sealer } from '../../lib/secrets.ts';
import { isLoopback, type OidcSettings } from './signin-settings.ts';

// Optional sign-in through an OpenID Connect provider (a ministry's identity
// service, Keycloak, Entra ID…): the authorization code flow with PKCE, a
// state and a nonce, using `openid-client`. The provider only proves who the
// person is; which portals they work in, and with which roles, stays in
// Lantoa: an account is matched by the email the provider says it verified,
// and must hold a role in the portal. What must survive the round trip to
// the provider (PKCE verifier, state, nonce, where to go next) travels in a
// short-lived cookie sealed with the deployment secret, so nothing is kept
// on the server and any node can finish a sign-in another one started.
//
//   OIDC_ISSUER         the provider's issuer URL (its /.well-known/openid-configuration is read)
//   OIDC_CLIENT_ID      this deployment's client id at the provider
//   OIDC_CLIENT_SECRET  its secret (client_secret_basic); unset for a public client (PKCE only)
//   OIDC_NAME           what the sign-in button calls the provider (default "OpenID Connect")
//
// Register `https://<each portal host>/admin/login/oidc/callback` as redirect URIs.

export type { OidcSettings } from './signin-settings.ts';

/** How long a sign-in may take at the provider. */
const ROUND_TRIP_MS = 10 * 60_000;

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string;
  expires: number;
}

export class OidcError extends Error {}

export interface OidcIdentity {
  email: string;
  subject: string;
}

export class OidcSignIn {
  private config: Promise<OpenId.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    private readonly sealer: Sealer,
  ) {}

  get name(): string {
    return this.settings.name;
  }

  /** The provider's configuration, discovered once (and again after a failure). */
  private async configuration(): Promise<OpenId.Configuration> {
    this.config ??= (async () => {
      const client = await import('openid-client');
      const { issuer, clientId, clientSecret } = this.settings;
      return client.discovery(issuer, clientId, clientSecret ? { client_secret: clientSecret } : undefined, clientSecret ? undefined : client.None(), {
        // plain http only against a provider on this machine (tests, a local Keycloak)
        execute: isLoopback(issuer) && issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        timeout: 10,
      });
    })();
    this.config.catch(() => {
      this.config = undefined;
    });
    return this.config;
  }

  /** Where to send the browser, and the sealed cookie value that must come back with it. */
  async begin(redirectUri: string, next: string, now = Date.now()): Promise<{ url: string; cookie: string }> {
    const client = await import('openid-client');
    const config = await this.configuration();
    const pending: Pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), redirectUri, next, expires: now + ROUND_TRIP_MS };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), cookie: this.sealer.seal(JSON.stringify(pending), 'oidc-pending') };
  }

  /**
   * Finishes a sign-in: checks state, nonce and PKCE, exchanges the code,
   * verifies the ID token, and returns the verified email and where to go.
   * Throws OidcError for anything the browser or the provider got wrong.
   */
  async finish(sealedCookie: string | undefined, query: string, now = Date.now()): Promise<OidcIdentity & { next: string }> {
    let pending: Pending;
    try {
      pending = JSON.parse(this.sealer.open(sealedCookie ?? '', 'oidc-pending').toString('utf8')) as Pending;
    } catch {
      throw new OidcError('no sign-in in progress in this browser (or it was tampered with)');
    }
    if (!(pending.expires > now)) throw new OidcError('the sign-in took too long; start again');
    const params = new URLSearchParams(query);
    if (params.get('error')) throw new OidcError(`the provider said: ${params.get('error')}`.slice(0, 200));
    const client = await import('openid-client');
    const config = await this.configuration();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, new URL(`${pending.redirectUri}?${params.toString()}`), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      // which claim or check failed, for the audit log (never a token)
      const cause = (err as { cause?: unknown }).cause;
      const detail = cause instanceof Error && cause.message !== (err as Error).message ? `: ${cause.message}` : '';
      throw new OidcError(`the provider's answer was not accepted: ${(err as Error).message}${detail}`.slice(0, 300));
    }
    const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // an address the provider did not verify proves nothing about who holds it
    if (!email || claims?.email_verified !== true) throw new OidcError('the provider did not vouch for an email address');
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the provider's `sub` is a string or a number; whatever else it sends is kept as it prints
    return { email, subject: String(claims?.sub ?? ''), next: pending.next };
  }
}
