import type { SearchBackend } from './backend.ts';
import type { ParsedQuery } from './query.ts';

// One-letter typos ("chinh phuu", "giao dcu", "thue thu nhap ca nhn").
// When a query finds nothing, each folded word the index has never seen is
// replaced by the most frequent indexed word one edit away (a letter
// deleted, inserted, replaced, or two neighbours swapped). The index's own
// document frequencies are the dictionary, so it knows every portal's words
// and nothing else.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const MIN_LENGTH = 3;
const FREQUENCY_CAP = 1000;

/** Every string one edit away from an ASCII word. */
export function editsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of ALPHABET) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** Folded word → its correction, for the query's unknown words that have one. */
export async function corrections(query: ParsedQuery, backend: SearchBackend): Promise<Map<string, string>> {
  const candidates = [...new Set(query.terms.filter((t) => !t.prefix && /^[a-z]+$/.test(t.folded) && t.folded.length >= MIN_LENGTH).map((t) => t.folded))];
  const fixes = new Map<string, string>();
  if (candidates.length === 0) return fixes;
  const known = await backend.documentFrequencies(candidates, 1);
  const unknown = candidates.filter((w) => !known.has(w));
  // One slip of a finger explains one unknown word; several unknown words are
  // more likely names the index does not hold, and "correcting" them all
  // would find unrelated items.
  if (unknown.length !== 1) return fixes;
  for (const word of unknown) {
    const edits = editsOf(word);
    const frequencies = await backend.documentFrequencies(edits, FREQUENCY_CAP);
    let best: { term: string; n: number } | undefined;
    for (const term of edits) {
      const n = frequencies.get(term) ?? 0;
      if (n > 0 && (!best || n > best.n)) best = { term, n };
    }
    if (best) fixes.set(word, best.term);
  }
  return fixes;
}

/** The query with corrected words in place (folded, without exact forms: the user's spelling was wrong). */
export function applyCorrections(query: ParsedQuery, fixes: Map<string, string>): ParsedQuery {
  const fix = <T extends { folded: string; exact: string | null }>(t: T): T => (fixes.has(t.folded) ? { ...t, folded: fixes.get(t.folded)!, exact: null } : t);
  const required = query.required.map((c) => ({ ...c, terms: c.terms.map(fix) }));
  return { ...query, required, terms: required.flatMap((c) => c.terms) };
}
