import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors.ts';
import { own } from '../../../lib/own.ts';
import { CONTENT_TYPES } from '../../../modules/content/index.ts';
import { CONNECTORS } from '../../../modules/social/index.ts';
import { PLATFORMS } from '../../../modules/social/index.ts';
import { html } from '../../site/html.ts';
import { allows, fieldsOf, HttpError, idParam, newsroom, permitted, Redirect, sendPage, type Gate } from '../http.ts';
import { checkbox, csrfField, errorMap, errorSummary, formatTime, input, page, select, textarea, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { channelReason, deliveryError } from '../platform-errors.ts';
import { requestContext } from '../../request-context.ts';

// The portal's social channels as editors see them: which are connected and
// whether each needs reconnecting, and what was posted where lately, with a
// "try again" for what did not get through. Channels are connected and
// changed by the portal's admins (here or through the API); credentials go
// in through a form and are never shown again.

const NOTICES: Record<string, 'retried' | 'connected' | 'updated' | 'disconnected'> = { retried: 'retried', connected: 'connected', updated: 'updated', disconnected: 'disconnected' };

/** "name=value" lines → an object (values may contain '='). */
function parseCredentials(text: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf('=');
    if (i <= 0) continue;
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

const credentialGuide = () => PLATFORMS.map((p) => `${p}: ${CONNECTORS[p].credentialFields.map((f) => (f.required ? f.name : `${f.name}?`)).join(', ')}`).join('; ');

export function socialRoutes(app: FastifyInstance, services: Services) {
  const { social } = services;

  async function channelsPage(gate: Gate, form: { errors?: Errors; values?: Record<string, string> } = {}, noticeKey?: string) {
    const { ctx } = gate;
    const m = ctx.m.social;
    const key = own(NOTICES, noticeKey);
    const notice = key ? html`<p class="notice" role="status">${m[key]}</p>` : '';
    const isAdmin = allows(gate, 'channels.manage');
    const v = form.values ?? {};
    const channels = await social.channels.list(ctx.portal);
    const ids = channels.map((c) => c.id);
    const deliveries = await social.deliveries.recent(ids, 50);
    const titles = await services.editorial.titles(deliveries.map((d) => d.itemId));
    const rows = deliveries.map((d) => ({ ...d, channelId: d.channel, title: titles.get(d.itemId) ?? '' }));
    const nameOf = new Map(channels.map((c) => [c.id, `${c.name} (${c.platform})`]));
    const mayRetry = allows(gate, 'channels.retry');
    const body = html`<h1>${m.title}</h1>${notice}
<h2>${m.channels}</h2>
${
  channels.length === 0
    ? html`<p>${m.none}</p>`
    : html`<table><thead><tr><th scope="col">${m.name}</th><th scope="col">${m.platform}</th><th scope="col">${m.status}</th><th scope="col">${m.auto}</th><th scope="col">${m.languages}</th></tr></thead><tbody>
${channels.map(
  (c) =>
    html`<tr><td>${c.name}<br><small>${m.credentialsSet}: ${c.credentialsSet.join(', ')}</small></td><td>${c.platform}</td><td>${m.statuses[c.status] ?? c.status}${c.statusReason ? html`<div>${channelReason(ctx, c.status, c.statusReason)}</div>` : ''}</td><td>${c.autoPublish ? ctx.m.common.yes : ctx.m.common.no}</td><td>${c.languages.join(', ')}${
      isAdmin
        ? html`<details><summary>${m.update}</summary><form method="post" action="/admin/channels/${c.id}">${csrfField(ctx)}${textarea({ name: 'credentials', label: m.credentials, rows: 3 })}<button type="submit">${m.update}</button></form>
<form method="post" action="/admin/channels/${c.id}/delete">${csrfField(ctx)}<button type="submit" class="secondary">${m.disconnect}</button></form></details>`
        : ''
    }</td></tr>`,
)}
</tbody></table>`
}
<p><small>${m.howToAdd}</small></p>
${
  isAdmin
    ? html`<h2>${m.connect}</h2>${errorSummary(ctx, form.errors ?? new Map<string, string>())}
<form method="post" action="/admin/channels" class="card">${csrfField(ctx)}
${select({ name: 'platform', label: m.platform, value: v.platform ?? '', errors: form.errors, options: PLATFORMS.map((p) => ({ value: p, label: p })) })}
${input({ name: 'name', label: m.name, value: v.name, errors: form.errors, required: true })}
${input({ name: 'apiBaseUrl', label: m.apiBaseUrl, value: v.apiBaseUrl, errors: form.errors, hint: m.apiBaseUrlHint })}
${textarea({ name: 'credentials', label: m.credentials, rows: 4, errors: form.errors, hint: m.credentialsHint(credentialGuide()) })}
<fieldset><legend>${m.languages}</legend>${ctx.portal.languages.map((l) => checkbox({ name: `lang-${l}`, label: ctx.m.langs[l], checked: form.values ? v[`lang-${l}`] === '1' : l === 'vi' }))}</fieldset>
<fieldset><legend>${m.contentTypes}</legend>${CONTENT_TYPES.map((t) => checkbox({ name: `type-${t}`, label: ctx.m.types[t], checked: form.values ? v[`type-${t}`] === '1' : ['news', 'directive', 'press-release'].includes(t) }))}</fieldset>
${checkbox({ name: 'autoPublish', label: m.auto, checked: form.values ? v.autoPublish === '1' : true })}
<button type="submit">${m.connect}</button></form>`
    : ''
}
<h2>${m.deliveries}</h2>
${
  rows.length === 0
    ? html`<p>${m.noDeliveries}</p>`
    : html`<table><thead><tr><th scope="col">${m.item}</th><th scope="col">${m.channel}</th><th scope="col">${m.status}</th><th scope="col">${m.attempts}</th><th scope="col">${m.error}</th><th scope="col">${ctx.m.common.when}</th><th scope="col">${m.remote}</th></tr></thead><tbody>
${rows.map(
  (r) =>
    html`<tr><td><a href="/admin/items/${r.itemId}">${r.title}</a></td><td>${nameOf.get(r.channelId) ?? ''}</td><td>${m.statuses[r.status] ?? r.status}</td><td>${r.attempts}</td><td>${deliveryError(ctx, r.status, r.lastError)}</td><td>${formatTime(ctx, r.updatedAt)}</td><td>${r.remoteUrl && /^https?:\/\//.test(r.remoteUrl) ? html`<a href="${r.remoteUrl}" rel="noopener noreferrer">${ctx.m.common.open}</a>` : ''}${
      mayRetry && (r.status === 'failed' || r.status === 'needs-reauth') ? html`<form method="post" action="/admin/deliveries/${r.id}/retry">${csrfField(ctx)}<button type="submit" class="secondary">${m.retry}</button></form>` : ''
    }</td></tr>`,
)}
</tbody></table>`
}`;
    return page(ctx, { title: m.title, current: 'channels', otherPortals: await otherPortals(services, ctx), body });
  }

  app.get('/channels', async (request, reply) => {
    const gate = newsroom(request);
    return sendPage(reply, 200, await channelsPage(gate, {}, (request.query as { notice?: string }).notice));
  });

  app.post('/channels', async (request, reply) => {
    const gate = permitted(request, 'channels.manage');
    const f = fieldsOf(request.body);
    const languages = gate.ctx.portal.languages.filter((l) => f[`lang-${l}`] === '1');
    const contentTypes = CONTENT_TYPES.filter((t) => f[`type-${t}`] === '1');
    try {
      await social.channels.create(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, {
        platform: f.platform,
        name: f.name,
        apiBaseUrl: f.apiBaseUrl || null,
        credentials: parseCredentials(f.credentials ?? ''),
        languages,
        contentTypes,
        autoPublish: f.autoPublish === '1',
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const { credentials: _secret, ...kept } = f;
      return sendPage(
        reply,
        422,
        await channelsPage(gate, {
          errors: errorMap(
            gate.ctx,
            err.errors.map((e) => ({ ...e, path: e.path.startsWith('/credentials') ? '/credentials' : e.path })),
          ),
          values: kept,
        }),
      );
    }
    throw new Redirect('/admin/channels?notice=connected');
  });

  app.post('/channels/:id', async (request, reply) => {
    const gate = permitted(request, 'channels.manage');
    const id = idParam((request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    try {
      await social.channels.update(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id, { credentials: parseCredentials(f.credentials ?? '') });
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(
        reply,
        422,
        await channelsPage(gate, {
          errors: errorMap(
            gate.ctx,
            err.errors.map((e) => ({ ...e, path: '/credentials' })),
          ),
        }),
      );
    }
    throw new Redirect('/admin/channels?notice=updated');
  });

  app.post('/channels/:id/delete', async (request) => {
    const gate = permitted(request, 'channels.manage');
    const id = idParam((request.params as { id: string }).id);
    try {
      await social.channels.remove(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      throw err;
    }
    throw new Redirect('/admin/channels?notice=disconnected');
  });

  app.post('/deliveries/:id/retry', async (request) => {
    const gate = newsroom(request);
    if (!allows(gate, 'channels.retry')) throw new HttpError(403);
    const id = idParam((request.params as { id: string }).id);
    const delivery = await social.deliveries.get(id).catch((err) => {
      if (err instanceof NotFoundError) throw new HttpError(404);
      throw err;
    });
    // a delivery of another portal's channel is not this admin's to touch
    if (delivery.portalId !== gate.ctx.portal.id) throw new HttpError(404);
    try {
      await social.deliveries.retry(requestContext(request, gate.ctx.portal, gate.account), id);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    throw new Redirect('/admin/channels?notice=retried');
  });
}
