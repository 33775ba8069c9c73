import { hasDiacritics, normalizeText, tokenize, type Token } from './analysis.ts';
import { findNumberInQuery, type NumberQuery } from './legal-number.ts';

// The query language citizens get: free words, "quoted phrases" and
// -exclusions. Nothing typed is ever handed to an engine as syntax: the
// parser reduces the query to analysed terms, and each engine adapter builds
// its own match expression from those, so `"`, `*`, `:`, NEAR, quotes and
// backslashes are just characters and can never cause a syntax error.

export interface QueryTerm {
  folded: string;
  exact: string | null;
  /** Match any indexed term starting with this one (a single CJK character). */
  prefix: boolean;
}

/** One required or excluded unit: a single term, or terms that must be adjacent and in order. */
export interface Clause {
  terms: QueryTerm[];
  phrase: boolean;
  /** Quoted by the user (as opposed to glued by punctuation, "NĐ-CP", or CJK bigrams). */
  quoted: boolean;
}

export interface ParsedQuery {
  /** The query as understood (NFC, control characters removed, trimmed, capped). */
  text: string;
  required: Clause[];
  excluded: Clause[];
  /** Every positive term in the order typed: highlighting, phrase bonus, spelling correction. */
  terms: QueryTerm[];
  /** The user typed diacritics, so exact forms rank first. */
  withDiacritics: boolean;
  number?: NumberQuery;
  /** Nothing to search for. */
  empty: boolean;
}

/** Characters of a query that are looked at; the rest of a 10 KB paste is dropped. */
export const MAX_QUERY_CHARS = 500;
const MAX_REQUIRED_TERMS = 16;
const MAX_EXCLUDED_CLAUSES = 8;
const QUOTES = /["“”„«»]/;

export function parseQuery(input: string): ParsedQuery {
  const text = normalizeText(input ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS);
  const required: Clause[] = [];
  const excluded: Clause[] = [];
  // what the user asked for, without the exclusions: where a legal number is looked for
  const positive: string[] = [];
  let termCount = 0;

  const add = (segment: string, quoted: boolean, negative: boolean) => {
    if (!negative) positive.push(segment);
    const tokens = tokenize(segment, { cjkTrailingUnigram: false });
    if (tokens.length === 0) return;
    const clause = toClause(tokens, quoted);
    if (negative) {
      if (excluded.length < MAX_EXCLUDED_CLAUSES) excluded.push(clause);
      return;
    }
    if (termCount + clause.terms.length > MAX_REQUIRED_TERMS) {
      clause.terms = clause.terms.slice(0, MAX_REQUIRED_TERMS - termCount);
      if (clause.terms.length === 0) return;
      clause.phrase = clause.phrase && clause.terms.length > 1;
    }
    termCount += clause.terms.length;
    required.push(clause);
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    // "-" starts an exclusion only at the start of a word: "NĐ-CP" and "kinh tế - xã hội" are not
    const negative = ch === '-' && i + 1 < text.length && text[i + 1] !== ' ' && text[i + 1] !== '-';
    const start = negative ? i + 1 : i;
    if (QUOTES.test(text[start] ?? '')) {
      // an unbalanced quote runs to the end of the query
      let close = start + 1;
      while (close < text.length && !QUOTES.test(text[close])) close++;
      add(text.slice(start + 1, close), true, negative);
      i = close + 1;
      continue;
    }
    let end = start;
    while (end < text.length && text[end] !== ' ' && !QUOTES.test(text[end])) end++;
    if (end > start) add(text.slice(start, end), false, negative);
    i = end === start ? end + 1 : end;
  }

  const terms = required.flatMap((c) => c.terms);
  return {
    text,
    required,
    excluded,
    terms,
    withDiacritics: hasDiacritics(text),
    number: findNumberInQuery(positive.join(' ')),
    empty: terms.length === 0,
  };
}

function toClause(tokens: Token[], quoted: boolean): Clause {
  const terms = tokens.map((t) => ({ folded: t.folded, exact: t.exact, prefix: false }));
  // one Han character alone: any bigram starting with it
  if (tokens.length === 1 && tokens[0].kind === 'cjk' && [...tokens[0].folded].length === 1) terms[0].prefix = true;
  return { terms, phrase: terms.length > 1, quoted };
}

/** The query text with the words whose folded form `replace` maps swapped (spelling correction); everything else as typed. */
export function rewriteQuery(text: string, replace: (folded: string) => string | undefined): string {
  let out = '';
  let last = 0;
  for (const token of tokenize(text, { cjkTrailingUnigram: false })) {
    const swap = replace(token.folded);
    if (swap === undefined) continue;
    out += text.slice(last, token.start) + swap;
    last = token.end;
  }
  return out + text.slice(last);
}
