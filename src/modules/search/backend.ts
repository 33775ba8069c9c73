import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { IndexDocument } from './document.ts';
import type { Clause, ParsedQuery, QueryTerm } from './query.ts';

// What the search service needs of an engine. Each adapter (SQLite FTS5,
// PostgreSQL tsvector) turns an analysed query into its own match
// expression; ranking beyond the engine's first cut, number matching,
// snippets and paging are shared code in the service.

export type Executor = Kysely<Database> | Transaction<Database>;

export interface SearchFilters {
  portalIds?: number[];
  lang?: string;
  types?: string[];
  sectionIds?: number[];
  /** Inclusive ISO bounds on the publication time. */
  publishedFrom?: string;
  publishedBefore?: string;
  /** Legal documents: folded document type, folded issuing body, status of effect, year issued. */
  documentType?: string;
  issuingBody?: string;
  effectStatus?: string;
  year?: number;
}

/** A row of search_documents without the engine's full-text columns. */
export interface DocumentRow {
  item_id: number;
  portal_id: number;
  lang: string;
  type: string;
  section_id: number | null;
  slug: string;
  version: number;
  published_at: string;
  title: string;
  summary: string;
  body_text: string;
  meta: string;
  doc_type: string | null;
  issuing_body: string | null;
  effect_status: string | null;
  issued_year: number | null;
  number_seq: number | null;
  number_year: number | null;
  number_code: string | null;
}

export const DOCUMENT_COLUMNS = [
  'item_id',
  'portal_id',
  'lang',
  'type',
  'section_id',
  'slug',
  'version',
  'published_at',
  'title',
  'summary',
  'body_text',
  'meta',
  'doc_type',
  'issuing_body',
  'effect_status',
  'issued_year',
  'number_seq',
  'number_year',
  'number_code',
] as const;

/** The column list of `rows`, with or without the (long) snippet text. */
export const documentColumns = (alias: string, withBody: boolean) => DOCUMENT_COLUMNS.map((c) => (c === 'body_text' && !withBody ? `'' as body_text` : `${alias}.${c}`)).join(', ');

/**
 * A match, with what the engine can say about it cheaply. Scores are
 * computed from these flags in shared code, so both engines rank alike.
 */
export interface Candidate {
  id: number;
  /** Every required clause holds in the title. */
  title: boolean;
  /** All the words, in order and side by side, in the title. */
  titlePhrase: boolean;
  /** All the words side by side anywhere (title, head or body). */
  phrase: boolean;
  /** Every word in the exact (diacritic) form typed, in the title or head (summary, tags, short meta). */
  exact: boolean;
  /** How many of the required clauses it holds (all of them unless matching `any`). */
  matched: number;
}

/** `all`: every required clause (the normal search); `any`: at least one (the fallback when nothing holds them all). */
export type MatchMode = 'all' | 'any';

export interface DateCursor {
  publishedAt: string;
  id: number;
}

export interface SearchBackend {
  upsert(db: Executor, doc: IndexDocument): Promise<void>;
  remove(db: Executor, itemId: number): Promise<void>;
  /** Version of the entry of an item, if it has one. */
  indexedVersion(db: Executor, itemId: number): Promise<number | undefined>;
  /** Ids of entries in (afterId, upTo] (upTo null: no upper bound), for a rebuild's sweep. */
  indexedIdsBetween(db: Executor, afterId: number, upTo: number | null): Promise<number[]>;
  /**
   * The `cap` newest matches (highest ids first) with their ranking flags.
   * Bounding the set keeps a word found in half the store as fast as a rare
   * one: the engine walks its postings from the newest and stops at `cap`,
   * never scoring every match.
   */
  candidates(query: ParsedQuery, filters: SearchFilters, cap: number, mode?: MatchMode): Promise<Candidate[]>;
  /** Matches by publication time, after a keyset cursor. An empty query matches every entry. */
  byDate(query: ParsedQuery, filters: SearchFilters, limit: number, order: 'desc' | 'asc', after?: DateCursor): Promise<DateCursor[]>;
  /** How many entries match, counting no further than `cap`. */
  count(query: ParsedQuery, filters: SearchFilters, cap: number): Promise<number>;
  /** Legal documents numbered `seq` (and `year`). */
  byNumber(seq: number, year: number | null, filters: SearchFilters): Promise<DocumentRow[]>;
  /** Entries by id; without `body_text` (empty) unless `withBody`. */
  rows(ids: number[], withBody: boolean): Promise<DocumentRow[]>;
  /** Writes many entries at once (a rebuild); `fresh` ids are known to have no entry yet. */
  upsertMany(db: Executor, docs: IndexDocument[], fresh: Set<number>): Promise<void>;
  /**
   * Does the engine's own work on entries ahead of their write (PostgreSQL: the tsvector
   * literals), so that a rebuild can do it while the previous batch is being written.
   */
  prepare?(docs: IndexDocument[]): void | Promise<void>;
  /** In how many entries each folded term occurs (capped at `cap` on engines where counting is dear). */
  documentFrequencies(terms: string[], cap: number): Promise<Map<string, number>>;
  /** Titles holding every term (and a word starting with `prefix`, if given); newest first. */
  titlesStartingWith(terms: string[], prefix: string | undefined, filters: SearchFilters, limit: number): Promise<DocumentRow[]>;
  /**
   * Tidies up after a rebuild (`replaced`: how many existing entries it removed or wrote over):
   * a bounded FTS5 segment merge on SQLite; fresh planner statistics on PostgreSQL, and a fresh
   * GIN index when entries were replaced.
   */
  optimize(rebuild?: { replaced: number }): Promise<void>;
}

/** Every term of a query in the order typed, as one phrase: the "all words together" bonus. */
export function wholePhrase(query: ParsedQuery): QueryTerm[] | undefined {
  if (query.terms.length < 2 || query.terms.some((t) => t.prefix)) return undefined;
  if (query.required.length === 1 && query.required[0].phrase) return undefined; // already required as a phrase
  return query.terms;
}

/** The clauses with exact forms, when the user typed diacritics and every term has one. */
export function exactClauses(query: ParsedQuery): Clause[] | undefined {
  if (!query.withDiacritics) return undefined;
  if (!query.terms.some((t) => t.exact)) return undefined;
  return query.required.map((c) => ({ ...c, terms: c.terms.map((t) => ({ ...t, folded: t.exact ?? t.folded })) }));
}
