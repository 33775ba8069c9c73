import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Token } from './analysis.ts';
import { documentColumns, exactClauses, wholePhrase, type Candidate, type DateCursor, type DocumentRow, type Executor, type MatchMode, type SearchBackend, type SearchFilters } from './backend.ts';
import type { IndexDocument } from './document.ts';
import type { Clause, ParsedQuery, QueryTerm } from './query.ts';

// SQLite adapter: FTS5 over tokens the search module analysed. Every term
// goes into the match expression as a double-quoted string, which FTS5 reads
// as a plain phrase, so no user input is ever FTS syntax.
//
// bm25() is not used: before scoring its first row it counts every row each
// phrase of the query matches, which for a common word costs more than all
// the rest of a search. Instead the newest matches are taken (FTS5 walks its
// doclists newest first and stops) and a few cheap follow-up queries over
// the same rowid range say which of them hold the words in the title, as a
// phrase, or in the exact form typed.

const FOLDED = '{title head body}';
/** 19 parameters a row for search_documents; SQLite takes 32,766 a statement. */
const ROWS_PER_STATEMENT = 200;
const EXACT = '{title_x head_x}';
const COLUMNS = sql.raw(documentColumns('d', false));

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function termExpr(t: QueryTerm): string {
  return t.prefix ? `${quote(t.folded)}*` : quote(t.folded);
}

function clauseExpr(c: Clause): string {
  if (c.phrase) return c.terms.map((t) => quote(t.folded)).join(' + ');
  return termExpr(c.terms[0]);
}

/** The FTS5 match expression of a query, or undefined when it has no positive terms. */
export function matchExpression(query: ParsedQuery, mode: MatchMode = 'all'): string | undefined {
  if (query.empty) return undefined;
  let expr = `${FOLDED} : (${query.required.map(clauseExpr).join(mode === 'all' ? ' AND ' : ' OR ')})`;
  if (query.excluded.length) expr += ` NOT ${FOLDED} : (${query.excluded.map(clauseExpr).join(' OR ')})`;
  return expr;
}

/** Expressions of the ranking flags, each matching a subset of what matchExpression matches (exclusions aside). */
export function flagExpressions(query: ParsedQuery): Partial<Record<'title' | 'titlePhrase' | 'phrase' | 'exact', string>> {
  const flags: Partial<Record<'title' | 'titlePhrase' | 'phrase' | 'exact', string>> = {};
  flags.title = `{title} : (${query.required.map(clauseExpr).join(' AND ')})`;
  const phrase = wholePhrase(query);
  if (phrase) {
    const words = phrase.map((t) => quote(t.folded)).join(' + ');
    flags.titlePhrase = `{title} : (${words})`;
    flags.phrase = `${FOLDED} : (${words})`;
  } else if (query.required.length === 1 && query.required[0].phrase) {
    flags.titlePhrase = flags.title;
  }
  const exact = exactClauses(query);
  if (exact) flags.exact = `${EXACT} : (${exact.map(clauseExpr).join(' AND ')})`;
  return flags;
}

/** A filter value as an FTS token: letters and digits only ("legal-document" → "legaldocument"). */
const token = (prefix: string, value: string | number) => `${prefix}${String(value).replace(/[^\p{L}\p{N}]+/gu, '')}`;

/** The scope tokens of an entry: one per value a filter can ask for. */
export function scopeTokens(d: IndexDocument): string {
  const tokens = [token('p', d.portalId), token('l', d.lang), token('t', d.type)];
  if (d.sectionId !== null) tokens.push(token('s', d.sectionId));
  if (d.docType) tokens.push(token('d', d.docType));
  if (d.issuingBody) tokens.push(token('b', d.issuingBody));
  if (d.effectStatus) tokens.push(token('e', d.effectStatus));
  if (d.issuedYear !== null) tokens.push(token('y', d.issuedYear));
  return tokens.join(' ');
}

