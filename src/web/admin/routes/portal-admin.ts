import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.ts';
import { ConflictError, ValidationError } from '../../../lib/errors.ts';
import { isRole, ROLES } from '../../../modules/accounts/index.ts';
import { AUDIT_ACTIONS, auditCsv, type AuditFilter } from '../../../modules/audit/index.ts';
import { html } from '../../site/html.ts';
import { requestContext } from '../../request-context.ts';
import { fieldsOf, HttpError, idParam, portalAdmin, Redirect, sendPage, type Gate } from '../http.ts';
import { csrfField, errorMap, errorSummary, formatTime, input, page, select, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { sectionHeaderExtras, sectionRowExtras } from './portal-settings.ts';
import { ACCOUNT_MESSAGES } from '../i18n-accounts.ts';

// Portal administration, for the portal's `admin` role only: the audit log
// (view, filter, CSV), users and their roles, API tokens, security settings,
// sections and sub-sites (chuyên trang).

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function portalAdminRoutes(app: FastifyInstance, services: Services) {
  const { audit, accounts, portals } = services;

  // every change here is audited by the module that makes it, from the request's context
  const asked = (request: FastifyRequest, gate: Gate) => requestContext(request, gate.ctx.portal, gate.account);

  const render = async (gate: Gate, current: string, title: string, body: ReturnType<typeof html>) => page(gate.ctx, { title, current, otherPortals: await otherPortals(services, gate.ctx), body: html`${body}` });

  // ---------- audit log ----------
  function auditFilter(q: Record<string, string | undefined>): AuditFilter {
    return {
      action: (AUDIT_ACTIONS as readonly string[]).includes(q.action ?? '') ? q.action : undefined,
      actor: q.actor?.trim() ? q.actor.trim().slice(0, 200) : undefined,
      target: q.target?.trim() ? q.target.trim().slice(0, 100) : undefined,
      from: DATE.test(q.from ?? '') ? q.from : undefined,
      to: DATE.test(q.to ?? '') ? q.to : undefined,
      before: /^\d{1,12}$/.test(q.before ?? '') ? Number(q.before) : undefined,
    };
  }

  app.get('/audit', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const { m } = ctx;
    const filter = auditFilter(request.query as Record<string, string | undefined>);
    const entries = await audit.list(ctx.portal.id, { ...filter, limit: 101 });
    const shown = entries.slice(0, 100);
    const params = new URLSearchParams(Object.entries({ action: filter.action, actor: filter.actor, target: filter.target, from: filter.from, to: filter.to }).filter((e): e is [string, string] => Boolean(e[1])));
    const body = html`<h1>${m.audit.title}</h1>
<form method="get" action="/admin/audit" class="card inline" role="search">
${select({ name: 'action', label: m.audit.action, value: filter.action ?? '', options: [{ value: '', label: m.common.all }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))] })}
${input({ name: 'actor', label: m.audit.actor, value: filter.actor })}
${input({ name: 'target', label: m.audit.target, value: filter.target })}
${input({ name: 'from', label: m.audit.fromDate, type: 'date', value: filter.from })}
${input({ name: 'to', label: m.audit.toDate, type: 'date', value: filter.to })}
<button type="submit">${m.common.filter}</button></form>
<p><a href="/admin/audit.csv?${params.toString()}" download>${m.audit.export}</a></p>
${
  shown.length === 0
    ? html`<p>${m.audit.empty}</p>`
    : html`<table><caption class="visually-hidden">${m.audit.title}</caption><thead><tr><th scope="col">${m.common.when}</th><th scope="col">${m.audit.actor}</th><th scope="col">${m.audit.action}</th><th scope="col">${m.audit.target}</th><th scope="col">${m.audit.detail}</th><th scope="col">${m.audit.ip}</th></tr></thead><tbody>
${shown.map((e) => html`<tr><td>${formatTime(ctx, e.at)}</td><td>${e.actor ?? ''}</td><td>${e.action}</td><td>${e.target ?? ''}</td><td><code>${Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</code></td><td>${e.ip}</td></tr>`)}
</tbody></table>`
}
${entries.length > 100 ? html`<p><a href="/admin/audit?${params.toString()}${params.size ? '&' : ''}before=${shown[shown.length - 1].id}">${m.common.next}</a></p>` : ''}`;
    return sendPage(reply, 200, await render(gate, 'audit', m.audit.title, body));
  });

  app.get('/audit.csv', async (request, reply) => {
    const gate = portalAdmin(request);
    const entries = await audit.list(gate.ctx.portal.id, { ...auditFilter(request.query as Record<string, string | undefined>), limit: 10_000 });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${gate.ctx.portal.slug}.csv"`)
      .send(`\uFEFF${auditCsv(entries)}`);
  });

  // ---------- users and roles ----------
  app.get('/users', async (request, reply) => {
    const gate = portalAdmin(request);
    return sendPage(reply, 200, await render(gate, 'users', gate.ctx.m.users.title, await usersBody(gate)));
  });

  async function usersBody(gate: Gate, errors: Errors = new Map(), values: Record<string, string> = {}) {
    const { ctx } = gate;
    const { m } = ctx;
    const members = await accounts.members(ctx.portal.id);
    const roleOptions = ROLES.map((r) => ({ value: r, label: m.roles[r] }));
    return html`<h1>${m.users.title}</h1>${errorSummary(ctx, errors)}
<table><caption class="visually-hidden">${m.users.title}</caption><thead><tr><th scope="col">${m.users.email}</th><th scope="col">${m.users.name}</th><th scope="col">${m.users.roles}</th></tr></thead><tbody>
${members.map((u) => html`<tr><td>${u.email}</td><td>${u.name}</td><td><ul>${u.roles.map((r) => html`<li>${m.roles[r]} <form method="post" action="/admin/users/revoke" data-confirm="${m.users.revoke}: ${u.email} — ${m.roles[r]}">${csrfField(ctx)}<input type="hidden" name="account" value="${u.id}"><input type="hidden" name="role" value="${r}"><button type="submit" class="linkish">${m.users.revoke}<span class="visually-hidden"> ${m.roles[r]} ${u.email}</span></button></form></li>`)}</ul></td></tr>`)}
</tbody></table>
<form method="post" action="/admin/users" class="card"><h2>${m.users.add}</h2>${csrfField(ctx)}
${input({ name: 'email', label: m.users.email, type: 'email', value: values.email, required: true, errors, path: '/email', autocomplete: 'off' })}
${input({ name: 'name', label: m.users.name, value: values.name, errors, path: '/name', autocomplete: 'off' })}
${select({ name: 'role', label: m.users.role, value: values.role ?? 'writer', options: roleOptions, errors, path: '/role' })}
${input({ name: 'password', label: m.users.password, hint: ACCOUNT_MESSAGES[ctx.lang].passwordHint, type: 'password', errors, path: '/password', autocomplete: 'new-password' })}
<button type="submit">${m.users.grant}</button></form>`;
  }

  app.post('/users', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const f = fieldsOf(request.body);
    let existing: boolean;
    try {
      // the password field sets the password of a new account only: an existing one (perhaps used in other
      // portals, perhaps their admin) keeps its own, changed by its owner or a reset link alone
      const account = await accounts.addUser({ email: f.email ?? '', name: f.name?.trim() || undefined, portalId: ctx.portal.id, role: f.role ?? '', ...(f.password ? { password: f.password } : {}) }, asked(request, gate));
      existing = !account.created;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, 422, await render(gate, 'users', ctx.m.users.title, await usersBody(gate, errorMap(ctx, err.errors), { ...f, password: '' })));
    }
    throw new Redirect(`/admin/users?notice=${existing ? 'granted-existing' : 'granted'}`);
  });

  app.post('/users/revoke', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const f = fieldsOf(request.body);
    const accountId = idParam(f.account);
    if (!isRole(f.role)) throw new HttpError(400);
    // an admin cannot lock the portal out of its own administration by accident
    if (accountId === gate.account.id && f.role === 'admin') {
      return sendPage(reply, 409, await render(gate, 'users', ctx.m.users.title, await usersBody(gate, new Map([['/role', ctx.m.users.selfAdmin]]))));
    }
    if (!(await accounts.revokeRole(accountId, ctx.portal.id, f.role, asked(request, gate)))) throw new HttpError(404);
    // sessions of this portal end with the role, so a revoked member is out at once (sessions elsewhere are not this admin's to end)
    const target = await accounts.byId(accountId);
    if (target && (target.roles.get(ctx.portal.id)?.length ?? 0) === 0) await services.sessions.sessions.endAllOnPortal(accountId, ctx.portal.id);
    throw new Redirect('/admin/users?notice=revoked');
  });

  // ---------- API tokens ----------
  async function tokensBody(gate: Gate, fresh?: string) {
    const { ctx } = gate;
    const { m } = ctx;
    const x = ACCOUNT_MESSAGES[ctx.lang];
    const tokens = await accounts.tokensForPortal(ctx.portal.id);
    return html`<h1>${m.tokens.title}</h1>
<p>${x.tokensScope}</p>
${fresh ? html`<div class="notice" role="status"><p>${m.tokens.created} ${m.tokens.copyNow}</p><p class="token" id="new-token">${fresh}</p></div>` : ''}
<form method="post" action="/admin/tokens" class="card inline">${csrfField(ctx)}${input({ name: 'name', label: m.tokens.name, required: true, attrs: html` maxlength="100"` })}
${input({ name: 'expires', label: x.expiresDays, hint: x.expiresHint, type: 'number', attrs: html` min="1" max="3650"` })}<button type="submit">${m.tokens.create}</button></form>
<table><caption class="visually-hidden">${m.tokens.title}</caption><thead><tr><th scope="col">${m.tokens.name}</th><th scope="col">${m.tokens.owner}</th><th scope="col">${m.common.when}</th><th scope="col">${m.tokens.lastUsed}</th><th scope="col">${x.expires}</th><th scope="col">${m.items.status}</th></tr></thead><tbody>
${tokens.map((t) => html`<tr><td>${t.name}</td><td>${t.email}</td><td>${formatTime(ctx, t.createdAt)}</td><td>${t.lastUsedAt ? formatTime(ctx, t.lastUsedAt) : m.tokens.never}</td><td>${t.expiresAt ? formatTime(ctx, t.expiresAt) : x.noExpiry}</td><td>${t.revokedAt ? `${m.tokens.revoked} ${formatTime(ctx, t.revokedAt)}` : html`${t.expiresAt && Date.parse(t.expiresAt) <= services.clock().getTime() ? x.expired : m.tokens.active} <form method="post" action="/admin/tokens/${t.id}/revoke" data-confirm="${m.tokens.revoke}: ${t.name}">${csrfField(ctx)}<button type="submit" class="linkish">${m.tokens.revoke}<span class="visually-hidden"> ${t.name}</span></button></form>`}</td></tr>`)}
</tbody></table>`;
  }

  app.get('/tokens', async (request, reply) => {
    const gate = portalAdmin(request);
    return sendPage(reply, 200, await render(gate, 'tokens', gate.ctx.m.tokens.title, await tokensBody(gate)));
  });

  app.post('/tokens', async (request, reply) => {
    const gate = portalAdmin(request);
    const f = fieldsOf(request.body);
    const name = (f.name ?? '').trim().slice(0, 100) || 'admin';
    const days = f.expires?.trim() ? Number(f.expires) : undefined;
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650)) throw new HttpError(422);
    // a token made here acts here only, whatever roles its owner holds in other portals
    const token = await accounts.createToken(gate.account.email, name, { portalId: gate.ctx.portal.id, expiresInDays: days }, asked(request, gate));
    // shown once, on this answer only (no-store): the store keeps just its hash
    return sendPage(reply, 201, await render(gate, 'tokens', gate.ctx.m.tokens.title, await tokensBody(gate, token)));
  });

  app.post('/tokens/:id/revoke', async (request) => {
    const gate = portalAdmin(request);
    const tokenId = idParam((request.params as { id: string }).id);
    const token = (await accounts.tokensForPortal(gate.ctx.portal.id)).find((t) => t.id === tokenId);
    if (!token) throw new HttpError(404);
    try {
      await accounts.revokeToken(token.id, token.accountId, asked(request, gate));
    } catch (err) {
      // already revoked: nothing changed, so nothing to audit
      if (!(err instanceof ConflictError)) throw err;
    }
    throw new Redirect('/admin/tokens?notice=token-revoked');
  });

  // ---------- settings ----------
  // GET /settings (the portal's names, look and contact details beside this switch) is in portal-settings.ts
  app.post('/settings', async (request, reply) => {
    const gate = portalAdmin(request);
    const requireTwoFactor = fieldsOf(request.body).require2fa === '1';
    // an admin without a second factor would shut themself out with this switch
    if (requireTwoFactor && !gate.ctx.twoFactorEnabled) {
      return sendPage(
        reply,
        422,
        page(gate.ctx, {
          title: gate.ctx.m.settings.title,
          current: 'settings',
          body: html`<h1>${gate.ctx.m.settings.title}</h1><div class="alert" role="alert"><p>${gate.ctx.m.settings.ownFirst}</p></div><p><a href="/admin/account">${gate.ctx.m.nav.account}</a></p>`,
        }),
      );
    }
    await services.sessions.security.set(gate.ctx.portal.id, { requireTwoFactor }, { ...asked(request, gate), portalSlug: gate.ctx.portal.slug });
    throw new Redirect('/admin/settings?notice=settings-saved');
  });

  // ---------- sections and sub-sites ----------
  async function sectionsBody(gate: Gate, errors: Errors = new Map(), values: Record<string, string> = {}) {
    const { ctx } = gate;
    const { m } = ctx;
    const sections = await portals.sections(ctx.portal.id);
    return html`<h1>${m.sections.title}</h1>${errorSummary(ctx, errors)}
<table><caption class="visually-hidden">${m.sections.title}</caption><thead><tr><th scope="col">${m.sections.slug}</th><th scope="col">${m.sections.nameVi}</th><th scope="col">${m.sections.kind}</th><th scope="col">${m.sections.parent}</th>${sectionHeaderExtras(ctx.lang)}</tr></thead><tbody>
${sections.map((s) => html`<tr><td><a href="/${s.slug}">${s.slug}</a></td><td>${s.name.vi}</td><td>${s.kind === 'subsite' ? m.sections.subsite : m.sections.section}</td><td>${s.parent ?? ''}</td>${sectionRowExtras(ctx.lang, s)}</tr>`)}
</tbody></table>
<form method="post" action="/admin/sections" class="card"><h2>${m.sections.add}</h2>${csrfField(ctx)}
${input({ name: 'slug', label: m.sections.slug, value: values.slug, required: true, errors, path: '/slug', attrs: html` pattern="[a-z0-9]+(-[a-z0-9]+)*"` })}
${select({
  name: 'kind',
  label: m.sections.kind,
  value: values.kind ?? 'section',
  options: [
    { value: 'section', label: m.sections.section },
    { value: 'subsite', label: m.sections.subsite },
  ],
  errors,
  path: '/kind',
})}
${select({ name: 'parent', label: m.sections.parent, value: values.parent ?? '', options: [{ value: '', label: m.editor.noSection }, ...sections.map((s) => ({ value: s.slug, label: s.name.vi }))], errors, path: '/parent' })}
${input({ name: 'name_vi', label: m.sections.nameVi, value: values.name_vi, required: true, errors, path: '/names/vi' })}
${input({ name: 'name_en', label: m.sections.nameEn, value: values.name_en, errors, path: '/names/en' })}
${input({ name: 'name_zh', label: m.sections.nameZh, value: values.name_zh, errors, path: '/names/zh' })}
${input({ name: 'color', label: m.sections.color, value: values.color, errors, path: '/themeColor', attrs: html` pattern="#[0-9a-fA-F]{6}"` })}
<button type="submit">${m.sections.add}</button></form>`;
  }

  app.get('/sections', async (request, reply) => {
    const gate = portalAdmin(request);
    return sendPage(reply, 200, await render(gate, 'sections', gate.ctx.m.sections.title, await sectionsBody(gate)));
  });

  app.post('/sections', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const f = fieldsOf(request.body);
    const names: Record<string, string> = { vi: f.name_vi ?? '' };
    if (f.name_en?.trim()) names.en = f.name_en;
    if (f.name_zh?.trim()) names.zh = f.name_zh;
    try {
      await portals.createSection(
        ctx.portal,
        {
          slug: (f.slug ?? '').trim(),
          kind: f.kind === 'subsite' ? 'subsite' : 'section',
          names,
          ...(f.parent ? { parent: f.parent } : {}),
          ...(f.color?.trim() ? { themeColor: f.color.trim() } : {}),
        },
        asked(request, gate),
      );
    } catch (err) {
      if (err instanceof ValidationError) return sendPage(reply, 422, await render(gate, 'sections', ctx.m.sections.title, await sectionsBody(gate, errorMap(ctx, err.errors), f)));
      if (err instanceof ConflictError) return sendPage(reply, 409, await render(gate, 'sections', ctx.m.sections.title, await sectionsBody(gate, new Map([['/slug', err.message]]), f)));
      throw err;
    }
    throw new Redirect('/admin/sections?notice=section-created');
  });
}
