import { EventEmitter } from 'node:events';
import { CompiledQuery, sql, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { type Store, contains, jsonObjectArray, lockForUpdate } from '../../store/index.ts';
import type { ContentItemTable, Database } from '../../store/schema.ts';
import { ConflictError, ForbiddenError, GoneError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, langPrefix, LANGUAGES, type Lang } from '../../lib/lang.ts';
import { fold, slugify } from '../../lib/text.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { ACTIONS, decide, mayCreate, mayEdit, mayReadDrafts, SYSTEM, type Action, type Actor, type State } from '../workflow/index.ts';
import { sanitizeBody } from './sanitize.ts';
import { markupOverLimit } from './markup-limits.ts';
import { jsonShapeExcess, META_LIMITS } from '../../lib/json-limits.ts';
import { checkMeta, isContentType, type ContentType } from './types.ts';
import { toIndexable, type ContentIndexer } from './indexing.ts';
import type { AuditService } from '../audit/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';

// Content items: every type, every language, every state. Translations of
// one item form a translation group, and each translation has its own
// workflow state: an English version can wait for review while the
// Vietnamese original is live. Every save is kept as a revision.

export const EVENTS = {
  published: 'content.published',
  updated: 'content.updated',
  unpublished: 'content.unpublished',
} as const;
export const SCHEDULED_PUBLISH_TOPIC = 'workflow.publish-scheduled';

const MAX_TITLE = 500;
const MAX_SUMMARY = 4000;
const MAX_BODY = 2_000_000;
const MAX_TAGS = 30;
/** Related items: how many of an item's tags are matched, and how many of the newest items of each tag are candidates. */
const MAX_RELATED_TAGS = 10;
const RELATED_DEPTH = 20;
/** The columns of a PublicListing row (content_items as ci, sections as s), for queries written as SQL. */
const LISTING_COLUMNS = sql.raw('ci.id, ci.portal_id, ci.type, ci.lang, ci.slug, ci.title, ci.summary, ci.tags, ci.meta, ci.published_at, ci.first_published_at, ci.public_updated_at, s.slug as section_slug');
/** The most an item excludes from its related box: itself and its translations (one per other language). */
const MAX_EXCLUDED = LANGUAGES.length;

type Row = Selectable<ContentItemTable>;
type Trx = Transaction<Database>;

export interface ChangeNote {
  at: string;
  note: string;
  kind: 'major' | 'minor';
}

export interface Item {
  id: number;
  portal: string;
  type: ContentType;
  lang: Lang;
  slug: string;
  title: string;
  summary: string;
  body: string;
  url: string;
  section: string | null;
  tags: string[];
  status: State;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  /** When readers last saw a major change (corrections marked minor don't move it). */
  publicUpdatedAt: string | null;
  scheduledAt: string | null;
  translations: Partial<Record<Lang, number>>;
  meta: Record<string, unknown>;
  changeNotes: ChangeNote[];
  unpublished: { kind: 'withdrawn' | 'gone'; reason: string } | null;
  origin: unknown;
}

export interface ItemSummary extends Omit<Item, 'body' | 'changeNotes'> {}

export interface NewItem {
  type: string;
  lang: string;
  title: string;
  summary?: string;
  body?: string;
  section?: string | null;
  slug?: string;
  tags?: string[];
  translationOf?: number;
  meta?: Record<string, unknown>;
}

export interface ItemPatch {
  version: number;
  title?: string;
  summary?: string;
  body?: string;
  section?: string | null;
  slug?: string;
  tags?: string[];
  meta?: Record<string, unknown>;
  /** Shown to readers when a published item is corrected. */
  changeNote?: string;
  /** A minor change (typo) to a published item: recorded, not announced. */
  minorChange?: boolean;
  /**
   * Saved by the editor's autosave: the same checks as any save, but never on
   * a published item (live text changes only by a deliberate save), and
   * successive autosaves by one person share one revision instead of
   * filling the history with a version every few seconds.
   */
  autosave?: boolean;
}

/** The note of a revision written by autosave (replaced by the next autosave of the same person). */
export const AUTOSAVE_NOTE = 'autosave';

export interface WorkflowRequest {
  action: string;
  at?: string;
  note?: string;
  /** For unpublish: `withdrawn` keeps the page with the explanation, `gone` answers 410. */
  kind?: string;
  /**
   * For unpublish of an original (the item its translations were started
   * from): `same` (the default) takes its published translations down with
   * it, with the same kind and reason; `keep` leaves them live.
   */
  translations?: string;
  version?: number;
}

/** What a workflow action did: the item, and the translations taken down with it. */
/** What restoring a revision asks for: the revision, the version the editor saw, and (for a published item) the readers' change note. */
export interface RestoreRequest {
  revision: number;
  version: number;
  changeNote?: string;
}

/** The workflow actor a request context stands for: the account and its roles in the portal. */
export function actorOf(ctx: RequestContext): Actor {
  return { accountId: ctx.account?.id ?? null, roles: ctx.roles };
}

export interface WorkflowOutcome {
  item: Item;
  /** translations unpublished with their original (unpublish with `translations: "same"`) */
  alsoUnpublished: { id: number; lang: string; from: State }[];
}

/**
 * An item received over federation, written by the federation module inside
 * its own transaction (the one that also advances its cursor). It bypasses the
 * editors' workflow, but every change is still a revision and every state
 * change a recorded transition, with no actor (the system).
 */
export interface MirrorWrite {
  portal: Portal;
  /** the local copy, when there is one */
  itemId: number | null;
  type: string;
  lang: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  meta: Record<string, unknown>;
  /** a section of the local portal; an unknown slug places the item under its type */
  section: string | null;
  /** wanted slug for a new copy (made unique locally) */
  slug: string;
  /** provenance; a local note already on the item is kept */
  origin: Record<string, unknown>;
  /** `keep`: content follows, the local state stays (e.g. waiting for review, or taken down here) */
  status: 'published' | 'submitted' | 'unpublished' | 'keep';
  unpublish?: { kind: 'withdrawn' | 'gone'; reason: string };
  changeNote?: { note: string; minor: boolean };
  /** a local item whose translation group a new copy joins */
  translationOf?: number;
  /** the origin's publication times, so a copy sorts where the original does */
  times?: { publishedAt: string | null; firstPublishedAt: string | null; publicUpdatedAt: string | null };
  /** recorded with the revision and the transition, e.g. "from chinhphu, log #12" */
  note: string;
}

export interface ListQuery {
  lang?: string;
  type?: string;
  section?: string;
  q?: string;
  tag?: string;
  /** Members only: list items in this workflow state instead of published ones. */
  status?: string;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Emitted in-process after a change to an item is committed (pages, caches and the like listen). */
export interface ContentChange {
  itemId: number;
  portalId: number;
  kind: 'created' | 'updated' | 'published' | 'unpublished' | 'state';
  status: State;
  /** The translation group: a translation's publication changes what its siblings show. */
  groupId?: number;
}

/** Which published items a public list shows. */
export interface PublishedFilter {
  lang: Lang;
  types?: ContentType[];
  /** Items in any of these sections (a sub-site passes its own id and its sections'). */
  sectionIds?: number[];
  tag?: string;
  excludeIds?: number[];
}

/** A published item as the public site's lists show it (no body, no lookups per row). */
export interface PublicListing {
  id: number;
  portal: string;
  type: ContentType;
  lang: Lang;
  slug: string;
  title: string;
  summary: string;
  url: string;
  section: string | null;
  tags: string[];
  meta: Record<string, unknown>;
  publishedAt: string;
  firstPublishedAt: string;
  publicUpdatedAt: string;
}

export interface Tombstone {
  id: number;
  url: string;
  unpublishedAt: string;
  kind: 'withdrawn' | 'gone';
}

export interface SitemapEntry {
  id: number;
  lang: Lang;
  type: ContentType;
  title: string;
  url: string;
  publishedAt: string;
  lastModified: string;
  /** URL of each published language version, this one included. */
  alternates: Partial<Record<Lang, string>>;
}

/** One list the related box draws on: a tag's published items, a section's or a type's, in one portal and language. */
export type RelatedList = { kind: 'tag'; tag: string } | { kind: 'section'; sectionId: number; slug: string } | { kind: 'type'; type: string };

/** An entry of such a list, newest first: the item and when it was published. */
export interface RelatedEntry {
  id: number;
  at: string;
}

/** Keeps the related box's lists, and the list entries of the items it shows, between pages; `load` reads from the store. */
export interface RelatedLists {
  /** The newest `depth` entries of `list`. */
  get(portal: Portal, lang: Lang, list: RelatedList, depth: number, load: () => Promise<RelatedEntry[]>): Promise<RelatedEntry[]>;
  /** Published items by id (unpublished ones left out), in any order. */
  listings(portal: Portal, ids: number[], load: (ids: number[]) => Promise<PublicListing[]>): Promise<PublicListing[]>;
}

/** A list's kind in the shape of a related-lists query. */
const SHAPE_LETTER: Record<RelatedList['kind'], string> = { tag: 'g', section: 's', type: 'y' };

/** Newest first; at the same instant the later id first (the lists' own order). */
const newestFirst = (a: RelatedEntry, b: RelatedEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id);

interface ListingRow {
  id: number;
  type: string;
  lang: string;
  slug: string;
  title: string;
  summary: string;
  tags: string;
  meta: string;
  published_at: string | null;
  first_published_at: string | null;
  public_updated_at: string | null;
  section_slug: string | null;
}

/**
 * Work other modules do inside the transaction that publishes, corrects or
 * takes down a local item (social channels queue their deliveries here), so
 * their jobs exist exactly when the change was committed. Copies received
 * over federation do not run these hooks: they are another portal's items.
 */
export interface PublicationHook {
  published?(trx: Trx, item: Row): Promise<void>;
  /** a published item changed in substance (not a minor correction) */
  corrected?(trx: Trx, item: Row): Promise<void>;
  unpublished?(trx: Trx, item: Row): Promise<void>;
  /** any workflow step by a person or the scheduler (`item` as it is after it; `from` the state before) */
  transitioned?(trx: Trx, item: Row, from: State, actor: Actor): Promise<void>;
}

export class ContentService {
  /** After-commit notifications of this process's writes; see ContentChange. */
  readonly changes = new EventEmitter<{ change: [ContentChange] }>();
  private readonly hooks: PublicationHook[] = [];

  constructor(
    private readonly store: Store,
    private readonly portals: PortalService,
    private readonly outbox: Outbox,
    /** Every command writes its own audit row, inside the transaction of its change. */
    private readonly audit: AuditService,
    private readonly clock: Clock = systemClock,
    /** Keeps a search index in step inside each publishing transaction (see indexing.ts). */
    private readonly indexer?: ContentIndexer,
  ) {}

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
      const sectionId = await this.resolveSection(trx, portal, input.section);
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
      if (input.slug) await this.ensureSlugFree(trx, portal.id, lang, input.slug, null);
      const slug = input.slug ?? (await this.uniqueSlug(trx, portal.id, lang, baseSlug));
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
      await this.saveRevision(trx, row.id, 1, { ...fields, section_id: sectionId }, actor.accountId, null, now);
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

    return this.store.db.transaction().execute(async (trx) => {
      const row = await this.lockRow(trx, item.id);
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
        await this.ensureSlugFree(trx, row.portal_id, row.lang, patch.slug, row.id);
      }
      const sectionId = patch.section === undefined ? row.section_id : await this.resolveSection(trx, portal, patch.section);
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
        if (fromTitle.length >= 3 && fromTitle !== row.slug && !row.slug.startsWith(`${fromTitle}-`)) slug = await this.uniqueSlug(trx, row.portal_id, row.lang, fromTitle);
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
      if (patch.autosave) await this.saveAutosaveRevision(trx, row.id, version, { ...next, section_id: sectionId }, actor.accountId, now);
      else await this.saveRevision(trx, row.id, version, { ...next, section_id: sectionId }, actor.accountId, changeNote ?? null, now);
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
    }).then((row) => {
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
    const { portal } = w;
    const errors: FieldError[] = [];
    if (!isContentType(w.type)) errors.push({ path: '/type', message: 'unknown content type' });
    if (!isLang(w.lang) || !portal.languages.includes(w.lang)) errors.push({ path: '/lang', message: `${portal.slug} publishes in ${portal.languages.join(', ')} only` });
    errors.push(...checkText({ title: w.title, summary: w.summary, body: w.body, tags: w.tags, meta: w.meta }));
    if (isContentType(w.type) && !refused(errors, '/meta')) errors.push(...checkMeta(w.type, w.meta));
    if (errors.length) throw new ValidationError(errors, `The received item is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    const now = iso(this.clock());
    const cleanBody = sanitizeBody(w.body.normalize('NFC'));
    const fields = {
      title: w.title.normalize('NFC').trim(),
      summary: w.summary.normalize('NFC').trim(),
      body: cleanBody,
      meta: JSON.stringify(w.meta),
      tags: JSON.stringify(cleanTags(w.tags)),
    };
    const sanitized = cleanBody !== w.body.normalize('NFC').trim();
    const section = w.section ? await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', w.section).executeTakeFirst() : undefined;
    const sectionId = section?.id ?? null;
    const record = async (itemId: number, action: Action | 'update', from: string, to: string) => {
      await trx.insertInto('workflow_transitions').values({ item_id: itemId, actor_id: null, action, from_status: from, to_status: to, note: w.note, at: now }).execute();
    };

    if (w.itemId === null) {
      const status: State = w.status === 'published' ? 'published' : w.status === 'unpublished' ? 'unpublished' : 'submitted';
      let groupId: number | undefined;
      if (w.translationOf !== undefined) {
        groupId = (await trx.selectFrom('content_items').select('group_id').where('id', '=', w.translationOf).where('portal_id', '=', portal.id).executeTakeFirst())?.group_id;
        if (groupId !== undefined && (await trx.selectFrom('content_items').select('id').where('group_id', '=', groupId).where('lang', '=', w.lang).executeTakeFirst())) groupId = undefined;
      }
      groupId ??= (await trx.insertInto('translation_groups').values({ portal_id: portal.id, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      let base = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(w.slug) && w.slug.length <= 120 ? w.slug : slugify(w.title);
      if (base.length < 3) base = `${w.type}-${now.slice(0, 10).replace(/-/g, '')}`;
      // the origin's slug is usually free here: one indexed lookup instead of a prefix scan
      const taken = await trx.selectFrom('content_items').select('id').where('portal_id', '=', portal.id).where('lang', '=', w.lang).where('slug', '=', base).executeTakeFirst();
      const slug = taken ? await this.uniqueSlug(trx, portal.id, w.lang, base) : base;
      const live = status === 'published';
      const published = live ? (w.times?.publishedAt ?? now) : null;
      const values = {
        portal_id: portal.id,
        group_id: groupId,
        lang: w.lang,
        type: w.type,
        section_id: sectionId,
        slug,
        ...fields,
        search_text: fold(`${fields.title} ${fields.summary}`),
        status,
        version: 1,
        author_id: null,
        created_at: now,
        updated_at: now,
        published_at: published,
        first_published_at: live ? (w.times?.firstPublishedAt ?? published) : null,
        public_updated_at: live ? (w.times?.publicUpdatedAt ?? published) : null,
        scheduled_at: null,
        unpublish_kind: status === 'unpublished' ? (w.unpublish?.kind ?? 'withdrawn') : null,
        unpublish_reason: status === 'unpublished' ? (w.unpublish?.reason ?? '') : null,
        origin: JSON.stringify(w.origin),
      };
      const row = await trx.insertInto('content_items').values(values).returning('id').executeTakeFirstOrThrow();
      await this.saveRevision(trx, row.id, 1, { ...fields, section_id: sectionId }, null, w.note, now);
      await record(row.id, live ? 'publish' : 'submit', 'draft', status);
      if (live) {
        await this.indexer?.upsert(trx, toIndexable({ ...values, id: row.id }));
        await this.outbox.emit(trx, EVENTS.published, { itemId: row.id, version: 1 });
      }
      return { id: row.id, sanitized, committed: () => this.notify({ itemId: row.id, portalId: portal.id, kind: live ? 'published' : 'created', status }) };
    }

    const row = await this.lockRow(trx, w.itemId);
    const previousOrigin = row.origin ? (JSON.parse(row.origin) as Record<string, unknown>) : {};
    const origin = { ...w.origin, ...(previousOrigin.localNote ? { localNote: previousOrigin.localNote } : {}) };
    const from = row.status as State;
    const to: State = w.status === 'keep' ? from : w.status;
    const version = row.version + 1;
    const set: Partial<Row> = {
      ...fields,
      search_text: fold(`${fields.title} ${fields.summary}`),
      version,
      updated_at: now,
      status: to,
      origin: JSON.stringify(origin),
    };
    // the local placement is the local newsroom's: a section it chose stays
    if (row.section_id === null) set.section_id = sectionId;
    if (to === 'published') {
      set.published_at = row.published_at ?? w.times?.publishedAt ?? now;
      set.first_published_at = row.first_published_at ?? w.times?.firstPublishedAt ?? now;
      set.public_updated_at = w.changeNote?.minor ? (row.public_updated_at ?? now) : (w.times?.publicUpdatedAt ?? now);
      set.unpublish_kind = null;
      set.unpublish_reason = null;
    }
    if (to === 'unpublished' && from !== 'unpublished') {
      set.unpublish_kind = w.unpublish?.kind ?? 'withdrawn';
      set.unpublish_reason = w.unpublish?.reason ?? '';
    }
    await trx.updateTable('content_items').set(set).where('id', '=', row.id).execute();
    const merged = { ...row, ...set };
    await this.saveRevision(trx, row.id, version, { ...fields, section_id: merged.section_id }, null, w.note, now);
    if (from === 'published' && to === 'published') {
      if (w.changeNote) await trx.insertInto('change_notes').values({ item_id: row.id, version, kind: w.changeNote.minor ? 'minor' : 'major', note: w.changeNote.note || 'Minor correction', author_id: null, created_at: now }).execute();
      await this.indexer?.upsert(trx, toIndexable(merged));
      await this.outbox.emit(trx, EVENTS.updated, { itemId: row.id, version, minor: w.changeNote?.minor ?? true });
    } else if (to === 'published') {
      await record(row.id, 'publish', from, to);
      await this.indexer?.upsert(trx, toIndexable(merged));
      await this.outbox.emit(trx, EVENTS.published, { itemId: row.id, version });
    } else if (to !== from) {
      await record(row.id, to === 'unpublished' ? 'unpublish' : 'submit', from, to);
      if (from === 'published') {
        await this.indexer?.remove(trx, row.id);
        await this.outbox.emit(trx, EVENTS.unpublished, { itemId: row.id, version, kind: set.unpublish_kind ?? 'withdrawn' });
      }
    }
    const kind: ContentChange['kind'] = to === 'published' ? (from === 'published' ? 'updated' : 'published') : from === 'published' ? 'unpublished' : 'updated';
    return { id: row.id, sanitized, committed: () => this.notify({ itemId: row.id, portalId: row.portal_id, kind, status: to, groupId: row.group_id }) };
  }

  /** State and provenance of a federated copy, read inside the caller's transaction. */
  async mirrorState(trx: Trx, itemId: number): Promise<{ status: State; origin: Record<string, unknown> | null } | undefined> {
    const row = await trx.selectFrom('content_items').select(['status', 'origin']).where('id', '=', itemId).executeTakeFirst();
    return row ? { status: row.status as State, origin: row.origin ? JSON.parse(row.origin) : null } : undefined;
  }

  /**
   * A local note on a federated copy: the one thing a local newsroom adds to
   * an item whose content follows its origin. Empty text removes it.
   */
  async setLocalNote(item: Item, actor: Actor, note: string): Promise<Item> {
    if (!actor.roles.some((r) => r === 'admin' || r === 'editor-in-chief' || r === 'editor')) throw new ForbiddenError('Only editors may add a local note.');
    const text = note.normalize('NFC').trim();
    if (text.length > 2000 || CONTROL.test(text)) throw new ValidationError([{ path: '/note', message: 'must be at most 2000 characters of plain text' }]);
    const row = await this.store.db.transaction().execute(async (trx) => {
      const row = await this.lockRow(trx, item.id);
      if (!row.origin) throw new ConflictError(`Item ${row.id} is this portal's own; edit it instead of adding a local note.`);
      const origin = JSON.parse(row.origin) as Record<string, unknown>;
      if (text) origin.localNote = text;
      else delete origin.localNote;
      await trx.updateTable('content_items').set({ origin: JSON.stringify(origin), updated_at: iso(this.clock()) }).where('id', '=', row.id).execute();
      if (row.status === 'published') await this.outbox.emit(trx, EVENTS.updated, { itemId: row.id, version: row.version, minor: true });
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
      const row = await this.lockRow(trx, item.id);
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
          const sibling = await this.lockRow(trx, id);
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
      const row = await this.lockRow(trx, payload.itemId).catch(() => undefined);
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

  // ---------- reads ----------

  /** A public read: only published items; unpublished ones answer 410 with their explanation. */
  async getPublic(id: number): Promise<Item> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.status !== 'published' && row.status !== 'unpublished') || (row.status === 'unpublished' && !row.first_published_at)) {
      throw new NotFoundError(`No published item ${id}.`);
    }
    if (row.status === 'unpublished') {
      const gone = row.unpublish_kind === 'gone';
      throw new GoneError(gone ? `Item ${id} has been removed.` : `Item ${id} was withdrawn: ${row.unpublish_reason}`, {
        unpublished: { kind: row.unpublish_kind, reason: gone ? null : row.unpublish_reason, at: row.updated_at },
      });
    }
    return this.toItem(row, true);
  }

  /** A read by a member of the item's portal (any state); others get the public view. */
  async getFor(id: number, actorFor: (portalId: number) => Actor | undefined): Promise<Item> {
    const row = await this.store.db.selectFrom('content_items').select(['portal_id']).where('id', '=', id).executeTakeFirst();
    const actor = row ? actorFor(row.portal_id) : undefined;
    if (row && actor && mayReadDrafts(actor)) return this.getForMember(id);
    return this.getPublic(id);
  }

  async getForMember(id: number): Promise<Item> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No item ${id}.`);
    return this.toItem(row, false);
  }

  /** The translation group an item belongs to (undefined for an unknown id). */
  async groupOf(id: number): Promise<number | undefined> {
    const row = await this.store.db.selectFrom('content_items').select('group_id').where('id', '=', id).executeTakeFirst();
    return row?.group_id;
  }

  /** The item as stored, whatever its state, for a caller that checks access itself. */
  async find(id: number): Promise<Item | undefined> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toItem(row, false) : undefined;
  }

  async bySlug(portalId: number, lang: Lang, slug: string): Promise<Item | undefined> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('portal_id', '=', portalId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
    return row ? this.toItem(row, row.status === 'published') : undefined;
  }

  async list(portal: Portal, query: ListQuery, actor?: Actor): Promise<Page<ItemSummary>> {
    const errors: FieldError[] = [];
    const limit = query.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.push({ path: '/limit', message: 'must be an integer from 1 to 100' });
    if (query.lang !== undefined && !isLang(query.lang)) errors.push({ path: '/lang', message: 'must be vi, en or zh' });
    if (query.type !== undefined && !isContentType(query.type)) errors.push({ path: '/type', message: 'unknown content type' });
    const byStatus = query.status !== undefined && query.status !== 'published';
    if (byStatus) {
      if (!actor || !mayReadDrafts(actor)) throw new ForbiddenError(`Only ${portal.slug}'s newsroom may list unpublished items.`);
      if (!['draft', 'submitted', 'approved', 'scheduled', 'unpublished'].includes(query.status!)) errors.push({ path: '/status', message: 'unknown workflow state' });
    }
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (cursor === null) errors.push({ path: '/cursor', message: 'not a cursor from this API' });
    if (errors.length) throw new ValidationError(errors);

    const sortCol = byStatus ? 'updated_at' : 'published_at';
    let q = this.store.db
      .selectFrom('content_items')
      .selectAll()
      .where('portal_id', '=', portal.id)
      .where('status', '=', byStatus ? query.status! : 'published');
    if (query.lang) q = q.where('lang', '=', query.lang);
    if (query.type) q = q.where('type', '=', query.type);
    if (query.section) {
      const sections = await this.portals.sections(portal.id);
      const target = sections.find((s) => s.slug === query.section);
      if (!target) return { items: [], nextCursor: null };
      // a sub-site's list includes its own sections
      const ids = [target.id, ...sections.filter((s) => s.parent === target.slug).map((s) => s.id)];
      q = q.where('section_id', 'in', ids);
    }
    // Substring tests without LIKE, so no user character acts as a wildcard.
    const has = (col: 'search_text' | 'tags', needle: string) => contains(this.store, sql.ref(col), needle);
    if (query.q?.trim()) {
      for (const word of fold(query.q).split(/\s+/).filter(Boolean).slice(0, 8)) q = q.where(has('search_text', word));
    }
    if (query.tag) q = q.where(has('tags', JSON.stringify(query.tag.normalize('NFC').trim())));
    // A row-value comparison lets PostgreSQL walk the (…, published_at, id) index from the cursor;
    // the equivalent OR form makes it scan every earlier row.
    if (cursor) q = q.where(sql<boolean>`(${sql.ref(sortCol)}, ${sql.ref('id')}) < (${cursor.t}, ${cursor.id})`);
    const rows = await q.orderBy(sortCol, 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const items = await this.toItems(page, !byStatus, false);
    const last = page[page.length - 1];
    return {
      items: items.map(({ body: _b, changeNotes: _c, ...rest }) => rest),
      nextCursor: more && last ? encodeCursor((last[sortCol] as string) ?? '', last.id) : null,
    };
  }

  async revisions(id: number) {
    return this.store.db.selectFrom('revisions').select(['version', 'title', 'author_id', 'note', 'created_at']).where('item_id', '=', id).orderBy('version', 'desc').execute();
  }

  async history(id: number) {
    return this.store.db.selectFrom('workflow_transitions').select(['action', 'from_status', 'to_status', 'actor_id', 'note', 'at']).where('item_id', '=', id).orderBy('id').execute();
  }

  /** The public URL of an item: portal base, language prefix, section (or type), slug. */
  itemUrl(portal: Portal, lang: Lang, sectionSlug: string | null, type: string, slug: string): string {
    return `${portal.url}${langPrefix(lang)}/${sectionSlug ?? type}/${slug}`;
  }

  // ---------- public-site reads (lean: one query per list, no per-row lookups) ----------

  /** Published items of one portal and language for the public site's lists, newest first. */
  async listPublished(portal: Portal, filter: PublishedFilter, page: { limit: number; offset?: number }): Promise<PublicListing[]> {
    const offset = page.offset ?? 0;
    // "type IN (a, b)" or "section IN (a, b)" cannot walk an index in date order, so a rare
    // value makes the store scan every item of the portal. Near the top of a list it is far
    // cheaper to read each value's newest rows through its index and merge them here.
    const types = filter.types ?? [];
    const sections = filter.sectionIds ?? [];
    if ((types.length > 1 || sections.length > 1) && offset + page.limit <= 200) {
      const parts = await Promise.all(
        (types.length > 1 ? types.map((t) => ({ ...filter, types: [t] })) : sections.map((id) => ({ ...filter, sectionIds: [id] }))).map((f) =>
          this.listPublished(portal, f, { limit: offset + page.limit }),
        ),
      );
      return parts
        .flat()
        .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id))
        .slice(offset, offset + page.limit);
    }
    if (filter.tag !== undefined && !filter.types && !filter.sectionIds) return this.listTagged(portal, filter, page.limit, offset);
    const rows = await this.runShaped<ListingRow>(`list${this.filterShape(filter)}`, [...this.filterParams(portal, filter), page.limit, offset], () =>
      this.publishedQuery(portal, filter)
        .select(['ci.id', 'ci.portal_id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.title', 'ci.summary', 'ci.tags', 'ci.meta', 'ci.published_at', 'ci.first_published_at', 'ci.public_updated_at', 's.slug as section_slug'])
        .orderBy('ci.published_at', 'desc')
        .orderBy('ci.id', 'desc')
        .limit(page.limit)
        .offset(offset),
    );
    return rows.map((r) => this.toListing(portal, r));
  }

  /**
   * Published items of one portal and language among `ids`, in the order of `ids`; ids that
   * are not (or no longer) published there are left out. For lists an editor curates (the
   * home's pinned top stories).
   */
  async publishedAmong(portal: Portal, lang: Lang, ids: number[]): Promise<PublicListing[]> {
    if (ids.length === 0) return [];
    const rows = await this.publishedQuery(portal, { lang })
      .where('ci.id', 'in', ids)
      .select(['ci.id', 'ci.portal_id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.title', 'ci.summary', 'ci.tags', 'ci.meta', 'ci.published_at', 'ci.first_published_at', 'ci.public_updated_at', 's.slug as section_slug'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, this.toListing(portal, r as ListingRow)]));
    return ids.map((id) => byId.get(id)).filter((l): l is PublicListing => l !== undefined);
  }

  /** The same items as the list API gives them (summaries, public view), in the order of `ids`. */
  async publishedSummaries(portal: Portal, lang: Lang, ids: number[]): Promise<ItemSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.db.selectFrom('content_items').selectAll().where('portal_id', '=', portal.id).where('lang', '=', lang).where('status', '=', 'published').where('id', 'in', ids).execute();
    const items = await this.toItems(rows, true, false);
    const byId = new Map(items.map(({ body: _b, changeNotes: _c, ...rest }) => [rest.id, rest]));
    return ids.map((id) => byId.get(id)).filter((i): i is ItemSummary => i !== undefined);
  }

  /**
   * A tag's page of published items, read through item_tags (per portal, language and tag,
   * in date order): the index is walked from the newest entry and stops at the page, however
   * many items the portal has and however rare or common the tag. A text search through
   * every item's tags would have to read them all for a rare one.
   */
  private async listTagged(portal: Portal, filter: PublishedFilter, limit: number, offset: number): Promise<PublicListing[]> {
    const tag = filter.tag!.normalize('NFC').trim();
    const exclude = filter.excludeIds ?? [];
    const rows = await this.runShaped<ListingRow>(`tagged|x${exclude.length}`, [portal.id, filter.lang, tag, ...exclude, 'published', limit, offset], () => ({
      compile: () =>
        sql`select ${LISTING_COLUMNS}
          from item_tags it join content_items ci on ci.id = it.item_id left join sections s on s.id = ci.section_id
          where it.portal_id = ${portal.id} and it.lang = ${filter.lang} and it.tag = ${tag}${exclude.length ? sql` and it.item_id not in (${sql.join(exclude)})` : sql``} and ci.status = ${'published'}
          order by it.published_at desc, it.item_id desc
          limit ${limit} offset ${offset}`.compile(this.store.db),
    }));
    return rows.map((r) => this.toListing(portal, r));
  }

  /** How many items `listPublished` would page through (for page numbers). */
  async countPublished(portal: Portal, filter: PublishedFilter): Promise<number> {
    if (filter.tag !== undefined && !filter.types && !filter.sectionIds && !filter.excludeIds?.length) {
      // item_tags holds published items only (its triggers see to that): counted from its index alone
      const tag = filter.tag.normalize('NFC').trim();
      const [tagged] = await this.runShaped<{ n: string | number }>('tagged-count', [portal.id, filter.lang, tag], () => ({
        compile: () => sql`select count(*) as n from item_tags where portal_id = ${portal.id} and lang = ${filter.lang} and tag = ${tag}`.compile(this.store.db),
      }));
      return Number(tagged?.n ?? 0);
    }
    const [row] = await this.runShaped<{ n: string | number }>(`count${this.filterShape(filter)}`, this.filterParams(portal, filter), () => {
      // the same conditions as publishedQuery, without the section join: a count read from the index alone
      let q = this.store.db.selectFrom('content_items as ci').where('ci.portal_id', '=', portal.id).where('ci.status', '=', 'published').where('ci.lang', '=', filter.lang);
      if (filter.types) q = filter.types.length ? q.where('ci.type', 'in', filter.types) : q.where(sql<boolean>`1 = 0`);
      if (filter.sectionIds) q = filter.sectionIds.length ? q.where('ci.section_id', 'in', filter.sectionIds) : q.where(sql<boolean>`1 = 0`);
      if (filter.excludeIds?.length) q = q.where('ci.id', 'not in', filter.excludeIds);
      if (filter.tag !== undefined) {
        const needle = JSON.stringify(filter.tag.normalize('NFC').trim());
        q = q.where(contains(this.store, sql.ref('ci.tags'), needle));
      }
      return q.select((eb) => eb.fn.countAll<string | number>().as('n'));
    });
    return Number(row?.n ?? 0);
  }

  /**
   * Public lists are read on every uncached page view, and building and compiling a
   * query costs more than running it. Queries of one shape (which filters, how many
   * values each) share their SQL text; only the parameters change. The first query of
   * a shape checks that the parameters listed here are exactly Kysely's, in order, or
   * that shape is always built afresh.
   */
  private readonly shapedSql = new Map<string, string | null>();

  private async runShaped<R>(shape: string, params: readonly unknown[], build: () => { compile(): CompiledQuery }): Promise<R[]> {
    const known = this.shapedSql.get(shape);
    if (known) return (await this.store.db.executeQuery<R>(CompiledQuery.raw(known, [...params]))).rows;
    const compiled = build().compile();
    if (known === undefined) {
      const same = compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      this.shapedSql.set(shape, same ? compiled.sql : null);
      if (same) this.store.prepare?.(compiled.sql);
    }
    return (await this.store.db.executeQuery<R>(compiled)).rows;
  }

  private filterShape(f: PublishedFilter): string {
    return `|t${f.types?.length ?? '-'}|s${f.sectionIds?.length ?? '-'}|x${f.excludeIds?.length ?? 0}|g${f.tag === undefined ? 0 : 1}`;
  }

  /** The parameters of publishedQuery, in the order its conditions are added. */
  private filterParams(portal: Portal, f: PublishedFilter): unknown[] {
    return [portal.id, 'published', f.lang, ...(f.types ?? []), ...(f.sectionIds ?? []), ...(f.excludeIds ?? []), ...(f.tag === undefined ? [] : [JSON.stringify(f.tag.normalize('NFC').trim())])];
  }

  /**
   * A portal's published items in `lang` on one topic: tagged with it, or of
   * that field (`meta.field`, as legal documents and procedures carry it),
   * newest first. Exact names (Unicode-normalised, trimmed). For the links
   * from a published citizen answer (hỏi đáp) to what the portal published on
   * its field; like a tag list, it reads the portal's items in that language.
   */
  async publishedOnTopic(portal: Portal, lang: Lang, topic: string, limit = 5): Promise<PublicListing[]> {
    const name = topic.normalize('NFC').trim();
    if (!name) return [];
    const has = (column: 'ci.tags' | 'ci.meta', needle: string) => contains(this.store, sql.ref(column), needle);
    const rows = (await this.publishedQuery(portal, { lang })
      .where((eb) => eb.or([has('ci.tags', JSON.stringify(name)), has('ci.meta', `"field":${JSON.stringify(name)}`)]))
      .select(['ci.id', 'ci.portal_id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.title', 'ci.summary', 'ci.tags', 'ci.meta', 'ci.published_at', 'ci.first_published_at', 'ci.public_updated_at', 's.slug as section_slug'])
      .orderBy('ci.published_at', 'desc')
      .orderBy('ci.id', 'desc')
      .limit(Math.min(Math.max(1, limit), 20) * 2)
      .execute()) as ListingRow[];
    // the text match is a prefilter: a tag or a nested "field" key elsewhere in meta may only contain the name
    return rows
      .map((r) => this.toListing(portal, r))
      .filter((i) => i.tags.includes(name) || i.meta.field === name)
      .slice(0, limit);
  }

  /** Published items by id, in any portal (translation links, related items). Unknown or unpublished ids are left out. */
  async publishedByIds(ids: number[]): Promise<PublicListing[]> {
    if (ids.length === 0) return [];
    const rows = await this.runShaped<ListingRow & { portal_id: number }>(`by-ids|${ids.length}`, [...ids, 'published'], () =>
      this.store.db
        .selectFrom('content_items as ci')
        .leftJoin('sections as s', 's.id', 'ci.section_id')
        .select(['ci.id', 'ci.portal_id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.title', 'ci.summary', 'ci.tags', 'ci.meta', 'ci.published_at', 'ci.first_published_at', 'ci.public_updated_at', 's.slug as section_slug'])
        .where('ci.id', 'in', ids)
        .where('ci.status', '=', 'published'),
    );
    const out: PublicListing[] = [];
    for (const r of rows) {
      const portal = await this.portals.byId(r.portal_id);
      if (portal) out.push(this.toListing(portal, r));
    }
    return out;
  }

  /**
   * What an article's "related" box lists: published items of its portal and
   * language that share the most of its tags (newest first among equals),
   * then the newest of its section, then of its type; never the item itself
   * or its translations.
   *
   * It ranks lists of ids read from indexes: each tag's newest items
   * (item_tags, per portal, language and tag; never a search through every
   * item's JSON) and the section's newest, then reads the chosen rows. A tag's
   * list is RELATED_DEPTH deep, so "shares the most tags" is exact for tags
   * with fewer items than that and, for a busy tag, counts its recent items,
   * which is what a reader wants next anyway. The type's newest are read only
   * when the section leaves the box short.
   *
   * `lists` keeps such lists, and the chosen items' entries, between pages
   * (the site's, invalidated like its pages); without it the lists are read
   * in one statement and the entries in another.
   */
  async relatedPublished(portal: Portal, item: Pick<Item, 'id' | 'lang' | 'type' | 'tags' | 'translations' | 'section'>, sectionIds: number[], limit = 5, lists?: RelatedLists): Promise<PublicListing[]> {
    const lang = item.lang;
    const exclude = new Set([item.id, ...Object.values(item.translations).filter((id): id is number => id !== undefined)]);
    const tags = [...new Set(item.tags)].slice(0, MAX_RELATED_TAGS);
    const sectionId = sectionIds[0];
    const section: RelatedList | undefined = sectionId !== undefined && item.section ? { kind: 'section', sectionId, slug: item.section } : undefined;
    const type: RelatedList = { kind: 'type', type: item.type };
    // a fill list may repeat up to limit - 1 items chosen before it, and the excluded ones
    const depth = (list: RelatedList) => (list.kind === 'tag' ? RELATED_DEPTH : 2 * limit - 1 + MAX_EXCLUDED);
    const wanted: RelatedList[] = [...tags.map((tag): RelatedList => ({ kind: 'tag', tag })), section ?? type];
    // one list, through `lists` when given; without it, the first lists are read in one statement below
    const readOne = (list: RelatedList) => {
      const load = () => this.relatedLists(portal, lang, [list], depth).then((r) => r[0]);
      return lists ? lists.get(portal, lang, list, depth(list), load) : load();
    };
    const read = lists ? await Promise.all(wanted.map(readOne)) : await this.relatedLists(portal, lang, wanted, depth);

    const shared = new Map<number, RelatedEntry & { n: number }>();
    for (const entries of read.slice(0, tags.length)) {
      for (const e of entries) {
        if (exclude.has(e.id)) continue;
        const seen = shared.get(e.id);
        if (seen) seen.n++;
        else shared.set(e.id, { ...e, n: 1 });
      }
    }
    const chosen = [...shared.values()]
      .sort((a, b) => b.n - a.n || newestFirst(a, b))
      .slice(0, limit)
      .map((e) => e.id);
    const taken = new Set([...exclude, ...chosen]);
    const fillFrom = (entries: RelatedEntry[]) => {
      for (const e of entries) {
        if (chosen.length >= limit) return;
        if (taken.has(e.id)) continue;
        chosen.push(e.id);
        taken.add(e.id);
      }
    };
    fillFrom(read[tags.length]);
    if (chosen.length < limit && section) {
      fillFrom(await readOne(type));
    }
    if (chosen.length === 0) return [];
    const rows = lists ? await lists.listings(portal, chosen, (ids) => this.publishedByIds(ids)) : await this.publishedByIds(chosen);
    const order = new Map(chosen.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** The newest ids of each list, `depth(list)` deep, in one statement: a union of index range reads, no sorting. */
  private async relatedLists(portal: Portal, lang: Lang, lists: RelatedList[], depth: (list: RelatedList) => number): Promise<RelatedEntry[][]> {
    const parts: RawBuilder<unknown>[] = [];
    const params: unknown[] = [];
    lists.forEach((list, i) => {
      const n = depth(list);
      const src = sql.raw(String(i));
      if (list.kind === 'tag') {
        params.push(portal.id, lang, list.tag, n);
        parts.push(sql`select ${src} as src, item_id as id, published_at from (select item_id, published_at from item_tags where portal_id = ${portal.id} and lang = ${lang} and tag = ${list.tag} order by published_at desc, item_id desc limit ${n}) as ${sql.raw(`l${i}`)}`);
      } else if (list.kind === 'section') {
        params.push(list.sectionId, 'published', lang, portal.id, n);
        parts.push(sql`select ${src} as src, id, published_at from (select id, published_at from content_items where section_id = ${list.sectionId} and status = ${'published'} and lang = ${lang} and portal_id = ${portal.id} order by published_at desc, id desc limit ${n}) as ${sql.raw(`l${i}`)}`);
      } else {
        params.push(portal.id, 'published', list.type, lang, n);
        parts.push(sql`select ${src} as src, id, published_at from (select id, published_at from content_items where portal_id = ${portal.id} and status = ${'published'} and type = ${list.type} and lang = ${lang} order by published_at desc, id desc limit ${n}) as ${sql.raw(`l${i}`)}`);
      }
    });
    const rows = await this.runShaped<{ src: number | string; id: number | string; published_at: string | null }>(`related|${lists.map((l) => SHAPE_LETTER[l.kind]).join('')}`, params, () => ({
      compile: () => sql`${sql.join(parts, sql` union all `)}`.compile(this.store.db),
    }));
    const out: RelatedEntry[][] = lists.map(() => []);
    // numbers whatever the engine's driver makes of literals and integer columns
    for (const r of rows) out[Number(r.src)].push({ id: Number(r.id), at: r.published_at ?? '' });
    // each list newest first, as it was read (a union keeps its parts' order in practice, not by promise)
    for (const list of out) list.sort(newestFirst);
    return out;
  }

  /** Items of a portal and language taken down after publication, newest first: Atom tombstones (RFC 6721). */
  async recentlyUnpublished(portal: Portal, filter: { lang: Lang; sectionIds?: number[] }, limit: number): Promise<Tombstone[]> {
    let q = this.store.db
      .selectFrom('content_items as ci')
      .leftJoin('sections as s', 's.id', 'ci.section_id')
      .select(['ci.id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.updated_at', 'ci.unpublish_kind', 's.slug as section_slug'])
      .where('ci.portal_id', '=', portal.id)
      .where('ci.lang', '=', filter.lang)
      .where('ci.status', '=', 'unpublished')
      .where('ci.first_published_at', 'is not', null);
    if (filter.sectionIds) q = filter.sectionIds.length ? q.where('ci.section_id', 'in', filter.sectionIds) : q.where(sql<boolean>`1 = 0`);
    const rows = await q.orderBy('ci.updated_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      url: this.itemUrl(portal, r.lang as Lang, r.section_slug, r.type, r.slug),
      unpublishedAt: r.updated_at,
      kind: (r.unpublish_kind ?? 'withdrawn') as 'withdrawn' | 'gone',
    }));
  }

  /** When each portal last published something: the network index's status line. */
  async lastPublishedAt(portalIds: number[]): Promise<Map<number, string>> {
    // one indexed max() per portal beats a GROUP BY over every published row
    const out = new Map<number, string>();
    await Promise.all(
      portalIds.map(async (id) => {
        const row = await this.store.db
          .selectFrom('content_items')
          .select('published_at')
          .where('portal_id', '=', id)
          .where('status', '=', 'published')
          .orderBy('published_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (row?.published_at) out.set(id, row.published_at);
      }),
    );
    return out;
  }

  /** Published items of a portal in id order with the ids of their published translations: sitemaps. */
  async sitemapEntries(portal: Portal, page: { limit: number; offset: number }): Promise<SitemapEntry[]> {
    const { db } = this.store;
    const rows = await db
      .selectFrom('content_items as ci')
      .leftJoin('sections as s', 's.id', 'ci.section_id')
      .select(['ci.id', 'ci.group_id', 'ci.type', 'ci.lang', 'ci.slug', 'ci.title', 'ci.published_at', 'ci.public_updated_at', 's.slug as section_slug'])
      .where('ci.portal_id', '=', portal.id)
      .where('ci.status', '=', 'published')
      .orderBy('ci.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const groups = [...new Set(rows.map((r) => r.group_id))];
    const siblings = groups.length
      ? await db
          .selectFrom('content_items as ci')
          .leftJoin('sections as s', 's.id', 'ci.section_id')
          .select(['ci.group_id', 'ci.type', 'ci.lang', 'ci.slug', 's.slug as section_slug'])
          .where('ci.group_id', 'in', groups)
          .where('ci.status', '=', 'published')
          .execute()
      : [];
    const byGroup = new Map<number, Partial<Record<Lang, string>>>();
    for (const s of siblings) {
      const m = byGroup.get(s.group_id) ?? {};
      m[s.lang as Lang] = this.itemUrl(portal, s.lang as Lang, s.section_slug, s.type, s.slug);
      byGroup.set(s.group_id, m);
    }
    return rows.map((r) => ({
      id: r.id,
      lang: r.lang as Lang,
      type: r.type as ContentType,
      title: r.title,
      url: this.itemUrl(portal, r.lang as Lang, r.section_slug, r.type, r.slug),
      publishedAt: r.published_at ?? '',
      lastModified: r.public_updated_at ?? r.published_at ?? '',
      alternates: byGroup.get(r.group_id) ?? {},
    }));
  }

  /**
   * An item by its address, as the public site shows it: translations are the
   * published ones, change notes the major ones. Same answer as `bySlug` for a
   * published item.
   */
  async publicItemBySlug(portal: Portal, lang: Lang, slug: string): Promise<Item | undefined> {
    return (await this.publicArticle(portal, lang, slug))?.item;
  }

  /**
   * `publicItemBySlug` with its published translations as list entries (the
   * article page links them), in one query: every uncached article view starts
   * here, and on a loaded server each extra statement costs more than the JSON
   * the store builds for notes and translations.
   */
  async publicArticle(portal: Portal, lang: Lang, slug: string): Promise<{ item: Item; translations: PublicListing[] } | undefined> {
    const [row] = await this.runShaped<Row & { section_slug: string | null; notes_json: string; translations_json: string }>('public-article', [portal.id, lang, slug], () => ({
      compile: () => this.publicArticleQuery(portal.id, lang, slug).compile(this.store.db),
    }));
    if (!row) return undefined;
    const publicView = row.status === 'published';
    const siblings = publicView ? (JSON.parse(row.translations_json) as (ListingRow & { portal_id: number })[]) : [];
    const notes = publicView ? (JSON.parse(row.notes_json) as { at: string; note: string }[]) : [];
    const translations: PublicListing[] = [];
    for (const t of siblings) {
      // a translation group lives in one portal; looked up all the same, as publishedByIds does
      const home = t.portal_id === portal.id ? portal : await this.portals.byId(t.portal_id);
      if (home) translations.push(this.toListing(home, t));
    }
    const translationIds: Partial<Record<Lang, number>> = {};
    for (const t of translations) translationIds[t.lang] = t.id;
    const item: Item = {
      id: row.id,
      portal: portal.slug,
      type: row.type as ContentType,
      lang: row.lang as Lang,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      body: row.body,
      url: this.itemUrl(portal, row.lang as Lang, row.section_slug, row.type, row.slug),
      section: row.section_slug,
      tags: JSON.parse(row.tags),
      status: row.status as State,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      firstPublishedAt: row.first_published_at,
      publicUpdatedAt: row.public_updated_at,
      scheduledAt: row.scheduled_at,
      translations: translationIds,
      meta: JSON.parse(row.meta),
      changeNotes: notes.map((n) => ({ at: n.at, note: n.note, kind: 'major' as const })),
      unpublished: row.unpublish_kind ? { kind: row.unpublish_kind as 'withdrawn' | 'gone', reason: row.unpublish_reason ?? '' } : null,
      origin: row.origin ? JSON.parse(row.origin) : null,
    };
    return { item, translations };
  }

  /** The item row, its major change notes (newest first) and its published translations as JSON arrays. */
  private publicArticleQuery(portalId: number, lang: Lang, slug: string) {
    const notes = sql`(select ${jsonObjectArray(this.store, sql`'at', n.created_at, 'note', n.note`, sql`n.id desc`)} from change_notes n where n.item_id = ci.id and n.kind = 'major')`;
    const fields = sql`'id', t.id, 'portal_id', t.portal_id, 'type', t.type, 'lang', t.lang, 'slug', t.slug, 'title', t.title, 'summary', t.summary, 'tags', t.tags, 'meta', t.meta, 'published_at', t.published_at, 'first_published_at', t.first_published_at, 'public_updated_at', t.public_updated_at, 'section_slug', ts.slug`;
    const siblings = sql`(select ${jsonObjectArray(this.store, fields, sql`t.id`)} from content_items t left join sections ts on ts.id = t.section_id where t.group_id = ci.group_id and t.id <> ci.id and t.status = 'published')`;
    return sql`select ci.*, s.slug as section_slug, ${notes} as notes_json, ${siblings} as translations_json
      from content_items ci left join sections s on s.id = ci.section_id
      where ci.portal_id = ${portalId} and ci.lang = ${lang} and ci.slug = ${slug}`;
  }

  async countAllPublished(portal: Portal): Promise<number> {
    const row = await this.store.db
      .selectFrom('content_items')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('portal_id', '=', portal.id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private publishedQuery(portal: Portal, filter: PublishedFilter) {
    let q = this.store.db
      .selectFrom('content_items as ci')
      .leftJoin('sections as s', 's.id', 'ci.section_id')
      .where('ci.portal_id', '=', portal.id)
      .where('ci.status', '=', 'published')
      .where('ci.lang', '=', filter.lang);
    if (filter.types) q = filter.types.length ? q.where('ci.type', 'in', filter.types) : q.where(sql<boolean>`1 = 0`);
    if (filter.sectionIds) q = filter.sectionIds.length ? q.where('ci.section_id', 'in', filter.sectionIds) : q.where(sql<boolean>`1 = 0`);
    if (filter.excludeIds?.length) q = q.where('ci.id', 'not in', filter.excludeIds);
    if (filter.tag !== undefined) {
      const needle = JSON.stringify(filter.tag.normalize('NFC').trim());
      q = q.where(contains(this.store, sql.ref('ci.tags'), needle));
    }
    return q;
  }

  private toListing(portal: Portal, r: ListingRow): PublicListing {
    return {
      id: r.id,
      portal: portal.slug,
      type: r.type as ContentType,
      lang: r.lang as Lang,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      url: this.itemUrl(portal, r.lang as Lang, r.section_slug, r.type, r.slug),
      section: r.section_slug,
      tags: JSON.parse(r.tags),
      meta: JSON.parse(r.meta),
      publishedAt: r.published_at ?? '',
      firstPublishedAt: r.first_published_at ?? r.published_at ?? '',
      publicUpdatedAt: r.public_updated_at ?? r.published_at ?? '',
    };
  }

  // ---------- helpers ----------

  private async toItem(row: Row, publicView: boolean, withNotes = true): Promise<Item> {
    return (await this.toItems([row], publicView, withNotes))[0];
  }

  /** Rows to API items with a fixed number of queries however many rows: sections, translations and notes in one go each. */
  private async toItems(rows: Row[], publicView: boolean, withNotes: boolean): Promise<Item[]> {
    if (rows.length === 0) return [];
    const { db } = this.store;
    const sectionIds = [...new Set(rows.map((r) => r.section_id).filter((id): id is number => id !== null))];
    const groupIds = [...new Set(rows.map((r) => r.group_id))];
    const [sections, siblings, notes] = await Promise.all([
      sectionIds.length ? db.selectFrom('sections').select(['id', 'slug']).where('id', 'in', sectionIds).execute() : [],
      db.selectFrom('content_items').select(['id', 'group_id', 'lang', 'status']).where('group_id', 'in', groupIds).execute(),
      withNotes ? db.selectFrom('change_notes').select(['item_id', 'created_at', 'note', 'kind']).where('item_id', 'in', rows.map((r) => r.id)).orderBy('id', 'desc').execute() : [],
    ]);
    const sectionSlug = new Map(sections.map((x) => [x.id, x.slug]));
    const items: Item[] = [];
    for (const row of rows) {
      const portal = (await this.portals.byId(row.portal_id))!;
      const translations: Partial<Record<Lang, number>> = {};
      for (const s of siblings) if (s.group_id === row.group_id && s.id !== row.id && (!publicView || s.status === 'published')) translations[s.lang as Lang] = s.id;
      const section = row.section_id === null ? null : sectionSlug.get(row.section_id) ?? null;
      items.push({
        id: row.id,
        portal: portal.slug,
        type: row.type as ContentType,
        lang: row.lang as Lang,
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        body: row.body,
        url: this.itemUrl(portal, row.lang as Lang, section, row.type, row.slug),
        section,
        tags: JSON.parse(row.tags),
        status: row.status as State,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        publishedAt: row.published_at,
        firstPublishedAt: row.first_published_at,
        publicUpdatedAt: row.public_updated_at,
        scheduledAt: row.scheduled_at,
        translations,
        meta: JSON.parse(row.meta),
        changeNotes: notes
          .filter((n) => n.item_id === row.id && (!publicView || n.kind === 'major'))
          .map((n) => ({ at: n.created_at, note: n.note, kind: n.kind as 'major' | 'minor' })),
        unpublished: row.unpublish_kind ? { kind: row.unpublish_kind as 'withdrawn' | 'gone', reason: row.unpublish_reason ?? '' } : null,
        origin: row.origin ? JSON.parse(row.origin) : null,
      });
    }
    return items;
  }

  private async lockRow(trx: Trx, id: number): Promise<Row> {
    const row = await lockForUpdate(this.store, trx.selectFrom('content_items').selectAll().where('id', '=', id)).executeTakeFirst();
    if (!row) throw new NotFoundError(`No item ${id}.`);
    return row;
  }

  private async resolveSection(trx: Trx, portal: Portal, slug: string | null | undefined): Promise<number | null> {
    if (slug === undefined || slug === null || slug === '') return null;
    const row = await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', slug).executeTakeFirst();
    if (!row) throw new ValidationError([{ path: '/section', message: `no section "${slug}" in ${portal.slug}` }]);
    return row.id;
  }

  private async ensureSlugFree(trx: Trx, portalId: number, lang: string, slug: string, selfId: number | null) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 120) throw new ValidationError([{ path: '/slug', message: 'must be lower-case ascii letters, digits and single hyphens' }]);
    const taken = await trx.selectFrom('content_items').select('id').where('portal_id', '=', portalId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
    if (taken && taken.id !== selfId) throw new ConflictError(`The slug "${slug}" is taken in this portal and language (item ${taken.id}).`);
  }

  private async uniqueSlug(trx: Trx, portalId: number, lang: string, base: string): Promise<string> {
    const rows = await trx
      .selectFrom('content_items')
      .select('slug')
      .where('portal_id', '=', portalId)
      .where('lang', '=', lang)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
      .execute();
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** An autosave replaces the revision of the previous autosave when that is the latest one and its author's. */
  private async saveAutosaveRevision(trx: Trx, itemId: number, version: number, f: { title: string; summary: string; body: string; meta: string; tags: string; section_id: number | null }, authorId: number | null, now: string) {
    const latest = await trx.selectFrom('revisions').select(['id', 'note', 'author_id']).where('item_id', '=', itemId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (latest && latest.note === AUTOSAVE_NOTE && latest.author_id === authorId) {
      await trx
        .updateTable('revisions')
        .set({ version, title: f.title, summary: f.summary, body: f.body, meta: f.meta, tags: f.tags, section_id: f.section_id, created_at: now })
        .where('id', '=', latest.id)
        .execute();
      return;
    }
    await this.saveRevision(trx, itemId, version, f, authorId, AUTOSAVE_NOTE, now);
  }

  private async saveRevision(trx: Trx, itemId: number, version: number, f: { title: string; summary: string; body: string; meta: string; tags: string; section_id: number | null }, authorId: number | null, note: string | null, now: string) {
    await trx
      .insertInto('revisions')
      .values({ item_id: itemId, version, title: f.title, summary: f.summary, body: f.body, meta: f.meta, tags: f.tags, section_id: f.section_id, author_id: authorId, note, created_at: now })
      .execute();
  }
}

/** Stable JSON (sorted keys), to compare meta objects that may list their fields in another order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * A copy received through a subscription follows its origin: its text, tags
 * and metadata change only there. Local editors may move it to another
 * section, take it down, or add a local note — nothing that would silently
 * make it say something its origin does not.
 */
function guardMirror(row: Row, patch: ItemPatch): void {
  if (!row.origin) return;
  const origin = JSON.parse(row.origin) as { via?: string; url?: string };
  if (origin.via !== 'subscription') return;
  const changed: string[] = [];
  if (patch.title !== undefined && patch.title.normalize('NFC').trim() !== row.title) changed.push('title');
  if (patch.summary !== undefined && patch.summary.normalize('NFC').trim() !== row.summary) changed.push('summary');
  if (patch.body !== undefined && sanitizeBody(patch.body.normalize('NFC')) !== row.body) changed.push('body');
  if (patch.tags !== undefined && JSON.stringify(cleanTags(patch.tags)) !== row.tags) changed.push('tags');
  if (patch.meta !== undefined && stableJson(patch.meta) !== stableJson(JSON.parse(row.meta))) changed.push('meta');
  if (patch.slug !== undefined && patch.slug !== row.slug) changed.push('slug');
  if (changed.length) {
    throw new ConflictError(`Item ${row.id} is a copy of ${origin.url ?? 'another portal\'s item'}; its ${changed.join(', ')} follow the origin and cannot be changed here. Add a local note instead (PUT /api/v1/articles/${row.id}/local-note).`, { mirroredFrom: origin.url ?? null, fields: changed });
  }
}

function normalized(input: NewItem) {
  return {
    title: input.title.normalize('NFC').trim(),
    summary: (input.summary ?? '').normalize('NFC').trim(),
    body: sanitizeBody((input.body ?? '').normalize('NFC')),
    meta: JSON.stringify(input.meta ?? {}),
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
  };
}

function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.normalize('NFC').trim()).filter(Boolean))];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkText(input: { title?: unknown; summary?: unknown; body?: unknown; tags?: unknown; meta?: unknown; section?: unknown; slug?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  const str = (v: unknown, path: string, max: number, required: boolean) => {
    if (v === undefined) {
      if (required) errors.push({ path, message: 'is required' });
    } else if (typeof v !== 'string') errors.push({ path, message: 'must be a string' });
    else if (required && !v.trim()) errors.push({ path, message: 'must not be empty' });
    else if (v.length > max) errors.push({ path, message: `must be at most ${max} characters` });
    else if (CONTROL.test(v)) errors.push({ path, message: 'contains control characters' });
  };
  str(input.title, '/title', MAX_TITLE, 'title' in input || (input as NewItem).type !== undefined);
  str(input.summary, '/summary', MAX_SUMMARY, false);
  if (input.body !== undefined && (typeof input.body !== 'string' || input.body.length > MAX_BODY)) errors.push({ path: '/body', message: `must be HTML text of at most ${MAX_BODY} characters` });
  else if (typeof input.body === 'string') {
    // measured before anything parses it: sanitizing costs grow with nesting
    const excess = markupOverLimit(input.body);
    if (excess) errors.push({ path: '/body', message: excess });
  }
  if (input.tags !== undefined && (!Array.isArray(input.tags) || input.tags.length > MAX_TAGS || input.tags.some((t) => typeof t !== 'string' || t.length > 100))) {
    errors.push({ path: '/tags', message: `must be at most ${MAX_TAGS} strings of up to 100 characters` });
  }
  if (input.meta !== undefined && (typeof input.meta !== 'object' || input.meta === null || Array.isArray(input.meta))) errors.push({ path: '/meta', message: 'must be an object' });
  else if (input.meta !== undefined) {
    // before the schema, JSON.stringify or a diff walks it recursively
    const excess = jsonShapeExcess(input.meta, META_LIMITS);
    if (excess) errors.push({ path: '/meta', message: excess });
  }
  if (input.section !== undefined && input.section !== null && typeof input.section !== 'string') errors.push({ path: '/section', message: 'must be a section slug' });
  if (input.slug !== undefined && typeof input.slug !== 'string') errors.push({ path: '/slug', message: 'must be a string' });
  return errors;
}

const refused = (errors: FieldError[], path: string) => errors.some((e) => e.path === path);

function encodeCursor(t: string, id: number): string {
  return Buffer.from(JSON.stringify([t, id])).toString('base64url');
}

function decodeCursor(c: string): { t: string; id: number } | null {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (typeof t !== 'string' || !Number.isInteger(id)) return null;
    return { t, id };
  } catch {
    return null;
  }
}