/** The filters an FTS scope clause can express, or undefined when there are none; dates stay in SQL. */
function scopeExpression(f: SearchFilters): string | undefined {
  const all: string[] = [];
  const anyOf = (prefix: string, values: Array<string | number>) => (values.length ? `(${values.map((v) => quote(token(prefix, v))).join(' OR ')})` : quote('nothing'));
  if (f.portalIds) all.push(anyOf('p', f.portalIds));
  if (f.lang) all.push(quote(token('l', f.lang)));
  if (f.types) all.push(anyOf('t', f.types));
  if (f.sectionIds) all.push(anyOf('s', f.sectionIds));
  if (f.documentType) all.push(quote(token('d', f.documentType)));
  if (f.issuingBody) all.push(quote(token('b', f.issuingBody)));
  if (f.effectStatus) all.push(quote(token('e', f.effectStatus)));
  if (f.year !== undefined) all.push(quote(token('y', f.year)));
  return all.length ? `{scope} : (${all.join(' AND ')})` : undefined;
}

/** The match on the titles table, narrowed by the filters its scope column holds (portal, language). */
function titleScoped(match: string, f: SearchFilters): string {
  const all: string[] = [];
  if (f.portalIds) all.push(f.portalIds.length ? `(${f.portalIds.map((id) => quote(`p${id}`)).join(' OR ')})` : quote('nothing'));
  if (f.lang) all.push(quote(`l${f.lang}`));
  return all.length ? `(${match}) AND {scope} : (${all.join(' AND ')})` : match;
}

function dateSql(f: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.publishedFrom) where.push(sql`d.published_at >= ${f.publishedFrom}`);
  if (f.publishedBefore) where.push(sql`d.published_at < ${f.publishedBefore}`);
  return where;
}

/** The match expression with the filters folded in. */
function scoped(match: string, f: SearchFilters): string {
  const scope = scopeExpression(f);
  return scope ? `(${match}) AND ${scope}` : match;
}

function filterSql(f: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.portalIds) where.push(f.portalIds.length ? sql`d.portal_id in (${sql.join(f.portalIds)})` : sql`0`);
  if (f.lang) where.push(sql`d.lang = ${f.lang}`);
  if (f.types) where.push(f.types.length ? sql`d.type in (${sql.join(f.types)})` : sql`0`);
  if (f.sectionIds) where.push(f.sectionIds.length ? sql`d.section_id in (${sql.join(f.sectionIds)})` : sql`0`);
  if (f.publishedFrom) where.push(sql`d.published_at >= ${f.publishedFrom}`);
  if (f.publishedBefore) where.push(sql`d.published_at < ${f.publishedBefore}`);
  if (f.documentType) where.push(sql`d.doc_type = ${f.documentType}`);
  if (f.issuingBody) where.push(sql`d.issuing_body = ${f.issuingBody}`);
  if (f.effectStatus) where.push(sql`d.effect_status = ${f.effectStatus}`);
  if (f.year !== undefined) where.push(sql`d.issued_year = ${f.year}`);
  return where;
}

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`1`);

const text = (tokens: Token[], exact: boolean) => tokens.map((t) => (exact ? (t.exact ?? t.folded) : t.folded)).join(' ');

export class SqliteSearchBackend implements SearchBackend {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(db: Executor, doc: IndexDocument): Promise<void> {
    const exists = (await sql`select 1 from search_documents where item_id = ${doc.itemId}`.execute(db)).rows.length > 0;
    await this.upsertMany(db, [doc], exists ? new Set() : new Set([doc.itemId]));
  }

