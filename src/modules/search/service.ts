import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type Store, byEngine, concurrentWriters } from '../../store/index.ts';
import { ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import type { Portal, PortalService, Section } from '../portals/index.ts';
import { countPublished, indexableByIds, lockIndexRange, nextIndexBatch, readIndexBatch, type ContentIndexer } from '../content/index.ts';
import { CONTENT_TYPES, EFFECT_STATUSES, isContentType } from '../content/index.ts';
import { foldWord, normalizeText, tokenize } from './analysis.ts';
import type { DocumentRow, Executor, SearchBackend, SearchFilters } from './backend.ts';
import { foldFilter, toIndexDocument, type IndexDocument } from './document.ts';
import { highlightAll, snippet, termMatcher } from './highlight.ts';
import { PostgresSearchBackend } from './postgres.ts';
import { parseQuery, rewriteQuery, type ParsedQuery } from './query.ts';
import { numberMatches, queryLanguage, rank } from './ranking.ts';
import { applyCorrections, corrections } from './spelling.ts';
import { withoutFunctionWords } from './function-words.ts';
import { SqliteSearchBackend } from './sqlite.ts';

// Search across every portal of the deployment: one index, filtered per
// request. The index is written by the content service inside its own
// transactions (see `indexer`), rebuilt by `reindex`, and read here.

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  q?: string;
  /** Portal slug; absent: every portal (the network-wide search). */
  portal?: string;
  lang?: string;
  /** One type, or several separated by commas. */
  type?: string;
  /** Section slug in `portal` (a sub-site includes its own sections). */
  section?: string;
  /** YYYY-MM-DD, inclusive, in Vietnam time (UTC+7) like the portals' dates. */
  from?: string;
  to?: string;
  /** Legal documents: hình thức (Nghị định, Thông tư …), cơ quan ban hành, tình trạng hiệu lực, năm ban hành. */
  documentType?: string;
  issuingBody?: string;
  effectStatus?: string;
  year?: number;
  sort?: SearchSort;
  limit?: number;
  cursor?: string;
}

export interface SearchHit {
  id: number;
  portal: string;
  type: string;
  lang: string;
  title: string;
  summary: string;
  url: string;
  section: string | null;
  publishedAt: string;
  meta: Record<string, unknown>;
  /** HTML-escaped text whose only markup is <mark> around matching words. */
  highlight: { title: string; snippet: string };
  /** Named by its number in the query (legal documents). */
  numberMatch: boolean;
}

export interface SearchResult {
  items: SearchHit[];
  nextCursor: string | null;
  /** Matches counted up to TOTAL_CAP; `totalIsLowerBound` says when there are more. */
  total: number;
  totalIsLowerBound: boolean;
  query: {
    text: string;
    /** The query with diacritics removed: what a "no results" page can suggest. */
    folded: string;
    /** When nothing matched and a spelling correction did: the query the results are for. */
    corrected: string | null;
    /** No item holds every word: these hold most of them. */
    relaxed: boolean;
  };
}

export interface Suggestion {
  id: number;
  title: string;
  url: string;
  portal: string;
  lang: string;
  type: string;
  highlight: string;
}

export interface ReindexReport {
  indexed: number;
  removed: number;
  ms: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/**
 * Matches ranked by relevance: the newest this many. A word found in half a
 * million items then costs what a rare one does, and people searching a news
 * portal for a common word want the recent items among its matches. Sorting
 * by date pages through every match.
 */
const CANDIDATES = 500;
/** Fewer matches than this for a query of several words: add those holding most of the words. */
const FEW = 5;
/** Counting by date stops here (`totalIsLowerBound`). */
const TOTAL_CAP = 1000;
const SECTION_CACHE_MS = 5_000;
const VIETNAM_OFFSET = '+07:00';

interface Cursor {
  /** fingerprint of the search the cursor belongs to */
  f: string;
  /** relevance: offset */
  o?: number;
  /** date: last publication time and id */
  t?: string;
  i?: number;
}

export type ItemUrl = (portal: Portal, lang: Lang, sectionSlug: string | null, type: string, slug: string) => string;

export class SearchService {
  readonly backend: SearchBackend;
  private readonly sectionCache = new Map<number, { at: number; sections: Section[] }>();

