// Admin sign-in settings (ADMIN_*, OIDC_*), parsed from the environment by the configuration loader (src/config.ts).

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  name: string;
}

/** The settings from the environment, or undefined when sign-in through a provider is not configured. */
export function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return undefined;
  let issuer: URL;
  try {
    issuer = new URL(env.OIDC_ISSUER);
  } catch {
    throw new Error(`OIDC_ISSUER is not a URL: ${env.OIDC_ISSUER}`);
  }
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) throw new Error('OIDC_ISSUER must be an https URL (http only on loopback, for tests)');
  return { issuer, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET || undefined, name: env.OIDC_NAME || 'OpenID Connect' };
}

export const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost';

export interface AdminSessionSettings {
  /** ADMIN_IDLE_MINUTES: a session unused this long ends (the sessions module's default when unset). */
  idleMinutes?: number;
  /** ADMIN_SESSION_HOURS: a session ends this long after sign-in, used or not. */
  absoluteHours?: number;
  /** OIDC_*: sign-in through the ministry's provider, when configured. */
  oidc: OidcSettings | undefined;
}

export function adminSessionSettings(env: NodeJS.ProcessEnv): AdminSessionSettings {
  const positive = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
  return { idleMinutes: positive(env.ADMIN_IDLE_MINUTES), absoluteHours: positive(env.ADMIN_SESSION_HOURS), oidc: oidcSettings(env) };
}
