import type { Role } from '../modules/accounts/index.ts';

// Who is asking, from where: what every command of the modules receives from
// the web layer (API, admin), the CLI or a job, so that the command itself can
// write its audit row and queue its jobs in its own transaction. The web layer
// only translates HTTP into this; it never writes the audit log itself.

export interface RequestContext {
  /** The account acting; null for the system (scheduler, federation, CLI without an account) and for anonymous citizens. */
  account: { id: number; email: string } | null;
  /** The portal the request acts in. */
  portalId: number;
  /** The roles the account holds in that portal (empty for the system and anonymous callers). */
  roles: readonly Role[];
  /** The client's address as the trusted-proxy rules resolve it ("cli", "system" outside HTTP). */
  ip: string;
  userAgent: string;
}

/** A context for work the platform does on its own (scheduler, federation apply, CLI). */
export function systemContext(portalId: number, via: 'system' | 'cli' = 'system'): RequestContext {
  return { account: null, portalId, roles: [], ip: via, userAgent: via };
}
