import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { contains, jsonObjectArray } from '../../store/index.ts';
import { LANGUAGES, type Lang } from '../../lib/lang.ts';
import type { Portal } from '../portals/index.ts';
import type { State } from '../workflow/index.ts';
import { summaryOf, toItems, toListing, type ListingRow } from './mapping.ts';
import type { Item, ItemSummary, PublicListing, PublishedFilter, RelatedEntry, RelatedList, RelatedLists, Row, SitemapEntry, Tombstone } from './model.ts';
import { ContentReads } from './reads.ts';
import type { ContentType } from './types.ts';

/** Related items: how many of an item's tags are matched, and how many of the newest items of each tag are candidates. */
const MAX_RELATED_TAGS = 10;
const RELATED_DEPTH = 20;
/** The columns of a PublicListing row (content_items as ci, sections as s), for queries written as SQL. */
const LISTING_COLUMNS = sql.raw('ci.id, ci.portal_id, ci.type, ci.lang, ci.slug, ci.title, ci.summary, ci.tags, ci.meta, ci.published_at, ci.first_published_at, ci.public_updated_at, s.slug as section_slug');
/** The most an item excludes from its related box: itself and its translations (one per other language). */
const MAX_EXCLUDED = LANGUAGES.length;

/** A list's kind in the shape of a related-lists query. */
const SHAPE_LETTER: Record<RelatedList['kind'], string> = { tag: 'g', section: 's', type: 'y' };

/** Newest first; at the same instant the later id first (the lists' own order). */
const newestFirst = (a: RelatedEntry, b: RelatedEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id);

/**
 * The public site's reads, lean: one query per list, no per-row lookups.
 * Every uncached page view runs some of them.
 */
export class PublishedQueries extends ContentReads {
  /** Published items of one portal and language for the public site's lists, newest first. */
  async listPublished(portal: Portal, filter: PublishedFilter, page: { limit: number; offset?: number }): Promise<PublicListing[]> {
    const offset = page.offset ?? 0;
    // "type IN (a, b)" or "section IN (a, b)" cannot walk an index in date order, so a rare
    // value makes the store scan every item of the portal. Near the top of a list it is far
    // cheaper to read each value's newest rows through its index and merge them here.
    const types = filter.types ?? [];
    const sections = filter.sectionIds ?? [];
    if ((types.length > 1 || sections.length > 1) && offset + page.limit <= 200) {
      const parts = await Promise.all((types.length > 1 ? types.map((t) => ({ ...filter, types: [t] })) : sections.map((id) => ({ ...filter, sectionIds: [id] }))).map((f) => this.listPublished(portal, f, { limit: offset + page.limit })));
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
    return rows.map((r) => toListing(portal, r));
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
    const byId = new Map(rows.map((r) => [r.id, toListing(portal, r as ListingRow)]));
    return ids.map((id) => byId.get(id)).filter((l): l is PublicListing => l !== undefined);
  }

  /** The same items as the list API gives them (summaries, public view), in the order of `ids`. */
  async publishedSummaries(portal: Portal, lang: Lang, ids: number[]): Promise<ItemSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.db.selectFrom('content_items').selectAll().where('portal_id', '=', portal.id).where('lang', '=', lang).where('status', '=', 'published').where('id', 'in', ids).execute();
    const items = await toItems(this.sources, rows, true, false);
    const byId = new Map(items.map((item) => [item.id, summaryOf(item)]));
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
    return rows.map((r) => toListing(portal, r));
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
      .map((r) => toListing(portal, r))
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
      if (portal) out.push(toListing(portal, r));
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
        parts.push(
          sql`select ${src} as src, item_id as id, published_at from (select item_id, published_at from item_tags where portal_id = ${portal.id} and lang = ${lang} and tag = ${list.tag} order by published_at desc, item_id desc limit ${n}) as ${sql.raw(`l${i}`)}`,
        );
      } else if (list.kind === 'section') {
        params.push(list.sectionId, 'published', lang, portal.id, n);
        parts.push(
          sql`select ${src} as src, id, published_at from (select id, published_at from content_items where section_id = ${list.sectionId} and status = ${'published'} and lang = ${lang} and portal_id = ${portal.id} order by published_at desc, id desc limit ${n}) as ${sql.raw(`l${i}`)}`,
        );
      } else {
        params.push(portal.id, 'published', list.type, lang, n);
        parts.push(
          sql`select ${src} as src, id, published_at from (select id, published_at from content_items where portal_id = ${portal.id} and status = ${'published'} and type = ${list.type} and lang = ${lang} order by published_at desc, id desc limit ${n}) as ${sql.raw(`l${i}`)}`,
        );
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
        const row = await this.store.db.selectFrom('content_items').select('published_at').where('portal_id', '=', id).where('status', '=', 'published').orderBy('published_at', 'desc').limit(1).executeTakeFirst();
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
      if (home) translations.push(toListing(home, t));
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
      tags: JSON.parse(row.tags) as string[],
      status: row.status as State,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      firstPublishedAt: row.first_published_at,
      publicUpdatedAt: row.public_updated_at,
      scheduledAt: row.scheduled_at,
      translations: translationIds,
      meta: JSON.parse(row.meta) as Record<string, unknown>,
      changeNotes: notes.map((n) => ({ at: n.at, note: n.note, kind: 'major' as const })),
      unpublished: row.unpublish_kind ? { kind: row.unpublish_kind as 'withdrawn' | 'gone', reason: row.unpublish_reason ?? '' } : null,
      origin: row.origin ? (JSON.parse(row.origin) as unknown) : null,
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
    let q = this.store.db.selectFrom('content_items as ci').leftJoin('sections as s', 's.id', 'ci.section_id').where('ci.portal_id', '=', portal.id).where('ci.status', '=', 'published').where('ci.lang', '=', filter.lang);
    if (filter.types) q = filter.types.length ? q.where('ci.type', 'in', filter.types) : q.where(sql<boolean>`1 = 0`);
    if (filter.sectionIds) q = filter.sectionIds.length ? q.where('ci.section_id', 'in', filter.sectionIds) : q.where(sql<boolean>`1 = 0`);
    if (filter.excludeIds?.length) q = q.where('ci.id', 'not in', filter.excludeIds);
    if (filter.tag !== undefined) {
      const needle = JSON.stringify(filter.tag.normalize('NFC').trim());
      q = q.where(contains(this.store, sql.ref('ci.tags'), needle));
    }
    return q;
  }
}
