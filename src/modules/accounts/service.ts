import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import type { Store } from '../../store/index.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';

// Accounts hold roles per portal; an account acts only inside the portals it
// holds a role in. API tokens are random secrets shown once and stored as a
// SHA-256 hash (they are high-entropy, so a slow hash adds nothing);
// passwords are stored with argon2id. Hashes made earlier with scrypt still
// verify, and are replaced by argon2id the next time their owner signs in.

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

/** OWASP's argon2id baseline (19 MiB, 2 passes): slow for guessing, quick enough for a busy sign-in page on 2 cores. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 1024;

export const ROLES = ['admin', 'editor-in-chief', 'editor', 'writer', 'feedback-officer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

export interface Account {
  id: number;
  email: string;
  name: string;
  /** portal id → roles held there (for a portal-scoped token: that portal's only) */
  roles: Map<number, Role[]>;
  /** set when the account acts through a token scoped to this portal */
  tokenPortalId?: number;
}

export interface Member {
  id: number;
  email: string;
  name: string;
  roles: Role[];
}

export interface TokenInfo {
  id: number;
  accountId: number;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** the portal the token acts in; null: wherever its account holds roles */
  portalId: number | null;
  expiresAt: string | null;
}

const tokenInfo = (r: { id: number; account_id: number; email: string; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null; portal_id: number | null; expires_at: string | null }): TokenInfo => ({
  id: r.id,
  accountId: r.account_id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  portalId: r.portal_id,
  expiresAt: r.expires_at,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOKEN_PREFIX = 'lnt_';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2);
}

// Verified against when the email is unknown, so a wrong address costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) {
    await argon2.verify(await (decoyHash ??= hashPassword(randomBytes(16).toString('hex'))), password).catch(() => false);
    return false;
  }
  if (stored.startsWith('$argon2')) return argon2.verify(stored, password).catch(() => false);
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** True when a stored hash was made with another scheme or weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    return argon2.needsRehash(stored, ARGON2);
  } catch {
    return true;
  }
}

export function checkPasswordStrength(password: unknown, path = '/password'): FieldError[] {
  if (typeof password !== 'string') return [{ path, message: 'is required' }];
  if (password.length < MIN_PASSWORD) return [{ path, message: `must be at least ${MIN_PASSWORD} characters` }];
  if (password.length > MAX_PASSWORD) return [{ path, message: `must be at most ${MAX_PASSWORD} characters` }];
  return [];
}

