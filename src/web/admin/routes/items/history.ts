import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../../services.ts';
import { ConflictError, DomainError, ForbiddenError } from '../../../../lib/errors.ts';
import type { Item } from '../../../../modules/content/index.ts';
import { type Action, mayEdit, type State } from '../../../../modules/workflow/index.ts';
import type { requestContext } from '../../../request-context.ts';
import { html, raw } from '../../../site/html.ts';
import { CHANGED, htmlToText, wordDiff } from '../../diff.ts';
import { fieldsOf, HttpError, newsroom, Redirect, sendPage, type AdminContext, type Gate } from '../../http.ts';
import { csrfField, formatTime, page } from '../../layout.ts';
import { otherPortals } from '../dashboard.ts';
import { stateOf } from './form.ts';
import type { EditorOpts } from './views.ts';

// An item's history: its revisions with a word diff against the one before,
// its workflow steps, and restoring an older revision as a new version.

export interface ItemRouteTools {
  loadItem: (ctx: AdminContext, idText: unknown) => Promise<Item>;
  contextOf: (request: FastifyRequest, gate: Gate) => ReturnType<typeof requestContext>;
  editorPage: (request: FastifyRequest, reply: FastifyReply, gate: Gate, opts: EditorOpts) => Promise<unknown>;
}

export function historyRoutes(app: FastifyInstance, services: Services, { loadItem, contextOf, editorPage }: ItemRouteTools) {
  const { content, editorial, portals } = services;

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
    const sectionName = (id: number | null) => (id === null ? '' : (sections.find((s) => s.id === id)?.slug ?? String(id)));
    const diffRows =
      chosen && previous
        ? (
            [
              [m.editor.title, previous.title, chosen.title],
              [m.editor.summary, previous.summary, chosen.summary],
              [m.editor.body, htmlToText(previous.body), htmlToText(chosen.body)],
              [m.editor.tags, previous.tags.join(', '), chosen.tags.join(', ')],
              [m.editor.section, sectionName(previous.sectionId), sectionName(chosen.sectionId)],
              [m.editor.meta, JSON.stringify(previous.meta, null, 1), JSON.stringify(chosen.meta, null, 1)],
            ] as const
          )
            .map(([label, a, b]) => ({ label, diff: wordDiff(a, b) }))
            .filter((d) => d.diff)
        : [];
    const body = html`<h1>${m.history.title(item.title)}</h1>
<p><a href="/admin/items/${item.id}">${m.common.back}</a></p>
<div class="editor-layout"><div>
${
  chosen
    ? html`<section class="card" aria-labelledby="h-diff"><h2 id="h-diff">${m.history.version(chosen.version)}${previous ? html` — ${m.history.compare} (${previous.version})` : ''}</h2>
${previous ? (diffRows.length ? diffRows.map((d) => (d.diff === CHANGED ? html`<h3>${d.label}</h3><p class="diff-changed">${m.history.tooLarge}</p>` : html`<h3>${d.label}</h3><div class="diff">${d.diff}</div>`)) : html`<p>${m.history.noChanges}</p>`) : html`<h3>${chosen.title}</h3><div class="diff">${htmlToText(chosen.body)}</div>`}
${canRestore && chosen.version !== revisions[0]?.version ? html`<form method="post" action="/admin/items/${item.id}/restore" data-confirm="${m.history.restore}">${csrfField(ctx)}<input type="hidden" name="revision" value="${chosen.version}"><input type="hidden" name="version" value="${item.version}"><button type="submit">${m.history.restore}</button></form>` : ''}
</section>`
    : ''
}
</div><div>
<section class="card" aria-labelledby="h-revs"><h2 id="h-revs">${m.history.revisions}</h2><ol reversed>${revisions.map(
      (r) =>
        html`<li><a href="/admin/items/${item.id}/history?v=${r.version}"${chosen?.version === r.version ? raw(' aria-current="true"') : ''}>${m.history.version(r.version)}</a>${r.version === revisions[0].version ? ` (${m.history.current})` : ''} <span class="muted">${formatTime(ctx, r.createdAt)} · ${r.authorEmail ?? ''}</span>${r.note ? html`<br>${r.note}` : ''}</li>`,
    )}</ol></section>
<section class="card" aria-labelledby="h-trans"><h2 id="h-trans">${m.history.transitions}</h2><ol>${transitions.map(
      (t) =>
        html`<li>${m.actions[t.action as Action] ?? t.action}: ${m.states[t.from_status as State] ?? t.from_status} → ${m.states[t.to_status as State] ?? t.to_status} <span class="muted">${formatTime(ctx, t.at)} · ${t.actor_email ?? 'system'}</span>${t.note ? html`<br>${t.note}` : ''}</li>`,
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
}
