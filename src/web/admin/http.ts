import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Account, type Role, rolesIn } from '../../modules/accounts/index.ts';
import type { Portal } from '../../modules/portals/index.ts';
import type { ClientInfo, Session } from '../../modules/sessions/index.ts';
import { type Actor } from '../../modules/workflow/index.ts';
import type { Services } from '../../services.ts';
import { can, type Permission, type Subject } from '../../modules/policy/index.ts';
import { isAdminLang, MESSAGES, type AdminLang, type Messages } from './i18n.ts';
import { localRedirect } from '../location.ts';

// Plumbing shared by every admin route: cookies, the session, CSRF, the
// request's portal and language, and the gates each route passes through.

export const SESSION_COOKIE = 'lantoa_admin';
/** With HTTPS the session cookie takes the __Host- prefix: no sibling portal host can plant or widen it. */
export const SECURE_SESSION_COOKIE = '__Host-lantoa_admin';
/** Double-submit token for the forms shown before sign-in (login, reset), where no session exists yet. */
export const PRE_COOKIE = 'lantoa_pre';
export const LANG_COOKIE = 'lantoa_admin_lang';

export interface AdminContext {
  portal: Portal;
  lang: AdminLang;
  m: Messages;
  secure: boolean;
  client: ClientInfo;
  session?: Session;
  account?: Account;
  roles: Role[];
  /** The token forms must echo: the session's, or the pre-session cookie's. */
  csrf: string;
  /** Set when the pre-session cookie must be (re)issued with this response. */
  newPreToken?: string;
  twoFactorEnabled: boolean;
  requireTwoFactor: boolean;
  /** One-shot notice carried over a redirect (?notice=key). */
  notice?: string;
  /** Set once the body has been parsed: an error before that is a malformed request. */
  bodyParsed?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminContext;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message = '',
  ) {
    super(message);
  }
}

/** Redirects instead of answering (not signed in, or after a POST): to a path on this host, unless `toPortal` says the target is another portal of this deployment. */
export class Redirect extends Error {
  constructor(
    readonly location: string,
    readonly toPortal = false,
  ) {
    super(location);
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  // no prototype: a cookie named `constructor` or `__proto__` is just a cookie
  const out = Object.create(null) as Record<string, string>;
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!name || name in out) continue;
    try {
      const value = decodeURIComponent(part.slice(i + 1).trim());
      // a control character (NUL above all) is no token of ours, and must not reach a query
      // eslint-disable-next-line no-control-regex -- the cookie value must hold no control character
      if (!/[\u0000-\u001f\u007f]/.test(value)) out[name] = value;
    } catch {
      // a malformed cookie is ignored, not a 500
    }
  }
  return out;
}