export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
    /** a change made for someone (`ctx`) writes its audit row in the change's own transaction */
    private readonly audit?: AuditService,
  ) {}

  /**
   * Creates the account if new, and grants `role` in the portal. An account
   * that already exists only gains the role: its password belongs to its
   * owner (and to a reset link), not to whoever grants it a role — otherwise
   * any portal's admin could take over an account used in another portal.
   * Only `setPassword` (the operator's CLI) replaces an existing password; the
   * caller then ends the account's sessions (see sessions' `passwordChanged`).
   */
  async addUser(input: { email: string; name?: string; portalId: number; role: string; password?: string; setPassword?: boolean }, ctx?: RequestContext): Promise<Account & { created: boolean; passwordChanged: boolean }> {
    const errors: FieldError[] = [];
    const email = (input.email ?? '').trim().toLowerCase();
    if (!EMAIL.test(email)) errors.push({ path: '/email', message: 'not an email address' });
    if (!isRole(input.role)) errors.push({ path: '/role', message: `must be one of ${ROLES.join(', ')}` });
    if (input.password !== undefined) errors.push(...checkPasswordStrength(input.password));
    if (input.setPassword && input.password === undefined) errors.push({ path: '/password', message: 'is required to set a password' });
    if (errors.length) throw new ValidationError(errors);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    let created = false;
    let passwordChanged = false;
    const id = await this.store.db.transaction().execute(async (trx) => {
      let account = await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
      if (!account) {
        account = await trx
          .insertInto('accounts')
          .values({ email, name: input.name?.trim() || email.split('@')[0], password_hash: passwordHash, created_at: iso(this.clock()), disabled: 0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        created = true;
      } else if (passwordHash && input.setPassword) {
        await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', account.id).execute();
        passwordChanged = true;
      }
      const held = await trx.selectFrom('account_roles').select('role').where('account_id', '=', account.id).where('portal_id', '=', input.portalId).where('role', '=', input.role).executeTakeFirst();
      if (!held) await trx.insertInto('account_roles').values({ account_id: account.id, portal_id: input.portalId, role: input.role }).execute();
      if (ctx && this.audit) {
        const target = `account:${account.id}`;
        const passwordIgnored = input.password !== undefined && !input.setPassword;
        await this.audit.recordFor(ctx, 'role-granted', target, { email, role: input.role, ...(created ? { newAccount: true } : { existingAccount: true, passwordIgnored }) }, trx);
        if (passwordChanged) await this.audit.recordFor(ctx, 'password-changed', target, { by: ctx.account ? 'admin' : 'operator' }, trx);
      }
      return account.id;
    });
    return { ...(await this.byId(id))!, created, passwordChanged };
  }

  async byId(id: number): Promise<Account | undefined> {
    const row = await this.store.db.selectFrom('accounts').selectAll().where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, email: row.email, name: row.name, roles: await this.rolesOf(row.id) };
  }

  async byEmail(email: string): Promise<Account | undefined> {
    const row = await this.store.db.selectFrom('accounts').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? this.byId(row.id) : undefined;
  }

  async checkPassword(email: string, password: string): Promise<Account | undefined> {
    if (typeof password !== 'string' || password.length > MAX_PASSWORD) return undefined;
    const row = await this.store.db.selectFrom('accounts').select(['id', 'password_hash']).where('email', '=', email.trim().toLowerCase()).where('disabled', '=', 0).executeTakeFirst();
    if (!(await verifyPassword(password, row?.password_hash ?? null)) || !row?.password_hash) return undefined;
    // The password is in hand only now: the moment to move an old hash to today's scheme.
    if (needsRehash(row.password_hash)) {
      await this.store.db
        .updateTable('accounts')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', row.id)
        .where('password_hash', '=', row.password_hash)
        .execute();
    }
    return this.byId(row.id);
  }

  /** Replaces the password; for someone (`ctx`) audited as `action` — the owner's change, or a reset link's. */
  async setPassword(accountId: number, password: string, audited?: { ctx: RequestContext; action: 'password-changed' | 'password-reset' }): Promise<void> {
    const errors = checkPasswordStrength(password);
    if (errors.length) throw new ValidationError(errors);
    const hash = await hashPassword(password);
    await this.store.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('accounts').set({ password_hash: hash }).where('id', '=', accountId).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new NotFoundError(`No account ${accountId}.`);
      if (audited && this.audit) await this.audit.recordFor(audited.ctx, audited.action, `account:${accountId}`, {}, trx);
    });
  }

  /** Accounts holding any role in the portal, with their roles there. */
  async members(portalId: number): Promise<Member[]> {
    const rows = await this.store.db
      .selectFrom('account_roles as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .select(['a.id', 'a.email', 'a.name', 'r.role'])
      .where('r.portal_id', '=', portalId)
      .where('a.disabled', '=', 0)
      .orderBy('a.email')
      .execute();
    const byId = new Map<number, Member>();
    for (const r of rows) {
      const m = byId.get(r.id) ?? { id: r.id, email: r.email, name: r.name, roles: [] };
      m.roles.push(r.role as Role);
      byId.set(r.id, m);
    }
    for (const m of byId.values()) m.roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
    return [...byId.values()];
  }

  /** Whether the account asked for an email when an item waits for its role (see notifications/workflow.ts). */
  async wantsWorkflowMail(accountId: number): Promise<boolean> {
    const row = await this.store.db.selectFrom('accounts').select('notify_workflow').where('id', '=', accountId).executeTakeFirst();
    return row?.notify_workflow === 1;
  }

  async setWorkflowMail(accountId: number, on: boolean, ctx?: RequestContext): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ notify_workflow: on ? 1 : 0 })
        .where('id', '=', accountId)
        .execute();
      if (ctx && this.audit) await this.audit.recordFor(ctx, 'notifications-changed', `account:${accountId}`, { workflow: on }, trx);
    });
  }

  /** Members of the portal holding any of `roles` who asked for workflow emails. */
  async workflowMailRecipients(portalId: number, roles: readonly Role[]): Promise<Member[]> {
    if (roles.length === 0) return [];
    const ids = await this.store.db
      .selectFrom('account_roles as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .select('a.id')
      .distinct()
      .where('r.portal_id', '=', portalId)
      .where('r.role', 'in', [...roles])
      .where('a.disabled', '=', 0)
      .where('a.notify_workflow', '=', 1)
      .execute();
    const wanted = new Set(ids.map((r) => r.id));
    return (await this.members(portalId)).filter((m) => wanted.has(m.id));
  }

  /** Accounts holding any of `roles` in the portal (disabled ones too: their roles stay until taken away). */
  async holdersOf(portalId: number, roles: readonly Role[]): Promise<{ id: number; email: string }[]> {
    if (roles.length === 0) return [];
    return this.store.db
      .selectFrom('account_roles as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .select(['a.id', 'a.email'])
      .where('r.portal_id', '=', portalId)
      .where('r.role', 'in', [...roles])
      .execute();
  }

  /** The emails of these accounts, by id (absent: no such account). */
  async emailsOf(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.store.db.selectFrom('accounts').select(['id', 'email']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** Whether the account holds any of `roles` in the portal. */
  async holdsAnyOf(accountId: number, portalId: number, roles: readonly Role[]): Promise<boolean> {
    if (roles.length === 0) return false;
    const row = await this.store.db
      .selectFrom('account_roles')
      .select('account_id')
      .where('account_id', '=', accountId)
      .where('portal_id', '=', portalId)
      .where('role', 'in', [...roles])
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Takes one role in one portal away; false when the account did not hold it. */
  async revokeRole(accountId: number, portalId: number, role: string, ctx?: RequestContext): Promise<boolean> {
    return this.store.db.transaction().execute(async (trx) => {
      const res = await trx.deleteFrom('account_roles').where('account_id', '=', accountId).where('portal_id', '=', portalId).where('role', '=', role).executeTakeFirst();
      const revoked = Number(res.numDeletedRows) > 0;
      if (revoked && ctx && this.audit) {
        const account = await trx.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirst();
        await this.audit.recordFor(ctx, 'role-revoked', `account:${accountId}`, { email: account?.email, role }, trx);
      }
      return revoked;
    });
  }

  /** Tokens of the given accounts, newest first (secrets are never stored, so never listed). */
  async tokensOf(accountIds: number[]): Promise<TokenInfo[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.tokenRows().where('t.account_id', 'in', accountIds).orderBy('t.id', 'desc').execute();
    return rows.map(tokenInfo);
  }

  /**
   * The tokens a portal's admin oversees: those scoped to the portal, and
   * unscoped ones (made before tokens had a scope) of accounts that hold
   * roles in this portal only — a token that also acts elsewhere is for the
   * admins of every portal it acts in to see, so for none of them alone.
   */
  async tokensForPortal(portalId: number): Promise<TokenInfo[]> {
    const scoped = await this.tokenRows().where('t.portal_id', '=', portalId).execute();
    const members = await this.store.db.selectFrom('account_roles').select('account_id').distinct().where('portal_id', '=', portalId).execute();
    const memberIds = members.map((r) => r.account_id);
    let unscoped: typeof scoped = [];
    if (memberIds.length) {
      const elsewhere = await this.store.db.selectFrom('account_roles').select('account_id').distinct().where('account_id', 'in', memberIds).where('portal_id', '!=', portalId).execute();
      const onlyHere = new Set(memberIds);
      for (const r of elsewhere) onlyHere.delete(r.account_id);
      if (onlyHere.size)
        unscoped = await this.tokenRows()
          .where('t.portal_id', 'is', null)
          .where('t.account_id', 'in', [...onlyHere])
          .execute();
    }
    return [...scoped, ...unscoped].sort((a, b) => b.id - a.id).map(tokenInfo);
  }

  private tokenRows() {
    return this.store.db
      .selectFrom('api_tokens as t')
      .innerJoin('accounts as a', 'a.id', 't.account_id')
      .select(['t.id', 't.account_id', 'a.email', 't.name', 't.created_at', 't.last_used_at', 't.revoked_at', 't.portal_id', 't.expires_at']);
  }

  private async rolesOf(accountId: number): Promise<Map<number, Role[]>> {
    const rows = await this.store.db.selectFrom('account_roles').select(['portal_id', 'role']).where('account_id', '=', accountId).execute();
    const roles = new Map<number, Role[]>();
    for (const r of rows) roles.set(r.portal_id, [...(roles.get(r.portal_id) ?? []), r.role as Role]);
    return roles;
  }

  /**
   * Issues a new bearer token; the secret is returned once and never stored.
   * With `portalId` the token acts in that portal only (the account must hold
   * a role there); without, wherever the account holds roles. With
   * `expiresInDays` it is refused (401) after that many days.
   */
  async createToken(email: string, name = 'cli', opts: { portalId?: number; expiresInDays?: number } = {}, ctx?: RequestContext): Promise<string> {
    const account = await this.byEmail(email);
    if (!account) throw new NotFoundError(`No account ${email}.`);
    const errors: FieldError[] = [];
    if (opts.portalId !== undefined && rolesIn(account, opts.portalId).length === 0) errors.push({ path: '/portal', message: 'the account holds no role in this portal' });
    const days = opts.expiresInDays;
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650)) errors.push({ path: '/expires', message: 'must be a whole number of days from 1 to 3650' });
    if (errors.length) throw new ValidationError(errors);
    const now = this.clock();
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    await this.store.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('api_tokens')
        .values({
          account_id: account.id,
          name: name.slice(0, 100),
          token_hash: hashToken(token),
          created_at: iso(now),
          last_used_at: null,
          revoked_at: null,
          portal_id: opts.portalId ?? null,
          expires_at: days === undefined ? null : iso(new Date(now.getTime() + days * 86_400_000)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (ctx && this.audit) {
        await this.audit.recordFor(
          ctx,
          'token-created',
          `token:${row.id}`,
          { name: name.slice(0, 100), owner: account.email, ...(opts.portalId !== undefined ? { portalId: opts.portalId } : {}), ...(days ? { expiresInDays: days } : {}) },
          trx,
        );
      }
    });
    return token;
  }

  async revokeToken(tokenId: number, accountId: number, ctx?: RequestContext): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: iso(this.clock()) })
        .where('id', '=', tokenId)
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new ConflictError('No such active token.');
      if (ctx && this.audit) {
        const t = await trx.selectFrom('api_tokens as t').innerJoin('accounts as a', 'a.id', 't.account_id').select(['t.name', 'a.email']).where('t.id', '=', tokenId).executeTakeFirstOrThrow();
        await this.audit.recordFor(ctx, 'token-revoked', `token:${tokenId}`, { name: t.name, owner: t.email }, trx);
      }
    });
  }

  /**
   * The account a bearer token acts as, or undefined for an unknown, revoked
   * or expired token. A token scoped to a portal carries the account's roles
   * in that portal only, so every check of "roles in portal X" refuses it elsewhere.
   */
  async authenticate(token: string): Promise<Account | undefined> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    const row = await this.store.db.selectFrom('api_tokens').select(['id', 'account_id', 'last_used_at', 'portal_id', 'expires_at']).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock();
    if (row.expires_at && now.getTime() >= Date.parse(row.expires_at)) return undefined;
    // Record use at most once a minute: a write on every request would serialize reads on SQLite.
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
      await this.store.db
        .updateTable('api_tokens')
        .set({ last_used_at: iso(now) })
        .where('id', '=', row.id)
        .execute();
    }
    const account = await this.byId(row.account_id);
    if (!account || row.portal_id === null) return account;
    const here = account.roles.get(row.portal_id);
    return { ...account, roles: new Map(here ? [[row.portal_id, here]] : []), tokenPortalId: row.portal_id };
  }
}

export function rolesIn(account: Account | undefined, portalId: number): Role[] {
  return account?.roles.get(portalId) ?? [];
}
