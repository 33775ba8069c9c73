import type { Store } from '../../store/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';

// Security settings a portal's admin sets for its own newsroom.

export interface PortalSecurity {
  /** Every member must use a second factor to reach the admin. */
  requireTwoFactor: boolean;
}

export class PortalSecuritySettings {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
    /** a change made for someone (`ctx`) writes its audit row in the change's own transaction */
    private readonly audit?: AuditService,
  ) {}

  async get(portalId: number): Promise<PortalSecurity> {
    const row = await this.store.db.selectFrom('admin_portal_settings').select('require_2fa').where('portal_id', '=', portalId).executeTakeFirst();
    return { requireTwoFactor: row?.require_2fa === 1 };
  }

  async set(portalId: number, settings: PortalSecurity, ctx?: RequestContext & { portalSlug: string }): Promise<void> {
    const values = { require_2fa: settings.requireTwoFactor ? 1 : 0, updated_at: iso(this.clock()) };
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('admin_portal_settings')
        .values({ portal_id: portalId, ...values })
        .onConflict((oc) => oc.column('portal_id').doUpdateSet(values))
        .execute();
      if (ctx && this.audit) await this.audit.recordFor(ctx, 'settings-changed', `portal:${ctx.portalSlug}`, { requireTwoFactor: settings.requireTwoFactor }, trx);
    });
  }
}
