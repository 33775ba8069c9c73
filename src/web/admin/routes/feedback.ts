import { peerError } from '../platform-errors.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { own } from '../../../lib/own.ts';
import type { Services } from '../../../services.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../lib/errors.ts';
import { STATUSES, type CaseDetail } from '../../../modules/feedback/index.ts';
import { html, type SafeHtml } from '../../site/html.ts';
import { fieldsOf, HttpError, idParam, permitted, Redirect, sendPage, type Gate } from '../http.ts';
import { can, memberOf } from '../../../modules/policy/index.ts';
import { csrfField, errorMap, errorSummary, formatTime, page, select, textarea, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { requestContext } from '../../request-context.ts';

// The feedback officers' desk in the admin: the portal's inbox with overdue
// cases flagged, and one case at a time with the submitter's details (each
// opening audited), the files, the history and the steps open from its
// status. The rules of who may take which step live in the feedback module;
// this page only offers them and reports its refusals.

const desk = (request: FastifyRequest): Gate => permitted(request, 'feedback.desk');

/** Steps each status leaves open, for the buttons (the service checks roles and status again). */
const OPEN_STEPS: Record<string, string[]> = {
  received: ['register', 'assign', 'request-info', 'answer', 'forward', 'reject', 'note'],
  'in-progress': ['assign', 'request-info', 'answer', 'forward', 'reject', 'note'],
  'info-requested': ['assign', 'answer', 'forward', 'reject', 'note'],
  answered: ['publish', 'send-back', 'note'],
  published: ['note'],
  rejected: ['note'],
  forwarded: ['note'],
};

export function feedbackDeskRoutes(app: FastifyInstance, services: Services) {
  const { feedback, accounts } = services;

  app.get('/feedback', async (request, reply) => {
    const gate = desk(request);
    const { ctx } = gate;
    const m = ctx.m.feedback;
    const q = request.query as { status?: string; overdue?: string; notice?: string };
    const status = (STATUSES as readonly string[]).includes(q.status ?? '') ? q.status : undefined;
    const overdue = q.overdue === '1';
    const cases = await feedback.inbox(ctx.portal, { status, overdue, limit: 200 });
    const body = html`<h1>${m.title}</h1>
<form method="get" action="/admin/feedback" class="card inline" role="search">
${select({ name: 'status', label: m.status, value: status ?? '', options: [{ value: '', label: ctx.m.common.all }, ...STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))] })}
<div class="field"><input type="checkbox" id="f-overdue" name="overdue" value="1"${overdue ? html` checked` : ''}> <label for="f-overdue" class="check-label">${m.onlyOverdue}</label></div>
<button type="submit">${ctx.m.common.filter}</button></form>
${
  cases.length === 0
    ? html`<p>${m.empty}</p>`
    : html`<table><caption class="visually-hidden">${m.title}</caption><thead><tr><th scope="col">${m.code}</th><th scope="col">${m.kind}</th><th scope="col">${m.titleCol}</th><th scope="col">${m.askedBy}</th><th scope="col">${m.status}</th><th scope="col">${m.due}</th></tr></thead><tbody>
${cases.map(
  (c) =>
    html`<tr><td><a href="/admin/feedback/${c.id}">${c.trackingCode}</a></td><td>${m.kinds[c.kind]}</td><td>${c.title}</td><td>${c.initials}</td><td>${m.statuses[c.status]}</td><td>${c.dueDate}${c.overdue ? html` <strong class="badge">${m.overdue}</strong>` : ''}</td></tr>`,
)}
</tbody></table>`
}`;
    return sendPage(reply, 200, page(ctx, { title: m.title, current: 'feedback', otherPortals: await otherPortals(services, ctx), body }));
  });

  async function casePage(request: FastifyRequest, gate: Gate, reply: FastifyReply, id: number, opts: { errors?: Errors; message?: string; status?: number; notice?: boolean } = {}) {
    const { ctx } = gate;
    const m = ctx.m.feedback;
    let c: CaseDetail;
    try {
      c = await feedback.caseForOfficer(requestContext(request, ctx.portal, gate.account), ctx.portal, id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      throw err;
    }
    const officers = (await accounts.members(ctx.portal.id)).filter((u) => can(memberOf(ctx.portal.id, u), 'feedback.cases', { portal: ctx.portal }));
    // this deployment's other portals, and the connected portals of other deployments (by address)
    const targets = await feedback.forwardTargets(ctx.portal);
    const step = (action: string, inner: SafeHtml | '' = '') =>
      html`<details><summary>${m.actions[action]}</summary><form method="post" action="/admin/feedback/${c.id}/act">${csrfField(ctx)}<input type="hidden" name="action" value="${action}">${inner}<button type="submit">${m.actions[action]}</button></form></details>`;
    const forms = (own(OPEN_STEPS, c.status) ?? []).map((a) => {
      if (a === 'assign') return step(a, select({ name: 'assigneeId', label: m.officer, value: c.assigneeId ?? '', options: officers.map((o) => ({ value: String(o.id), label: o.name ? `${o.name} <${o.email}>` : o.email })) }));
      if (a === 'answer') return step(a, textarea({ name: 'answer', label: m.answer, rows: 6, value: c.answer, errors: opts.errors }));
      if (a === 'forward') return step(a, html`${select({ name: 'toPortal', label: m.toPortal, value: '', options: targets.map((t) => ({ value: t.value, label: t.label })) })}${textarea({ name: 'note', label: m.note, rows: 2 })}`);
      // publishing goes through a preview of the redacted text, confirmed there
      if (a === 'publish') return html`<p><a class="button" href="/admin/feedback/${c.id}/publish">${m.actions[a]}</a></p>`;
      if (a === 'register') return step(a);
      return step(a, textarea({ name: 'note', label: m.note, rows: 3, errors: opts.errors }));
    });
    const p = c.personal;
    const body = html`<h1>${c.trackingCode}: ${c.title}</h1>
${opts.notice ? html`<p class="notice" role="status">${m.done}</p>` : ''}${opts.errors || opts.message ? errorSummary(ctx, opts.errors ?? new Map<string, string>(), opts.message) : ''}
<section class="card"><p>${m.kinds[c.kind]} · ${c.field} · ${m.statuses[c.status]} · ${m.due}: ${c.dueDate}${c.overdue ? html` <strong class="badge">${m.overdue}</strong>` : ''}</p>
<h2>${m.content}</h2><p class="prewrap">${c.content}</p>
${c.answer ? html`<h2>${m.answer}</h2><p class="prewrap">${c.answer}</p>` : ''}
${c.forwardedTo ? html`<p>${m.forwardedTo}: ${c.forwardedTo}</p>` : ''}${c.forwardedFrom ? html`<p>${m.forwardedFrom}: ${c.forwardedFrom}</p>` : ''}
${c.remote ? html`<div class="muted">${c.remote.direction === 'outgoing' ? m.forwardedTo : m.forwardedFrom}: ${c.remote.peerName.vi ?? c.remote.peerUrl} &lt;${c.remote.peerUrl}&gt; · ${c.remote.state}${c.remote.status ? html` · ${m.statuses[c.remote.status]}` : ''}${c.remote.lastError ? html` · ${peerError(ctx, c.remote.lastError)}` : ''}</div>` : ''}</section>
<section class="card"><h2>${m.personal}</h2>${
      c.personalWithheld
        ? html`<p>${m.withheld}</p><dl><dt>${m.askedBy}</dt><dd>${c.initials}</dd><dt>${m.submitterType}</dt><dd>${c.submitterType}</dd><dt>${m.consent}</dt><dd>${c.consentToPublish ? ctx.m.common.yes : ctx.m.common.no}</dd></dl>`
        : p
          ? html`<dl><dt>${m.name}</dt><dd>${p.name}</dd><dt>${m.email}</dt><dd>${p.email ?? '—'}</dd><dt>${m.phone}</dt><dd>${p.phone ?? '—'}</dd><dt>${m.address}</dt><dd>${p.address ?? '—'}</dd><dt>${m.submitterType}</dt><dd>${c.submitterType}</dd><dt>${m.consent}</dt><dd>${c.consentToPublish ? ctx.m.common.yes : ctx.m.common.no}</dd></dl>`
          : html`<p>${m.erased}</p>`
    }</section>
${c.attachments.length ? html`<section class="card"><h2>${m.files}</h2><ul>${c.attachments.map((f) => html`<li><a href="/admin/feedback/${c.id}/files/${f.id}" download>${f.filename}</a> (${Math.max(1, Math.round(f.size / 1024))} KB)</li>`)}</ul></section>` : ''}
<section class="card"><h2>${ctx.m.editor.workflow}</h2><div class="actions">${forms}</div></section>
<section class="card"><h2>${m.history}</h2><ol>${c.history.map((h) => html`<li>${formatTime(ctx, h.at)} — ${own(m.actions, h.action) ?? h.action} → ${own(m.statuses, h.status) ?? h.status}${h.internal ? html` (${m.internal})` : ''}${h.note ? html`: ${h.note}` : ''}</li>`)}</ol></section>
<p><a href="/admin/feedback">${ctx.m.common.back}</a></p>`;
    return sendPage(reply, opts.status ?? 200, page(ctx, { title: `${c.trackingCode}`, current: 'feedback', otherPortals: await otherPortals(services, ctx), body }));
  }

  app.get('/feedback/:id', async (request, reply) => {
    const gate = desk(request);
    return casePage(request, gate, reply, idParam((request.params as { id: string }).id), { notice: (request.query as { notice?: string }).notice === 'done' });
  });

  app.get('/feedback/:id/files/:file', async (request, reply) => {
    const gate = desk(request);
    const params = request.params as { id: string; file: string };
    const id = idParam(params.id);
    const file = await feedback.attachmentForOfficer(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id, idParam(params.file)).catch((err) => {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ForbiddenError) throw new HttpError(403);
      throw err;
    });
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(file.data));
  });

  /** The redacted text that publishing would show, and the button that confirms exactly it. */
  async function previewPage(request: FastifyRequest, gate: Gate, reply: FastifyReply, id: number, opts: { message?: string; status?: number } = {}) {
    const { ctx } = gate;
    const m = ctx.m.feedback;
    let preview: Awaited<ReturnType<typeof feedback.publicationPreview>>;
    try {
      preview = await feedback.publicationPreview(ctx.portal, id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ValidationError || err instanceof ConflictError) return casePage(request, gate, reply, id, { message: err.message, status: err.status });
      throw err;
    }
    const body = html`<h1>${m.previewTitle}</h1>
${opts.message ? errorSummary(ctx, new Map(), opts.message) : ''}
<p>${m.previewIntro}</p><p><strong>${m.redactions(preview.redactions)}</strong></p>
<section class="card"><h2>${preview.title}</h2><h3>${m.content}</h3><p class="prewrap">${preview.question}</p><h3>${m.answer}</h3><p class="prewrap">${preview.answer}</p></section>
<form method="post" action="/admin/feedback/${id}/act">${csrfField(ctx)}<input type="hidden" name="action" value="publish"><input type="hidden" name="previewDigest" value="${preview.digest}"><button type="submit">${m.confirmPublish}</button></form>
<p><a href="/admin/feedback/${id}">${ctx.m.common.back}</a></p>`;
    return sendPage(reply, opts.status ?? 200, page(ctx, { title: m.previewTitle, current: 'feedback', otherPortals: await otherPortals(services, ctx), body }));
  }

  app.get('/feedback/:id/publish', async (request, reply) => {
    const gate = desk(request);
    return previewPage(request, gate, reply, idParam((request.params as { id: string }).id));
  });

  app.post('/feedback/:id/act', async (request, reply) => {
    const gate = desk(request);
    const id = idParam((request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    // the desk publishes only what the officer saw in the preview
    if (f.action === 'publish' && !f.previewDigest) throw new Redirect(`/admin/feedback/${id}/publish`);
    try {
      await feedback.act(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id, gate.actor, {
        previewDigest: f.action === 'publish' ? f.previewDigest : undefined,
        action: f.action,
        note: f.note,
        answer: f.answer,
        toPortal: f.toPortal,
        ...(f.assigneeId ? { assigneeId: Number(f.assigneeId) } : {}),
      });
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ValidationError) return casePage(request, gate, reply, id, { errors: errorMap(gate.ctx, err.errors), status: 422 });
      if (err instanceof ConflictError && f.action === 'publish' && f.previewDigest) return previewPage(request, gate, reply, id, { message: gate.ctx.m.feedback.previewStale, status: 409 });
      if (err instanceof ConflictError) return casePage(request, gate, reply, id, { message: err.message, status: 409 });
      throw err;
    }
    throw new Redirect(`/admin/feedback/${id}?notice=done`);
  });
}
