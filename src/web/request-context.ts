import type { FastifyRequest } from 'fastify';
import { rolesIn, type Account } from '../modules/accounts/index.ts';
import type { RequestContext } from '../lib/request-context.ts';

/**
 * The request as the modules' commands see it: the account acting in `portal`,
 * its roles there, and where the request came from (request.ip, which the
 * trusted-proxy rules already resolved). The API passes the bearer token's
 * account, the admin the signed-in one; both the same way, so a write is
 * audited alike whichever door it came through.
 */
export function requestContext(request: FastifyRequest, portal: { id: number }, account: Account | null | undefined = request.account): RequestContext {
  return {
    account: account ? { id: account.id, email: account.email } : null,
    portalId: portal.id,
    roles: rolesIn(account ?? undefined, portal.id),
    ip: request.ip ?? 'unknown',
    userAgent: String(request.headers['user-agent'] ?? ''),
  };
}
