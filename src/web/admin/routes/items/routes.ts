import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../../services.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../lib/errors.ts';
import { isLang } from '../../../../lib/lang.ts';
import type { Item, ItemPatch, NewItem, PublishOutcome } from '../../../../modules/content/index.ts';
import { CONTENT_TYPES, type ContentType, type CoverT, isContentType, metaForTranslation } from '../../../../modules/content/index.ts';
import { mediaHtml, mediaUrl, pictureRef, type MediaItem } from '../../../../modules/media/index.ts';
import { type Action, ACTIONS, allowedActions, decide, type State, STATES } from '../../../../modules/workflow/index.ts';
import { requestContext } from '../../../request-context.ts';
import { html } from '../../../site/html.ts';
import { portalContext } from '../../../site/context.ts';
import { renderItem } from '../../../site/pages.ts';
import { creator, fieldsOf, HttpError, idParam, newsroom, Redirect, sendPage, type AdminContext, type Gate } from '../../http.ts';
import { checkbox, formatTime, input, page, select, stateBadge } from '../../layout.ts';
import { otherPortals } from '../dashboard.ts';
import { NOTICE_MESSAGES, WORKFLOW_NOTICE } from '../../i18n-notices.ts';
import { explained, workflowRefusal } from '../../platform-errors.ts';
import { errorsOf, type FormState, formState, hanoiLocalToIso, stateOf, tagsOf } from './form.ts';
import { historyRoutes } from './history.ts';
import { editorViews } from './views.ts';

// Items: the list, the editor for every content type (with type-specific
// fields), workflow actions, revision history with diff and restore,
// preview, and translations. Every rule about who may do what is decided by
// the workflow module (allowedActions, mayEdit, mayCreate) and enforced again
// by the content service; these files only show the choices and relay them.

