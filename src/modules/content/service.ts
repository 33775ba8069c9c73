import { EventEmitter } from 'node:events';
import type { Store } from '../../store/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import { fold, slugify } from '../../lib/text.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { ACTIONS, decide, mayCreate, mayEdit, SYSTEM, type Action, type Actor, type State } from '../workflow/index.ts';
import { toIndexable, type ContentIndexer } from './indexing.ts';
import { ensureSlugFree, lockRow, resolveSection, saveAutosaveRevision, saveRevision, uniqueSlug } from './item-rows.ts';
import { readMirrorState, writeMirrorCopy } from './mirror.ts';
import {
  actorOf,
  EVENTS,
  SCHEDULED_PUBLISH_TOPIC,
  type ContentChange,
  type Item,
  type ItemPatch,
  type MirrorWrite,
  type NewItem,
  type PublicationHook,
  type RestoreRequest,
  type Row,
  type Trx,
  type WorkflowOutcome,
  type WorkflowRequest,
} from './model.ts';
import { PublishedQueries } from './queries.ts';
import { sanitizeBody } from './sanitize.ts';
import { checkMeta, isContentType, type ContentType } from './types.ts';
import { checkText, CONTROL, cleanTags, guardMirror, normalized, refused } from './validation.ts';

// Content items: every type, every language, every state. Translations of
// one item form a translation group, and each translation has its own
// workflow state: an English version can wait for review while the
// Vietnamese original is live. Every save is kept as a revision.
//
// ContentService is the module's commands on top of its reads (reads.ts,
// queries.ts); the federation's copies are written by mirror.ts, the fields
// checked by validation.ts, rows mapped by mapping.ts.

export class ContentService extends PublishedQueries {
  /** After-commit notifications of this process's writes; see ContentChange. */
  readonly changes = new EventEmitter<{ change: [ContentChange] }>();
  private readonly hooks: PublicationHook[] = [];

  constructor(
    store: Store,
    portals: PortalService,
    private readonly outbox: Outbox,
    /** Every command writes its own audit row, inside the transaction of its change. */
    private readonly audit: AuditService,
    private readonly clock: Clock = systemClock,
    /** Keeps a search index in step inside each publishing transaction (see indexing.ts). */
    private readonly indexer?: ContentIndexer,
  ) {
    super(store, portals);
  }

  addPublicationHook(hook: PublicationHook): void {
    this.hooks.push(hook);
  }

  // ---------- writes ----------