  /** The hook the content service calls inside its transactions. */
  readonly indexer: ContentIndexer = {
    upsert: (trx, item) => this.backend.upsert(trx, toIndexDocument(item)),
    remove: (trx, itemId) => this.backend.remove(trx, itemId),
  };

  /** Like `indexer`, but skips an entry already at the item's version (the outbox safety net). */
  readonly catchUpIndexer: ContentIndexer = {
    upsert: async (trx, item) => {
      if ((await this.backend.indexedVersion(trx, item.id)) === item.version) return;
      await this.backend.upsert(trx, toIndexDocument(item));
    },
    remove: (trx, itemId) => this.backend.remove(trx, itemId),
  };

  constructor(
    private readonly store: Store,
    private readonly portals: PortalService,
    private readonly itemUrl: ItemUrl,
  ) {
    this.backend = byEngine<() => SearchBackend>(store, { postgres: () => new PostgresSearchBackend(store.db), sqlite: () => new SqliteSearchBackend(store.db) })();
  }

  // ---------- search ----------

  async search(request: SearchRequest): Promise<SearchResult> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const sort = request.sort ?? 'relevance';
    const errors: FieldError[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) errors.push({ path: '/limit', message: `must be an integer from 1 to ${MAX_LIMIT}` });
    if (!['relevance', 'newest', 'oldest'].includes(sort)) errors.push({ path: '/sort', message: 'must be relevance, newest or oldest' });
    const { filters, errors: filterErrors } = await this.resolveFilters(request);
    errors.push(...filterErrors);
    const fingerprint = this.fingerprint(request, sort);
    const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, fingerprint);
    if (cursor === null) errors.push({ path: '/cursor', message: 'not a cursor of this search (it belongs to another query, filter or sort)' });
    if (errors.length) throw new ValidationError(errors);

    let query = parseQuery(request.q ?? '');
    const result: SearchResult = { items: [], nextCursor: null, total: 0, totalIsLowerBound: false, query: { text: query.text, folded: foldWord(query.text), corrected: null, relaxed: false } };
    // nothing typed and nothing chosen: nothing to show (an empty box is not "everything")
    if (query.empty && !hasFilter(filters)) return result;

