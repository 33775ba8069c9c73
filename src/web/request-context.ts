import type { FastifyRequest } from 'fastify';
import { rolesIn, type Account } from '../modules/accounts/service.ts';
import type { RequestContext } from '../lib/request-context.ts';

// The one place the web layer (API and admin) turns a request into the
// context a module command receives: who acts (the bearer token's or the
// session's account), in which portal, from which address and browser.

export function requestContext(request: FastifyRequest, portal: { id: number }, account?: Account | null): RequestContext {
  const who = account === undefined ? request.account : account;
  return {
    account: who ? { id: who.id, email: who.email } : null,
    portalId: portal.id,
    roles: who ? rolesIn(who, portal.id) : [],
    ip: request.ip ?? 'unknown',
    userAgent: String(request.headers['user-agent'] ?? ''),
  };
}