export function itemRoutes(app: FastifyInstance, services: Services) {
  const { content, editorial, portals } = services;
  const { editorPage, rerender } = editorViews(services);

  /** The signed-in member's request, as the content commands take it (they audit themselves). */
  const contextOf = (request: FastifyRequest, gate: Gate) => requestContext(request, gate.ctx.portal, gate.account);

  /** The item, if it belongs to this portal: another portal's id is simply not found here. */
  async function loadItem(ctx: AdminContext, idText: unknown): Promise<Item> {
    const item = await content.find(idParam(idText));
    if (!item || item.portal !== ctx.portal.slug) throw new HttpError(404);
    return item;
  }

  /**
   * The cover picture and social text from the form into `meta`. The cover is
   * a picture of this portal's library, picked by id and kept as a snapshot
   * (address, sizes, alt text) like the pictures in the body; "current" keeps
   * what the item has (say, a cover received from another portal). A form
   * without these fields leaves them as they are.
   */
  async function coverAndSocial(ctx: AdminContext, f: Record<string, string>, meta: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out = { ...meta };
    if (typeof f.socialText === 'string') {
      const text = f.socialText.normalize('NFC').replace(/\r\n?/g, '\n').trim();
      if (text) out.socialText = text;
      else delete out.socialText;
    }
    const choice = f.cover;
    if (typeof choice !== 'string' || choice === 'current') return out;
    if (!choice) {
      delete out.cover;
      return out;
    }
    let picture: MediaItem | undefined;
    if (/^\d{1,12}$/.test(choice)) {
      try {
        picture = await services.media.get(ctx.portal.id, Number(choice));
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
      }
    }
    // another portal's picture, a PDF or a made-up id: all just "not in this library"
    if (!picture || picture.kind !== 'image') throw new ValidationError([{ path: '/meta/cover', message: 'must be a picture from the media library' }]);
    const ref = pictureRef(picture);
    const cover: CoverT = { mediaId: ref.mediaId, src: ref.src, alt: ref.alt };
    if (ref.srcset) cover.srcset = ref.srcset;
    if (ref.width) cover.width = ref.width;
    if (ref.height) cover.height = ref.height;
    if (ref.caption) cover.caption = ref.caption;
    if (ref.credit) cover.credit = ref.credit;
    out.cover = cover;
    return out;
  }

  // ----- list -----
  app.get('/items', async (request, reply) => {
    const { ctx, account } = newsroom(request);
    const { m } = ctx;
    const q = request.query as Record<string, string | undefined>;
    const status = STATES.includes(q.status as State) ? (q.status as State) : undefined;
    const type = isContentType(q.type) ? q.type : undefined;
    const lang = isLang(q.lang) ? q.lang : undefined;
    const pageNo = /^[1-9]\d{0,4}$/.test(q.page ?? '') ? Number(q.page) : 1;
    const search = (q.q ?? '').slice(0, 200);
    const rows = await editorial.list(ctx.portal.id, { statuses: status ? [status] : undefined, type, lang, q: search, authorId: q.mine === '1' ? account.id : undefined, limit: 51, offset: (pageNo - 1) * 50 });
    const more = rows.length > 50;
    const link = (p: number) => {
      const params = new URLSearchParams(Object.entries({ status, type, lang, q: search || undefined, mine: q.mine === '1' ? '1' : undefined, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
      return `/admin/items?${params}`;
    };
    const body = html`<h1>${m.items.title}</h1>
<form method="get" action="/admin/items" class="card inline" role="search">
${select({ name: 'status', label: m.items.status, value: status ?? '', options: [{ value: '', label: m.common.all }, ...STATES.map((s) => ({ value: s, label: m.states[s] }))] })}
${select({ name: 'type', label: m.items.type, value: type ?? '', options: [{ value: '', label: m.common.all }, ...CONTENT_TYPES.map((t) => ({ value: t, label: m.types[t] }))] })}
${select({ name: 'lang', label: m.items.lang, value: lang ?? '', options: [{ value: '', label: m.common.all }, ...ctx.portal.languages.map((l) => ({ value: l, label: m.langs[l] }))] })}
${input({ name: 'q', label: m.common.search, type: 'search', value: search })}
${checkbox({ name: 'mine', label: m.items.mine, checked: q.mine === '1' })}
<button type="submit">${m.common.filter}</button></form>
${
  rows.length === 0
    ? html`<p>${m.items.empty}</p>`
    : html`<table><caption class="visually-hidden">${m.items.title}</caption><thead><tr><th scope="col">${m.editor.title}</th><th scope="col">${m.items.type}</th><th scope="col">${m.items.lang}</th><th scope="col">${m.items.status}</th><th scope="col">${m.items.author}</th><th scope="col">${m.items.updated}</th></tr></thead><tbody>
${rows.slice(0, 50).map((r) => html`<tr><td><a href="/admin/items/${r.id}">${r.title}</a></td><td>${m.types[r.type as ContentType] ?? r.type}</td><td>${r.lang}</td><td>${stateBadge(ctx, r.status)}</td><td>${r.authorEmail ?? ''}</td><td>${formatTime(ctx, r.updatedAt)}</td></tr>`)}
</tbody></table>`
}
<p class="actions">${pageNo > 1 ? html`<a href="${link(pageNo - 1)}">${m.common.previous}</a>` : ''}${more ? html`<a href="${link(pageNo + 1)}">${m.common.next}</a>` : ''}</p>`;
    return sendPage(reply, 200, page(ctx, { title: m.items.title, current: 'items', otherPortals: await otherPortals(services, ctx), body }));
  });

  // ----- new item -----
  app.get('/items/new', async (request, reply) => {
    const gate = creator(request);
    const { ctx } = gate;
    const { m } = ctx;
    const q = request.query as Record<string, string | undefined>;
    let translationOf: number | undefined;
    let source: Item | undefined;
    if (q.translationOf !== undefined) {
      source = await loadItem(ctx, q.translationOf);
      translationOf = source.id;
    }
    const type = source?.type ?? (isContentType(q.type) ? q.type : undefined);
    if (!type) {
      const body = html`<h1>${m.items.new}</h1><h2>${m.items.chooseType}</h2><ul>${CONTENT_TYPES.map((t) => html`<li><a href="/admin/items/new?type=${t}">${m.types[t]}</a></li>`)}</ul>`;
      return sendPage(reply, 200, page(ctx, { title: m.items.new, current: 'new', otherPortals: await otherPortals(services, ctx), body }));
    }
    const lang = isLang(q.lang) && ctx.portal.languages.includes(q.lang) ? q.lang : source ? (ctx.portal.languages.find((l) => l !== source.lang && !source.translations[l]) ?? 'vi') : 'vi';
    const state: FormState = {
      type,
      lang,
      title: '',
      summary: '',
      body: '',
      section: source?.section ?? '',
      tags: '',
      slug: '',
      // a translation starts from the original's facts (a decree's number does not change with the language), not its words
      meta: source ? metaForTranslation(source.meta) : {},
      changeNote: '',
      minor: false,
      translationOf,
    };
    return editorPage(request, reply, gate, { state });
  });

  app.post('/items', async (request, reply) => {
    const gate = creator(request);
    const { ctx } = gate;
    const f = fieldsOf(request.body);
    const type = isContentType(f.type) ? f.type : undefined;
    if (!type) throw new HttpError(400);
    let previousMeta: Record<string, unknown> = {};
    if (/^\d+$/.test(f.translationOf ?? '')) previousMeta = (await loadItem(ctx, f.translationOf)).meta;
    const state = formState(f, { type, lang: 'vi', meta: previousMeta });
    const input: NewItem = {
      type,
      lang: state.lang,
      title: state.title,
      summary: state.summary,
      body: state.body,
      section: state.section || null,
      tags: tagsOf(state.tags),
      meta: state.meta,
      ...(state.slug ? { slug: state.slug } : {}),
      ...(state.translationOf ? { translationOf: state.translationOf } : {}),
    };
    let item: Item;
    try {
      input.meta = state.meta = await coverAndSocial(ctx, f, state.meta);
      item = await content.create(ctx.portal, contextOf(request, gate), input);
    } catch (err) {
      return rerender(request, reply, gate, err, { state });
    }
    throw new Redirect(`/admin/items/${item.id}?notice=created`);
  });

  // ----- edit -----
  app.get('/items/:id', async (request, reply) => {
    const gate = newsroom(request);
    const item = await loadItem(gate.ctx, (request.params as { id: string }).id);
    return editorPage(request, reply, gate, { item, state: stateOf(item) });
  });

  /** The edit a posted editor form asks for: the same for Save and for autosave. */
  function patchFrom(item: Item, state: FormState): ItemPatch {
    return {
      version: state.version ?? -1,
      title: state.title,
      summary: state.summary,
      body: state.body,
      section: state.section || null,
      tags: tagsOf(state.tags),
      meta: state.meta,
      ...(!item.firstPublishedAt && state.slug && state.slug !== item.slug ? { slug: state.slug } : {}),
      ...(item.status === 'published' ? (state.minor ? { minorChange: true, ...(state.changeNote.trim() ? { changeNote: state.changeNote } : {}) } : { changeNote: state.changeNote }) : {}),
    };
  }

  app.post('/items/:id', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx } = gate;
    const item = await loadItem(ctx, (request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    const state = formState(f, { type: item.type, lang: item.lang, meta: item.meta, version: item.version });
    const patch = patchFrom(item, state);
    try {
      patch.meta = state.meta = await coverAndSocial(ctx, f, state.meta);
      await content.update(item, contextOf(request, gate), patch);
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      return rerender(request, reply, gate, err, { item, state });
    }
    throw new Redirect(`/admin/items/${item.id}?notice=saved`);
  });

  // ----- autosave: the editor island posts the same form every few seconds of quiet -----
  // Answers JSON for the script: 200 {version, savedAt}; 409 {error: 'conflict'|'published'};
  // 422 {errors}. The form's own Save stays the way to save without JavaScript.
  app.post('/items/:id/autosave', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx } = gate;
    const item = await loadItem(ctx, (request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    const state = formState(f, { type: item.type, lang: item.lang, meta: item.meta, version: item.version });
    const json = (status: number, body: unknown) => reply.code(status).type('application/json; charset=utf-8').send(body);
    if (!/^\d+$/.test(f.version ?? '')) return json(400, { error: 'version' });
    try {
      const patch = { ...patchFrom(item, state), meta: await coverAndSocial(ctx, f, state.meta), autosave: true };
      const saved = await content.update(item, contextOf(request, gate), patch);
      return json(200, { version: saved.version, savedAt: saved.updatedAt });
    } catch (err) {
      if (err instanceof ForbiddenError) return json(403, { error: 'forbidden' });
      if (err instanceof ValidationError) return json(422, { errors: err.errors });
      if (err instanceof ConflictError) return json(409, { error: typeof err.extra.currentVersion === 'number' ? 'conflict' : 'published', ...err.extra });
      throw err;
    }
  });

  // ----- workflow -----
  app.post('/items/:id/workflow', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx, actor } = gate;
    const item = await loadItem(ctx, (request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    const action = f.action as Action;
    const isOwner = (await editorial.authorOf(item.id)) === actor.accountId;
    // the buttons offered are the only actions accepted from this form; the workflow rules say why not
    if (!allowedActions(actor, item.status, isOwner).includes(action)) {
      if (!(ACTIONS as readonly string[]).includes(action)) throw new HttpError(400);
      const decision = decide(actor, action, item.status, isOwner);
      if (!decision.ok && decision.reason === 'forbidden') throw new HttpError(403);
      return editorPage(request, reply, gate, { item, state: stateOf(item), workflowError: decision.ok ? ctx.m.common.conflict : workflowRefusal(ctx, action, item.status, decision), status: 409 });
    }
    let at: string | undefined;
    if (action === 'schedule') at = hanoiLocalToIso((f.at ?? '').trim()) ?? (f.at ? f.at.trim() : undefined);
    // automatic channels are queued with the publication; the picked ones go because the editor picked them
    const picked = Object.keys(f)
      .filter((k) => /^channel-\d+$/.test(k) && f[k] === '1')
      .map((k) => Number(k.slice(8)));
    let outcome: PublishOutcome;
    try {
      outcome = await services.publishing.act(
        ctx.portal,
        item,
        contextOf(request, gate),
        {
          action,
          ...(at !== undefined ? { at } : {}),
          ...(f.note?.trim() ? { note: f.note } : {}),
          ...(action === 'unpublish' ? { kind: f.kind === 'gone' ? 'gone' : 'withdrawn', translations: f.translations === 'keep' ? 'keep' : 'same' } : {}),
          ...(/^\d+$/.test(f.version ?? '') ? { version: Number(f.version) } : {}),
        },
        picked,
      );
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      if (err instanceof ValidationError || err instanceof ConflictError) {
        const message = err instanceof ValidationError ? errorsOf(ctx, err.errors) : undefined;
        // the service's English conflict text stays available for support, under the admin's own words
        const text = message ? [...message.values()].join('; ') : typeof err.extra.currentVersion === 'number' ? ctx.m.editor.staleVersion : explained(ctx, NOTICE_MESSAGES[ctx.lang].workflow.conflict, err.message);
        return editorPage(request, reply, gate, { item, state: stateOf(item), workflowError: text, status: err.status });
      }
      throw err;
    }
    if (outcome.channelsRefused) {
      // a channel id that is not this portal's (a tampered form): the publication stands, nothing else is sent
      return editorPage(request, reply, gate, { item: outcome.item, state: stateOf(outcome.item), workflowError: explained(ctx, NOTICE_MESSAGES[ctx.lang].workflow.channels, outcome.channelsRefused.message), status: 422 });
    }
    throw new Redirect(`/admin/items/${item.id}?notice=${WORKFLOW_NOTICE[action]}`);
  });

  historyRoutes(app, services, { loadItem, contextOf, editorPage });

  // ----- preview: the public page's own renderer, for an item in any state -----
  app.get('/items/:id/preview', async (request, reply) => {
    const gate = newsroom(request);
    const item = await loadItem(gate.ctx, (request.params as { id: string }).id);
    const networkUrl = `${services.config.publicUrl.protocol}//${services.config.publicUrl.host}`;
    const siteCtx = portalContext(gate.ctx.portal, item.lang, await portals.sections(gate.ctx.portal.id), networkUrl);
    const rendered = await renderItem(siteCtx, item, { content });
    // the public page's styles are inline in places; scripts stay forbidden
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    reply.header('x-robots-tag', 'noindex');
    return reply.code(200).type(rendered.contentType).send(rendered.body);
  });

  // JSON for the editor island's media picker (the library's pictures, newest first)
  app.get('/media.json', async (request, reply) => {
    const { ctx } = newsroom(request);
    const q = String((request.query as { q?: string }).q ?? '').slice(0, 200);
    const items = await services.media.list(ctx.portal.id, { q, kind: 'image', limit: 60 });
    return reply.type('application/json; charset=utf-8').send({
      items: items.map((i) => {
        const thumb = i.variants.find((v) => v.format === 'webp') ?? i.variants[0];
        return {
          id: i.id,
          alt: i.alt,
          caption: i.caption,
          credit: i.credit,
          thumb: mediaUrl(thumb.key),
          html: mediaHtml(i, ctx.portal.languages.includes('vi') ? 'vi' : 'en'),
          src: mediaUrl((i.variants.find((v) => v.format === 'jpg' || v.format === 'png') ?? thumb).key),
          srcset: i.variants
            .filter((v) => v.format === 'webp')
            .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
            .join(', '),
          width: i.width,
          height: i.height,
        };
      }),
    });
  });
}
