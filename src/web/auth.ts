import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../lib/errors.ts';
import { type Account, type AccountService, rolesIn } from '../modules/accounts/index.ts';
import type { Actor } from '../modules/workflow/index.ts';
import { type Permission, requirePermission, type Subject } from '../modules/policy/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account?: Account;
  }
}

/** Reads `Authorization: Bearer …`; a header with an unknown token is a 401, no header is anonymous. */
export async function authenticate(request: FastifyRequest, accounts: AccountService): Promise<void> {
  const header = request.headers.authorization;
  if (header === undefined) return;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const account = match ? await accounts.authenticate(match[1]) : undefined;
  if (!account) throw new UnauthorizedError('The bearer token is unknown, revoked or malformed.');
  request.account = account;
}

export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw new UnauthorizedError();
  return request.account;
}

/** The caller as an actor inside one portal; 403 when it holds no role there. */
export function actorIn(request: FastifyRequest, portalId: number, portalSlug: string): Actor {
  const account = requireAccount(request);
  const roles = rolesIn(account, portalId);
  if (roles.length === 0) throw new ForbiddenError(`Your account holds no role in ${portalSlug}.`);
  return { accountId: account.id, roles };
}

/** The caller as an actor, or undefined for anonymous callers and other portals' accounts. */
export function optionalActor(request: FastifyRequest, portalId: number): Actor | undefined {
  const roles = rolesIn(request.account, portalId);
  return roles.length && request.account ? { accountId: request.account.id, roles } : undefined;
}

/** The caller as an actor in the subject's portal, if the policy lets it do `permission` there; 403 otherwise. */
export function authorize(request: FastifyRequest, permission: Permission, subject: Subject): Actor {
  const actor = actorIn(request, subject.portal.id, subject.portal.slug);
  requirePermission(request.account, permission, subject);
  return actor;
}
