import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { hashToken } from '../accounts/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';

// Password reset links: a random token mailed to the account's address, kept
// as a hash, good for a short while and for one use.

export const RESET_MINUTES = 30;

export class PasswordResets {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  private get db() {
    return this.store.db;
  }

  async create(accountId: number, portalId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    await this.db
      .insertInto('password_resets')
      .values({ token_hash: hashToken(token), account_id: accountId, portal_id: portalId, created_at: iso(now), expires_at: iso(new Date(now.getTime() + RESET_MINUTES * 60_000)), used_at: null })
      .execute();
    return token;
  }

  /** The account a token resets, when it is fresh, unused and made on this portal. */
  async check(token: string | undefined, portalId: number): Promise<number | undefined> {
    if (!token || token.length > 100) return undefined;
    const row = await this.db.selectFrom('password_resets').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || row.used_at || row.portal_id !== portalId || this.clock().getTime() >= Date.parse(row.expires_at)) return undefined;
    return row.account_id;
  }

  /** Marks the token used; false when it was used in the meantime (two tabs, a replay). */
  async consume(token: string): Promise<boolean> {
    const res = await this.db
      .updateTable('password_resets')
      .set({ used_at: iso(this.clock()) })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Other outstanding links of the account die when one is used or the password changes. */
  async voidAllFor(accountId: number): Promise<void> {
    await this.db
      .updateTable('password_resets')
      .set({ used_at: iso(this.clock()) })
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .execute();
  }

  /** Requests for this account in the last hour: a mailbox is not to be flooded. */
  async recentCount(accountId: number): Promise<number> {
    const since = iso(new Date(this.clock().getTime() - 3_600_000));
    const rows = await this.db.selectFrom('password_resets').select('id').where('account_id', '=', accountId).where('created_at', '>', since).execute();
    return rows.length;
  }
}
