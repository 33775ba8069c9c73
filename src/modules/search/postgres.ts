import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Token } from './analysis.ts';
import { documentColumns, exactClauses, wholePhrase, type Candidate, type DateCursor, type DocumentRow, type Executor, type MatchMode, type SearchBackend, type SearchFilters } from './backend.ts';
import type { IndexDocument } from './document.ts';
import type { Clause, ParsedQuery, QueryTerm } from './query.ts';

// PostgreSQL adapter: the module writes tsvector values itself, in the
// literal form (quoted lexemes with positions and weights), and queries them
// with tsquery literals it builds from analysed terms; PostgreSQL's own text
// parsers and dictionaries never see user input. Folded and exact forms of a
// word sit at the same position in two vectors, so phrases (<->) hold for
// both; only the folded one is GIN-indexed, which halves index writes.
//
// The folded vector also carries three marks without positions, which no
// analysed word can spell (words are letters and digits): `~b<n>`, the block
// of 16,384 ids the item's id falls in; `~p<id>`, its portal; and `~b<n>p<id>`,
// both. GIN cannot return matches newest first, but with the marks it can be
// asked for the matches among recent ids (of one portal) only: it then steps
// through the entries of the marks named, not of a common word, and reads
// just the rows that match (see candidates).

const WEIGHTS = { title: 'A', head: 'B', body: 'D' } as const;
/** How many more rows than wanted a phrase query first looks at (see candidates). */
const PHRASE_WIDENING = 2;
/** Ids a candidate search walks first, and the first range it asks GIN for when that met nothing (see candidates). */
const FIRST_WALK = 10_000;
/** How many more ids than the density met so far says are needed a later step covers. */
const RANGE_MARGIN = 1.5;
/** How much wider each GIN step is than the last while no match has been met to go by. */
const WIDENING = 8;
/** GIN steps over named blocks before the rest is asked for whole. */
const MARKED_STEPS = 3;
/** Ids per block mark (`~b<id >> BLOCK_BITS>`); migration 014_search_marks, which marks older entries, uses the same. */
const BLOCK_BITS = 14;
/** The most blocks one query names; a wider range is asked of GIN without them. */
const MAX_BLOCK_MARKS = 24;
/** The most portals one query names (a network-wide search names none). */
const MAX_PORTAL_MARKS = 8;
const blockLexeme = (block: number, portalId?: number) => (portalId === undefined ? `~b${block}` : `~b${block}p${portalId}`);
const blockMark = (itemId: number, portalId?: number) => blockLexeme(itemId >> BLOCK_BITS, portalId);
const portalMark = (portalId: number) => `~p${portalId}`;
interface Vectors {
  fts: string;
  exact: string;
  title: string;
}
/** Literals made ahead of a write, by entry (dropped with the entry). */
const prepared = new WeakMap<IndexDocument, Vectors>();

/** Where a candidate search looks: ids in (above, upTo], walking the key or through GIN (which names the range's blocks when it is bounded). */
interface IdRange {
  walk: boolean;
  above?: number;
  upTo?: number;
}
/** How long the highest id is remembered (a newer item is still seen: windows have no upper bound). */
const NEWEST_ID_TTL_MS = 5000;
/** tsvector positions stop at 16383 and a lexeme keeps at most 256 of them. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
const COLUMNS = sql.raw(documentColumns('d', false));

const lexeme = (s: string) => (/['\\]/.test(s) ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${s}'`);

/** The tsvector literal of a document's folded (or exact) forms, positioned and weighted by field. */
export function tsvectorLiteral(fields: Array<{ tokens: Token[]; weight: 'A' | 'B' | 'C' | 'D' }>, form: 'folded' | 'exact' = 'folded'): string {
  // positions are kept as numbers and the literal is written once at the end: this runs for every item of a rebuild
  const positions = new Map<string, number[]>();
  const weightOf: string[] = [];
  let pos = 0;
  const add = (lex: string, at: number) => {
    const list = positions.get(lex);
    if (!list) positions.set(lex, [at]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== at) list.push(at);
  };
  for (const { tokens, weight } of fields) {
    pos += 1; // a gap between fields: no phrase spans a title and a summary
    for (const t of tokens) {
      pos = Math.min(pos + 1, MAX_POSITION);
      weightOf[pos] ??= weight;
      // numbers and CJK have no exact form: they stand as they are, so exact phrases keep their positions
      add(form === 'exact' ? (t.exact ?? t.folded) : t.folded, pos);
    }
  }
  const parts: string[] = [];
  for (const [lex, list] of positions) {
    let entry = lexeme(lex) + ':';
    for (let i = 0; i < list.length; i++) entry += (i ? ',' : '') + list[i] + weightOf[list[i]];
    parts.push(entry);
  }
  return parts.join(' ');
}

