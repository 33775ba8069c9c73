import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestContext } from '../../request-context.ts';
import type { Services } from '../../../services.ts';
import { ValidationError } from '../../../lib/errors.ts';
import { html, raw } from '../../site/html.ts';
import { fieldsOf, member, Redirect, sendPage, type Gate } from '../http.ts';
import { checkbox, csrfField, errorMap, errorSummary, input, page, type Errors } from '../layout.ts';
import { EXTRA_MESSAGES } from '../i18n-extra.ts';
import { otherPortals } from './dashboard.ts';
import { passwordChanged } from '../../../modules/sessions/index.ts';

// One's own account: two-factor authentication (enrol with a QR code,
// recovery codes shown once, turn off) and the password.

export function accountRoutes(app: FastifyInstance, services: Services) {
  const { accounts } = services;
  const { mfa, sessions, resets } = services.sessions;
  // each change below is audited by the module that makes it, from the request's context
  const asked = (request: FastifyRequest, gate: Gate) => requestContext(request, gate.ctx.portal, gate.account);

  async function accountPage(gate: Gate, opts: { codes?: string[]; enrolError?: string; errors?: Errors; status?: number } = {}) {
    const { ctx, account } = gate;
    const { m } = ctx;
    const enabled = await mfa.isEnabled(account.id);
    const pending = enabled ? undefined : await mfa.pendingEnrolment(account.id, account.email);
    const remaining = enabled ? await mfa.remainingRecoveryCodes(account.id) : 0;
    const errors = opts.errors ?? new Map<string, string>();
    const twoFactor = html`<section class="card" aria-labelledby="h-2fa"><h2 id="h-2fa">${m.account.twoFactor}: ${enabled ? m.account.enabled : m.account.disabled}</h2>
${ctx.requireTwoFactor && !enabled ? html`<div class="alert" role="alert"><p>${m.account.required}</p></div>` : ''}
${opts.codes ? html`<h3>${m.account.codes}</h3><p>${m.account.codesHint}</p><ul class="codes" id="recovery-codes">${opts.codes.map((c) => html`<li>${c}</li>`)}</ul>` : ''}
${
  enabled
    ? html`<p>${m.account.remaining(remaining)}</p><form method="post" action="/admin/account/2fa/disable" data-confirm="${m.account.disable}">${csrfField(ctx)}${input({ name: 'code', label: m.login.code, hint: m.login.codeHint, required: true, autocomplete: 'one-time-code', errors, path: '/code' })}<button type="submit" class="secondary">${m.account.disable}</button></form>`
    : pending
      ? html`<p>${m.account.scan}</p><div class="qr" role="img" aria-label="QR">${raw(pending.qrSvg)}</div>
<p>${m.account.secret}: <code id="totp-secret">${pending.secret}</code></p>
${opts.enrolError ? html`<div class="alert" role="alert"><p>${opts.enrolError}</p></div>` : ''}
<form method="post" action="/admin/account/2fa/confirm">${csrfField(ctx)}${input({ name: 'code', label: m.login.code, required: true, autocomplete: 'one-time-code', attrs: html` inputmode="numeric" maxlength="6"` })}<button type="submit">${m.account.confirm}</button></form>`
      : html`<form method="post" action="/admin/account/2fa/start">${csrfField(ctx)}<button type="submit">${m.account.enable}</button></form>`
}
</section>`;
    const password = html`<section class="card" aria-labelledby="h-pw"><h2 id="h-pw">${m.account.password}</h2>${errorSummary(ctx, new Map([...errors].filter(([k]) => k !== '/code')))}
<form method="post" action="/admin/account/password">${csrfField(ctx)}
<input type="text" name="username" value="${account.email}" autocomplete="username" hidden>
${input({ name: 'current', label: m.account.current, type: 'password', required: true, autocomplete: 'current-password', errors, path: '/current' })}
${input({ name: 'password', label: m.account.newPassword, type: 'password', required: true, autocomplete: 'new-password', errors, path: '/password' })}
<button type="submit">${m.common.save}</button></form></section>`;
    const x = EXTRA_MESSAGES[ctx.lang].notify;
    const notifications = html`<section class="card" aria-labelledby="h-notify"><h2 id="h-notify">${x.title}</h2>
<form method="post" action="/admin/account/notifications">${csrfField(ctx)}${checkbox({ name: 'workflow', label: x.workflow, hint: x.workflowHint, checked: await accounts.wantsWorkflowMail(account.id) })}<button type="submit">${m.common.save}</button></form></section>`;
    return page(ctx, {
      title: m.account.title,
      current: 'account',
      otherPortals: await otherPortals(services, ctx),
      body: html`<h1>${m.account.title}</h1><p>${account.email}</p><div class="grid">${twoFactor}${password}${notifications}</div>`,
    });
  }

  app.get('/account', async (request, reply) => sendPage(reply, 200, await accountPage(member(request))));

  app.post('/account/2fa/start', async (request) => {
    const gate = member(request);
    await mfa.startEnrolment(gate.account.id, gate.account.email);
    throw new Redirect('/admin/account');
  });

  app.post('/account/2fa/confirm', async (request, reply) => {
    const gate = member(request);
    const codes = await mfa.confirmEnrolment(gate.account.id, (fieldsOf(request.body).code ?? '').slice(0, 20), asked(request, gate));
    if (!codes) return sendPage(reply, 422, await accountPage(gate, { enrolError: gate.ctx.m.account.wrongCode }));
    gate.ctx.twoFactorEnabled = true;
    return sendPage(reply, 200, await accountPage(gate, { codes }));
  });

  app.post('/account/2fa/disable', async (request, reply) => {
    const gate = member(request);
    // the portal's rule wins over the member's wish
    if (gate.ctx.requireTwoFactor) return sendPage(reply, 403, await accountPage(gate, { errors: new Map([['/code', gate.ctx.m.account.required]]), status: 403 }));
    if (!(await mfa.verify(gate.account.id, (fieldsOf(request.body).code ?? '').slice(0, 40)))) {
      return sendPage(reply, 422, await accountPage(gate, { errors: new Map([['/code', gate.ctx.m.account.wrongCode]]) }));
    }
    await mfa.disable(gate.account.id, asked(request, gate));
    throw new Redirect('/admin/account?notice=settings-saved');
  });

  app.post('/account/notifications', async (request) => {
    const gate = member(request);
    const on = fieldsOf(request.body).workflow === '1';
    await accounts.setWorkflowMail(gate.account.id, on, asked(request, gate));
    throw new Redirect('/admin/account?notice=notify-saved');
  });

  app.post('/account/password', async (request, reply) => {
    const gate = member(request);
    const { ctx, account } = gate;
    const f = fieldsOf(request.body);
    if (!(await accounts.checkPassword(account.email, f.current ?? ''))) {
      return sendPage(reply, 422, await accountPage(gate, { errors: new Map([['/current', ctx.m.account.wrongPassword]]) }));
    }
    try {
      await accounts.setPassword(account.id, f.password ?? '', { ctx: asked(request, gate), action: 'password-changed' });
    } catch (err) {
      if (err instanceof ValidationError) return sendPage(reply, 422, await accountPage(gate, { errors: errorMap(ctx, err.errors) }));
      throw err;
    }
    // the owner's own session stays; any other (perhaps the reason for the change) ends
    await passwordChanged({ sessions, resets }, account.id, gate.session.id);
    throw new Redirect('/admin/account?notice=password-changed');
  });
}
