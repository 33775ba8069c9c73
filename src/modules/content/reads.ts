import { sql } from 'kysely';
import { type Store, contains } from '../../store/index.ts';
import { ForbiddenError, GoneError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import { fold } from '../../lib/text.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { mayReadDrafts, type Actor } from '../workflow/index.ts';
import { itemUrl, summaryOf, toItem, toItems, type ItemSources } from './mapping.ts';
import type { Item, ItemSummary, ListQuery, Page } from './model.ts';
import { isContentType } from './types.ts';

/**
 * Reads of items by id, address or the API's list: the newsroom's view of
 * any state, the public's of published ones. The public site's lists are
 * PublishedQueries (queries.ts); the commands are ContentService's.
 */
export class ContentReads {
  constructor(
    protected readonly store: Store,
    protected readonly portals: PortalService,
  ) {
    this.sources = { store, portals };
  }

  /** What the row mapping looks up. */
  protected readonly sources: ItemSources;

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
    return toItem(this.sources, row, true);
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
    return toItem(this.sources, row, false);
  }

  /** The translation group an item belongs to (undefined for an unknown id). */
  async groupOf(id: number): Promise<number | undefined> {
    const row = await this.store.db.selectFrom('content_items').select('group_id').where('id', '=', id).executeTakeFirst();
    return row?.group_id;
  }

  /** The item as stored, whatever its state, for a caller that checks access itself. */
  async find(id: number): Promise<Item | undefined> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toItem(this.sources, row, false) : undefined;
  }

  async bySlug(portalId: number, lang: Lang, slug: string): Promise<Item | undefined> {
    const row = await this.store.db.selectFrom('content_items').selectAll().where('portal_id', '=', portalId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
    return row ? toItem(this.sources, row, row.status === 'published') : undefined;
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
    const rows = await q
      .orderBy(sortCol, 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const items = await toItems(this.sources, page, !byStatus, false);
    const last = page[page.length - 1];
    return {
      items: items.map(summaryOf),
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
    return itemUrl(portal, lang, sectionSlug, type, slug);
  }
}

function encodeCursor(t: string, id: number): string {
  return Buffer.from(JSON.stringify([t, id])).toString('base64url');
}

function decodeCursor(c: string): { t: string; id: number } | null {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown[];
    if (typeof t !== 'string' || !Number.isInteger(id)) return null;
    return { t, id: id as number };
  } catch {
    return null;
  }
}
