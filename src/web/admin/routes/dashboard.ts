import type { FastifyInstance } from 'fastify';
import { own } from '../../../lib/own.ts';
import type { Portal } from '../../../modules/portals/index.ts';
import type { EditorialRow } from '../../../modules/content/index.ts';
import { type State, STATES } from '../../../modules/workflow/index.ts';
import type { Services } from '../../../services.ts';
import { html, type SafeHtml } from '../../site/html.ts';
import { allows, member, sendPage, type AdminContext } from '../http.ts';
import { formatTime, page, stateBadge } from '../layout.ts';

// The dashboard: what waits for me, what I wrote, what goes out next, and
// which published items still lack their translations.

/** The portals other than this one where the signed-in account holds a role (for the switcher). */
export async function otherPortals(services: Services, ctx: AdminContext): Promise<Portal[]> {
  if (!ctx.account) return [];
  const all = await services.portals.list();
  return all.filter((p) => p.id !== ctx.portal.id && (ctx.account!.roles.get(p.id)?.length ?? 0) > 0);
}

export function itemRows(ctx: AdminContext, rows: EditorialRow[], extra?: (r: EditorialRow) => SafeHtml | string): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${ctx.m.dashboard.empty}</p>`;
  return html`<ul>${rows.map(
    (r) =>
      html`<li><a href="/admin/items/${r.id}">${r.title}</a> ${stateBadge(ctx, r.status)} <span class="muted">${own(ctx.m.types, r.type) ?? r.type} · ${r.lang} · ${formatTime(ctx, r.status === 'scheduled' ? r.scheduledAt : r.status === 'published' ? r.publishedAt : r.updatedAt)}</span>${extra ? extra(r) : ''}</li>`,
  )}</ul>`;
}

export function dashboardRoutes(app: FastifyInstance, services: Services) {
  const { editorial } = services;

  app.get('/', async (request, reply) => {
    const gate = member(request);
    const { ctx, account } = gate;
    const { m } = ctx;
    const portalId = ctx.portal.id;
    const others = await otherPortals(services, ctx);
    if (!allows(gate, 'content.read-drafts')) {
      return sendPage(reply, 200, page(ctx, { title: m.dashboard.title, current: 'dashboard', otherPortals: others, body: html`<h1>${m.dashboard.title}</h1><p>${m.dashboard.noNewsroom}</p>` }));
    }
    // what waits for this member: submissions it may send back, approvals it may publish
    const reviewStates: State[] = [allows(gate, 'item.reject', { status: 'submitted', ownerId: null }) && 'submitted', allows(gate, 'item.publish', { status: 'approved', ownerId: null }) && 'approved'].filter(
      (s): s is State => s !== false,
    );
    const [counts, mine, sentBack, waiting, scheduled, recent, gaps] = await Promise.all([
      editorial.countsByStatus(portalId),
      editorial.list(portalId, { statuses: ['draft'], authorId: account.id, limit: 10 }),
      editorial.sentBackTo(portalId, account.id),
      reviewStates.length ? editorial.list(portalId, { statuses: reviewStates, limit: 15 }) : Promise.resolve([]),
      editorial.list(portalId, { statuses: ['scheduled'], order: 'scheduled', limit: 10 }),
      editorial.list(portalId, { statuses: ['published'], order: 'published', limit: 10 }),
      editorial.translationGaps(portalId, ctx.portal.languages, 15),
    ]);
    const body = html`<h1>${m.dashboard.title}</h1>
<section aria-labelledby="h-counts"><h2 id="h-counts">${m.dashboard.counts}</h2>
<ul class="counts">${STATES.map((s) => html`<li><a href="/admin/items?status=${s}"><strong>${counts[s]}</strong>${m.states[s]}</a></li>`)}</ul></section>
<div class="grid">
${sentBack.length ? html`<section class="card" aria-labelledby="h-back"><h2 id="h-back">${m.dashboard.sentBack}</h2>${itemRows(ctx, sentBack, (r) => html`<br><span>${m.dashboard.reason}: ${(r as (typeof sentBack)[number]).note ?? ''}</span>`)}</section>` : ''}
${reviewStates.length ? html`<section class="card" aria-labelledby="h-wait"><h2 id="h-wait">${m.dashboard.waiting}</h2>${itemRows(ctx, waiting)}</section>` : ''}
<section class="card" aria-labelledby="h-mine"><h2 id="h-mine">${m.dashboard.myDrafts}</h2>${itemRows(ctx, mine)}</section>
<section class="card" aria-labelledby="h-sched"><h2 id="h-sched">${m.dashboard.scheduled}</h2>${itemRows(ctx, scheduled)}</section>
<section class="card" aria-labelledby="h-recent"><h2 id="h-recent">${m.dashboard.recent}</h2>${itemRows(ctx, recent)}</section>
${
  ctx.portal.languages.length > 1
    ? html`<section class="card" aria-labelledby="h-missing"><h2 id="h-missing">${m.dashboard.missing}</h2>${
        gaps.length
          ? html`<ul>${gaps.map(
              (g) => html`<li><a href="/admin/items/${g.sourceId}">${g.title}</a>
${g.missing.length ? html`<br><span>${m.dashboard.missingLangs}: ${g.missing.map((l) => m.langs[l]).join(', ')}</span>` : ''}
${g.outdated.length ? html`<br><span>${m.dashboard.outdated}: ${g.outdated.map((o) => html`<a href="/admin/items/${o.id}">${m.langs[o.lang]}</a> `)}</span>` : ''}</li>`,
            )}</ul>`
          : html`<p class="muted">${m.dashboard.empty}</p>`
      }</section>`
    : ''
}
</div>`;
    return sendPage(reply, 200, page(ctx, { title: m.dashboard.title, current: 'dashboard', otherPortals: others, body }));
  });
}