    let ids: number[];
    let pinned = new Set<number>();
    if (sort === 'relevance' && !query.empty) {
      const numbered = await this.numberHits(query, filters);
      let candidates = await this.backend.candidates(query, filters, CANDIDATES);
      // Nothing found and no document named by number: perhaps a typo. Every
      // page of a search repeats this, so later pages follow the first.
      if (candidates.length === 0 && numbered.length === 0) {
        const fixes = await corrections(query, this.backend);
        if (fixes.size) {
          const corrected = applyCorrections(query, fixes);
          candidates = await this.backend.candidates(corrected, filters, CANDIDATES);
          if (candidates.length) {
            query = corrected;
            result.query.corrected = rewriteQuery(result.query.text, (w) => fixes.get(w));
          }
        }
      }
      // Little or nothing for a question typed in full ("thủ tục cấp lại hộ
      // chiếu như thế nào"): first without its question and function words,
      // then the items holding most of the remaining words follow those
      // holding all of them.
      if (candidates.length < FEW && numbered.length === 0 && query.required.length >= 2) {
        const found = candidates.length;
        const have = new Set(candidates.map((c) => c.id));
        const content = withoutFunctionWords(query);
        if (content.required.length < query.required.length && content.required.length > 0) {
          const more = (await this.backend.candidates(content, filters, CANDIDATES)).filter((c) => !have.has(c.id));
          for (const c of more) have.add(c.id);
          candidates = [...candidates, ...more.map((c) => ({ ...c, matched: Math.min(c.matched, query.required.length - 1) }))];
        }
        if (candidates.length < FEW && content.required.length >= 3) {
          const needed = content.required.length - Math.floor(content.required.length / 3);
          const more = (await this.backend.candidates(content, filters, CANDIDATES, 'any')).filter((c) => c.matched >= needed && !have.has(c.id));
          candidates = [...candidates, ...more.map((c) => ({ ...c, matched: Math.min(c.matched, query.required.length - 1) }))];
        }
        result.query.relaxed = found === 0 && candidates.length > 0;
        candidates.sort((a, b) => b.id - a.id);
      }
      // documents the query names by number lead, whatever the text scores say
      pinned = new Set(numbered.map((r) => r.item_id));
      // without a language filter, the language the query is evidently in leads; Vietnamese when nothing tells
      const ranked = await rank(query, candidates, (ids) => this.rowMap(ids, false), request.lang ? undefined : (queryLanguage(query) ?? 'vi'));
      const order = [...pinned, ...ranked.filter((id) => !pinned.has(id))];
      result.total = order.length;
      result.totalIsLowerBound = candidates.length >= CANDIDATES;
      const offset = cursor?.o ?? 0;
      ids = order.slice(offset, offset + limit);
      if (order.length > offset + limit) result.nextCursor = encodeCursor({ f: fingerprint, o: offset + limit });
    } else {
      const order = sort === 'oldest' ? 'asc' : 'desc';
      const after = cursor?.t !== undefined && cursor.i !== undefined ? { publishedAt: cursor.t, id: cursor.i } : undefined;
      const [page, total] = await Promise.all([this.backend.byDate(query, filters, limit + 1, order, after), this.backend.count(query, filters, TOTAL_CAP)]);
      result.total = total;
      result.totalIsLowerBound = total >= TOTAL_CAP;
      ids = page.slice(0, limit).map((p) => p.id);
      if (page.length > limit) {
        const last = page[limit - 1];
        result.nextCursor = encodeCursor({ f: fingerprint, t: last.publishedAt, i: last.id });
      }
    }

