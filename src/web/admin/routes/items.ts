import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.ts';
import { ConflictError, DomainError, ForbiddenError, ValidationError, type FieldError } from '../../../lib/errors.ts';
import { isLang, type Lang } from '../../../lib/lang.ts';
import type { Item, ItemPatch, NewItem, PublishOutcome, WorkflowOutcome } from '../../../modules/content/index.ts';
import { CONTENT_TYPES, type ContentType, coverOf, type CoverT, EFFECT_STATUSES, isContentType, metaForTranslation, SOCIAL_TEXT_MAX, socialTextOf } from '../../../modules/content/index.ts';
import type { Section } from '../../../modules/portals/index.ts';
import { type Action, ACTIONS, allowedActions, decide, mayCreate, mayEdit, type State, STATES } from '../../../modules/workflow/index.ts';
import { requestContext } from '../../request-context.ts';
import { html, raw, type SafeHtml } from '../../site/html.ts';
import { portalContext } from '../../site/context.ts';
import { renderItem } from '../../site/pages.ts';
import { CHANGED, htmlToText, wordDiff } from '../diff.ts';
import { creator, fieldsOf, HttpError, idParam, newsroom, Redirect, sendPage, type AdminContext, type Gate } from '../http.ts';
import { editorScriptPath } from '../assets.ts';
import { checkbox, csrfField, errorMap, errorSummary, formatTime, input, page, select, stateBadge, textarea, TIME_ZONE, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { mediaHtml, mediaUrl, pictureRef, type MediaItem } from '../../../modules/media/index.ts';
import { NotFoundError } from '../../../lib/errors.ts';
import { EXTRA_MESSAGES } from '../i18n-extra.ts';
import { NOTICE_MESSAGES, WORKFLOW_NOTICE } from '../i18n-notices.ts';
import { deliveryError, explained, workflowRefusal } from '../platform-errors.ts';

// Items: the list, the editor for every content type (with type-specific
// fields), workflow actions, revision history with diff and restore,
// preview, and translations. Every rule about who may do what is decided by
// the workflow module (allowedActions, mayEdit, mayCreate) and enforced again
// by the content service; this file only shows the choices and relays them.

/** What the editor form holds, whether it came from the store or from a rejected submission. */
interface FormState {
  type: ContentType;
  lang: Lang;
  title: string;
  summary: string;
  body: string;
  section: string;
  tags: string;
  slug: string;
  meta: Record<string, unknown>;
  changeNote: string;
  minor: boolean;
  version?: number;
  translationOf?: number;
}

const stateOf = (item: Item): FormState => ({
  type: item.type,
  lang: item.lang,
  title: item.title,
  summary: item.summary,
  body: item.body,
  section: item.section ?? '',
  tags: item.tags.join(', '),
  slug: item.slug,
  meta: item.meta,
  changeNote: '',
  minor: false,
  version: item.version,
});

// ---------- type-specific fields ----------

type MetaKind = 'text' | 'date' | 'lines' | 'longtext' | 'int' | 'url' | 'effect' | 'online' | 'docs' | 'images';
const META_FIELDS: Partial<Record<ContentType, [string, MetaKind, boolean][]>> = {
  'legal-document': [
    ['number', 'text', true], ['documentType', 'text', true], ['issuingBody', 'text', true], ['signer', 'text', false], ['signerTitle', 'text', false],
    ['issuedDate', 'date', true], ['effectiveDate', 'date', false], ['expiryDate', 'date', false], ['effectStatus', 'effect', true], ['field', 'text', false],
    ['gazetteDate', 'date', false], ['abstract', 'longtext', false],
  ],
  procedure: [
    ['code', 'text', true], ['decisionNumber', 'text', false], ['level', 'text', false], ['field', 'text', true], ['agency', 'text', true],
    ['steps', 'lines', false], ['channels', 'lines', false], ['processingTime', 'text', false], ['fees', 'text', false], ['requiredDocuments', 'docs', false],
    ['result', 'text', false], ['legalBasis', 'lines', false], ['onlineLevel', 'online', true], ['serviceUrl', 'url', false],
  ],
  video: [['sourceUrl', 'url', true], ['duration', 'int', true], ['poster', 'text', false], ['transcript', 'longtext', false]],
  gallery: [['images', 'images', true]],
};

const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Builds `meta` from the form; keys the form does not show (attachments, a directive's number) are kept from `previous`. */
function metaFromForm(type: ContentType, f: Record<string, string>, previous: Record<string, unknown>): Record<string, unknown> {
  const spec = META_FIELDS[type];
  if (!spec) return previous;
  const meta: Record<string, unknown> = { ...previous };
  for (const [key, kind] of spec) {
    const raw = (f[`meta.${key}`] ?? '').trim();
    delete meta[key];
    if (kind === 'lines') {
      const v = lines(raw);
      if (v.length) meta[key] = v;
    } else if (kind === 'docs') {
      const old = Array.isArray(previous[key]) ? (previous[key] as { name: string }[]) : [];
      const v = lines(raw).map((name) => old.find((d) => d?.name === name) ?? { name });
      if (v.length) meta[key] = v;
    } else if (kind === 'images') {
      const v = lines(raw).map((l) => {
        const [src, alt, caption, credit] = l.split('|').map((s) => s.trim());
        return Object.fromEntries(Object.entries({ src, alt, caption, credit }).filter(([, x]) => x));
      });
      if (v.length) meta[key] = v;
    } else if (kind === 'int') {
      if (raw) meta[key] = /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
    } else if (raw) meta[key] = raw;
  }
  return meta;
}

function metaValue(kind: MetaKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'lines' && Array.isArray(value)) return value.join('\n');
  if (kind === 'docs' && Array.isArray(value)) return value.map((d) => (d as { name?: string })?.name ?? '').join('\n');
  if (kind === 'images' && Array.isArray(value)) return value.map((i) => { const x = i as Record<string, string>; return [x.src, x.alt, x.caption, x.credit].map((s) => s ?? '').join(' | ').replace(/( \| )+$/, ''); }).join('\n');
  return String(value);
}

function metaFields(ctx: AdminContext, type: ContentType, meta: Record<string, unknown>, errors: Errors): SafeHtml | '' {
  const spec = META_FIELDS[type];
  if (!spec) return '';
  const { m } = ctx;
  return html`<fieldset><legend>${m.editor.meta}</legend>${spec.map(([key, kind, required]) => {
    const common = { name: `meta.${key}`, label: `${m.meta[key] ?? key}${required ? '' : ` (${m.common.optional})`}`, path: `/meta/${key}`, errors, value: metaValue(kind, meta[key]), required };
    if (kind === 'effect') return select({ ...common, options: EFFECT_STATUSES.map((s) => ({ value: s, label: m.effect[s] ?? s })) });
    if (kind === 'online') return select({ ...common, options: [{ value: 'full', label: m.meta.full }, { value: 'partial', label: m.meta.partial }] });
    if (kind === 'lines' || kind === 'docs' || kind === 'images' || kind === 'longtext') return textarea({ ...common, rows: 4 });
    return input({ ...common, type: kind === 'date' ? 'date' : kind === 'url' ? 'url' : kind === 'int' ? 'number' : 'text', attrs: kind === 'int' ? html` min="0" step="1"` : undefined });
  })}</fieldset>`;
}

// ---------- helpers ----------

/** The cover picture: a choice among the library's pictures (the picker fills it with JavaScript), with a preview. */
function coverField(ctx: AdminContext, meta: Record<string, unknown>, pictures: MediaItem[], errors: Errors): SafeHtml {
  const x = EXTRA_MESSAGES[ctx.lang].editor;
  const cover = coverOf(meta);
  const listed = cover?.mediaId !== undefined && pictures.some((p) => p.id === cover.mediaId);
  const value = !cover ? '' : listed ? String(cover.mediaId) : 'current';
  const options = [
    { value: '', label: x.noCover },
    ...(cover && !listed ? [{ value: 'current', label: cover.alt || cover.src }] : []),
    ...pictures.map((p) => ({ value: String(p.id), label: `#${p.id} — ${p.alt || p.filename}` })),
  ];
  return html`<div class="cover-field">${select({ name: 'cover', label: x.cover, hint: x.coverHint, value, options, errors, path: '/meta/cover', attrs: html` data-cover-picker="/admin/media.json" data-pick-label="${x.pickCover}"` })}
${cover ? html`<img class="cover-preview" src="${cover.src}" alt="" width="160">` : ''}</div>`;
}

/** Field errors as a map; a nested error (/meta/steps/2) also marks its field (/meta/steps). */
function errorsOf(ctx: AdminContext, errors: FieldError[]): Errors {
  const map = errorMap(ctx, errors);
  for (const [path, msg] of [...map]) {
    const parts = path.split('/');
    if (parts[1] === 'meta' && parts.length > 3) {
      const parent = parts.slice(0, 3).join('/');
      if (!map.has(parent)) map.set(parent, msg);
    }
  }
  return map;
}

function sectionOptions(ctx: AdminContext, sections: Section[]) {
  const name = (s: Section) => s.name[ctx.lang] ?? s.name.vi;
  return [
    { value: '', label: ctx.m.editor.noSection },
    ...sections.map((s) => ({ value: s.slug, label: `${s.parent ? `${name(sections.find((p) => p.slug === s.parent) ?? s)} › ` : ''}${name(s)}${s.kind === 'subsite' ? ` (${ctx.m.sections.subsite})` : ''}` })),
  ];
}

function tagsOf(text: string): string[] {
  return text.split(',').map((t) => t.trim()).filter(Boolean);
}

/** "2026-12-01T08:00" typed in Hanoi → an ISO time with its +07:00 offset (Vietnam keeps no summer time). */
export function hanoiLocalToIso(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : undefined;
}

function hanoiLocal(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

// ---------- routes ----------

export function itemRoutes(app: FastifyInstance, services: Services) {
  const { content, editorial, portals } = services;

  /** The signed-in member's request, as the content commands take it (they audit themselves). */
  const contextOf = (request: FastifyRequest, gate: Gate) => requestContext(request, gate.ctx.portal, gate.account);

  /** The original of its translation group: the item its translations were started from (the group's first). */
  const isOriginal = (item: Item) => Object.values(item.translations).every((id) => id === undefined || id >= item.id);

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
${rows.length === 0 ? html`<p>${m.items.empty}</p>` : html`<table><caption class="visually-hidden">${m.items.title}</caption><thead><tr><th scope="col">${m.editor.title}</th><th scope="col">${m.items.type}</th><th scope="col">${m.items.lang}</th><th scope="col">${m.items.status}</th><th scope="col">${m.items.author}</th><th scope="col">${m.items.updated}</th></tr></thead><tbody>
${rows.slice(0, 50).map((r) => html`<tr><td><a href="/admin/items/${r.id}">${r.title}</a></td><td>${m.types[r.type as ContentType] ?? r.type}</td><td>${r.lang}</td><td>${stateBadge(ctx, r.status)}</td><td>${r.authorEmail ?? ''}</td><td>${formatTime(ctx, r.updatedAt)}</td></tr>`)}
</tbody></table>`}
<p class="actions">${pageNo > 1 ? html`<a href="${link(pageNo - 1)}">${m.common.previous}</a>` : ''}${more ? html`<a href="${link(pageNo + 1)}">${m.common.next}</a>` : ''}</p>`;
    return sendPage(reply, 200, page(ctx, { title: m.items.title, current: 'items', otherPortals: await otherPortals(services, ctx), body }));
  });

  // ----- the editor page -----
  interface EditorOpts {
    item?: Item;
    state: FormState;
    errors?: Errors;
    message?: string;
    /** workflow problems show beside the workflow buttons */
    workflowError?: string | SafeHtml;
    status?: number;
  }

  async function editorPage(request: FastifyRequest, reply: FastifyReply, gate: Gate, opts: EditorOpts) {
    const { ctx, actor } = gate;
    const { m } = ctx;
    const { item, state } = opts;
    const errors = opts.errors ?? new Map<string, string>();
    const sections = await portals.sections(ctx.portal.id);
    const isOwner = item ? (await editorial.authorOf(item.id)) === actor.accountId : true;
    const editable = item ? mayEdit(actor, item.status, isOwner) : mayCreate(actor);
    const live = item?.status === 'published';
    const source = state.translationOf ? await content.find(state.translationOf) : undefined;
    const title = item ? m.editor.titleEdit(item.title) : source ? m.editor.translationOf(source.title) : m.items.newOf(m.types[state.type]);
    const action = item ? `/admin/items/${item.id}` : '/admin/items';

    // autosave only where a save changes nothing readers see: never on a published item
    const autosave = item && editable && item.status !== 'published' ? html` data-autosave="/admin/items/${item.id}/autosave" data-saved-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaved('{time}')}" data-saving-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaving}" data-conflict-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaveConflict}" data-failed-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaveFailed}"` : '';
    const form = html`<form method="post" action="${action}" class="card" id="item-form"${autosave}>
${csrfField(ctx)}
${item ? html`<input type="hidden" name="version" value="${state.version ?? item.version}">` : html`<input type="hidden" name="type" value="${state.type}">${state.translationOf ? html`<input type="hidden" name="translationOf" value="${state.translationOf}">` : ''}`}
<fieldset${editable ? '' : raw(' disabled')}><legend>${m.editor.fields}</legend>
${item ? html`<p class="muted">${m.types[item.type]} · ${m.langs[item.lang]} · ${m.editor.version} ${item.version}</p>` : select({ name: 'lang', label: m.items.lang, value: state.lang, options: ctx.portal.languages.map((l) => ({ value: l, label: m.langs[l] })), errors, path: '/lang' })}
${input({ name: 'title', label: m.editor.title, value: state.title, required: true, errors, path: '/title' })}
${textarea({ name: 'summary', label: m.editor.summary, value: state.summary, errors, path: '/summary', rows: 3 })}
${textarea({ name: 'body', label: m.editor.body, hint: m.editor.bodyHint, value: state.body, errors, path: '/body', className: 'body', rows: 18, attrs: html` data-rich="1" data-media="/admin/media.json"` })}
${select({ name: 'section', label: m.editor.section, value: state.section, options: sectionOptions(ctx, sections), errors, path: '/section' })}
${input({ name: 'tags', label: m.editor.tags, hint: m.editor.tagsHint, value: state.tags, errors, path: '/tags' })}
${coverField(ctx, state.meta, await services.media.list(ctx.portal.id, { kind: 'image', limit: 100 }), errors)}
${textarea({ name: 'socialText', label: EXTRA_MESSAGES[ctx.lang].editor.socialText, hint: EXTRA_MESSAGES[ctx.lang].editor.socialTextHint(SOCIAL_TEXT_MAX), value: socialTextOf(state.meta) ?? '', errors, path: '/meta/socialText', rows: 3, attrs: html` maxlength="${SOCIAL_TEXT_MAX}"` })}
${item?.firstPublishedAt
  ? html`<p><strong>${m.editor.slug}:</strong> <code>${item.slug}</code> <span class="muted">${m.editor.slugFixed}</span></p>`
  : input({ name: 'slug', label: m.editor.slug, hint: m.editor.slugHint, value: state.slug, errors, path: '/slug', attrs: html` pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength="120"` })}
${metaFields(ctx, state.type, state.meta, errors)}
${live ? html`${textarea({ name: 'changeNote', label: m.editor.changeNote, hint: m.editor.changeNoteHint, value: state.changeNote, errors, path: '/changeNote', rows: 2 })}${checkbox({ name: 'minor', label: m.editor.minor, checked: state.minor })}` : ''}
<button type="submit">${m.common.save}</button> <span class="autosave-status muted" role="status" aria-live="polite"></span>
</fieldset></form>`;

    const aside = item ? await sidePanel(gate, item, isOwner, opts.workflowError) : '';
    const sourcePanel = source
      ? html`<section class="card" aria-labelledby="h-source" lang="${source.lang}"><h2 id="h-source">${m.editor.sourceText} (${m.langs[source.lang]})</h2><h3>${source.title}</h3><p>${source.summary}</p><div>${raw(source.body)}</div></section>`
      : '';
    const body = html`<h1>${title}</h1>
${errorSummary(ctx, errors, opts.message)}
${item && !editable ? html`<p class="notice">${m.editor.readOnly}</p>` : ''}
<div class="editor-layout"><div>${form}</div><div>${aside}${sourcePanel}</div></div>`;
    return sendPage(reply, opts.status ?? 200, page(ctx, { title, current: item ? 'items' : 'new', scripts: editable ? [await editorScriptPath()].filter((p): p is string => p !== undefined) : [], otherPortals: await otherPortals(services, ctx), body }));
  }

  async function sidePanel(gate: Gate, item: Item, isOwner: boolean, workflowError?: string | SafeHtml): Promise<SafeHtml> {
    const { ctx, actor } = gate;
    const { m } = ctx;
    const actions = allowedActions(actor, item.status, isOwner);
    const form = (a: Action, inner: SafeHtml | '' = '', confirm?: string) =>
      html`<form method="post" action="/admin/items/${item.id}/workflow"${confirm ? html` data-confirm="${confirm}"` : ''}>${csrfField(ctx)}<input type="hidden" name="action" value="${a}"><input type="hidden" name="version" value="${item.version}">${inner}<button type="submit">${m.actions[a]}</button></form>`;
    // channels that post only when picked: offered beside the publish button
    const manual = actions.includes('publish')
      ? (await services.social.channels.list(ctx.portal)).filter((c) => !c.autoPublish && c.status === 'active' && c.languages.includes(item.lang) && c.contentTypes.includes(item.type))
      : [];
    const deliveries = item.status === 'published' || item.status === 'unpublished' ? await services.social.deliveries.forItem(item.id) : [];
    const versions = await Promise.all(
      ctx.portal.languages.filter((l) => l !== item.lang).map(async (l) => ({ lang: l, item: item.translations[l] ? await content.find(item.translations[l]) : undefined })),
    );
    const publishedTranslations = versions.filter((v) => v.item?.status === 'published').map((v) => ({ lang: v.lang }));
    const buttons = actions.map((a) => {
      if (a === 'publish' && manual.length) {
        return form(a, html`<fieldset><legend>${m.social.alsoPost}</legend>${manual.map((c) => checkbox({ name: `channel-${c.id}`, label: `${c.name} (${c.platform})`, checked: false }))}</fieldset>`);
      }
      if (a === 'reject') return html`<details><summary>${m.actions.reject}</summary>${form(a, textarea({ name: 'note', label: m.editor.rejectNote, required: true, rows: 3 }))}</details>`;
      if (a === 'schedule') {
        const soon = hanoiLocal(new Date(services.clock().getTime() + 3_600_000));
        return html`<details><summary>${m.actions.schedule}</summary>${form(a, input({ name: 'at', label: m.editor.at, hint: m.editor.atHint, type: 'datetime-local', value: item.scheduledAt ? hanoiLocal(new Date(item.scheduledAt)) : soon, required: true }))}</details>`;
      }
      if (a === 'unpublish') {
        const extra = EXTRA_MESSAGES[ctx.lang].editor;
        // an original's published translations go down with it unless the editor says otherwise
        const live = isOriginal(item) ? publishedTranslations : [];
        const choice = live.length
          ? html`<fieldset><legend>${extra.unpublishTranslations}</legend>
<div><input type="radio" id="translations-same" name="translations" value="same" checked> <label for="translations-same">${extra.translationsSame(live.map((t) => m.langs[t.lang]).join(', '))}</label></div>
<div><input type="radio" id="translations-keep" name="translations" value="keep"> <label for="translations-keep">${extra.translationsKeep}</label></div></fieldset>`
          : '';
        return html`<details><summary>${m.actions.unpublish}</summary>${form(
          a,
          html`${textarea({ name: 'note', label: m.editor.unpublishReason, required: true, rows: 3 })}<fieldset><legend>${m.editor.unpublishKind}</legend>
<div><input type="radio" id="kind-withdrawn" name="kind" value="withdrawn" checked> <label for="kind-withdrawn">${m.editor.withdrawn}</label></div>
<div><input type="radio" id="kind-gone" name="kind" value="gone"> <label for="kind-gone">${m.editor.gone}</label></div></fieldset>${choice}`,
          m.actions.unpublish,
        )}</details>`;
      }
      return form(a);
    });


    const translations = ctx.portal.languages.length > 1
      ? html`<section class="card" aria-labelledby="h-tr"><h2 id="h-tr">${m.editor.translations}</h2><ul>${versions.map(
          (v) => html`<li>${m.langs[v.lang]}: ${
            v.item
              ? html`<a href="/admin/items/${v.item.id}">${v.item.title}</a> ${stateBadge(ctx, v.item.status)}`
              : mayCreate(actor)
                ? html`${m.editor.translationMissing} — <a href="/admin/items/new?translationOf=${item.id}&amp;lang=${v.lang}">${m.editor.startTranslation(m.langs[v.lang])}</a>`
                : m.editor.translationMissing
          }</li>`,
        )}</ul></section>`
      : '';

    return html`<section class="card" aria-labelledby="h-wf"><h2 id="h-wf">${m.editor.workflow}</h2>
<p>${m.editor.status}: ${stateBadge(ctx, item.status)}${item.scheduledAt ? html`<br>${m.editor.scheduledFor(formatTime(ctx, item.scheduledAt))}` : ''}</p>
${workflowError ? html`<div class="alert" role="alert">${typeof workflowError === 'string' ? html`<p>${workflowError}</p>` : workflowError}</div>` : ''}
<div class="actions">${buttons}</div></section>
${deliveries.length ? html`<section class="card" aria-labelledby="h-social"><h2 id="h-social">${m.social.onItem}</h2><ul>${deliveries.map((d) => html`<li>${d.channelName} (${d.platform}): ${m.social.statuses[d.status] ?? d.status}${d.remoteUrl && /^https?:\/\//.test(d.remoteUrl) ? html` — <a href="${d.remoteUrl}" rel="noopener noreferrer">${m.social.remote}</a>` : ''}${deliveryError(ctx, d.status, d.lastError)}</li>`)}</ul><p><a href="/admin/channels">${m.nav.channels}</a></p></section>` : ''}
<section class="card"><ul>
<li><a href="/admin/items/${item.id}/history">${m.editor.history}</a></li>
<li><a href="/admin/items/${item.id}/preview">${m.editor.preview}</a></li>
${item.status === 'published' ? html`<li><a href="${new URL(item.url).pathname}">${m.editor.publicPage}</a></li>` : ''}
</ul></section>
${translations}`;
  }

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
    const lang = isLang(q.lang) && ctx.portal.languages.includes(q.lang) ? q.lang : source ? ctx.portal.languages.find((l) => l !== source.lang && !source.translations[l]) ?? 'vi' : 'vi';
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

  function formState(f: Record<string, string>, base: { type: ContentType; lang: Lang; meta: Record<string, unknown>; version?: number }): FormState {
    return {
      type: base.type,
      lang: isLang(f.lang) ? f.lang : base.lang,
      title: f.title ?? '',
      summary: f.summary ?? '',
      body: f.body ?? '',
      section: f.section ?? '',
      tags: f.tags ?? '',
      slug: (f.slug ?? '').trim(),
      meta: metaFromForm(base.type, f, base.meta),
      changeNote: f.changeNote ?? '',
      minor: f.minor === '1',
      version: /^\d+$/.test(f.version ?? '') ? Number(f.version) : base.version,
      translationOf: /^\d+$/.test(f.translationOf ?? '') ? Number(f.translationOf) : undefined,
    };
  }

  /** Domain errors as the editor shows them: fields marked, or one message on top. */
  async function rerender(request: FastifyRequest, reply: FastifyReply, gate: Gate, err: unknown, opts: { item?: Item; state: FormState }) {
    const { ctx } = gate;
    if (err instanceof ValidationError) return editorPage(request, reply, gate, { ...opts, errors: errorsOf(ctx, err.errors), status: 422 });
    if (err instanceof ConflictError) {
      const stale = typeof err.extra.currentVersion === 'number';
      return editorPage(request, reply, gate, { ...opts, message: stale ? ctx.m.editor.staleVersion : err.message, status: 409 });
    }
    throw err;
  }

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
    const picked = Object.keys(f).filter((k) => /^channel-\d+$/.test(k) && f[k] === '1').map((k) => Number(k.slice(8)));
    let outcome: PublishOutcome;
    try {
      outcome = await services.publishing.act(ctx.portal, item, contextOf(request, gate), {
        action,
        ...(at !== undefined ? { at } : {}),
        ...(f.note?.trim() ? { note: f.note } : {}),
        ...(action === 'unpublish' ? { kind: f.kind === 'gone' ? 'gone' : 'withdrawn', translations: f.translations === 'keep' ? 'keep' : 'same' } : {}),
        ...(/^\d+$/.test(f.version ?? '') ? { version: Number(f.version) } : {}),
      }, picked);
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      if (err instanceof ValidationError || err instanceof ConflictError) {
        const message = err instanceof ValidationError ? errorsOf(ctx, err.errors) : undefined;
        // the service's English conflict text stays available for support, under the admin's own words
        const text = message ? [...message.values()].join('; ') : typeof (err).extra.currentVersion === 'number' ? ctx.m.editor.staleVersion : explained(ctx, NOTICE_MESSAGES[ctx.lang].workflow.conflict, err.message);
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

  // ----- history, diff, restore -----
  app.get('/items/:id/history', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx, actor } = gate;
    const { m } = ctx;
    const item = await loadItem(ctx, (request.params as { id: string }).id);
    const [revisions, transitions, sections] = await Promise.all([editorial.revisions(item.id), editorial.transitions(item.id), portals.sections(ctx.portal.id)]);
    const q = request.query as { v?: string };
    const chosen = revisions.find((r) => String(r.version) === q.v) ?? revisions[0];
    const previous = chosen ? revisions.find((r) => r.version < chosen.version) : undefined;
    const isOwner = (await editorial.authorOf(item.id)) === actor.accountId;
    const canRestore = mayEdit(actor, item.status, isOwner);
    const sectionName = (id: number | null) => (id === null ? '' : sections.find((s) => s.id === id)?.slug ?? String(id));
    const diffRows = chosen && previous
      ? ([
          [m.editor.title, previous.title, chosen.title],
          [m.editor.summary, previous.summary, chosen.summary],
          [m.editor.body, htmlToText(previous.body), htmlToText(chosen.body)],
          [m.editor.tags, previous.tags.join(', '), chosen.tags.join(', ')],
          [m.editor.section, sectionName(previous.sectionId), sectionName(chosen.sectionId)],
          [m.editor.meta, JSON.stringify(previous.meta, null, 1), JSON.stringify(chosen.meta, null, 1)],
        ] as const)
          .map(([label, a, b]) => ({ label, diff: wordDiff(a, b) }))
          .filter((d) => d.diff)
      : [];
    const body = html`<h1>${m.history.title(item.title)}</h1>
<p><a href="/admin/items/${item.id}">${m.common.back}</a></p>
<div class="editor-layout"><div>
${chosen ? html`<section class="card" aria-labelledby="h-diff"><h2 id="h-diff">${m.history.version(chosen.version)}${previous ? html` — ${m.history.compare} (${previous.version})` : ''}</h2>
${previous ? (diffRows.length ? diffRows.map((d) => (d.diff === CHANGED ? html`<h3>${d.label}</h3><p class="diff-changed">${m.history.tooLarge}</p>` : html`<h3>${d.label}</h3><div class="diff">${d.diff}</div>`)) : html`<p>${m.history.noChanges}</p>`) : html`<h3>${chosen.title}</h3><div class="diff">${htmlToText(chosen.body)}</div>`}
${canRestore && chosen.version !== revisions[0]?.version ? html`<form method="post" action="/admin/items/${item.id}/restore" data-confirm="${m.history.restore}">${csrfField(ctx)}<input type="hidden" name="revision" value="${chosen.version}"><input type="hidden" name="version" value="${item.version}"><button type="submit">${m.history.restore}</button></form>` : ''}
</section>` : ''}
</div><div>
<section class="card" aria-labelledby="h-revs"><h2 id="h-revs">${m.history.revisions}</h2><ol reversed>${revisions.map(
      (r) => html`<li><a href="/admin/items/${item.id}/history?v=${r.version}"${chosen?.version === r.version ? raw(' aria-current="true"') : ''}>${m.history.version(r.version)}</a>${r.version === revisions[0].version ? ` (${m.history.current})` : ''} <span class="muted">${formatTime(ctx, r.createdAt)} · ${r.authorEmail ?? ''}</span>${r.note ? html`<br>${r.note}` : ''}</li>`,
    )}</ol></section>
<section class="card" aria-labelledby="h-trans"><h2 id="h-trans">${m.history.transitions}</h2><ol>${transitions.map(
      (t) => html`<li>${m.actions[t.action as Action] ?? t.action}: ${m.states[t.from_status as State] ?? t.from_status} → ${m.states[t.to_status as State] ?? t.to_status} <span class="muted">${formatTime(ctx, t.at)} · ${t.actor_email ?? 'system'}</span>${t.note ? html`<br>${t.note}` : ''}</li>`,
    )}</ol></section>
</div></div>`;
    return sendPage(reply, 200, page(ctx, { title: m.history.title(item.title), current: 'items', otherPortals: await otherPortals(services, ctx), body }));
  });

  app.post('/items/:id/restore', async (request, reply) => {
    const gate = newsroom(request);
    const { ctx } = gate;
    const item = await loadItem(ctx, (request.params as { id: string }).id);
    const f = fieldsOf(request.body);
    const revision = (await editorial.revisions(item.id)).find((r) => String(r.version) === f.revision);
    if (!revision) throw new HttpError(404);
    try {
      await content.restore(item, contextOf(request, gate), {
        revision: revision.version,
        version: /^\d+$/.test(f.version ?? '') ? Number(f.version) : item.version,
        changeNote: ctx.m.history.restoreNote(revision.version),
      });
    } catch (err) {
      if (err instanceof ForbiddenError) throw new HttpError(403);
      if (err instanceof DomainError) return editorPage(request, reply, gate, { item, state: stateOf(item), message: err instanceof ConflictError ? ctx.m.editor.staleVersion : err.message, status: err.status });
      throw err;
    }
    throw new Redirect(`/admin/items/${item.id}?notice=restored-${revision.version}`);
  });

  // ----- preview: the public page's own renderer, for an item in any state -----
  app.get('/items/:id/preview', async (request, reply) => {
    const gate = newsroom(request);
    const item = await loadItem(gate.ctx, (request.params as { id: string }).id);
    const networkUrl = `${services.config.publicUrl.protocol}//${services.config.publicUrl.host}`;
    const siteCtx = portalContext(gate.ctx.portal, item.lang, await portals.sections(gate.ctx.portal.id), networkUrl);
    const rendered = await renderItem(siteCtx, item, { content });
    // the public page's styles are inline in places; scripts stay forbidden
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
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
        return { id: i.id, alt: i.alt, caption: i.caption, credit: i.credit, thumb: mediaUrl(thumb.key), html: mediaHtml(i, ctx.portal.languages.includes('vi') ? 'vi' : 'en'), src: mediaUrl((i.variants.find((v) => v.format === 'jpg' || v.format === 'png') ?? thumb).key), srcset: i.variants.filter((v) => v.format === 'webp').map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '), width: i.width, height: i.height };
      }),
    });
  });

}
