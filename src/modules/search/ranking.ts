import { tokenize, type Token } from './analysis.ts';
import type { Candidate, DocumentRow } from './backend.ts';
import { matchNumber, typeRank, type NumberMatch, type NumberQuery } from './legal-number.ts';
import type { ParsedQuery } from './query.ts';

// Relevance, computed the same way whichever engine found the matches.
// The engine hands over its newest matches with a few flags it can tell
// cheaply; a coarse score orders them all, and the best of them are then
// looked at closely. What counts, in order of weight:
//  - the words in the title, all of them, and side by side as typed (a
//    multi-syllable Vietnamese word is a phrase of syllables);
//  - the words side by side anywhere, and in the exact spelling typed (in
//    the title or summary) when the query carried diacritics;
//  - how many of the words the title and summary hold (partial matches);
//  - the language the query was evidently written in; recency, lightly.
// Documents the query names by number are not scored at all: they lead.

export const RERANK_WINDOW = 60;

const COARSE = { matched: 3.0, title: 2.0, titlePhrase: 0.8, phrase: 0.7, exact: 0.7, recency: 0.2 };
const FINE = { titleCoverage: 1.0, titleDensity: 0.6, summaryCoverage: 0.4, exactTitle: 0.5, language: 0.4 };

// A Vietnamese syllable without its diacritics: onset, one to three vowels, coda.
const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
// Vietnamese abbreviations with a vowel that no syllable pattern fits
const VIETNAMESE_ABBREVIATIONS = new Set(['ubnd', 'hdnd', 'bhyt', 'ubmttq', 'thpt', 'thcs', 'dbscl', 'kcn', 'covid']);

/** The language a query was evidently typed in, if any: Han script, Vietnamese diacritics, or words no Vietnamese syllable spells. */
export function queryLanguage(query: ParsedQuery): 'vi' | 'en' | 'zh' | undefined {
  if (/\p{Script=Han}/u.test(query.text)) return 'zh';
  if (query.withDiacritics) return 'vi';
  const words = query.text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && /[aeiouy]/.test(w) && !VIETNAMESE_ABBREVIATIONS.has(w));
  if (words.some((w) => !VIETNAMESE_SYLLABLE.test(w))) return 'en';
  return undefined;
}

function coverage(query: ParsedQuery, tokens: Token[]): number {
  const words = new Set(tokens.map((t) => t.folded));
  const wanted = [...new Set(query.terms.map((t) => t.folded))];
  const holds = (w: string) => words.has(w) || (query.terms.find((t) => t.folded === w)?.prefix === true && [...words].some((x) => x.startsWith(w)));
  return wanted.length ? wanted.filter(holds).length / wanted.length : 0;
}

/** How much of the title the query's words make up: "Đăng ký thường trú" answers "đăng ký thường trú" better than a long title that mentions it. */
function density(query: ParsedQuery, tokens: Token[]): number {
  if (tokens.length === 0) return 0;
  const wanted = new Set(query.terms.map((t) => t.folded));
  return tokens.filter((t) => wanted.has(t.folded)).length / tokens.length;
}

function exactShare(query: ParsedQuery, tokens: Token[]): number {
  if (!query.withDiacritics) return 0;
  const wanted = [...new Set(query.terms.map((t) => t.exact).filter((x): x is string => x !== null))];
  if (wanted.length === 0) return 0;
  const words = new Set(tokens.map((t) => t.exact));
  return wanted.filter((w) => words.has(w)).length / wanted.length;
}

/** The order of the candidates (newest first as the engine gives them); `rowsOf` loads the few looked at closely. */
export async function rank(query: ParsedQuery, candidates: Candidate[], rowsOf: (ids: number[]) => Promise<Map<number, DocumentRow>>, preferLang?: string): Promise<number[]> {
  const n = candidates.length;
  const coarse = candidates.map((c, i) => ({
    id: c.id,
    position: i,
    score:
      COARSE.matched * (c.matched / Math.max(query.required.length, 1)) +
      COARSE.title * Number(c.title) +
      COARSE.titlePhrase * Number(c.titlePhrase) +
      COARSE.phrase * Number(c.phrase) +
      COARSE.exact * Number(c.exact) +
      COARSE.recency * (n > 1 ? 1 - i / (n - 1) : 1),
  }));
  coarse.sort((a, b) => b.score - a.score || a.position - b.position);
  const head = coarse.slice(0, RERANK_WINDOW);
  const rows = await rowsOf(head.map((c) => c.id));
  for (const c of head) {
    const row = rows.get(c.id);
    if (!row) continue;
    const title = tokenize(row.title);
    const summary = tokenize(row.summary);
    c.score +=
      FINE.titleCoverage * coverage(query, title) +
      FINE.titleDensity * density(query, title) +
      FINE.summaryCoverage * coverage(query, summary) +
      FINE.exactTitle * exactShare(query, [...title, ...summary]) +
      (preferLang && row.lang === preferLang ? FINE.language : 0);
  }
  head.sort((a, b) => b.score - a.score || a.position - b.position);
  return [...head, ...coarse.slice(RERANK_WINDOW)].map((c) => c.id);
}

const STRENGTH: Record<NumberMatch, number> = { exact: 0, type: 1, partial: 2 };

/** Documents the query names by number, best match first: exact number, then hinted type, then legal force, language, recency. */
export function numberMatches(number: NumberQuery, rows: DocumentRow[], preferLang?: string): DocumentRow[] {
  const matched: Array<{ row: DocumentRow; strength: number }> = [];
  for (const row of rows) {
    if (row.number_seq === null) continue;
    const m = matchNumber(number, { seq: row.number_seq, year: row.number_year, code: row.number_code });
    if (m) matched.push({ row, strength: STRENGTH[m] });
  }
  const lang = preferLang ?? 'vi';
  matched.sort(
    (a, b) =>
      a.strength - b.strength ||
      typeRank(a.row.number_code) - typeRank(b.row.number_code) ||
      Number(b.row.lang === lang) - Number(a.row.lang === lang) ||
      (a.row.published_at < b.row.published_at ? 1 : a.row.published_at > b.row.published_at ? -1 : b.row.item_id - a.row.item_id),
  );
  return matched.map((m) => m.row);
}