  /** Multi-row statements, ROWS_PER_STATEMENT at a time: per-statement overhead would dominate a rebuild. */
  async upsertMany(db: Executor, docs: IndexDocument[], fresh: Set<number>): Promise<void> {
    for (let i = 0; i < docs.length; i += ROWS_PER_STATEMENT) {
      const chunk = docs.slice(i, i + ROWS_PER_STATEMENT);
      // deleting a rowid a contentless FTS5 table never held still costs a tombstone
      const stale = chunk.filter((d) => !fresh.has(d.itemId)).map((d) => d.itemId);
      if (stale.length) {
        await sql`delete from search_fts where rowid in (${sql.join(stale)})`.execute(db);
        await sql`delete from search_titles where rowid in (${sql.join(stale)})`.execute(db);
      }
      await sql`insert into search_fts (rowid, title, head, body, title_x, head_x, scope) values ${sql.join(
        chunk.map((d) => sql`(${d.itemId}, ${text(d.tokens.title, false)}, ${text(d.tokens.head, false)}, ${text(d.tokens.body, false)}, ${text(d.tokens.title, true)}, ${text(d.tokens.head, true)}, ${scopeTokens(d)})`),
      )}`.execute(db);
      // scope tokens let suggestions filter by portal and language inside the index
      await sql`insert into search_titles (rowid, title, scope) values ${sql.join(chunk.map((d) => sql`(${d.itemId}, ${text(d.tokens.title, false)}, ${`p${d.portalId} l${d.lang}`})`))}`.execute(db);
      await sql`insert into search_documents (item_id, portal_id, lang, type, section_id, slug, version, published_at, title, summary, body_text, meta,
          doc_type, issuing_body, effect_status, issued_year, number_seq, number_year, number_code)
        values ${sql.join(
          chunk.map(
            (d) => sql`(${d.itemId}, ${d.portalId}, ${d.lang}, ${d.type}, ${d.sectionId}, ${d.slug}, ${d.version}, ${d.publishedAt}, ${d.title}, ${d.summary}, ${d.bodyText}, ${d.meta},
              ${d.docType}, ${d.issuingBody}, ${d.effectStatus}, ${d.issuedYear}, ${d.numberSeq}, ${d.numberYear}, ${d.numberCode})`,
          ),
        )}
        on conflict (item_id) do update set portal_id = excluded.portal_id, lang = excluded.lang, type = excluded.type, section_id = excluded.section_id,
          slug = excluded.slug, version = excluded.version, published_at = excluded.published_at, title = excluded.title, summary = excluded.summary,
          body_text = excluded.body_text, meta = excluded.meta, doc_type = excluded.doc_type, issuing_body = excluded.issuing_body,
          effect_status = excluded.effect_status, issued_year = excluded.issued_year, number_seq = excluded.number_seq,
          number_year = excluded.number_year, number_code = excluded.number_code`.execute(db);
    }
  }