export function cookie(name: string, value: string, opts: { secure: boolean; maxAge?: number; path?: string; httpOnly?: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/admin'}`, 'SameSite=Lax'];
  if (opts.httpOnly !== false) parts.push('HttpOnly');
  if (opts.secure) parts.push('Secure');
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  return parts.join('; ');
}

export function appendCookie(reply: FastifyReply, value: string) {
  const prev = reply.getHeader('set-cookie');
  const list = prev === undefined ? [] : Array.isArray(prev) ? prev.map(String) : [String(prev)];
  reply.header('set-cookie', [...list, value]);
}

export function sessionCookieName(secure: boolean) {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function setSessionCookie(reply: FastifyReply, ctx: AdminContext, token: string) {
  // the __Host- prefix requires Path=/
  appendCookie(reply, cookie(sessionCookieName(ctx.secure), token, { secure: ctx.secure, path: ctx.secure ? '/' : '/admin' }));
}

export function clearSessionCookie(reply: FastifyReply, ctx: AdminContext) {
  appendCookie(reply, cookie(sessionCookieName(ctx.secure), '', { secure: ctx.secure, path: ctx.secure ? '/' : '/admin', maxAge: 0 }));
}

export const clientInfo = (request: FastifyRequest): ClientInfo => ({ ip: request.ip ?? 'unknown', userAgent: String(request.headers['user-agent'] ?? '') });

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds the request's admin context: portal from Host, session from the cookie, language, CSRF token. */
export async function resolveContext(services: Services, request: FastifyRequest): Promise<AdminContext | undefined> {
  const portal = await services.portals.byHost(request.headers.host);
  if (!portal) return undefined;
  const cookies = parseCookies(request.headers.cookie);
  const secure = request.protocol === 'https' || services.config.publicUrl.protocol === 'https:';
  const langCookie = cookies[LANG_COOKIE];
  const lang: AdminLang = isAdminLang(langCookie) ? langCookie : 'vi';
  const client = clientInfo(request);
  const session = await services.sessions.sessions.find(cookies[sessionCookieName(secure)], portal.id);
  let account: Account | undefined;
  if (session) account = await services.accounts.byId(session.accountId);
  const roles = session && account ? rolesIn(account, portal.id) : [];
  let csrf: string;
  let newPreToken: string | undefined;
  if (session) csrf = session.csrf;
  else if (cookies[PRE_COOKIE] && /^[A-Za-z0-9_-]{20,100}$/.test(cookies[PRE_COOKIE])) csrf = cookies[PRE_COOKIE];
  else csrf = newPreToken = randomBytes(24).toString('base64url');
  const [twoFactorEnabled, security] = account ? await Promise.all([services.sessions.mfa.isEnabled(account.id), services.sessions.security.get(portal.id)]) : [false, { requireTwoFactor: false }];
  const notice = typeof (request.query as Record<string, unknown>)?.notice === 'string' ? String((request.query as Record<string, unknown>).notice).slice(0, 40) : undefined;
  return { portal, lang, m: MESSAGES[lang], secure, client, session, account: session ? account : undefined, roles, csrf, newPreToken, twoFactorEnabled, requireTwoFactor: security.requireTwoFactor, notice };
}

/** True when the POST carries the right CSRF token (and, when the browser says where it came from, came from here). */
export function csrfOk(request: FastifyRequest, ctx: AdminContext, fields: Record<string, unknown>): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    try {
      if (new URL(origin).host !== request.headers.host) return false;
    } catch {
      return false;
    }
  }
  const sent = fields._csrf;
  if (typeof sent !== 'string' || !sent) return false;
  // a pre-session token only counts when it came back in its cookie (double submit)
  if (!ctx.session && ctx.newPreToken) return false;
  return safeEqual(sent, ctx.csrf);
}

export interface Gate {
  ctx: AdminContext;
  account: Account;
  session: Session;
  actor: Actor;
}

/** A fully signed-in member of this portal; otherwise off to the sign-in page. */
export function member(request: FastifyRequest): Gate {
  const ctx = request.admin!;
  if (!ctx.session || ctx.session.stage !== 'full' || !ctx.account) {
    const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
    throw new Redirect(`/admin/login${next}`);
  }
  if (ctx.roles.length === 0) throw new Redirect('/admin/login?notice=no-role');
  // a portal that requires a second factor lets its members do nothing else until they have one
  if (ctx.requireTwoFactor && !ctx.twoFactorEnabled && !request.url.startsWith('/admin/account')) throw new Redirect('/admin/account?notice=2fa-required');
  return { ctx, account: ctx.account, session: ctx.session, actor: { accountId: ctx.account.id, roles: ctx.roles } };
}

/** Does the policy let this signed-in member do `permission` in the request's portal (or on `item` there)? */
export function allows(gate: Gate, permission: Permission, item?: Subject['item']): boolean {
  return can(gate.account, permission, { portal: gate.ctx.portal, item });
}

/** A member whom the policy lets do `permission` here; 403 otherwise. */
export function permitted(request: FastifyRequest, permission: Permission): Gate {
  const gate = member(request);
  if (!allows(gate, permission)) throw new HttpError(403);
  return gate;
}

/** A member who works with items (not feedback officers or analysts). */
export const newsroom = (request: FastifyRequest): Gate => permitted(request, 'content.read-drafts');
export const creator = (request: FastifyRequest): Gate => permitted(request, 'content.create');
export const portalAdmin = (request: FastifyRequest): Gate => permitted(request, 'portal.administer');

/** Form fields as strings (the first of repeated ones) — what most handlers want. */
export function fieldsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
    else if (v && typeof v === 'object' && 'value' in v && typeof v.value === 'string') out[k] = (v as { value: string }).value;
  }
  return out;
}

/** A `next` target that stays inside this admin (no open redirect). */
export function safeNext(next: unknown): string {
  return localRedirect(next, '/admin', '/admin');
}

export function idParam(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || !/^\d+$/.test(String(value))) throw new HttpError(404);
  return n;
}

export function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}