const termQuery = (t: QueryTerm, form: 'folded' | 'exact' = 'folded') => {
  const word = form === 'exact' ? (t.exact ?? t.folded) : t.folded;
  return t.prefix ? `${lexeme(word)}:*` : lexeme(word);
};

function clauseQuery(c: Clause, form: 'folded' | 'exact' = 'folded'): string {
  if (c.phrase) return `(${c.terms.map((t) => termQuery(t, form)).join(' <-> ')})`;
  return termQuery(c.terms[0], form);
}

export interface PgQueries {
  /** What a row must match: every clause, no exclusion. */
  match: string;
  /** Every clause without the exclusions: the title flag, against title_fts. */
  required: string;
  /** All words as one phrase (title and anywhere flags). */
  phrase?: string;
  /** The clauses in the exact forms typed (the diacritics flag). */
  exact?: string;
}

/** Rows a phrase query can only match: every word of every clause, adjacency aside. */
function looseQuery(query: ParsedQuery): string {
  const words = [...new Set(query.required.flatMap((c) => c.terms.map((t) => termQuery(t))))].join(' & ');
  return query.excluded.length ? `(${words}) & !(${query.excluded.map((c) => clauseQuery(c)).join(' | ')})` : words;
}

export function tsQueries(query: ParsedQuery, mode: MatchMode = 'all'): PgQueries | undefined {
  if (query.empty) return undefined;
  const required = query.required.map((c) => clauseQuery(c)).join(' & ');
  const wanted = mode === 'all' ? required : query.required.map((c) => clauseQuery(c)).join(' | ');
  const match = query.excluded.length ? `(${wanted}) & !(${query.excluded.map((c) => clauseQuery(c)).join(' | ')})` : wanted;
  const phrase = wholePhrase(query);
  const exact = exactClauses(query);
  return {
    match,
    required,
    phrase: phrase ? phrase.map((t) => termQuery(t)).join(' <-> ') : query.required.length === 1 && query.required[0].phrase ? required : undefined,
    exact: exact ? exact.map((c) => clauseQuery(c)).join(' & ') : undefined,
  };
}

function filterSql(f: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.portalIds) where.push(f.portalIds.length ? sql`d.portal_id in (${sql.join(f.portalIds)})` : sql`false`);
  if (f.lang) where.push(sql`d.lang = ${f.lang}`);
  if (f.types) where.push(f.types.length ? sql`d.type in (${sql.join(f.types)})` : sql`false`);
  if (f.sectionIds) where.push(f.sectionIds.length ? sql`d.section_id in (${sql.join(f.sectionIds)})` : sql`false`);
  if (f.publishedFrom) where.push(sql`d.published_at >= ${f.publishedFrom}`);
  if (f.publishedBefore) where.push(sql`d.published_at < ${f.publishedBefore}`);
  if (f.documentType) where.push(sql`d.doc_type = ${f.documentType}`);
  if (f.issuingBody) where.push(sql`d.issuing_body = ${f.issuingBody}`);
  if (f.effectStatus) where.push(sql`d.effect_status = ${f.effectStatus}`);
  if (f.year !== undefined) where.push(sql`d.issued_year = ${f.year}`);
  return where;
}

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/** The blocks of ids a bounded range spans, if few enough to name. */
function blocksOf(range: IdRange): number[] | undefined {
  if (range.above === undefined || range.upTo === undefined) return undefined;
  const first = (range.above + 1) >> BLOCK_BITS;
  const last = range.upTo >> BLOCK_BITS;
  return last - first < MAX_BLOCK_MARKS ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : undefined;
}

/** The portals filtered on, if few enough to name by their marks. */
const markedPortals = (filters: SearchFilters) => (filters.portalIds?.length && filters.portalIds.length <= MAX_PORTAL_MARKS ? filters.portalIds : undefined);

