import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../../lib/time.ts';
import { LoginThrottle, SessionService, DEFAULT_SESSION_SETTINGS, DEFAULT_THROTTLE, type SessionSettings, type ThrottleSettings } from './service.ts';
import { MfaService, TOTP_SEAL_PURPOSE } from './mfa.ts';
import { OidcSignIn } from './oidc.ts';
import type { AdminSessionSettings } from './signin-settings.ts';
import { PasswordResets } from './resets.ts';
import { Mailer, type MailSettings } from '../mail/index.ts';
import { PortalSecuritySettings } from './settings.ts';
import type { AuditService } from '../audit/index.ts';
import { Sealer } from '../../lib/secrets.ts';

// Everything about signing in to the admin, built in one call for the composition root.

export interface SessionModules {
  sessions: SessionService;
  throttle: LoginThrottle;
  mfa: MfaService;
  resets: PasswordResets;
  mailer: Mailer;
  security: PortalSecuritySettings;
  /** Sign-in through an OpenID Connect provider, when OIDC_ISSUER and OIDC_CLIENT_ID are set. */
  oidc?: OidcSignIn;
}

export interface SessionOptions {
  session?: Partial<SessionSettings>;
  throttle?: Partial<ThrottleSettings>;
  mail?: Partial<MailSettings>;
  /** The deployment secret (see lib/secrets.ts): seals TOTP secrets at rest and the OpenID Connect round trip. */
  secret?: () => Buffer;
  /** Where the portal's security settings write their audit rows, in their own transaction. */
  audit?: AuditService;
}

/** Builds the sign-in modules from the settings the configuration loader read (ADMIN_*, OIDC_*, SMTP_URL, MAIL_FROM); `opts` wins. */
export function createSessionModules(store: Store, clock: Clock, logger: Logger, settings: { admin: AdminSessionSettings; mail: MailSettings }, opts: SessionOptions = {}): SessionModules {
  // second factors are never kept in the clear: no secret, no sessions module
  if (!opts.secret) throw new Error('createSessionModules needs the deployment secret (opts.secret) to seal TOTP secrets');
  const totpSealer = new Sealer(opts.secret, TOTP_SEAL_PURPOSE);
  const oidc = settings.admin.oidc;
  const session: SessionSettings = {
    ...DEFAULT_SESSION_SETTINGS,
    ...(settings.admin.idleMinutes ? { idleMinutes: settings.admin.idleMinutes } : {}),
    ...(settings.admin.absoluteHours ? { absoluteHours: settings.admin.absoluteHours } : {}),
    ...opts.session,
  };
  return {
    sessions: new SessionService(store, clock, session),
    throttle: new LoginThrottle(store, clock, { ...DEFAULT_THROTTLE, ...opts.throttle }),
    mfa: new MfaService(store, totpSealer, clock, opts.audit),
    resets: new PasswordResets(store, clock),
    mailer: new Mailer({ ...settings.mail, ...opts.mail }, logger),
    security: new PortalSecuritySettings(store, clock, opts.audit),
    oidc: oidc ? new OidcSignIn(oidc, new Sealer(opts.secret, 'oidc sign-in state v1')) : undefined,
  };
}

/**
 * What follows every change of a password, however it was made (its owner,
 * a reset link, the operator's CLI): the account's other sessions end and its
 * outstanding reset links die. The caller records it in the audit log.
 */
export async function passwordChanged(mods: Pick<SessionModules, 'sessions' | 'resets'>, accountId: number, keepSessionId?: number): Promise<void> {
  await mods.sessions.endAllFor(accountId, keepSessionId);
  await mods.resets.voidAllFor(accountId);
}

export type { Session, SessionSettings, ThrottleSettings, ClientInfo } from './service.ts';

// the rest of the module's public surface
export { OidcError } from './oidc.ts';
export { RESET_MINUTES } from './resets.ts';
