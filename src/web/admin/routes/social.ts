import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app.ts';
import { ConflictError, NotFoundError } from '../../../lib/errors.ts';
import { html } from '../../site/html.ts';
import { HttpError, idParam, newsroom, Redirect, sendPage } from '../http.ts';
import { csrfField, formatTime, page } from '../layout.ts';
import { otherPortals } from './dashboard.ts';

// The portal's social channels as editors see them: which are connected and
// whether each needs reconnecting, and what was posted where lately, with a
// "try again" for what did not get through. Channels are connected and
// changed through the API (their credentials never pass through a page).

export function socialRoutes(app: FastifyInstance, services: Services) {
  const { social, store } = services;

  app.get('/channels', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx } = gate;
    const m = ctx.m.social;
    const notice = (request.query as { notice?: string }).notice === 'retried' ? html`<p class="notice" role="status">${m.retried}</p>` : '';
    const channels = await social.channels.list(ctx.portal);
    const ids = channels.map((c) => c.id);
    const rows = ids.length
      ? await store.db
          .selectFrom('social_deliveries as d' as any)
          .innerJoin('content_items as ci', 'ci.id', 'd.item_id' as any)
          .select(['d.id as id', 'd.item_id as itemId', 'd.channel_id as channelId', 'd.status as status', 'd.attempts as attempts', 'd.last_error as lastError', 'd.remote_url as remoteUrl', 'd.updated_at as updatedAt', 'ci.title as title'] as any)
          .where('d.channel_id' as any, 'in', ids)
          .orderBy('d.id' as any, 'desc')
          .limit(50)
          .execute()
      : [];
    const nameOf = new Map(channels.map((c) => [c.id, `${c.name} (${c.platform})`]));
    const mayRetry = gate.actor.roles.some((r) => r === 'editor' || r === 'editor-in-chief' || r === 'admin');
    const body = html`<h1>${m.title}</h1>${notice}
<h2>${m.channels}</h2>
${channels.length === 0
      ? html`<p>${m.none}</p>`
      : html`<table><thead><tr><th scope="col">${m.name}</th><th scope="col">${m.platform}</th><th scope="col">${m.status}</th><th scope="col">${m.auto}</th><th scope="col">${m.languages}</th></tr></thead><tbody>
${channels.map((c) => html`<tr><td>${c.name}</td><td>${c.platform}</td><td>${m.statuses[c.status] ?? c.status}${c.statusReason ? html`<br><small>${c.statusReason}</small>` : ''}</td><td>${c.autoPublish ? ctx.m.common.yes : ctx.m.common.no}</td><td>${c.languages.join(', ')}</td></tr>`)}
</tbody></table>`}
<p><small>${m.howToAdd}</small></p>
<h2>${m.deliveries}</h2>
${rows.length === 0
      ? html`<p>${m.noDeliveries}</p>`
      : html`<table><thead><tr><th scope="col">${m.item}</th><th scope="col">${m.channel}</th><th scope="col">${m.status}</th><th scope="col">${m.attempts}</th><th scope="col">${m.error}</th><th scope="col">${ctx.m.common.when}</th><th scope="col">${m.remote}</th></tr></thead><tbody>
${(rows as any[]).map(
  (r) => html`<tr><td><a href="/admin/items/${r.itemId}">${r.title}</a></td><td>${nameOf.get(r.channelId) ?? ''}</td><td>${m.statuses[r.status] ?? r.status}</td><td>${r.attempts}</td><td>${r.lastError ?? ''}</td><td>${formatTime(ctx, r.updatedAt)}</td><td>${r.remoteUrl && /^https?:\/\//.test(r.remoteUrl) ? html`<a href="${r.remoteUrl}" rel="noopener noreferrer">${ctx.m.common.open}</a>` : ''}${
    mayRetry && (r.status === 'failed' || r.status === 'needs-reauth')
      ? html`<form method="post" action="/admin/deliveries/${r.id}/retry">${csrfField(ctx)}<button type="submit" class="secondary">${m.retry}</button></form>`
      : ''
  }</td></tr>`,
)}
</tbody></table>`}`;
    return sendPage(reply, 200, await page(ctx, { title: m.title, current: 'channels', otherPortals: await otherPortals(services, ctx), body }));
  });

  app.post('/deliveries/:id/retry', async (request) => {
    const gate = newsroom(request);
    if (!gate.actor.roles.some((r) => r === 'editor' || r === 'editor-in-chief' || r === 'admin')) throw new HttpError(403);
    const id = idParam((request.params as { id: string }).id);
    const delivery = await social.deliveries.get(id).catch((err) => {
      if (err instanceof NotFoundError) throw new HttpError(404);
      throw err;
    });
    // a delivery of another portal's channel is not this admin's to touch
    if (delivery.portalId !== gate.ctx.portal.id) throw new HttpError(404);
    try {
      await social.deliveries.retry(id);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    await services.audit.record({ portalId: gate.ctx.portal.id, accountId: gate.account.id, actor: gate.account.email, action: 'social-delivery', target: `delivery:${id}`, detail: { retried: true }, ip: gate.ctx.client.ip, userAgent: gate.ctx.client.userAgent });
    throw new Redirect('/admin/channels?notice=retried');
  });
}