/**
 * A GIN query narrowed by marks: the range's blocks (of the portals filtered
 * on, if a few), or else those portals. The SQL still states the exact filters
 * and bounds; marks only let GIN skip entries.
 */
function withMarks(tsquery: string, filters: SearchFilters, blocks: number[] | undefined): string {
  const portals = markedPortals(filters);
  let marks = portals ? portals.map(portalMark) : [];
  if (blocks) marks = portals ? blocks.flatMap((b) => portals.map((p) => blockLexeme(b, p))) : blocks.map((b) => blockLexeme(b));
  return marks.length ? `(${tsquery}) & (${marks.map(lexeme).join(' | ')})` : tsquery;
}

export class PostgresSearchBackend implements SearchBackend {
  private newest: { id: number; at: number } | undefined;
  private readonly firstWalk: number;

  /** `options.firstWalk`: how many of the newest ids a candidate search walks first (tests use fewer). */
  constructor(
    private readonly db: Kysely<Database>,
    options: { firstWalk?: number } = {},
  ) {
    this.firstWalk = options.firstWalk ?? FIRST_WALK;
  }

  /** The highest id in the index (0 when empty), read from the key's end at most every few seconds. */
  private async newestId(): Promise<number> {
    const now = Date.now();
    if (this.newest && now - this.newest.at < NEWEST_ID_TTL_MS) return this.newest.id;
    const r = await sql<{ id: number | null }>`select max(item_id) as id from search_documents`.execute(this.db);
    this.newest = { id: Number(r.rows[0]?.id ?? 0), at: now };
    return this.newest.id;
  }

  async upsert(db: Executor, doc: IndexDocument): Promise<void> {
    await this.upsertMany(db, [doc]);
  }

