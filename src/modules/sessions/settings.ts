import type { Store } from '../../store/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';

// Security settings a portal's admin sets for its own newsroom.

export interface PortalSecurity {
  /** Every member must use a second factor to reach the admin. */
  requireTwoFactor: boolean;
}

export class PortalSecuritySettings {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  async get(portalId: number): Promise<PortalSecurity> {
    const row = await this.store.db.selectFrom('admin_portal_settings').select('require_2fa').where('portal_id', '=', portalId).executeTakeFirst();
    return { requireTwoFactor: row?.require_2fa === 1 };
  }

  async set(portalId: number, settings: PortalSecurity): Promise<void> {
    const db = this.store.db;
    const values = { require_2fa: settings.requireTwoFactor ? 1 : 0, updated_at: iso(this.clock()) };
    await db
      .insertInto('admin_portal_settings')
      .values({ portal_id: portalId, ...values })
      .onConflict((oc) => oc.column('portal_id').doUpdateSet(values))
      .execute();
  }
}
