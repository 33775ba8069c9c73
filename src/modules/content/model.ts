import type { Selectable, Transaction } from 'kysely';
import type { ContentItemTable, Database } from '../../store/schema.ts';
import type { Lang } from '../../lib/lang.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { Portal } from '../portals/index.ts';
import type { Actor, State } from '../workflow/index.ts';
import type { ContentType } from './types.ts';

// The content module's vocabulary: items as the API and the site see them,
// what its commands ask for, what its reads answer, and the events it emits.

export const EVENTS = {
  published: 'content.published',
  updated: 'content.updated',
  unpublished: 'content.unpublished',
} as const;
export const SCHEDULED_PUBLISH_TOPIC = 'workflow.publish-scheduled';

/** A content item as stored. */
export type Row = Selectable<ContentItemTable>;
export type Trx = Transaction<Database>;

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

export type ItemSummary = Omit<Item, 'body' | 'changeNotes'>;

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
