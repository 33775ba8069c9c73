import { tokenize, type Token } from './analysis.ts';
import type { ParsedQuery } from './query.ts';

// Highlighted titles and snippets. Matching runs on folded forms, so
// "chinh phu" marks "Chính phủ"; the output is HTML-escaped text whose only
// markup is <mark>.

export type TermMatcher = (token: Token) => boolean;

export function termMatcher(query: ParsedQuery): TermMatcher {
  const whole = new Set(query.terms.filter((t) => !t.prefix).map((t) => t.folded));
  const prefixes = query.terms.filter((t) => t.prefix).map((t) => t.folded);
  return (token) => whole.has(token.folded) || prefixes.some((p) => token.folded.startsWith(p));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Spans of matching tokens, overlapping ones (CJK bigrams) merged. */
function matchSpans(tokens: Token[], matches: TermMatcher): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const t of tokens) {
    if (!matches(t)) continue;
    const last = spans[spans.length - 1];
    if (last && t.start <= last[1]) last[1] = Math.max(last[1], t.end);
    else spans.push([t.start, t.end]);
  }
  return spans;
}

function mark(text: string, spans: Array<[number, number]>, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const [s, e] of spans) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** The whole text, escaped, with matches marked. */
export function highlightAll(text: string, matches: TermMatcher): string {
  return mark(text, matchSpans(tokenize(text), matches), 0, text.length);
}

/**
 * A passage of about `maxChars` around the densest cluster of matches (most
 * distinct words, then most matches), cut at word boundaries, with matches
 * marked; the opening of the text when nothing matches.
 */
export function snippet(text: string, matches: TermMatcher, maxChars = 240): { html: string; matched: boolean } {
  const tokens = tokenize(text);
  const hits = tokens.filter(matches);
  if (hits.length === 0) {
    const end = cutEnd(text, Math.min(text.length, maxChars));
    return { html: escapeHtml(text.slice(0, end)) + (end < text.length ? ' …' : ''), matched: false };
  }
  let best = { first: 0, distinct: 0, count: 0 };
  let left = 0;
  const inWindow = new Map<string, number>();
  for (let right = 0; right < hits.length; right++) {
    inWindow.set(hits[right].folded, (inWindow.get(hits[right].folded) ?? 0) + 1);
    while (hits[right].end - hits[left].start > maxChars * 0.8) {
      const f = hits[left].folded;
      const n = inWindow.get(f)! - 1;
      if (n === 0) inWindow.delete(f);
      else inWindow.set(f, n);
      left++;
    }
    const count = right - left + 1;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count)) best = { first: left, distinct: inWindow.size, count };
  }
  const anchor = hits[best.first].start;
  // a little context before the first match, starting at a sentence or word boundary
  let start = Math.max(0, anchor - Math.round(maxChars * 0.2));
  const sentence = Math.max(text.lastIndexOf('. ', anchor), text.lastIndexOf('\n', anchor));
  if (sentence >= 0 && sentence >= start - 40 && sentence < anchor) start = sentence + (text[sentence] === '\n' ? 1 : 2);
  else start = cutStart(text, start);
  const end = cutEnd(text, Math.min(text.length, start + maxChars));
  const spans = matchSpans(tokens, matches);
  const html = (start > 0 ? '… ' : '') + mark(text, spans, start, end).replace(/\n+/g, ' ') + (end < text.length ? ' …' : '');
  return { html, matched: true };
}

function cutStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.indexOf(' ', at);
  return space === -1 || space - at > 30 ? at : space + 1;
}

function cutEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(' ', at);
  return space === -1 || at - space > 30 ? at : space;
}
