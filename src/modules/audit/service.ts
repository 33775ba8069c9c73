import { sql, type Kysely } from 'kysely';
import { type Store, contains } from '../../store/index.ts';
import type { Database } from '../../store/schema.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';

// The audit log: who did what, when and from where — sign-ins (and failed
// ones), edits, workflow transitions, role changes, token actions. Entries
// are only ever added. Details never hold a secret (no token, no password,
// no reset link); callers pass what identifies the change, not its payload.

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-locked',
  'sign-out',
  'portal-switch',
  'mfa-enabled',
  'mfa-disabled',
  'mfa-failed',
  'password-reset-requested',
  'password-reset',
  'password-changed',
  'item-created',
  'item-edited',
  'item-restored',
  'transition',
  'role-granted',
  'role-revoked',
  'token-created',
  'token-revoked',
  'settings-changed',
  'section-created',
  'section-updated',
  'portal-updated',
  'notifications-changed',
  'media-uploaded',
  'media-updated',
  // federation: inbox requests refused, received content cleaned, operators' federation actions
  'federation-rejected',
  'federation-sanitized',
  'federation-subscription',
  'federation-member',
  'federation-proposal',
  'federation-key-rotated',
  // at a source: a subscriber refused one of its entries (not a valid item there) and went past it
  'federation-entry-refused',
  // social channels: added, changed, removed, disconnected; deliveries retried or sent by hand
  'social-channel',
  'social-delivery',
  // citizen feedback: officers' steps, readings of personal data, settings
  'feedback',
  // the curated home: pinned top stories and the breaking-news banner of a portal and language
  'home-updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  portalId: number | null;
  accountId: number | null;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string;
  userAgent: string;
  at: string;
}

export interface AuditRecord {
  portalId: number | null;
  accountId?: number | null;
  actor?: string | null;
  action: AuditAction;
  /** What was acted on, e.g. "item:42", "account:7", "token:3". */
  target?: string | null;
  detail?: Record<string, unknown>;
  ip: string;
  userAgent?: string;
}

export interface AuditFilter {
  action?: string;
  /** substring of the actor's email */
  actor?: string;
  target?: string;
  /** ISO dates (YYYY-MM-DD), inclusive, in UTC */
  from?: string;
  to?: string;
  /** entries older than this id (paging) */
  before?: number;
  limit?: number;
}

export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  private get db(): Kysely<Database> {
    return this.store.db;
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        portal_id: entry.portalId,
        account_id: entry.accountId ?? null,
        actor: entry.actor?.slice(0, 320) ?? null,
        action: entry.action,
        target: entry.target ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        ip: entry.ip.slice(0, 100),
        user_agent: (entry.userAgent ?? '').slice(0, 300),
        at: iso(this.clock()),
      })
      .execute();
  }

  /**
   * The entry a command writes for itself, from its request context — inside the
   * command's own transaction when `db` is that transaction, so the change and its
   * audit row land together or not at all.
   */
  async recordFor(ctx: RequestContext, action: AuditAction, target: string | null, detail: Record<string, unknown> = {}, db?: Kysely<Database>): Promise<void> {
    await (db ?? this.db)
      .insertInto('audit_log')
      .values({
        portal_id: ctx.portalId,
        account_id: ctx.account?.id ?? null,
        // the platform acting on its own (systemContext) is named, as the CLI's entries always were
        actor: ctx.account?.email.slice(0, 320) ?? (ctx.ip === 'cli' || ctx.ip === 'system' ? ctx.ip : null),
        action,
        target,
        detail: JSON.stringify(detail),
        ip: ctx.ip.slice(0, 100),
        user_agent: ctx.userAgent.slice(0, 300),
        at: iso(this.clock()),
      })
      .execute();
  }

  /** A portal's entries, newest first. */
  async list(portalId: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('portal_id', '=', portalId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.actor) {
      const needle = filter.actor.trim().toLowerCase();
      // a substring test without LIKE, so no character typed acts as a wildcard
      q = q.where(contains(this.store, sql`lower(coalesce(actor, ''))`, needle));
    }
    if (filter.target) q = q.where('target', '=', filter.target);
    if (filter.from) q = q.where('at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to) q = q.where('at', '<=', `${filter.to}T23:59:59.999Z`);
    if (filter.before) q = q.where('id', '<', filter.before);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(filter.limit ?? 100, 1), 10_000))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      portalId: r.portal_id,
      accountId: r.account_id,
      actor: r.actor,
      action: r.action as AuditAction,
      target: r.target,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ip: r.ip,
      userAgent: r.user_agent,
      at: r.at,
    }));
  }
}

/** One CSV cell: quoted, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: AuditEntry[]): string {
  const header = ['id', 'at', 'actor', 'action', 'target', 'detail', 'ip', 'user_agent'];
  const lines = [header.join(',')];
  for (const e of entries) lines.push([e.id, e.at, e.actor, e.action, e.target, e.detail, e.ip, e.userAgent].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