  async remove(db: Executor, itemId: number): Promise<void> {
    await sql`delete from search_fts where rowid = ${itemId}`.execute(db);
    await sql`delete from search_titles where rowid = ${itemId}`.execute(db);
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
    const text = matchExpression(query, mode);
    if (!text) return [];
    const match = scoped(text, filters);
    const dates = dateSql(filters);
    const r = dates.length
      ? await sql<{ id: number }>`
          select search_fts.rowid as id from search_fts join search_documents d on d.item_id = search_fts.rowid
          where search_fts match ${match} and ${and(dates)}
          order by search_fts.rowid desc limit ${cap}`.execute(this.db)
      : await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match} order by rowid desc limit ${cap}`.execute(this.db);
    if (r.rows.length === 0) return [];
    const oldest = r.rows[r.rows.length - 1].id;
    // Each flag is a query of its own over the same filters, newest first and
    // capped like the candidates: FTS5 stops early walking down, where a
    // `rowid >= oldest` bound makes it read far more of each doclist.
    // Title flags read the small titles table, whose doclists hold titles only.
    const seen = new Map<string, number[]>();
    const newest = async (expr: string, table: 'search_fts' | 'search_titles' = 'search_fts') => {
      const key = `${table} ${expr}`;
      let ids = seen.get(key);
      if (!ids) {
        const match = table === 'search_fts' ? scoped(expr, filters) : titleScoped(expr, filters);
        const hits = await sql<{ id: number }>`select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match} order by rowid desc limit ${cap}`.execute(this.db);
        ids = hits.rows.filter((h) => h.id >= oldest).map((h) => h.id);
        seen.set(key, ids);
      }
      return ids;
    };
    const flagged: Partial<Record<keyof ReturnType<typeof flagExpressions>, Set<number>>> = {};
    for (const [flag, expr] of Object.entries(flagExpressions(query)) as Array<[keyof ReturnType<typeof flagExpressions>, string]>) {
      flagged[flag] = new Set(await newest(expr, flag === 'title' || flag === 'titlePhrase' ? 'search_titles' : 'search_fts'));
    }
    const matched = new Map<number, number>();
    if (mode === 'any') {
      for (const clause of query.required) {
        for (const id of await newest(`${FOLDED} : (${clauseExpr(clause)})`)) matched.set(id, (matched.get(id) ?? 0) + 1);
      }
    }
    return r.rows.map(({ id }) => ({
      matched: mode === 'all' ? query.required.length : (matched.get(id) ?? 0),
      id,
      title: flagged.title?.has(id) ?? false,
      titlePhrase: flagged.titlePhrase?.has(id) ?? false,
      phrase: flagged.phrase?.has(id) ?? false,
      exact: flagged.exact?.has(id) ?? false,
    }));
  }

  async byDate(query: ParsedQuery, filters: SearchFilters, limit: number, order: 'desc' | 'asc', after?: DateCursor): Promise<DateCursor[]> {
    const text = matchExpression(query);
    const where = text ? dateSql(filters) : filterSql(filters);
    if (after) where.push(order === 'desc' ? sql`(d.published_at, d.item_id) < (${after.publishedAt}, ${after.id})` : sql`(d.published_at, d.item_id) > (${after.publishedAt}, ${after.id})`);
    const dir = sql.raw(order);
    const r = text
      ? await sql<{ id: number; published_at: string }>`
          select d.item_id as id, d.published_at from search_fts join search_documents d on d.item_id = search_fts.rowid
          where search_fts match ${scoped(text, filters)} and ${and(where)}
          order by d.published_at ${dir}, d.item_id ${dir} limit ${limit}`.execute(this.db)
      : await sql<{ id: number; published_at: string }>`
          select d.item_id as id, d.published_at from search_documents d where ${and(where)}
          order by d.published_at ${dir}, d.item_id ${dir} limit ${limit}`.execute(this.db);
    return r.rows.map((x) => ({ id: x.id, publishedAt: x.published_at }));
  }

  async count(query: ParsedQuery, filters: SearchFilters, cap: number): Promise<number> {
    const text = matchExpression(query);
    const dates = dateSql(filters);
    const r = !text
      ? await sql<{ n: number }>`select count(*) as n from (select 1 from search_documents d where ${and(filterSql(filters))} limit ${cap})`.execute(this.db)
      : dates.length
        ? await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts join search_documents d on d.item_id = search_fts.rowid
            where search_fts match ${scoped(text, filters)} and ${and(dates)} limit ${cap})`.execute(this.db)
        : await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts where search_fts match ${scoped(text, filters)} limit ${cap})`.execute(this.db);
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

  async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < terms.length; i += 500) {
      const chunk = terms.slice(i, i + 500);
      const r = await sql<{ term: string; doc: number }>`select term, doc from search_vocab where term in (${sql.join(chunk)})`.execute(this.db);
      for (const row of r.rows) out.set(row.term, row.doc);
    }
    return out;
  }

  async titlesStartingWith(terms: string[], prefix: string | undefined, filters: SearchFilters, limit: number): Promise<DocumentRow[]> {
    const parts = [...terms.map(quote), ...(prefix ? [`${quote(prefix)}*`] : [])];
    if (parts.length === 0) return [];
    let match = `{title} : (${parts.join(' AND ')})`;
    const scope: string[] = [];
    if (filters.portalIds?.length === 1) scope.push(quote(`p${filters.portalIds[0]}`));
    if (filters.lang) scope.push(quote(`l${filters.lang}`));
    if (scope.length) match += ` AND {scope} : (${scope.join(' AND ')})`;
    // newest first lets FTS5 stop early, however common the prefix
    const r = await sql<DocumentRow>`
      select ${COLUMNS} from (select rowid from search_titles where search_titles match ${match} order by rowid desc limit ${limit * 4}) t
      join search_documents d on d.item_id = t.rowid
      where ${and(filterSql(filters))}
      limit ${limit}`.execute(this.db);
    return r.rows;
  }

  async optimize(): Promise<void> {
    // a bounded merge, not 'optimize': rewriting a million-row index in one go would hold the write lock for long
    await sql`insert into search_fts (search_fts, rank) values ('merge', 500)`.execute(this.db);
    await sql`insert into search_titles (search_titles, rank) values ('merge', 500)`.execute(this.db);
  }
}
