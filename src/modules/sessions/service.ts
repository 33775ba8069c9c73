import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { hashToken } from '../accounts/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';

// Browser sessions of the admin. The cookie carries a random token; the store
// keeps only its SHA-256 hash, so a leaked database does not hand out
// sessions. A session belongs to one portal (the host it was made on) and
// ends after a spell of inactivity or, whatever happens, after a fixed
// lifetime. Signing in, passing the second factor and switching portals each
// issue a fresh token, so a token seen before a privilege change is useless after it.

export type SessionStage = 'full' | 'mfa';

export interface SessionSettings {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends, active or not. */
  absoluteHours: number;
  /** Minutes a password-checked session has to present its second factor. */
  mfaMinutes: number;
  /** Seconds a portal-switch code stays good. */
  handoffSeconds: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 60, absoluteHours: 12, mfaMinutes: 10, handoffSeconds: 120 };

export interface Session {
  id: number;
  accountId: number;
  portalId: number;
  stage: SessionStage;
  /** The synchronizer token every form of this session must echo. */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

const newSecret = () => randomBytes(32).toString('base64url');

export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
    readonly settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
  ) {}

  private get db() {
    return this.store.db;
  }

  /** Starts a session; the returned token goes into the cookie and nowhere else. */
  async create(accountId: number, portalId: number, stage: SessionStage, client: ClientInfo): Promise<{ token: string; session: Session }> {
    const now = this.clock();
    const lifetimeMs = stage === 'mfa' ? this.settings.mfaMinutes * 60_000 : this.settings.absoluteHours * 3_600_000;
    return this.insert(accountId, portalId, stage, now, new Date(now.getTime() + lifetimeMs), client);
  }

  private async insert(accountId: number, portalId: number, stage: string, now: Date, expires: Date, client: ClientInfo) {
    const token = newSecret();
    const csrf = newSecret();
    const row = await this.db
      .insertInto('admin_sessions')
      .values({
        token_hash: hashToken(token),
        account_id: accountId,
        portal_id: portalId,
        stage,
        csrf,
        created_at: iso(now),
        last_seen_at: iso(now),
        expires_at: iso(expires),
        ip: client.ip.slice(0, 100),
        user_agent: client.userAgent.slice(0, 300),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { token, session: { id: row.id, accountId, portalId, stage: stage as SessionStage, csrf, createdAt: iso(now), expiresAt: iso(expires) } };
  }

  /** The live session a token names on this portal, or undefined (unknown, revoked, idle too long, expired, other portal). */
  async find(token: string | undefined, portalId: number): Promise<Session | undefined> {
    if (!token || token.length > 100) return undefined;
    const row = await this.db.selectFrom('admin_sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || row.revoked_at || row.portal_id !== portalId || (row.stage !== 'full' && row.stage !== 'mfa')) return undefined;
    const now = this.clock().getTime();
    if (now >= Date.parse(row.expires_at)) return undefined;
    if (now - Date.parse(row.last_seen_at) > this.settings.idleMinutes * 60_000) return undefined;
    // Note activity at most once a minute: a write on every page view would queue readers behind SQLite's lock.
    if (now - Date.parse(row.last_seen_at) > 60_000) {
      await this.db
        .updateTable('admin_sessions')
        .set({ last_seen_at: iso(new Date(now)) })
        .where('id', '=', row.id)
        .execute();
    }
    return { id: row.id, accountId: row.account_id, portalId: row.portal_id, stage: row.stage, csrf: row.csrf, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  /** Ends a half-signed-in session and issues a full one in its place (after the second factor). */
  async promote(session: Session, client: ClientInfo): Promise<{ token: string; session: Session }> {
    const ended = await this.end(session.id);
    if (!ended) throw new Error('session already ended');
    return this.create(session.accountId, session.portalId, 'full', client);
  }

  /** Ends one session; false when it had already ended (a second use of a one-time session). */
  async end(sessionId: number): Promise<boolean> {
    const res = await this.db
      .updateTable('admin_sessions')
      .set({ revoked_at: iso(this.clock()) })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Ends every session of an account (password changed or reset, account disabled), except one if given. */
  async endAllFor(accountId: number, exceptSessionId?: number): Promise<void> {
    let q = this.db
      .updateTable('admin_sessions')
      .set({ revoked_at: iso(this.clock()) })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null);
    if (exceptSessionId !== undefined) q = q.where('id', '!=', exceptSessionId);
    await q.execute();
  }

  /** Ends the account's sessions (and portal-switch codes) on one portal only: what a portal's admin may end. */
  async endAllOnPortal(accountId: number, portalId: number): Promise<void> {
    await this.db
      .updateTable('admin_sessions')
      .set({ revoked_at: iso(this.clock()) })
      .where('account_id', '=', accountId)
      .where('portal_id', '=', portalId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** A one-time code that signs the same account in on another portal's host (cookies are per host). */
  async createHandoff(accountId: number, targetPortalId: number, client: ClientInfo): Promise<string> {
    const now = this.clock();
    const { token } = await this.insert(accountId, targetPortalId, 'handoff', now, new Date(now.getTime() + this.settings.handoffSeconds * 1000), client);
    return token;
  }

  /** The account a handoff code was made for, if the code is fresh and unused; it cannot be used twice. */
  async peekHandoff(code: string | undefined, portalId: number): Promise<{ id: number; accountId: number } | undefined> {
    if (!code || code.length > 100) return undefined;
    const row = await this.db.selectFrom('admin_sessions').selectAll().where('token_hash', '=', hashToken(code)).executeTakeFirst();
    if (!row || row.stage !== 'handoff' || row.revoked_at || row.portal_id !== portalId) return undefined;
    if (this.clock().getTime() >= Date.parse(row.expires_at)) return undefined;
    return { id: row.id, accountId: row.account_id };
  }

  /** Deletes sessions that ended more than a day ago; called now and then, not on a hot path. */
  async prune(): Promise<void> {
    const cutoff = iso(new Date(this.clock().getTime() - 86_400_000));
    await this.db.deleteFrom('admin_sessions').where('expires_at', '<', cutoff).execute();
  }
}

export interface ThrottleSettings {
  /** Failed sign-ins for one email inside the window before it is locked. */
  maxPerEmail: number;
  /** Failed sign-ins from one address inside the window before it is refused. */
  maxPerIp: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { maxPerEmail: 5, maxPerIp: 30, windowMinutes: 15, lockMinutes: 15 };

/**
 * Slows password guessing: too many failures for one email lock that email
 * for a while (whoever tries), too many from one address lock that address.
 * Kept in the store, so every app node behind the load balancer sees the same counts.
 */
export class LoginThrottle {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
    readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  private get db() {
    return this.store.db;
  }

  /** Seconds until sign-in may be tried again for this email or address; 0 when it may be tried now. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const now = this.clock().getTime();
    const since = iso(new Date(now - this.settings.windowMinutes * 60_000));
    const [byEmail, byIp] = await Promise.all([
      this.db.selectFrom('login_failures').select('at').where('email', '=', normalizeEmail(email)).where('at', '>', since).orderBy('at', 'desc').limit(this.settings.maxPerEmail).execute(),
      this.db.selectFrom('login_failures').select('at').where('ip', '=', ip).where('at', '>', since).orderBy('at', 'desc').limit(this.settings.maxPerIp).execute(),
    ]);
    const wait = (rows: { at: string }[], max: number) => {
      if (rows.length < max) return 0;
      // locked from the max-th failure on, for lockMinutes after the latest one
      const until = Date.parse(rows[0].at) + this.settings.lockMinutes * 60_000;
      return Math.max(0, Math.ceil((until - now) / 1000));
    };
    return Math.max(wait(byEmail, this.settings.maxPerEmail), wait(byIp, this.settings.maxPerIp));
  }

  async failed(email: string, ip: string): Promise<void> {
    await this.db
      .insertInto('login_failures')
      .values({ email: normalizeEmail(email), ip, at: iso(this.clock()) })
      .execute();
  }

  /** A successful sign-in clears the email's count (the address's stays: it may be guessing many emails). */
  async succeeded(email: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('email', '=', normalizeEmail(email)).execute();
  }
}

const normalizeEmail = (email: string) => email.trim().toLowerCase().slice(0, 320);