  /** One statement for the whole batch: a round trip per item would dominate a rebuild. */
  /**
   * One statement per thousand entries, each column sent as one array and
   * unnested by the server: 22 parameters instead of 22,000, so neither the
   * query builder nor the protocol works per value.
   */
  async upsertMany(db: Executor, docs: IndexDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 1000) await this.insertChunk(db, docs.slice(i, i + 1000));
  }

  prepare(docs: IndexDocument[]): void {
    for (const doc of docs) this.vectorsOf(doc);
  }

  /** The three tsvector literals of an entry, made once (prepare may have made them already). */
  private vectorsOf(doc: IndexDocument): Vectors {
    const kept = prepared.get(doc);
    if (kept) return kept;
    const { title, head, body } = doc.tokens;
    const fields = [
      { tokens: title, weight: WEIGHTS.title },
      { tokens: head, weight: WEIGHTS.head },
      { tokens: body, weight: WEIGHTS.body },
    ];
    // exact forms of the title and head only (as on SQLite); the body comes last, so positions still line up
    const marks = [blockMark(doc.itemId), portalMark(doc.portalId), blockMark(doc.itemId, doc.portalId)].map(lexeme).join(' ');
    const made = { fts: `${tsvectorLiteral(fields)} ${marks}`, exact: tsvectorLiteral(fields.slice(0, 2), 'exact'), title: tsvectorLiteral([{ tokens: title, weight: 'A' as const }]) };
    prepared.set(doc, made);
    return made;
  }

  private async insertChunk(db: Executor, docs: IndexDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const col = <T>(pick: (d: IndexDocument) => T) => docs.map(pick);
    const vectors = docs.map((doc) => this.vectorsOf(doc));
    await sql`insert into search_documents (item_id, portal_id, lang, type, section_id, slug, version, published_at, title, summary, body_text, meta,
        doc_type, issuing_body, effect_status, issued_year, number_seq, number_year, number_code, fts, fts_exact, title_fts)
      select item_id, portal_id, lang, type, section_id, slug, version, published_at, title, summary, body_text, meta,
        doc_type, issuing_body, effect_status, issued_year, number_seq, number_year, number_code, fts::tsvector, fts_exact::tsvector, title_fts::tsvector
      from unnest(${col((d) => d.itemId)}::int[], ${col((d) => d.portalId)}::int[], ${col((d) => d.lang)}::text[], ${col((d) => d.type)}::text[],
        ${col((d) => d.sectionId)}::int[], ${col((d) => d.slug)}::text[], ${col((d) => d.version)}::int[], ${col((d) => d.publishedAt)}::text[],
        ${col((d) => d.title)}::text[], ${col((d) => d.summary)}::text[], ${col((d) => d.bodyText)}::text[], ${col((d) => d.meta)}::text[],
        ${col((d) => d.docType)}::text[], ${col((d) => d.issuingBody)}::text[], ${col((d) => d.effectStatus)}::text[], ${col((d) => d.issuedYear)}::int[],
        ${col((d) => d.numberSeq)}::int[], ${col((d) => d.numberYear)}::int[], ${col((d) => d.numberCode)}::text[],
        ${vectors.map((v) => v.fts)}::text[], ${vectors.map((v) => v.exact)}::text[], ${vectors.map((v) => v.title)}::text[])
        as t(item_id, portal_id, lang, type, section_id, slug, version, published_at, title, summary, body_text, meta,
          doc_type, issuing_body, effect_status, issued_year, number_seq, number_year, number_code, fts, fts_exact, title_fts)
      on conflict (item_id) do update set portal_id = excluded.portal_id, lang = excluded.lang, type = excluded.type, section_id = excluded.section_id,
        slug = excluded.slug, version = excluded.version, published_at = excluded.published_at, title = excluded.title, summary = excluded.summary,
        body_text = excluded.body_text, meta = excluded.meta, doc_type = excluded.doc_type, issuing_body = excluded.issuing_body,
        effect_status = excluded.effect_status, issued_year = excluded.issued_year, number_seq = excluded.number_seq,
        number_year = excluded.number_year, number_code = excluded.number_code, fts = excluded.fts, fts_exact = excluded.fts_exact, title_fts = excluded.title_fts`.execute(db);
  }

  async remove(db: Executor, itemId: number): Promise<void> {
    await sql`delete from search_documents where item_id = ${itemId}`.execute(db);
  }

  async indexedVersion(db: Executor, itemId: number): Promise<number | undefined> {
    const r = await sql<{ version: number }>`select version from search_documents where item_id = ${itemId}`.execute(db);
    return r.rows[0]?.version;
  }

  async indexedIdsBetween(db: Executor, afterId: number, upTo: number | null): Promise<number[]> {
    const r = await sql<{ item_id: number }>`select item_id from search_documents where item_id > ${afterId} ${upTo === null ? sql`` : sql`and item_id <= ${upTo}`} order by item_id`.execute(db);
    return r.rows.map((x) => x.item_id);
  }

  async candidates(query: ParsedQuery, filters: SearchFilters, cap: number, mode: MatchMode = 'all'): Promise<Candidate[]> {
    const q = tsQueries(query, mode);
    if (!q) return [];
    const flag = (column: 'fts' | 'fts_exact' | 'title_fts', tsquery: string | undefined) => (tsquery ? sql`s.${sql.raw(column)} @@ ${tsquery}::tsquery` : sql`false`);
    // The inner query picks the newest matches (for a common word the planner
    // walks the primary key backwards and stops; for a rare one GIN finds
    // them); the flags are then read off the rows it kept.
    const matched =
      mode === 'all'
        ? sql`${query.required.length}`
        : sql.join(
            query.required.map((c) => sql`(s.fts @@ ${clauseQuery(c)}::tsquery)::int`),
            sql` + `,
          );
    const run = async (inner: RawBuilder<unknown>, outerWhere: RawBuilder<unknown>, limit: number) =>
      (
        await sql<{ id: number; title: boolean; title_phrase: boolean; phrase: boolean; exact: boolean; matched: number; n: string }>`
          select s.item_id as id, ${flag('title_fts', q.required)} as title, ${flag('title_fts', q.phrase)} as title_phrase,
            ${flag('fts', q.phrase)} as phrase, ${flag('fts_exact', q.exact)} as exact, ${matched} as matched, s.n
          from (select d.item_id, d.fts, d.fts_exact, d.title_fts, count(*) over () as n from (${inner}) i
                join search_documents d on d.item_id = i.item_id) s
          where ${outerWhere}
          order by s.item_id desc limit ${limit}`.execute(this.db)
      ).rows;
    // `walk`: read the key backwards and test each row (written `is true`, which GIN cannot
    // serve, so the planner walks); otherwise let GIN find the matches, naming the portals
    // filtered on and, for a bounded range, its blocks of ids. Ids in (above, upTo].
    const newest = (tsquery: string, limit: number, range: IdRange) => {
      const blocks = range.walk ? undefined : blocksOf(range);
      // A walk tests the filters first (the planner would test the vector first: it prices both
      // alike). GIN tests them on the rows it returns: the marks stand for the portal, and a
      // bitmap of a portal's 200,000 rows (which the planner would AND in) costs 300 ms.
      const match = range.walk ? sql`(${and([...filterSql(filters), sql`d.fts @@ ${tsquery}::tsquery`])}) is true` : sql`d.fts @@ ${withMarks(tsquery, filters, blocks)}::tsquery and (${and(filterSql(filters))}) is true`;
      // with blocks named, the bounds are tested on the rows GIN returns (`+ 0`): the marks
      // already narrow it to a few blocks, and a bitmap of the key over the range costs more than it saves
      const id = blocks ? sql`d.item_id + 0` : sql`d.item_id`;
      const above = range.above === undefined ? sql`` : sql` and ${id} > ${range.above}`;
      const upTo = range.upTo === undefined ? sql`` : sql` and ${id} <= ${range.upTo}`;
      return sql`select d.item_id from search_documents d where ${match}${above}${upTo} order by d.item_id desc limit ${limit}`;
    };
    const loose = mode === 'all' && query.required.some((c) => c.phrase) ? looseQuery(query) : undefined;
    const attempt = async (range: IdRange, limit: number) => {
      if (!loose) return run(newest(q.match, limit, range), sql`true`, limit);
      // GIN cannot check adjacency: every row holding a phrase's words would
      // be read to test it. Take the newest rows holding the words, keep
      // those where they stand together, and only when that leaves too few
      // while more rows held the words, ask for the phrase itself.
      const widened = limit * PHRASE_WIDENING;
      const found = await run(newest(loose, widened, range), sql`s.fts @@ ${q.match}::tsquery`, limit);
      return found.length < limit && Number(found[0]?.n ?? widened) >= widened ? run(newest(q.match, limit, range), sql`true`, limit) : found;
    };
    // Left to itself, the planner takes words that go together ("rác thải", the six
    // of "phát triển nhà ở xã hội") for independent, expects few rows, and has GIN
    // read every match to sort them: 300 ms for 80,000 matches in a million items.
    // So the newest matches are looked for in steps, newest ids first:
    // 1. a walk back through the newest FIRST_WALK ids, testing each row (about
    //    1 µs a row): a common word ends here;
    // 2. GIN over the next ids, as many as the density met so far says hold the
    //    rest (with a margin; while nothing has been met, ranges widening from
    //    FIRST_WALK), named by their block marks: GIN then steps through the
    //    entries of those marks (about 130 ns each, a fifth of them with a
    //    portal's marks) and reads only the rows that match;
    // 3. after MARKED_STEPS such steps, GIN over whatever older ids are left.
    // The ranges are disjoint and taken newest first, so the rows found are the
    // `cap` newest matches.
    const top = await this.newestId();
    const rows: Awaited<ReturnType<typeof run>> = [];
    // a cached highest id may be behind: the first range has no upper end
    let upTo: number | undefined;
    let from = top;
    // the first walk is skipped for a number ("42/2022", "nd 42"), mostly rare, and with a
    // portal filter, where most rows walked would be other portals': only ids above the
    // remembered highest are walked (usually none)
    const rare = query.required.some((c) => c.terms.some((t) => /\d/.test(t.folded)));
    if (from > 0) {
      const above = rare || markedPortals(filters) ? from : Math.max(0, from - this.firstWalk);
      rows.push(...(await attempt({ walk: true, above, upTo }, cap)));
      upTo = from = above;
    }
    let span = this.firstWalk / WIDENING;
    for (let step = 0; rows.length < cap && (from > 0 || upTo === undefined); step++) {
      // matches per id below the highest id known (a walk above it may have met new items)
      const density = top > from ? rows.filter((r) => r.id <= top).length / (top - from) : 0;
      if (step >= MARKED_STEPS) span = Infinity;
      else if (density > 0) span = Math.ceil(((cap - rows.length) / density) * RANGE_MARGIN);
      else span *= WIDENING;
      const above = from - span > 0 ? from - span : undefined;
      rows.push(...(await attempt({ walk: false, above, upTo }, cap - rows.length)));
      if (above === undefined) break;
      upTo = from = above;
    }
    return rows.map((x) => ({ id: x.id, title: x.title, titlePhrase: x.title_phrase, phrase: x.phrase, exact: x.exact, matched: Number(x.matched) }));
  }

  async byDate(query: ParsedQuery, filters: SearchFilters, limit: number, order: 'desc' | 'asc', after?: DateCursor): Promise<DateCursor[]> {
    const q = tsQueries(query);
    const where = filterSql(filters);
    if (q) where.push(sql`d.fts @@ ${q.match}::tsquery`);
    if (after) where.push(order === 'desc' ? sql`(d.published_at, d.item_id) < (${after.publishedAt}, ${after.id})` : sql`(d.published_at, d.item_id) > (${after.publishedAt}, ${after.id})`);
    const dir = sql.raw(order);
    const r = await sql<{ id: number; published_at: string }>`
      select d.item_id as id, d.published_at from search_documents d where ${and(where)}
      order by d.published_at ${dir}, d.item_id ${dir} limit ${limit}`.execute(this.db);
    return r.rows.map((x) => ({ id: x.id, publishedAt: x.published_at }));
  }

  async count(query: ParsedQuery, filters: SearchFilters, cap: number): Promise<number> {
    const q = tsQueries(query);
    const where = filterSql(filters);
    if (q) where.push(sql`d.fts @@ ${q.match}::tsquery`);
    const r = await sql<{ n: string }>`select count(*) as n from (select 1 from search_documents d where ${and(where)} limit ${cap}) x`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  async byNumber(seq: number, year: number | null, filters: SearchFilters): Promise<DocumentRow[]> {
    const where = [sql`d.number_seq = ${seq}`, ...filterSql(filters)];
    if (year !== null) where.push(sql`d.number_year = ${year}`);
    const r = await sql<DocumentRow>`select ${COLUMNS} from search_documents d where ${and(where)} limit 200`.execute(this.db);
    return r.rows;
  }

  async rows(ids: number[], withBody: boolean): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    const r = await sql<DocumentRow>`select ${sql.raw(documentColumns('d', withBody))} from search_documents d where d.item_id in (${sql.join(ids)})`.execute(this.db);
    return r.rows;
  }

  async documentFrequencies(terms: string[], cap: number): Promise<Map<string, number>> {
    // GIN answers "which rows hold this lexeme" quickly; counting is capped so a common word costs no more than a rare one
    const out = new Map<string, number>();
    if (terms.length === 0) return out;
    const r = await sql<{ term: string; n: string }>`
      select t.term, (select count(*) from (select 1 from search_documents d where d.fts @@ t.q::tsquery limit ${cap}) x) as n
      from unnest(${terms}::text[], ${terms.map(lexeme)}::text[]) as t(term, q)`.execute(this.db);
    for (const row of r.rows) if (Number(row.n) > 0) out.set(row.term, Number(row.n));
    return out;
  }

  async titlesStartingWith(terms: string[], prefix: string | undefined, filters: SearchFilters, limit: number): Promise<DocumentRow[]> {
    const q = [...terms.map((t) => lexeme(t)), ...(prefix ? [`${lexeme(prefix)}:*`] : [])].join(' & ');
    if (!q) return [];
    const r = await sql<DocumentRow>`
      select ${COLUMNS} from search_documents d
      where d.title_fts @@ ${q}::tsquery and ${and(filterSql(filters))}
      order by d.published_at desc, d.item_id desc limit ${limit}`.execute(this.db);
    return r.rows;
  }

  async optimize(rebuild?: { replaced: number }): Promise<void> {
    await sql`analyze search_documents`.execute(this.db);
    // Entries written over leave the start of each word's posting tree empty once the old
    // rows are vacuumed; GIN guesses how common a word is from that first page, takes the
    // commonest words for the rarest and steps through all their entries (50 ms instead of
    // 5 for a portal's recent matches, measured on a million). A fresh index, built beside
    // the old one while searches go on, has none of that.
    if (rebuild && rebuild.replaced > 0) await sql`reindex index concurrently search_documents_fts`.execute(this.db);
  }
}
