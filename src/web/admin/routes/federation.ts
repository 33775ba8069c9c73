import { peerError } from '../platform-errors.ts';
import type { FastifyInstance } from 'fastify';
import { own } from '../../../lib/own.ts';
import type { Services } from '../../../services.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../../lib/errors.ts';
import { CONTENT_TYPES } from '../../../modules/content/index.ts';
import { html } from '../../site/html.ts';
import { allows, fieldsOf, HttpError, idParam, newsroom, permitted, Redirect, sendPage, type Gate } from '../http.ts';
import { checkbox, csrfField, errorMap, errorSummary, formatTime, input, page, select, textarea, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { FEDERATION_MESSAGES } from '../i18n-federation.ts';
import { requestContext } from '../../request-context.ts';

// Federation as a portal's staff see it (*kết nối, liên thông, chia sẻ* —
// connect, interconnect, share): the sources this portal follows and on what
// terms, the portals that follow it, items proposed upward to the central
// portal and those received from below, the network directory (join requests
// at the central portal; membership elsewhere) and the signing key. The same
// operations as the API, with the same checks: following, membership and keys
// are the portal admin's; proposals are the publishers' (editor-in-chief,
// admin); everyone in the newsroom may look.

type Notice = 'subscribed' | 'unsubscribed' | 'proposed' | 'accepted' | 'declined' | 'joined' | 'approved' | 'rejected' | 'rotated';
const NOTICES = new Set<Notice>(['subscribed', 'unsubscribed', 'proposed', 'accepted', 'declined', 'joined', 'approved', 'rejected', 'rotated']);

interface FormState {
  /** which form the errors belong to */
  form?: 'subscribe' | 'propose' | 'join' | `proposal-${number}` | `member-${number}`;
  errors?: Errors;
  values?: Record<string, string>;
}

const slugList = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function federationRoutes(app: FastifyInstance, services: Services) {
  const { federation, portals } = services;

  async function federationPage(gate: Gate, state: FormState = {}, noticeKey?: string): Promise<string> {
    const { ctx } = gate;
    const m = FEDERATION_MESSAGES[ctx.lang];
    const portal = ctx.portal;
    const isAdmin = allows(gate, 'federation.manage');
    const publisher = allows(gate, 'federation.propose');
    const notice = noticeKey && NOTICES.has(noticeKey as Notice) ? html`<p class="notice" role="status">${m.notices[noticeKey as Notice]}</p>` : '';
    const errorsFor = (form: FormState['form']) => (state.form === form ? state.errors : undefined);
    const valuesFor = (form: FormState['form']) => (state.form === form ? (state.values ?? {}) : undefined);

    const [subscriptions, subscribers, incoming, outgoing, sections, identity, rules] = await Promise.all([
      federation.subscriptions.list(portal),
      isAdmin ? federation.subscriptions.subscribers(portal) : Promise.resolve([]),
      federation.network.proposals(portal, { direction: 'incoming' }),
      federation.network.proposals(portal, { direction: 'outgoing' }),
      portals.sections(portal.id),
      federation.identity(portal),
      federation.subscriptions.settingsOf(portal),
    ]);
    const name = (n: Record<string, string>) => n[ctx.lang] ?? n.vi ?? '';
    const policyText = (p: { types?: string[]; languages?: string[]; sections?: string[]; mode: string; section?: string }) =>
      [
        p.mode === 'publish' ? m.modePublish : m.modeReview,
        p.types?.length ? `${m.types}: ${p.types.map((t) => own(ctx.m.types, t) ?? t).join(', ')}` : m.allTypes,
        p.languages?.length ? `${m.languages}: ${p.languages.join(', ')}` : m.allLanguages,
        p.sections?.length ? `${m.sourceSections}: ${p.sections.join(', ')}` : '',
        p.section ? `${m.localSection}: ${p.section}` : '',
      ]
        .filter(Boolean)
        .join(' · ');

    // ---- sources this portal follows
    const sv = valuesFor('subscribe');
    const subscribeForm = isAdmin
      ? html`<details${sv ? html` open` : ''}><summary>${m.subscribe}</summary>${errorSummary(ctx, errorsFor('subscribe') ?? new Map<string, string>())}
<form method="post" action="/admin/federation/subscriptions" class="card">${csrfField(ctx)}
${input({ name: 'source', label: m.source, value: sv?.source, errors: errorsFor('subscribe'), required: true, hint: m.sourceHint })}
<fieldset><legend>${m.types}</legend>${CONTENT_TYPES.map((t) => checkbox({ name: `type-${t}`, label: ctx.m.types[t], checked: sv ? sv[`type-${t}`] === '1' : ['directive', 'news', 'press-release', 'legal-document'].includes(t) }))}</fieldset>
<fieldset><legend>${m.languages}</legend>${portal.languages.map((l) => checkbox({ name: `lang-${l}`, label: ctx.m.langs[l], checked: sv ? sv[`lang-${l}`] === '1' : true }))}</fieldset>
${input({ name: 'sections', label: m.sourceSections, value: sv?.sections, errors: errorsFor('subscribe'), hint: m.sourceSectionsHint })}
${select({
  name: 'mode',
  label: m.mode,
  value: sv?.mode ?? 'review',
  errors: errorsFor('subscribe'),
  options: [
    { value: 'review', label: m.modeReview },
    { value: 'publish', label: m.modePublish },
  ],
})}
${select({ name: 'section', label: m.localSection, value: sv?.section ?? '', errors: errorsFor('subscribe'), options: [{ value: '', label: m.sameSection }, ...sections.map((s) => ({ value: s.slug, label: name(s.name as Record<string, string>) }))] })}
<button type="submit">${m.subscribe}</button></form></details>`
      : '';
    const subscriptionsBlock = html`<section aria-labelledby="fed-sources"><h2 id="fed-sources">${m.sources}</h2>
${
  subscriptions.length === 0
    ? html`<p>${m.noSources}</p>`
    : html`<table><thead><tr><th scope="col">${m.source}</th><th scope="col">${m.status}</th><th scope="col">${m.policy}</th><th scope="col">${m.cursor}</th><th scope="col">${m.lastContact}</th>${isAdmin ? html`<th scope="col"><span class="visually-hidden">${m.unsubscribe}</span></th>` : ''}</tr></thead><tbody>
${subscriptions.map(
  (s) =>
    html`<tr><td>${name(s.sourceName)}<br><small>${s.source}</small></td><td>${own(m.statuses, s.status) ?? s.status}${s.lastError ? html`<div class="error">${peerError(ctx, s.lastError)}</div>` : ''}</td><td>${policyText(s.policy)}</td><td>${s.cursor}</td><td>${s.lastContactAt ? formatTime(ctx, s.lastContactAt) : m.never}</td>${
      isAdmin
        ? html`<td>${s.status !== 'removed' ? html`<form method="post" action="/admin/federation/subscriptions/${s.id}/delete" data-confirm="${m.unsubscribe}: ${s.source}">${csrfField(ctx)}<button type="submit" class="secondary">${m.unsubscribe}<span class="visually-hidden"> ${s.source}</span></button></form>` : ''}</td>`
        : ''
    }</tr>`,
)}</tbody></table>`
}
${subscribeForm}</section>`;

    // ---- portals that follow this one
    const subscribersBlock = isAdmin
      ? html`<section aria-labelledby="fed-followers"><h2 id="fed-followers">${m.followers}</h2>
${
  subscribers.length === 0
    ? html`<p>${m.noFollowers}</p>`
    : html`<table><thead><tr><th scope="col">${m.portal}</th><th scope="col">${m.status}</th><th scope="col">${m.delivered}</th><th scope="col">${m.lastContact}</th><th scope="col"><span class="visually-hidden">${m.approve}</span></th></tr></thead><tbody>
${subscribers.map(
  (s) =>
    html`<tr><td>${s.subscriber}</td><td>${own(m.statuses, s.status) ?? s.status}${s.lastError ? html`<div class="error">${peerError(ctx, s.lastError)}</div>` : ''}</td><td>${s.deliveredSequence}</td><td>${s.lastContactAt ? formatTime(ctx, s.lastContactAt) : m.never}</td><td>${
      s.status === 'pending'
        ? html`<form method="post" action="/admin/federation/subscribers/${s.id}/decision">${csrfField(ctx)}<button type="submit" name="decision" value="approve">${m.approve}<span class="visually-hidden"> ${s.subscriber}</span></button> <button type="submit" name="decision" value="reject" class="secondary">${m.reject}<span class="visually-hidden"> ${s.subscriber}</span></button></form>`
        : ''
    }</td></tr>`,
)}
</tbody></table>`
}
<form method="post" action="/admin/federation/settings">${csrfField(ctx)}${checkbox({ name: 'subscribersNeedApproval', label: m.followersNeedApproval, checked: rules.subscribersNeedApproval, hint: m.followersNeedApprovalHint })}<button type="submit" class="secondary">${m.saveSetting}</button></form></section>`
      : '';

    // ---- proposals, both ways
    const pending = incoming.filter((p) => p.status === 'pending');
    const decided = incoming.filter((p) => p.status !== 'pending').slice(0, 20);
    const incomingBlock =
      portal.kind === 'central' || incoming.length > 0
        ? html`<section aria-labelledby="fed-incoming"><h2 id="fed-incoming">${m.incoming}</h2>
${pending.length === 0 ? html`<p>${m.noIncoming}</p>` : ''}
${pending.map((p) => {
  const form = `proposal-${p.id}` as const;
  return html`<article class="card"><h3>${p.item ? html`<a href="/admin/items/${p.item}">${p.title}</a>` : p.title}</h3>
<p class="meta">${m.from} ${p.peer} · ${formatTime(ctx, p.createdAt)}</p>${p.note ? html`<blockquote>${p.note}</blockquote>` : ''}
${
  publisher
    ? html`${errorSummary(ctx, errorsFor(form) ?? new Map<string, string>())}<form method="post" action="/admin/federation/proposals/${p.id}/decision">${csrfField(ctx)}
${textarea({ name: 'note', label: m.decisionNote, rows: 2, value: valuesFor(form)?.note, errors: errorsFor(form), hint: m.decisionNoteHint })}
<button type="submit" name="decision" value="accept">${m.accept}</button> <button type="submit" name="decision" value="decline" class="secondary">${m.decline}</button></form>`
    : ''
}</article>`;
})}
${
  decided.length ? html`<h3>${m.decided}</h3><ul>${decided.map((p) => html`<li>${p.title} — ${own(m.proposalStatuses, p.status) ?? p.status}${p.decisionNote ? html`: ${p.decisionNote}` : ''} <small>(${p.peer})</small></li>`)}</ul>` : ''
}</section>`
        : '';

    const pv = valuesFor('propose');
    const candidates = publisher && portal.kind !== 'central' ? await services.editorial.ownPublished(portal.id, 40) : [];
    const outgoingBlock =
      portal.kind !== 'central' || outgoing.length > 0
        ? html`<section aria-labelledby="fed-outgoing"><h2 id="fed-outgoing">${m.outgoing}</h2>
${
  outgoing.length === 0
    ? html`<p>${m.noOutgoing}</p>`
    : html`<table><thead><tr><th scope="col">${m.item}</th><th scope="col">${m.to}</th><th scope="col">${m.status}</th><th scope="col">${m.answer}</th><th scope="col">${ctx.m.common.when}</th></tr></thead><tbody>
${outgoing.map((p) => html`<tr><td>${p.item ? html`<a href="/admin/items/${p.item}">${p.title}</a>` : p.title}</td><td>${p.peer}</td><td>${own(m.proposalStatuses, p.status) ?? p.status}${p.lastError ? html`<div class="error">${peerError(ctx, p.lastError)}</div>` : ''}</td><td>${p.decisionNote ?? ''}</td><td>${formatTime(ctx, p.decidedAt ?? p.createdAt)}</td></tr>`)}
</tbody></table>`
}
${
  candidates.length
    ? html`<details${pv ? html` open` : ''}><summary>${m.propose}</summary>${errorSummary(ctx, errorsFor('propose') ?? new Map<string, string>())}
<form method="post" action="/admin/federation/proposals" class="card">${csrfField(ctx)}
${select({ name: 'item', label: m.item, value: pv?.item ?? '', errors: errorsFor('propose'), options: candidates.map((c) => ({ value: String(c.id), label: `${c.title} (${c.lang})` })) })}
${input({ name: 'to', label: m.to, value: pv?.to, errors: errorsFor('propose'), hint: m.toHint })}
${textarea({ name: 'note', label: m.proposalNote, rows: 2, value: pv?.note, errors: errorsFor('propose') })}
<button type="submit">${m.propose}</button></form></details>`
    : ''
}</section>`
        : '';

    // ---- the network directory
    let networkBlock: ReturnType<typeof html> | '' = '';
    if (isAdmin && portal.kind === 'central') {
      const members = await federation.network.members(portal);
      const waiting = members.filter((x) => x.status === 'pending');
      networkBlock = html`<section aria-labelledby="fed-network"><h2 id="fed-network">${m.directory}</h2>
<h3>${m.joinRequests}</h3>${waiting.length === 0 ? html`<p>${m.noJoinRequests}</p>` : ''}
${waiting.map((x) => {
  const form = `member-${x.id}` as const;
  return html`<article class="card"><h4>${name(x.name)} <small>(${own(m.kinds, x.kind) ?? x.kind})</small></h4><p class="meta">${x.url} · ${formatTime(ctx, x.requestedAt)}</p>
${errorSummary(ctx, errorsFor(form) ?? new Map<string, string>())}<form method="post" action="/admin/federation/members/${x.id}/decision">${csrfField(ctx)}
${textarea({ name: 'note', label: m.decisionNote, rows: 2, value: valuesFor(form)?.note, errors: errorsFor(form) })}
<button type="submit" name="decision" value="approve">${m.approve}</button> <button type="submit" name="decision" value="reject" class="secondary">${m.reject}</button></form></article>`;
})}
<h3>${m.members}</h3>
${
  members.filter((x) => x.status !== 'pending').length === 0
    ? html`<p>${m.noMembers}</p>`
    : html`<table><thead><tr><th scope="col">${m.portal}</th><th scope="col">${m.kind}</th><th scope="col">${m.status}</th><th scope="col">${m.lastContact}</th></tr></thead><tbody>
${members.filter((x) => x.status !== 'pending').map((x) => html`<tr><td>${name(x.name)}<br><small>${x.url}</small></td><td>${own(m.kinds, x.kind) ?? x.kind}</td><td>${m.statuses[x.status] ?? x.status}${x.note ? html`<br><small>${x.note}</small>` : ''}</td><td>${x.lastContactAt ? formatTime(ctx, x.lastContactAt) : m.never}</td></tr>`)}
</tbody></table>`
}</section>`;
    } else if (isAdmin) {
      const networks = await federation.network.networks(portal);
      const jv = valuesFor('join');
      networkBlock = html`<section aria-labelledby="fed-network"><h2 id="fed-network">${m.membership}</h2>
${
  networks.length === 0
    ? html`<p>${m.noMembership}</p>`
    : html`<ul>${networks.map((n) => html`<li>${n.directory} — ${own(m.statuses, n.status) ?? n.status}${n.note ? html`: ${n.note}` : ''} <small>(${formatTime(ctx, n.decidedAt ?? n.requestedAt)})</small></li>`)}</ul>`
}
<details${jv ? html` open` : ''}><summary>${m.join}</summary>${errorSummary(ctx, errorsFor('join') ?? new Map<string, string>())}
<form method="post" action="/admin/federation/network/join" class="card">${csrfField(ctx)}
${input({ name: 'directory', label: m.directoryUrl, value: jv?.directory, errors: errorsFor('join'), required: true, hint: m.directoryHint })}
<button type="submit">${m.join}</button></form></details></section>`;
    }

    // ---- signing key
    const current = identity.keys.find((k) => k.id === identity.keyId);
    const keysBlock = isAdmin
      ? html`<section aria-labelledby="fed-keys"><h2 id="fed-keys">${m.keys}</h2>
<p>${m.currentKey}: <code>${identity.keyId}</code>${current ? html` · ${formatTime(ctx, current.createdAt)}` : ''}</p>
${identity.keys.length > 1 ? html`<p>${m.olderKeys}: ${identity.keys.filter((k) => k.id !== identity.keyId).map((k) => html`<code>${k.id}</code> (${m.validUntil} ${k.expiresAt ? formatTime(ctx, k.expiresAt) : '—'}) `)}</p>` : ''}
<p><a href="${portal.url}/.well-known/lantoa/portal.json">${m.identityDocument}</a></p>
<form method="post" action="/admin/federation/keys/rotate" data-confirm="${m.rotateConfirm}">${csrfField(ctx)}<button type="submit" class="secondary">${m.rotate}</button></form>
<p><small>${m.rotateHint}</small></p></section>`
      : '';

    const body = html`<h1>${m.title}</h1>${notice}<p class="lede">${m.intro}</p>
${incomingBlock}${outgoingBlock}${subscriptionsBlock}${subscribersBlock}${networkBlock}${keysBlock}`;
    return page(ctx, { title: m.title, current: 'federation', otherPortals: await otherPortals(services, ctx), body });
  }

  /** A rejected form: the page again with its errors, answered 422 (or 409 for a decision already taken). */
  async function again(gate: Gate, form: NonNullable<FormState['form']>, values: Record<string, string>, errors: FieldError[], status = 422) {
    return { status, body: await federationPage(gate, { form, values, errors: errorMap(gate.ctx, errors) }) };
  }

  const asFieldErrors = (err: unknown, field: string): FieldError[] | undefined => {
    if (err instanceof ValidationError) return err.errors.map((e) => ({ ...e, path: e.path.startsWith(`/${field}`) || e.path === '' ? `/${field}` : e.path.replace(/^\/policy/, '') || `/${field}` }));
    if (err instanceof ConflictError) return [{ path: `/${field}`, message: err.message }];
    return undefined;
  };

  app.get('/federation', async (request, reply) => {
    const gate = newsroom(request);
    return sendPage(reply, 200, await federationPage(gate, {}, (request.query as { notice?: string }).notice));
  });

  app.post('/federation/subscriptions', async (request, reply) => {
    const gate = permitted(request, 'federation.manage');
    const f = fieldsOf(request.body);
    const portal = gate.ctx.portal;
    const types = CONTENT_TYPES.filter((t) => f[`type-${t}`] === '1');
    const languages = portal.languages.filter((l) => f[`lang-${l}`] === '1');
    const sourceSections = slugList(f.sections);
    const policy: Record<string, unknown> = { mode: f.mode === 'publish' ? 'publish' : 'review' };
    // nothing ticked means "all": the API's absent list
    if (types.length && types.length < CONTENT_TYPES.length) policy.types = types;
    if (languages.length && languages.length < portal.languages.length) policy.languages = languages;
    if (sourceSections.length) policy.sections = sourceSections;
    if (f.section) policy.section = f.section;
    try {
      await federation.subscriptions.subscribe(requestContext(request, gate.ctx.portal, gate.account), portal, { source: f.source ?? '', policy });
    } catch (err) {
      const errors = asFieldErrors(err, 'source');
      if (!errors) throw err;
      const r = await again(gate, 'subscribe', f, errors);
      return sendPage(reply, r.status, r.body);
    }
    throw new Redirect('/admin/federation?notice=subscribed');
  });

  app.post('/federation/subscriptions/:id/delete', async (request) => {
    const gate = permitted(request, 'federation.manage');
    const id = idParam((request.params as { id: string }).id);
    try {
      await federation.subscriptions.remove(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      throw err;
    }
    throw new Redirect('/admin/federation?notice=unsubscribed');
  });

  app.post('/federation/proposals', async (request, reply) => {
    const gate = newsroom(request);
    if (!allows(gate, 'federation.propose')) throw new HttpError(403);
    const f = fieldsOf(request.body);
    const itemId = Number(f.item);
    const item = Number.isSafeInteger(itemId) && itemId > 0 ? await services.content.find(itemId) : undefined;
    // an item of another portal is treated as absent: no hint that it exists
    if (!item || item.portal !== gate.ctx.portal.slug) {
      const r = await again(gate, 'propose', f, [{ path: '/item', message: FEDERATION_MESSAGES[gate.ctx.lang].noSuchItem }]);
      return sendPage(reply, r.status, r.body);
    }
    try {
      await federation.network.propose(requestContext(request, gate.ctx.portal, gate.account), item, gate.actor, { to: f.to || undefined, note: f.note || undefined });
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      const errors = err instanceof ValidationError ? err.errors.map((e) => ({ ...e, path: e.path === '/to' ? '/to' : '/item' })) : err instanceof ConflictError ? [{ path: '/item', message: err.message }] : undefined;
      if (!errors) throw err;
      const r = await again(gate, 'propose', f, errors);
      return sendPage(reply, r.status, r.body);
    }
    throw new Redirect('/admin/federation?notice=proposed');
  });

  app.post('/federation/proposals/:id/decision', async (request, reply) => {
    const gate = newsroom(request);
    if (!allows(gate, 'federation.propose')) throw new HttpError(403);
    const id = idParam((request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    if (f.decision !== 'accept' && f.decision !== 'decline') throw new HttpError(400);
    try {
      await federation.network.decideProposal(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, gate.actor, id, { decision: f.decision, note: f.note || undefined });
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ForbiddenError) throw new HttpError(403);
      if (err instanceof ValidationError || err instanceof ConflictError) {
        const r = await again(gate, `proposal-${id}`, f, [{ path: '/note', message: err instanceof ValidationError ? (err.errors[0]?.message ?? err.message) : err.message }], err instanceof ConflictError ? 409 : 422);
        return sendPage(reply, r.status, r.body);
      }
      throw err;
    }
    throw new Redirect(`/admin/federation?notice=${f.decision === 'accept' ? 'accepted' : 'declined'}`);
  });

  app.post('/federation/network/join', async (request, reply) => {
    const gate = permitted(request, 'federation.manage');
    const f = fieldsOf(request.body);
    try {
      await federation.network.join(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, f.directory ?? '');
    } catch (err) {
      const errors = asFieldErrors(err, 'directory');
      if (!errors) throw err;
      const r = await again(gate, 'join', f, errors);
      return sendPage(reply, r.status, r.body);
    }
    throw new Redirect('/admin/federation?notice=joined');
  });

  app.post('/federation/members/:id/decision', async (request, reply) => {
    const gate = permitted(request, 'federation.manage');
    const id = idParam((request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    if (f.decision !== 'approve' && f.decision !== 'reject') throw new HttpError(400);
    try {
      await federation.network.decide(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, gate.actor, id, { decision: f.decision, note: f.note || undefined });
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ValidationError || err instanceof ConflictError) {
        const r = await again(gate, `member-${id}`, f, [{ path: '/note', message: err instanceof ValidationError ? (err.errors[0]?.message ?? err.message) : err.message }], err instanceof ConflictError ? 409 : 422);
        return sendPage(reply, r.status, r.body);
      }
      throw err;
    }
    throw new Redirect(`/admin/federation?notice=${f.decision === 'approve' ? 'approved' : 'rejected'}`);
  });

  app.post('/federation/settings', async (request) => {
    const gate = permitted(request, 'federation.manage');
    const f = fieldsOf(request.body);
    await federation.subscriptions.updateSettings(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, { subscribersNeedApproval: f.subscribersNeedApproval === '1' });
    throw new Redirect('/admin/federation');
  });

  app.post('/federation/subscribers/:id/decision', async (request) => {
    const gate = permitted(request, 'federation.manage');
    const id = idParam((request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    if (f.decision !== 'approve' && f.decision !== 'reject') throw new HttpError(400);
    try {
      await federation.subscriptions.decideSubscriber(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal, id, f.decision);
    } catch (err) {
      if (err instanceof NotFoundError) throw new HttpError(404);
      if (err instanceof ConflictError) throw new HttpError(409);
      throw err;
    }
    throw new Redirect('/admin/federation');
  });

  app.post('/federation/keys/rotate', async (request) => {
    const gate = permitted(request, 'federation.manage');
    await federation.rotateKey(requestContext(request, gate.ctx.portal, gate.account), gate.ctx.portal);
    throw new Redirect('/admin/federation?notice=rotated');
  });
}
