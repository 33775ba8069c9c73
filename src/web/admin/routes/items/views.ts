import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../../services.ts';
import { ConflictError, ValidationError } from '../../../../lib/errors.ts';
import type { Item } from '../../../../modules/content/index.ts';
import { SOCIAL_TEXT_MAX, socialTextOf } from '../../../../modules/content/index.ts';
import { type Action, allowedActions, mayCreate, mayEdit } from '../../../../modules/workflow/index.ts';
import { html, raw, type SafeHtml } from '../../../site/html.ts';
import { sendPage, type Gate } from '../../http.ts';
import { editorScriptPath } from '../../assets.ts';
import { checkbox, csrfField, errorSummary, formatTime, input, page, select, stateBadge, textarea, type Errors } from '../../layout.ts';
import { otherPortals } from '../dashboard.ts';
import { EXTRA_MESSAGES } from '../../i18n-extra.ts';
import { deliveryError } from '../../platform-errors.ts';
import { coverField, errorsOf, type FormState, hanoiLocal, metaFields, sectionOptions } from './form.ts';

// The editor page: the form, and beside it the workflow buttons the member
// may press, the item's social deliveries and its translations. Which buttons
// show is the workflow module's decision (allowedActions, mayEdit, mayCreate).

export interface EditorOpts {
  item?: Item;
  state: FormState;
  errors?: Errors;
  message?: string;
  /** workflow problems show beside the workflow buttons */
  workflowError?: string | SafeHtml;
  status?: number;
}

/** The original of its translation group: the item its translations were started from (the group's first). */
const isOriginal = (item: Item) => Object.values(item.translations).every((id) => id === undefined || id >= item.id);

export function editorViews(services: Services) {
  const { content, editorial, portals } = services;

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
    const autosave =
      item && editable && item.status !== 'published'
        ? html` data-autosave="/admin/items/${item.id}/autosave" data-saved-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaved('{time}')}" data-saving-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaving}" data-conflict-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaveConflict}" data-failed-label="${EXTRA_MESSAGES[ctx.lang].editor.autosaveFailed}"`
        : '';
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
${
  item?.firstPublishedAt
    ? html`<p><strong>${m.editor.slug}:</strong> <code>${item.slug}</code> <span class="muted">${m.editor.slugFixed}</span></p>`
    : input({ name: 'slug', label: m.editor.slug, hint: m.editor.slugHint, value: state.slug, errors, path: '/slug', attrs: html` pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength="120"` })
}
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
    return sendPage(
      reply,
      opts.status ?? 200,
      page(ctx, { title, current: item ? 'items' : 'new', scripts: editable ? [await editorScriptPath()].filter((p): p is string => p !== undefined) : [], otherPortals: await otherPortals(services, ctx), body }),
    );
  }

  async function sidePanel(gate: Gate, item: Item, isOwner: boolean, workflowError?: string | SafeHtml): Promise<SafeHtml> {
    const { ctx, actor } = gate;
    const { m } = ctx;
    const actions = allowedActions(actor, item.status, isOwner);
    const form = (a: Action, inner: SafeHtml | '' = '', confirm?: string) =>
      html`<form method="post" action="/admin/items/${item.id}/workflow"${confirm ? html` data-confirm="${confirm}"` : ''}>${csrfField(ctx)}<input type="hidden" name="action" value="${a}"><input type="hidden" name="version" value="${item.version}">${inner}<button type="submit">${m.actions[a]}</button></form>`;
    // channels that post only when picked: offered beside the publish button
    const manual = actions.includes('publish') ? (await services.social.channels.list(ctx.portal)).filter((c) => !c.autoPublish && c.status === 'active' && c.languages.includes(item.lang) && c.contentTypes.includes(item.type)) : [];
    const deliveries = item.status === 'published' || item.status === 'unpublished' ? await services.social.deliveries.forItem(item.id) : [];
    const versions = await Promise.all(ctx.portal.languages.filter((l) => l !== item.lang).map(async (l) => ({ lang: l, item: item.translations[l] ? await content.find(item.translations[l]) : undefined })));
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

    const translations =
      ctx.portal.languages.length > 1
        ? html`<section class="card" aria-labelledby="h-tr"><h2 id="h-tr">${m.editor.translations}</h2><ul>${versions.map(
            (v) =>
              html`<li>${m.langs[v.lang]}: ${
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

  return { editorPage, rerender };
}