  /** A new draft; with `translationOf`, a translation of an item of this portal. */
  async create(portal: Portal, ctx: RequestContext, input: NewItem): Promise<Item> {
    const actor = actorOf(ctx);
    if (!mayCreate(actor)) throw new ForbiddenError(`You may not write in ${portal.slug}.`);
    const errors: FieldError[] = [];
    if (!isContentType(input.type)) errors.push({ path: '/type', message: 'must be one of news, directive, legal-document, press-release, procedure, video, gallery' });
    if (!isLang(input.lang)) errors.push({ path: '/lang', message: 'must be vi, en or zh' });
    else if (!portal.languages.includes(input.lang)) errors.push({ path: '/lang', message: `${portal.slug} publishes in ${portal.languages.join(', ')} only` });
    errors.push(...checkText(input));
    if (isContentType(input.type) && !refused(errors, '/meta')) errors.push(...checkMeta(input.type, input.meta ?? {}));
    if (errors.length) throw new ValidationError(errors);
    const type = input.type as ContentType;
    const lang = input.lang as Lang;
    const now = iso(this.clock());

    const id = await this.store.db.transaction().execute(async (trx) => {
      const sectionId = await resolveSection(trx, portal, input.section);
      let groupId: number;
      let baseSlug = input.slug ?? slugify(input.title);
      if (input.translationOf !== undefined) {
        const source = await trx.selectFrom('content_items').select(['group_id', 'portal_id', 'slug', 'type']).where('id', '=', input.translationOf).executeTakeFirst();
        if (!source || source.portal_id !== portal.id) throw new ValidationError([{ path: '/translationOf', message: `no item ${input.translationOf} in ${portal.slug}` }]);
        if (source.type !== type) throw new ValidationError([{ path: '/type', message: `a translation has the type of its original (${source.type})` }]);
        const taken = await trx.selectFrom('content_items').select('id').where('group_id', '=', source.group_id).where('lang', '=', lang).executeTakeFirst();
        if (taken) throw new ConflictError(`Item ${input.translationOf} already has a ${lang} translation (${taken.id}).`, { existing: taken.id });
        groupId = source.group_id;
        // Titles in Chinese leave nothing for a Latin slug: borrow the original's, which is readable.
        if (!input.slug && baseSlug.length < 3) baseSlug = source.slug;
      } else {
        groupId = (await trx.insertInto('translation_groups').values({ portal_id: portal.id, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      }
      if (baseSlug.length < 3) baseSlug = `${type}-${now.slice(0, 10).replace(/-/g, '')}`;
      if (input.slug) await ensureSlugFree(trx, portal.id, lang, input.slug, null);
      const slug = input.slug ?? (await uniqueSlug(trx, portal.id, lang, baseSlug));
      const fields = normalized(input);
      const row = await trx
        .insertInto('content_items')
        .values({
          portal_id: portal.id,
          group_id: groupId,
          lang,
          type,
          section_id: sectionId,
          slug,
          ...fields,
          search_text: fold(`${fields.title} ${fields.summary}`),
          status: 'draft',
          version: 1,
          author_id: actor.accountId,
          created_at: now,
          updated_at: now,
          published_at: null,
          first_published_at: null,
          public_updated_at: null,
          scheduled_at: null,
          unpublish_kind: null,
          unpublish_reason: null,
          origin: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await saveRevision(trx, row.id, 1, { ...fields, section_id: sectionId }, actor.accountId, null, now);
      await this.audit.recordFor({ ...ctx, portalId: portal.id }, 'item-created', `item:${row.id}`, { type, lang, title: fields.title, ...(input.translationOf !== undefined ? { translationOf: input.translationOf } : {}) }, trx);
      return row.id;
    });
    this.notify({ itemId: id, portalId: portal.id, kind: 'created', status: 'draft' });
    return this.getForMember(id);
  }

  /**
   * Puts new meta on an item and its current revision in place: no new revision,
   * no new date, no audit row. Only for the demo's pictures, drawn after their
   * items were written (an editor's change is always a revision). False when
   * the item is gone.
   */
  async replaceMetaInPlace(itemId: number, meta: Record<string, unknown>): Promise<boolean> {
    const text = JSON.stringify(meta);
    const row = await this.store.db.selectFrom('content_items').select(['portal_id', 'group_id', 'version', 'status']).where('id', '=', itemId).executeTakeFirst();
    if (!row) return false;
    await this.store.db.transaction().execute(async (trx) => {
      await trx.updateTable('content_items').set({ meta: text }).where('id', '=', itemId).execute();
      await trx.updateTable('revisions').set({ meta: text }).where('item_id', '=', itemId).where('version', '=', row.version).execute();
    });
    this.notify({ itemId, portalId: row.portal_id, kind: 'updated', status: row.status as State, groupId: row.group_id });
    return true;
  }

  /** An edit; autosaves (the editor's drafts every few seconds of quiet) are kept as revisions but not audited. */
  async update(item: Item, ctx: RequestContext, patch: ItemPatch): Promise<Item> {
    return this.edit(item, ctx, patch, patch.autosave ? undefined : (version, live) => ['item-edited', { version, ...(live ? { minor: patch.minorChange === true } : {}) }]);
  }

  /**
   * Restores an earlier revision: an ordinary edit carrying old content —
   * same rules, same history, nothing rewritten — audited as a restore.
   */
  async restore(item: Item, ctx: RequestContext, req: RestoreRequest): Promise<Item> {
    const revision = await this.store.db.selectFrom('revisions').selectAll().where('item_id', '=', item.id).where('version', '=', req.revision).executeTakeFirst();
    if (!revision) throw new NotFoundError(`Item ${item.id} has no revision ${req.revision}.`);
    const portal = await this.portals.require(item.portal);
    const sections = await this.portals.sections(portal.id);
    const section = revision.section_id === null ? null : (sections.find((s) => s.id === revision.section_id)?.slug ?? null);
    const patch: ItemPatch = {
      version: req.version,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      tags: JSON.parse(revision.tags) as string[],
      meta: JSON.parse(revision.meta) as Record<string, unknown>,
      section,
      ...(item.status === 'published' ? { changeNote: req.changeNote } : {}),
    };
    return this.edit(item, ctx, patch, () => ['item-restored', { revision: revision.version }]);
  }

  private async edit(item: Item, ctx: RequestContext, patch: ItemPatch, audited: ((version: number, live: boolean) => ['item-edited' | 'item-restored', Record<string, unknown>]) | undefined): Promise<Item> {
    const actor = actorOf(ctx);
    const errors: FieldError[] = [];
    if (!Number.isInteger(patch.version)) errors.push({ path: '/version', message: 'the version you edited is required (optimistic locking)' });
    errors.push(...checkText(patch));
    if (patch.meta !== undefined && !refused(errors, '/meta')) errors.push(...checkMeta(item.type, patch.meta));
    if (errors.length) throw new ValidationError(errors);
    const portal = await this.portals.require(item.portal);

    return this.store.db
      .transaction()
      .execute(async (trx) => {
        const row = await lockRow(this.store, trx, item.id);
        const isOwner = row.author_id !== null && row.author_id === actor.accountId;
        if (!mayEdit(actor, row.status as State, isOwner)) {
          throw new ForbiddenError(`Your role may not edit ${isOwner ? '' : "someone else's "}items that are ${row.status}.`);
        }
        if (row.version !== patch.version) {
          throw new ConflictError(`Item ${row.id} was changed since version ${patch.version}; it is at version ${row.version}. Reload and reapply your edit.`, { currentVersion: row.version });
        }
        guardMirror(row, patch);
        const live = row.status === 'published';
        if (patch.autosave && live) throw new ConflictError(`Item ${row.id} is published: changes to it are saved by hand, with a change note.`, { state: row.status });
        const minor = patch.minorChange === true;
        const changeNote = patch.changeNote?.trim();
        if (live && !minor && !changeNote) {
          throw new ValidationError([{ path: '/changeNote', message: 'a published item changed in substance needs a change note for readers (or set minorChange for a typo)' }]);
        }
        if (patch.slug !== undefined && patch.slug !== row.slug) {
          if (row.first_published_at) throw new ConflictError('The slug of an item that has been published is fixed: its URL is already out there.');
          await ensureSlugFree(trx, row.portal_id, row.lang, patch.slug, row.id);
        }
        const sectionId = patch.section === undefined ? row.section_id : await resolveSection(trx, portal, patch.section);
        const now = iso(this.clock());
        const title = patch.title !== undefined ? patch.title.normalize('NFC').trim() : row.title;
        const summary = patch.summary !== undefined ? patch.summary.normalize('NFC').trim() : row.summary;
        const next = {
          title,
          summary,
          body: patch.body !== undefined ? sanitizeBody(patch.body.normalize('NFC')) : row.body,
          meta: patch.meta !== undefined ? JSON.stringify(patch.meta) : row.meta,
          tags: patch.tags !== undefined ? JSON.stringify(cleanTags(patch.tags)) : row.tags,
        };
        let slug = patch.slug ?? row.slug;
        // Until first publication the slug follows the title; after, it is stable.
        if (patch.slug === undefined && patch.title !== undefined && !row.first_published_at && row.lang !== 'zh') {
          const fromTitle = slugify(title);
          if (fromTitle.length >= 3 && fromTitle !== row.slug && !row.slug.startsWith(`${fromTitle}-`)) slug = await uniqueSlug(trx, row.portal_id, row.lang, fromTitle);
        }
        const version = row.version + 1;
        await trx
          .updateTable('content_items')
          .set({
            ...next,
            slug,
            section_id: sectionId,
            search_text: fold(`${title} ${summary}`),
            version,
            updated_at: now,
            public_updated_at: live && !minor ? now : row.public_updated_at,
          })
          .where('id', '=', row.id)
          .execute();
        if (patch.autosave) await saveAutosaveRevision(trx, row.id, version, { ...next, section_id: sectionId }, actor.accountId, now);
        else await saveRevision(trx, row.id, version, { ...next, section_id: sectionId }, actor.accountId, changeNote ?? null, now);
        if (live) {
          await trx
            .insertInto('change_notes')
            .values({ item_id: row.id, version, kind: minor ? 'minor' : 'major', note: changeNote || 'Minor correction', author_id: actor.accountId, created_at: now })
            .execute();
          await this.outbox.emit(trx, EVENTS.updated, { itemId: row.id, version, minor });
          await this.indexer?.upsert(trx, toIndexable({ ...row, ...next, slug, section_id: sectionId, version }));
          if (!minor) for (const h of this.hooks) await h.corrected?.(trx, { ...row, ...next, slug, section_id: sectionId, version });
        }
        if (audited) {
          const [action, detail] = audited(version, live);
          await this.audit.recordFor({ ...ctx, portalId: row.portal_id }, action, `item:${row.id}`, detail, trx);
        }
        return row;
      })
      .then((row) => {
        this.notify({ itemId: row.id, portalId: row.portal_id, kind: 'updated', status: row.status as State, groupId: row.group_id });
        return this.getForMember(row.id);
      });
  }

  /**
   * Creates or updates a federated copy inside the caller's transaction.
   * Throws ValidationError when the received fields are not a valid item.
   * `committed` sends the after-commit change notification; call it once the
   * transaction has committed.
   */
  async writeMirror(trx: Trx, w: MirrorWrite): Promise<{ id: number; sanitized: boolean; committed: () => void }> {
    return writeMirrorCopy({ store: this.store, outbox: this.outbox, clock: this.clock, indexer: this.indexer, notify: (change) => this.notify(change) }, trx, w);
  }

  /** State and provenance of a federated copy, read inside the caller's transaction. */
  async mirrorState(trx: Trx, itemId: number): Promise<{ status: State; origin: Record<string, unknown> | null } | undefined> {
    return readMirrorState(trx, itemId);
  }

  /**
   * A local note on a federated copy: the one thing a local newsroom adds to
   * an item whose content follows its origin. Empty text removes it.
   */
  async setLocalNote(item: Item, ctx: RequestContext, note: string): Promise<Item> {
    const actor = actorOf(ctx);
    if (!actor.roles.some((r) => r === 'admin' || r === 'editor-in-chief' || r === 'editor')) throw new ForbiddenError('Only editors may add a local note.');
    const text = note.normalize('NFC').trim();
    if (text.length > 2000 || CONTROL.test(text)) throw new ValidationError([{ path: '/note', message: 'must be at most 2000 characters of plain text' }]);
    const row = await this.store.db.transaction().execute(async (trx) => {
      const row = await lockRow(this.store, trx, item.id);
      if (!row.origin) throw new ConflictError(`Item ${row.id} is this portal's own; edit it instead of adding a local note.`);
      const origin = JSON.parse(row.origin) as Record<string, unknown>;
      if (text) origin.localNote = text;
      else delete origin.localNote;
      await trx
        .updateTable('content_items')
        .set({ origin: JSON.stringify(origin), updated_at: iso(this.clock()) })
        .where('id', '=', row.id)
        .execute();
      if (row.status === 'published') await this.outbox.emit(trx, EVENTS.updated, { itemId: row.id, version: row.version, minor: true });
      await this.audit.recordFor({ ...ctx, portalId: row.portal_id }, 'item-edited', `item:${row.id}`, { localNote: true }, trx);
      return row;
    });
    this.notify({ itemId: row.id, portalId: row.portal_id, kind: 'updated', status: row.status as State, groupId: row.group_id });
    return this.getForMember(row.id);
  }

  /** Applies a workflow action; every transition is recorded and audited. */
  async act(item: Item, ctx: RequestContext, req: WorkflowRequest): Promise<Item> {
    return (await this.actOn(item, ctx, req)).item;
  }

  /** `act`, also telling which translations went down with their original. */
  async actOn(item: Item, ctx: RequestContext, req: WorkflowRequest): Promise<WorkflowOutcome> {
    return this.applyAction(item, actorOf(ctx), req, ctx);
  }

  /**
   * The workflow step of a command that audits it under its own action (a
   * federation proposal's decision is audited as federation-proposal), so it
   * writes no transition row of its own. Every other caller uses `act`.
   */
  async actWithinAuditedCommand(item: Item, actor: Actor, req: WorkflowRequest): Promise<Item> {
    return (await this.applyAction(item, actor, req, undefined)).item;
  }

  private async applyAction(item: Item, actor: Actor, req: WorkflowRequest, ctx: RequestContext | undefined): Promise<WorkflowOutcome> {
    if (!(ACTIONS as readonly string[]).includes(req.action)) {
      throw new ValidationError([{ path: '/action', message: `must be one of ${ACTIONS.join(', ')}` }]);
    }
    const action = req.action as Action;
    const errors: FieldError[] = [];
    let at: Date | undefined;
    if (action === 'schedule') {
      at = req.at === undefined ? undefined : new Date(req.at);
      if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(req.at ?? '')) errors.push({ path: '/at', message: 'schedule needs an ISO 8601 time, e.g. 2026-12-01T08:00:00+07:00' });
      else if (at.getTime() <= this.clock().getTime()) errors.push({ path: '/at', message: 'must be in the future (publish now instead)' });
    } else if (req.at !== undefined) errors.push({ path: '/at', message: 'only schedule takes a time' });
    const note = req.note?.trim() || null;
    if (req.note !== undefined && typeof req.note !== 'string') errors.push({ path: '/note', message: 'must be a string' });
    let unpublishKind: 'withdrawn' | 'gone' = 'withdrawn';
    if (action === 'unpublish') {
      if (req.kind !== undefined && req.kind !== 'withdrawn' && req.kind !== 'gone') errors.push({ path: '/kind', message: 'must be withdrawn or gone' });
      else if (req.kind) unpublishKind = req.kind;
      if (!note) errors.push({ path: '/note', message: 'unpublishing needs a reason; a withdrawn item shows it to readers' });
    } else if (req.kind !== undefined) errors.push({ path: '/kind', message: 'only unpublish takes a kind' });
    let translations: 'same' | 'keep' = 'same';
    if (req.translations !== undefined) {
      if (action !== 'unpublish') errors.push({ path: '/translations', message: 'only unpublish takes translations' });
      else if (req.translations !== 'same' && req.translations !== 'keep') errors.push({ path: '/translations', message: 'must be same or keep' });
      else translations = req.translations;
    }
    if (action === 'reject' && !note) errors.push({ path: '/note', message: 'say why the item is sent back' });
    if (errors.length) throw new ValidationError(errors);

    const result = await this.store.db.transaction().execute(async (trx) => {
      const row = await lockRow(this.store, trx, item.id);
      if (req.version !== undefined && req.version !== row.version) {
        throw new ConflictError(`Item ${row.id} is at version ${row.version}, not ${req.version}.`, { currentVersion: row.version });
      }
      const to = await this.transition(trx, row, actor, action, { at, note, unpublishKind });
      // Translations say what their original says: when the original is
      // withdrawn (wrong figures, a superseded decision) they go with it, in
      // this transaction, with the same kind and reason and every side
      // effect of their own (search, social posts, federation, caches).
      const siblings: Row[] = [];
      if (action === 'unpublish' && translations === 'same' && (await this.isOriginal(trx, row))) {
        const published = await trx.selectFrom('content_items').select('id').where('group_id', '=', row.group_id).where('id', '!=', row.id).where('status', '=', 'published').orderBy('id').execute();
        for (const { id } of published) {
          const sibling = await lockRow(this.store, trx, id);
          if (sibling.status !== 'published') continue;
          await this.transition(trx, sibling, actor, 'unpublish', { note, unpublishKind });
          siblings.push(sibling);
        }
      }
      // one audit row per item moved, the translations taken down with their original included
      if (ctx) {
        const noted = note ? { note: note.slice(0, 500) } : {};
        const audited = { ...ctx, portalId: row.portal_id };
        await this.audit.recordFor(audited, 'transition', `item:${row.id}`, { action, from: row.status, ...noted, ...(at ? { at: req.at } : {}), ...(siblings.length ? { alsoUnpublished: siblings.map((r) => r.id) } : {}) }, trx);
        for (const sibling of siblings) await this.audit.recordFor(audited, 'transition', `item:${sibling.id}`, { action, from: sibling.status, ...noted, withOriginal: row.id }, trx);
      }
      return { row, to, siblings };
    });
    this.notifyTransition(result.row, result.to);
    for (const sibling of result.siblings) this.notifyTransition(sibling, 'unpublished');
    return {
      item: await this.getForMember(result.row.id),
      alsoUnpublished: result.siblings.map((r) => ({ id: r.id, lang: r.lang, from: r.status as State })),
    };
  }

  /** The original of a translation group: the item its translations were started from (the group's first). */
  private async isOriginal(trx: Trx, row: Row): Promise<boolean> {
    const first = await trx.selectFrom('content_items').select('id').where('group_id', '=', row.group_id).orderBy('id').limit(1).executeTakeFirst();
    return first?.id === row.id;
  }

  /** Runs from the outbox at the scheduled time; a stale job (rescheduled, withdrawn) does nothing. */
  async publishScheduled(payload: { itemId: number; scheduledAt: string }): Promise<void> {
    const done = await this.store.db.transaction().execute(async (trx) => {
      const row = await lockRow(this.store, trx, payload.itemId).catch(() => undefined);
      if (!row || row.status !== 'scheduled' || row.scheduled_at !== payload.scheduledAt) return undefined;
      return { row, to: await this.transition(trx, row, SYSTEM, 'publish', { note: 'scheduled publication', unpublishKind: 'withdrawn' }) };
    });
    if (done) this.notifyTransition(done.row, done.to);
  }

  private notifyTransition(row: Row, to: State) {
    const kind = to === 'published' ? 'published' : row.status === 'published' || to === 'unpublished' ? 'unpublished' : 'state';
    this.notify({ itemId: row.id, portalId: row.portal_id, kind, status: to, groupId: row.group_id });
  }

  private notify(change: ContentChange) {
    try {
      this.changes.emit('change', change);
    } catch {
      // a listener's failure must not turn a committed write into an error
    }
  }

  private async transition(trx: Trx, row: Row, actor: Actor, action: Action, opts: { at?: Date; note: string | null; unpublishKind: 'withdrawn' | 'gone' }) {
    const isOwner = row.author_id !== null && row.author_id === actor.accountId;
    const decision = decide(actor, action, row.status as State, isOwner);
    if (!decision.ok) {
      if (decision.reason === 'forbidden') throw new ForbiddenError(decision.detail);
      throw new ConflictError(decision.detail, { state: row.status, allowedActions: decision.allowed });
    }
    const now = iso(this.clock());
    const to = decision.to;
    const set: Partial<Row> = { status: to, version: row.version + 1, updated_at: now };
    if (to === 'published') {
      set.published_at = row.first_published_at ?? now;
      set.first_published_at = row.first_published_at ?? now;
      set.public_updated_at = row.public_updated_at ?? row.first_published_at ?? now;
      set.scheduled_at = null;
      set.unpublish_kind = null;
      set.unpublish_reason = null;
    }
    if (to === 'scheduled') set.scheduled_at = iso(opts.at!);
    else if (row.scheduled_at) set.scheduled_at = null;
    if (to === 'unpublished') {
      set.unpublish_kind = opts.unpublishKind;
      set.unpublish_reason = opts.note;
    }
    await trx.updateTable('content_items').set(set).where('id', '=', row.id).execute();
    // in the same transaction: an item is findable exactly while it is published
    if (to === 'published') await this.indexer?.upsert(trx, toIndexable({ ...row, ...set }));
    else if (row.status === 'published') await this.indexer?.remove(trx, row.id);
    await trx
      .insertInto('workflow_transitions')
      .values({ item_id: row.id, actor_id: actor.accountId, action, from_status: row.status, to_status: to, note: to === 'scheduled' ? `${opts.note ?? ''} at ${set.scheduled_at}`.trim() : opts.note, at: now })
      .execute();
    if (to === 'scheduled') {
      await this.outbox.enqueue(trx, SCHEDULED_PUBLISH_TOPIC, { itemId: row.id, scheduledAt: set.scheduled_at }, { runAfter: opts.at, maxAttempts: 50 });
    }
    if (to === 'published') await this.outbox.emit(trx, EVENTS.published, { itemId: row.id, version: set.version });
    if (to === 'unpublished') await this.outbox.emit(trx, EVENTS.unpublished, { itemId: row.id, version: set.version, kind: opts.unpublishKind });
    if (to === 'published') for (const h of this.hooks) await h.published?.(trx, { ...row, ...set });
    else if (row.status === 'published') for (const h of this.hooks) await h.unpublished?.(trx, { ...row, ...set });
    for (const h of this.hooks) await h.transitioned?.(trx, { ...row, ...set }, row.status as State, actor);
    return to;
  }
}