    const rows = await this.rowMap(ids, true);
    const matches = termMatcher(query);
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) continue;
      const hit = await this.toHit(row, matches);
      hit.numberMatch = pinned.has(id);
      result.items.push(hit);
    }
    return result;
  }

  /** As-you-type suggestions: titles holding every word typed, the last one as a prefix. */
  async suggest(request: { q?: string; portal?: string; lang?: string; limit?: number }): Promise<Suggestion[]> {
    const limit = request.limit ?? 8;
    const errors: FieldError[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > 20) errors.push({ path: '/limit', message: 'must be an integer from 1 to 20' });
    const { filters, errors: filterErrors } = await this.resolveFilters({ portal: request.portal, lang: request.lang });
    errors.push(...filterErrors);
    if (errors.length) throw new ValidationError(errors);
    const text = normalizeText(request.q ?? '')
      .replace(/\s+/g, ' ')
      .slice(0, 200);
    const tokens = tokenize(text, { cjkTrailingUnigram: false }).slice(0, 12);
    if (tokens.length === 0) return [];
    const typing = !/\s$/.test(text);
    const last = typing ? tokens.pop()! : undefined;
    // a CJK bigram typed in full is a whole term; a lone character is a prefix of one
    const words = tokens.map((t) => t.folded);
    const rows = await this.backend.titlesStartingWith(words, last?.folded, filters, limit * 5);
    const typed = [...words, ...(last ? [last.folded] : [])];
    // titles that begin with what was typed, then titles holding it word for word, then the newest
    const fits = (words: string[], at: number) => typed.every((w, i) => (i === typed.length - 1 && last ? words[at + i]?.startsWith(w) : words[at + i] === w));
    const lead = (title: string) => {
      const words = tokenize(title).map((x) => x.folded);
      if (fits(words, 0)) return 0;
      for (let at = 1; at < words.length; at++) if (fits(words, at)) return 1;
      return 2;
    };
    const ranked = rows.map((row, position) => ({ row, position, lead: lead(row.title) })).sort((a, b) => a.lead - b.lead || a.position - b.position);
    const parsed = parseQuery(text);
    const matches = termMatcher({ ...parsed, terms: parsed.terms.map((t, i) => (i === parsed.terms.length - 1 && typing ? { ...t, prefix: true } : t)) });
    const out: Suggestion[] = [];
    for (const { row } of ranked.slice(0, limit)) {
      const portal = await this.portals.byId(row.portal_id);
      if (!portal) continue;
      out.push({ id: row.item_id, title: row.title, url: await this.urlOf(portal, row), portal: portal.slug, lang: row.lang, type: row.type, highlight: highlightAll(row.title, matches) });
    }
    return out;
  }

  // ---------- index maintenance ----------

  /**
   * Rebuilds the index in place from the published items, in batches, so the
   * site keeps searching while it runs; entries of items no longer published
   * are swept out on the way.
   */
  async reindex(opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<ReindexReport> {
    const started = Date.now();
    const batchSize = opts.batchSize ?? 500;
    const total = await countPublished(this.store);
    let afterId = 0;
    let indexed = 0;
    let removed = 0;
    let replaced = 0;
    opts.onProgress?.(0, total);
    if (concurrentWriters(this.store)) return this.reindexOverlapped(batchSize, total, started, opts.onProgress);
    for (;;) {
      const batch = await this.store.db.transaction().execute(async (trx) => {
        const { items, lastId: last } = await nextIndexBatch(this.store, trx, afterId, batchSize);
        const { stale, rewritten } = await this.writeRange(trx, afterId, last, items.map(toIndexDocument), new Set(items.map((i) => i.id)));
        return { count: items.length, last, stale, rewritten };
      });
      indexed += batch.count;
      removed += batch.stale;
      replaced += batch.rewritten;
      opts.onProgress?.(indexed, Math.max(total, indexed));
      if (batch.last === null) break;
      afterId = batch.last;
    }
    await this.backend.optimize({ replaced });
    return { indexed, removed, ms: Date.now() - started };
  }

  /**
   * The PostgreSQL rebuild: the next batch is read (without locks) and analysed in Node
   * while the server writes the current one, which is where two thirds of a rebuild's
   * time goes. The write locks its id range first and keeps only entries of items whose
   * version and state are what was read; the rest of the range is read again under the
   * lock. So a publication, edit or withdrawal in between is never undone by the rebuild.
   */
  private async reindexOverlapped(batchSize: number, total: number, started: number, onProgress?: (done: number, total: number) => void): Promise<ReindexReport> {
    const read = async (afterId: number) => {
      const { items, lastId } = await readIndexBatch(this.store, afterId, batchSize);
      const docs = items.map(toIndexDocument);
      await this.backend.prepare?.(docs);
      return { afterId, lastId, docs };
    };
    let indexed = 0;
    let removed = 0;
    let replaced = 0;
    let next: ReturnType<typeof read> | undefined = read(0);
    while (next) {
      const cur: Awaited<ReturnType<typeof read>> = await next;
      next = undefined;
      const batch = await this.store.db.transaction().execute(async (trx) => {
        // the index is derived from the items: a batch lost in a crash is written again by the next rebuild,
        // so its commit need not wait for the disk
        await sql`set local synchronous_commit = off`.execute(trx);
        const current = await lockIndexRange(trx, cur.afterId, cur.lastId);
        const readBefore = new Map(cur.docs.map((d) => [d.itemId, d]));
        const docs: IndexDocument[] = [];
        const changed: number[] = [];
        const live = new Set<number>();
        for (const row of current) {
          if (row.status !== 'published') continue;
          live.add(row.id);
          const doc = readBefore.get(row.id);
          if (doc && doc.version === row.version) docs.push(doc);
          else changed.push(row.id);
        }
        docs.push(...(await indexableByIds(trx, changed)).map(toIndexDocument));
        // the next batch is read once this write is sent, on another connection: its rows come back
        // and are analysed while the server is busy with the write (started any earlier, the
        // analysis would hold up the statements before it, and the two would not overlap)
        const { stale, rewritten } = await this.writeRange(trx, cur.afterId, cur.lastId, docs, live, () => {
          if (cur.lastId === null) return;
          next = read(cur.lastId);
          // a failed write ends the rebuild; the read under way must not surface as unhandled
          next.catch(() => {});
        });
        return { count: docs.length, stale, rewritten };
      });
      indexed += batch.count;
      removed += batch.stale;
      replaced += batch.rewritten;
      onProgress?.(indexed, Math.max(total, indexed));
    }
    await this.backend.optimize({ replaced });
    return { indexed, removed, ms: Date.now() - started };
  }

  /**
   * One batch of a rebuild, for the ids in (afterId, upTo] (upTo null: no end): removes the
   * entries of items not in `live`, then writes `docs`. `whileWriting` runs once the write is sent.
   * Returns how many entries were removed (`stale`) and how many removed or written over (`rewritten`).
   */
  private async writeRange(trx: Executor, afterId: number, upTo: number | null, docs: IndexDocument[], live: Set<number>, whileWriting?: () => void): Promise<{ stale: number; rewritten: number }> {
    const indexedIds = await this.backend.indexedIdsBetween(trx, afterId, upTo);
    const stale = indexedIds.filter((id) => !live.has(id));
    for (const id of stale) await this.backend.remove(trx, id);
    const present = new Set(indexedIds);
    const fresh = new Set(docs.filter((d) => !present.has(d.itemId)).map((d) => d.itemId));
    const writing = this.backend.upsertMany(trx, docs, fresh);
    whileWriting?.();
    await writing;
    return { stale: stale.length, rewritten: stale.length + docs.length - fresh.size };
  }

  // ---------- helpers ----------

  private async numberHits(query: ParsedQuery, filters: SearchFilters): Promise<DocumentRow[]> {
    const n = query.number;
    if (!n) return [];
    return numberMatches(n, await this.backend.byNumber(n.seq, n.year, filters), queryLanguage(query));
  }

  private async rowMap(ids: number[], withBody: boolean): Promise<Map<number, DocumentRow>> {
    return new Map((await this.backend.rows(ids, withBody)).map((r) => [r.item_id, r]));
  }

  private async toHit(row: DocumentRow, matches: ReturnType<typeof termMatcher>): Promise<SearchHit> {
    const portal = (await this.portals.byId(row.portal_id))!;
    const summaryCut = snippet(row.summary, matches);
    const cut = summaryCut.matched || !row.body_text ? summaryCut : snippet(row.body_text, matches);
    return {
      id: row.item_id,
      portal: portal.slug,
      type: row.type,
      lang: row.lang,
      title: row.title,
      summary: row.summary,
      url: await this.urlOf(portal, row),
      section: await this.sectionSlug(row.portal_id, row.section_id),
      publishedAt: row.published_at,
      meta: JSON.parse(row.meta) as Record<string, unknown>,
      highlight: { title: highlightAll(row.title, matches), snippet: cut.matched ? cut.html : summaryCut.html },
      numberMatch: false,
    };
  }

  private async urlOf(portal: Portal, row: DocumentRow): Promise<string> {
    return this.itemUrl(portal, row.lang as Lang, await this.sectionSlug(row.portal_id, row.section_id), row.type, row.slug);
  }

  private async sections(portalId: number): Promise<Section[]> {
    const cached = this.sectionCache.get(portalId);
    if (cached && Date.now() - cached.at < SECTION_CACHE_MS) return cached.sections;
    const sections = await this.portals.sections(portalId);
    this.sectionCache.set(portalId, { at: Date.now(), sections });
    return sections;
  }

  private async sectionSlug(portalId: number, sectionId: number | null): Promise<string | null> {
    if (sectionId === null) return null;
    return (await this.sections(portalId)).find((s) => s.id === sectionId)?.slug ?? null;
  }

  private async resolveFilters(r: SearchRequest): Promise<{ filters: SearchFilters; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const filters: SearchFilters = {};
    let portal: Portal | undefined;
    if (r.portal !== undefined && r.portal !== '') {
      portal = await this.portals.bySlug(r.portal);
      if (!portal) errors.push({ path: '/portal', message: `no portal "${r.portal}"` });
      else filters.portalIds = [portal.id];
    }
    if (r.lang !== undefined && r.lang !== '') {
      if (!isLang(r.lang)) errors.push({ path: '/lang', message: 'must be vi, en or zh' });
      else filters.lang = r.lang;
    }
    if (r.type !== undefined && r.type !== '') {
      const types = [
        ...new Set(
          r.type
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ];
      const unknown = types.filter((t) => !isContentType(t));
      if (unknown.length) errors.push({ path: '/type', message: `unknown type ${unknown.join(', ')}; one or more of ${CONTENT_TYPES.join(', ')}` });
      else filters.types = types;
    }
    if (r.section !== undefined && r.section !== '') {
      if (!portal) {
        if (!errors.some((e) => e.path === '/portal')) errors.push({ path: '/section', message: 'a section belongs to a portal: give portal too' });
      } else {
        const sections = await this.sections(portal.id);
        const target = sections.find((s) => s.slug === r.section);
        if (!target) errors.push({ path: '/section', message: `no section "${r.section}" in ${portal.slug}` });
        else filters.sectionIds = [target.id, ...sections.filter((s) => s.parent === target.slug).map((s) => s.id)];
      }
    }
    const day = (v: string | undefined, path: string, next: boolean) => {
      if (v === undefined || v === '') return undefined;
      const real = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
      const d = new Date(`${v}T00:00:00${VIETNAM_OFFSET}`);
      if (!real) {
        errors.push({ path, message: 'must be a date YYYY-MM-DD' });
        return undefined;
      }
      if (next) d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString();
    };
    filters.publishedFrom = day(r.from, '/from', false);
    filters.publishedBefore = day(r.to, '/to', true);
    if (filters.publishedFrom === undefined) delete filters.publishedFrom;
    if (filters.publishedBefore === undefined) delete filters.publishedBefore;
    const documentType = foldFilter(r.documentType);
    if (documentType) filters.documentType = documentType;
    const issuingBody = foldFilter(r.issuingBody);
    if (issuingBody) filters.issuingBody = issuingBody;
    if (r.effectStatus !== undefined && r.effectStatus !== '') {
      if (!(EFFECT_STATUSES as readonly string[]).includes(r.effectStatus)) errors.push({ path: '/effectStatus', message: `must be one of ${EFFECT_STATUSES.join(', ')}` });
      else filters.effectStatus = r.effectStatus;
    }
    if (r.year !== undefined) {
      if (!Number.isInteger(r.year) || r.year < 1900 || r.year > 2200) errors.push({ path: '/year', message: 'must be a year like 2022' });
      else filters.year = r.year;
    }
    return { filters, errors };
  }

  private fingerprint(r: SearchRequest, sort: SearchSort): string {
    const key = JSON.stringify([normalizeText(r.q ?? '').trim(), r.portal, r.lang, r.type, r.section, r.from, r.to, r.documentType, r.issuingBody, r.effectStatus, r.year, sort]);
    return createHash('sha256').update(key).digest('base64url').slice(0, 10);
  }
}

function hasFilter(f: SearchFilters): boolean {
  return Object.keys(f).length > 0;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** The cursor, or null when it is malformed or belongs to another search. */
function decodeCursor(raw: string, fingerprint: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (!c || typeof c !== 'object' || c.f !== fingerprint) return null;
    if (c.o !== undefined && (!Number.isInteger(c.o) || c.o < 0 || c.o > CANDIDATES * 2)) return null;
    if (c.t !== undefined && (typeof c.t !== 'string' || !Number.isInteger(c.i))) return null;
    if (c.o === undefined && c.t === undefined) return null;
    return c;
  } catch {
    return null;
  }
}
