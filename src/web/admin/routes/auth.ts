import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Account, checkPasswordStrength, rolesIn } from '../../../modules/accounts/index.ts';
import type { Portal } from '../../../modules/portals/index.ts';
import { RESET_MINUTES } from '../../../modules/sessions/index.ts';
import type { Services } from '../../../services.ts';
import { html } from '../../site/html.ts';
import { appendCookie, clearSessionCookie, cookie, fieldsOf, HttpError, member, parseCookies, Redirect, safeNext, sendPage, setSessionCookie, type AdminContext } from '../http.ts';
import { OidcError } from '../../../modules/sessions/index.ts';
import { passwordChanged } from '../../../modules/sessions/index.ts';
import { EXTRA_MESSAGES } from '../i18n-extra.ts';
import { csrfField, errorMap, errorSummary, input, page } from '../layout.ts';

// Signing in and out: password, second factor, switching portals (each
// portal is its own host, so its own cookie), and password resets by email.

export function authRoutes(app: FastifyInstance, services: Services) {
  const { accounts, audit } = services;
  const { sessions, throttle, mfa, resets, mailer, oidc } = services.sessions;

  const log = (request: FastifyRequest, action: Parameters<typeof audit.record>[0]['action'], extra: { account?: Account; actor?: string; target?: string; detail?: Record<string, unknown> } = {}) =>
    audit.record({
      portalId: request.admin!.portal.id,
      accountId: extra.account?.id ?? null,
      actor: extra.account?.email ?? extra.actor ?? null,
      action,
      target: extra.target ?? (extra.account ? `account:${extra.account.id}` : null),
      detail: extra.detail,
      ip: request.admin!.client.ip,
      userAgent: request.admin!.client.userAgent,
    });

  function loginPage(ctx: AdminContext, opts: { email?: string; next?: string; error?: string } = {}) {
    const { m } = ctx;
    return page(ctx, {
      title: m.login.title,
      body: html`<h1>${m.login.title}</h1>
${opts.error ? html`<div class="alert" role="alert"><p>${opts.error}</p></div>` : ''}
<form method="post" action="/admin/login" class="card">
${csrfField(ctx)}<input type="hidden" name="next" value="${safeNext(opts.next)}">
${input({ name: 'email', label: m.login.email, type: 'email', value: opts.email, required: true, autocomplete: 'username' })}
${input({ name: 'password', label: m.login.password, type: 'password', required: true, autocomplete: 'current-password' })}
<button type="submit">${m.login.submit}</button>
</form>
<p><a href="/admin/reset">${m.login.forgot}</a></p>
${oidc ? html`<form method="post" action="/admin/login/oidc" class="card">${csrfField(ctx)}<input type="hidden" name="next" value="${safeNext(opts.next)}"><button type="submit" class="secondary">${EXTRA_MESSAGES[ctx.lang].oidc.signInWith(oidc.name)}</button></form>` : ''}`,
    });
  }

  app.get('/login', async (request, reply) => {
    const ctx = request.admin!;
    if (ctx.session?.stage === 'full' && ctx.roles.length) throw new Redirect('/admin');
    return sendPage(reply, 200, loginPage(ctx, { next: (request.query as { next?: string }).next }));
  });

  app.post('/login', async (request, reply) => {
    const ctx = request.admin!;
    const f = fieldsOf(request.body);
    const email = (f.email ?? '').trim().toLowerCase().slice(0, 320);
    const next = safeNext(f.next);
    const wait = await throttle.retryAfter(email, ctx.client.ip);
    if (wait > 0) {
      await log(request, 'sign-in-locked', { actor: email, detail: { retryAfter: wait } });
      reply.header('retry-after', String(wait));
      return sendPage(reply, 429, loginPage(ctx, { email, next, error: ctx.m.login.locked(Math.ceil(wait / 60)) }));
    }
    const account = email && f.password ? await accounts.checkPassword(email, f.password) : undefined;
    if (!account) {
      await throttle.failed(email, ctx.client.ip);
      await log(request, 'sign-in-failed', { actor: email, detail: { reason: 'password' } });
      return sendPage(reply, 401, loginPage(ctx, { email, next, error: ctx.m.login.failed }));
    }
    await throttle.succeeded(email);
    return signedIn(request, reply, account, next, 'password');
  });

  /** The person is who they say (password, or a provider's word): a session, or the second factor first. */
  async function signedIn(request: FastifyRequest, reply: FastifyReply, account: Account, next: string, method: 'password' | 'oidc') {
    const ctx = request.admin!;
    if (rolesIn(account, ctx.portal.id).length === 0) {
      await log(request, 'sign-in-failed', { account, detail: { reason: 'no-role', method } });
      return sendPage(reply, 403, loginPage(ctx, { email: account.email, next, error: ctx.m.login.noRole }));
    }
    // a fresh token on every sign-in: a token planted before it (session fixation) is worth nothing
    if (ctx.session) await sessions.end(ctx.session.id);
    // an account with a second factor here gives it whichever way it signed in
    if (await mfa.isEnabled(account.id)) {
      const { token } = await sessions.create(account.id, ctx.portal.id, 'mfa', ctx.client);
      setSessionCookie(reply, ctx, token);
      throw new Redirect(`/admin/login/2fa?next=${encodeURIComponent(next)}`);
    }
    const { token } = await sessions.create(account.id, ctx.portal.id, 'full', ctx.client);
    setSessionCookie(reply, ctx, token);
    await log(request, 'sign-in', { account, detail: { method } });
    throw new Redirect(next);
  }

  // ---------- OpenID Connect (only when configured; see modules/sessions/oidc.ts) ----------
  const OIDC_COOKIE = 'lantoa_oidc';
  const OIDC_PATH = '/admin/login/oidc';

  app.post('/login/oidc', async (request, reply) => {
    const ctx = request.admin!;
    if (!oidc) throw new HttpError(404);
    const next = safeNext(fieldsOf(request.body).next);
    const host = String(request.headers.host ?? '');
    const redirectUri = `${ctx.secure ? 'https' : 'http'}://${host}${OIDC_PATH}/callback`;
    let started: { url: string; cookie: string };
    try {
      started = await oidc.begin(redirectUri, next);
    } catch (err) {
      // the provider cannot be reached or described itself wrongly: say so on the sign-in page, log why
      request.log.warn({ err: { message: (err as Error).message } }, 'OpenID Connect provider unavailable');
      return sendPage(reply, 503, loginPage(ctx, { next, error: EXTRA_MESSAGES[ctx.lang].oidc.unavailable(oidc.name) }));
    }
    // SameSite=Lax: the provider's redirect back is a top-level navigation, which carries it
    appendCookie(reply, cookie(OIDC_COOKIE, started.cookie, { secure: ctx.secure, path: OIDC_PATH, maxAge: 600 }));
    return reply.code(303).header('location', started.url).send();
  });

  app.get('/login/oidc/callback', async (request, reply) => {
    const ctx = request.admin!;
    if (!oidc) throw new HttpError(404);
    appendCookie(reply, cookie(OIDC_COOKIE, '', { secure: ctx.secure, path: OIDC_PATH, maxAge: 0 })); // one use
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    let identity: Awaited<ReturnType<typeof oidc.finish>>;
    try {
      identity = await oidc.finish(parseCookies(request.headers.cookie)[OIDC_COOKIE], query.slice(0, 4000));
    } catch (err) {
      if (!(err instanceof OidcError)) throw err;
      await log(request, 'sign-in-failed', { detail: { reason: 'oidc', why: err.message } });
      return sendPage(reply, 401, loginPage(ctx, { error: EXTRA_MESSAGES[ctx.lang].oidc.failed(oidc.name) }));
    }
    const account = await accounts.byEmail(identity.email);
    if (!account) {
      await log(request, 'sign-in-failed', { actor: identity.email, detail: { reason: 'oidc-no-account' } });
      return sendPage(reply, 403, loginPage(ctx, { error: ctx.m.login.noRole }));
    }
    return signedIn(request, reply, account, safeNext(identity.next), 'oidc');
  });

  function codePage(ctx: AdminContext, next: string, error?: string) {
    const { m } = ctx;
    return page(ctx, {
      title: m.login.twoFactorTitle,
      body: html`<h1>${m.login.twoFactorTitle}</h1>
${error ? html`<div class="alert" role="alert"><p>${error}</p></div>` : ''}
<form method="post" action="/admin/login/2fa" class="card">${csrfField(ctx)}<input type="hidden" name="next" value="${next}">
${input({ name: 'code', label: m.login.code, hint: m.login.codeHint, required: true, autocomplete: 'one-time-code', attrs: html` inputmode="text" maxlength="20"` })}
<button type="submit">${m.login.codeSubmit}</button></form>`,
    });
  }

  app.get('/login/2fa', async (request, reply) => {
    const ctx = request.admin!;
    if (ctx.session?.stage !== 'mfa') throw new Redirect('/admin/login');
    return sendPage(reply, 200, codePage(ctx, safeNext((request.query as { next?: string }).next)));
  });

  app.post('/login/2fa', async (request, reply) => {
    const ctx = request.admin!;
    const session = ctx.session;
    if (session?.stage !== 'mfa') throw new Redirect('/admin/login');
    const f = fieldsOf(request.body);
    const next = safeNext(f.next);
    const account = await accounts.byId(session.accountId);
    if (!account) throw new Redirect('/admin/login');
    const wait = await throttle.retryAfter(account.email, ctx.client.ip);
    if (wait > 0) {
      await sessions.end(session.id);
      clearSessionCookie(reply, ctx);
      reply.header('retry-after', String(wait));
      return sendPage(reply, 429, loginPage(ctx, { email: account.email, next, error: ctx.m.login.locked(Math.ceil(wait / 60)) }));
    }
    const method = await mfa.verify(account.id, (f.code ?? '').slice(0, 40));
    if (!method) {
      await throttle.failed(account.email, ctx.client.ip);
      await log(request, 'mfa-failed', { account });
      return sendPage(reply, 401, codePage(ctx, next, ctx.m.login.codeFailed));
    }
    const { token } = await sessions.promote(session, ctx.client);
    setSessionCookie(reply, ctx, token);
    await log(request, 'sign-in', { account, detail: { method: `password+${method}` } });
    throw new Redirect(next);
  });

  app.post('/logout', async (request, reply) => {
    const ctx = request.admin!;
    if (ctx.session) {
      await sessions.end(ctx.session.id);
      if (ctx.account) await log(request, 'sign-out', { account: ctx.account });
    }
    clearSessionCookie(reply, ctx);
    throw new Redirect('/admin/login?notice=signed-out');
  });

  // ---------- switching portals ----------

  /** The target portal's admin on the host naming it the way this request named ours (keeps the port of a dev setup). */
  function adminUrlOf(request: FastifyRequest, from: Portal, to: Portal): string {
    const host = request.headers.host ?? '';
    const proto = request.admin!.secure ? 'https' : request.protocol;
    if (host.startsWith(`${from.slug}.`)) return `${proto}://${to.slug}.${host.slice(from.slug.length + 1)}/admin`;
    return `${to.url}/admin`;
  }

  app.post('/switch', async (request) => {
    const { ctx, account } = member(request);
    const slug = fieldsOf(request.body).portal ?? '';
    const target = await services.portals.bySlug(slug);
    if (!target || target.id === ctx.portal.id || rolesIn(account, target.id).length === 0) throw new HttpError(403);
    const code = await sessions.createHandoff(account.id, target.id, ctx.client);
    await log(request, 'portal-switch', { account, detail: { to: target.slug } });
    throw new Redirect(`${adminUrlOf(request, ctx.portal, target)}/handoff?code=${encodeURIComponent(code)}`, true);
  });

  function handoffPage(ctx: AdminContext, code: string, email: string) {
    const { m } = ctx;
    const name = ctx.portal.name[ctx.lang] ?? ctx.portal.name.vi;
    return page(ctx, {
      title: m.login.title,
      body: html`<h1>${m.login.title}</h1><form method="post" action="/admin/handoff" class="card">${csrfField(ctx)}<input type="hidden" name="code" value="${code}">
<p>${m.login.continueAs(email, name)}</p><button type="submit">${m.login.continue}</button></form>`,
    });
  }

  app.get('/handoff', async (request, reply) => {
    const ctx = request.admin!;
    const code = String((request.query as { code?: string }).code ?? '');
    const handoff = await sessions.peekHandoff(code, ctx.portal.id);
    const account = handoff && (await accounts.byId(handoff.accountId));
    if (!handoff || !account) return sendPage(reply, 400, loginPage(ctx, { error: ctx.m.login.handoffInvalid }));
    // a confirmation, not an automatic sign-in: a link alone must not sign a browser into someone else's account
    return sendPage(reply, 200, handoffPage(ctx, code, account.email));
  });

  app.post('/handoff', async (request, reply) => {
    const ctx = request.admin!;
    const code = fieldsOf(request.body).code ?? '';
    const handoff = await sessions.peekHandoff(code, ctx.portal.id);
    const account = handoff && (await accounts.byId(handoff.accountId));
    if (!handoff || !account || rolesIn(account, ctx.portal.id).length === 0 || !(await sessions.end(handoff.id))) {
      return sendPage(reply, 400, loginPage(ctx, { error: ctx.m.login.handoffInvalid }));
    }
    if (ctx.session) await sessions.end(ctx.session.id);
    const { token } = await sessions.create(account.id, ctx.portal.id, 'full', ctx.client);
    setSessionCookie(reply, ctx, token);
    await log(request, 'sign-in', { account, detail: { method: 'portal-switch' } });
    throw new Redirect('/admin');
  });

  // ---------- password reset ----------

  function resetRequestPage(ctx: AdminContext, sent = false) {
    const { m } = ctx;
    return page(ctx, {
      title: m.reset.title,
      body: html`<h1>${m.reset.title}</h1>${sent ? html`<div class="notice" role="status">${m.reset.sent}</div>` : ''}
<form method="post" action="/admin/reset" class="card">${csrfField(ctx)}<p>${m.reset.intro}</p>
${input({ name: 'email', label: m.reset.email, type: 'email', required: true, autocomplete: 'username' })}
<button type="submit">${m.reset.submit}</button></form><p><a href="/admin/login">${m.login.submit}</a></p>`,
    });
  }

  app.get('/reset', async (request, reply) => sendPage(reply, 200, resetRequestPage(request.admin!)));

  app.post('/reset', async (request, reply) => {
    const ctx = request.admin!;
    const email = (fieldsOf(request.body).email ?? '').trim().toLowerCase().slice(0, 320);
    const account = email ? await accounts.byEmail(email) : undefined;
    // the same answer whether or not the address has an account: no one learns who works here
    if (account && rolesIn(account, ctx.portal.id).length > 0 && (await resets.recentCount(account.id)) < 5) {
      const token = await resets.create(account.id, ctx.portal.id);
      const link = `${ctx.portal.url}/admin/reset/${token}`;
      const name = ctx.portal.name[ctx.lang] ?? ctx.portal.name.vi;
      await mailer.send({ to: account.email, subject: ctx.m.reset.mailSubject(name), text: ctx.m.reset.mailText(link, RESET_MINUTES) });
      await log(request, 'password-reset-requested', { account });
    }
    return sendPage(reply, 200, resetRequestPage(ctx, true));
  });

  function newPasswordPage(ctx: AdminContext, token: string, errors = new Map<string, string>()) {
    const { m } = ctx;
    return page(ctx, {
      title: m.reset.newTitle,
      body: html`<h1>${m.reset.newTitle}</h1>${errorSummary(ctx, errors)}
<form method="post" action="/admin/reset/${token}" class="card">${csrfField(ctx)}
${input({ name: 'password', label: m.reset.newPassword, type: 'password', required: true, autocomplete: 'new-password', errors, path: '/password' })}
${input({ name: 'confirm', label: m.reset.confirm, type: 'password', required: true, autocomplete: 'new-password', errors, path: '/confirm' })}
<button type="submit">${m.common.save}</button></form>`,
    });
  }

  const invalidReset = (ctx: AdminContext, reply: FastifyReply) =>
    sendPage(reply, 400, page(ctx, { title: ctx.m.reset.title, body: html`<h1>${ctx.m.reset.title}</h1><div class="alert" role="alert"><p>${ctx.m.reset.invalid}</p></div><p><a href="/admin/reset">${ctx.m.reset.submit}</a></p>` }));

  app.get('/reset/:token', async (request, reply) => {
    const ctx = request.admin!;
    const token = (request.params as { token: string }).token;
    if (!(await resets.check(token, ctx.portal.id))) return invalidReset(ctx, reply);
    return sendPage(reply, 200, newPasswordPage(ctx, token));
  });

  app.post('/reset/:token', async (request, reply) => {
    const ctx = request.admin!;
    const token = (request.params as { token: string }).token;
    const accountId = await resets.check(token, ctx.portal.id);
    if (!accountId) return invalidReset(ctx, reply);
    const f = fieldsOf(request.body);
    const errors = errorMap(ctx, checkPasswordStrength(f.password));
    if (!errors.size && f.password !== f.confirm) errors.set('/confirm', ctx.m.reset.mismatch);
    if (errors.size) return sendPage(reply, 422, newPasswordPage(ctx, token, errors));
    if (!(await resets.consume(token))) return invalidReset(ctx, reply);
    await accounts.setPassword(accountId, f.password);
    // whoever held a session before the reset (perhaps the reason for it) holds none after
    await passwordChanged({ sessions, resets }, accountId);
    const account = await accounts.byId(accountId);
    if (account) await throttle.succeeded(account.email);
    await log(request, 'password-reset', { account });
    throw new Redirect('/admin/login?notice=reset-done');
  });
}
