import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import { html, type SafeHtml } from '../site/html.ts';

// Readable differences between two versions of an item: the body is
// compared as the text a reader sees (paragraphs on their own lines), word
// by word, rather than as HTML source.

const ENTITIES = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }));
/** A character reference's code point, when it names one (a number past U+10FFFF would throw). */
const codePoint = (n: number, all: string) => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all);

export function htmlToText(markup: string): string {
  return markup
    .replace(/<\s*(br|\/p|\/h[1-6]|\/li|\/tr|\/blockquote|\/figcaption|\/dd|\/dt)\b[^>]*>/gi, '\n')
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '[$1]')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(parseInt(name.slice(2), 16), all);
      if (name.startsWith('#') && name !== '#39') return codePoint(Number(name.slice(1)), all);
      return ENTITIES.get(name.toLowerCase()) ?? all;
    })
    .replace(/(?<![ \t])[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Work a comparison may do, in edit-graph steps: the tokens of both sides
 * times the edits tried. Myers' diff costs (tokens × edits), which is
 * quadratic for two unrelated texts (two different 50 KB bodies took ~10 s,
 * every time the history was opened); within this budget it stays in tens of
 * milliseconds, and past it the page says only that the text changed.
 */
export const DIFF_BUDGET = 3_000_000;
/** Longest changed stretch (both sides, in characters) compared word by word; longer ones by paragraph. */
export const WORD_DIFF_MAX_CHARS = 200_000;

/** A comparison too big to show within the budget: the field changed, that is all that is said. */
export const CHANGED = 'changed';

/** The change from `before` to `after` with <del> and <ins>; undefined when they are equal, CHANGED when too big to show. */
export function wordDiff(before: string, after: string): SafeHtml | typeof CHANGED | undefined {
  if (before === after) return undefined;
  // the unchanged start and end are kept out of the comparison (cut at white space, so no word is split)
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && !/\s/.test(before[start - 1])) start--;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (end > 0 && !/\s/.test(before[before.length - end])) end--;
  const head = before.slice(0, start);
  const tail = before.slice(before.length - end);
  const a = before.slice(start, before.length - end);
  const b = after.slice(start, after.length - end);
  let parts: ChangeObject<string>[] | undefined;
  if (a.length + b.length <= WORD_DIFF_MAX_CHARS) {
    // characters stand in for tokens: never fewer, so the budget holds
    parts = diffWordsWithSpace(a, b, { maxEditLength: editsWithin(a.length + b.length) });
  }
  if (!parts) {
    const lines = lineCount(a) + lineCount(b);
    parts = diffLines(a, b, { maxEditLength: editsWithin(lines) });
    // nothing in common line by line either: the two texts side by side would tell no more than "changed"
    if (parts && !head && !tail && !parts.some((p) => !p.added && !p.removed)) parts = undefined;
  }
  if (!parts) return CHANGED;
  return html`${head}${parts.map((p) => (p.added ? html`<ins>${p.value}</ins>` : p.removed ? html`<del>${p.value}</del>` : p.value))}${tail}`;
}

const editsWithin = (tokens: number) => Math.max(1, Math.floor(DIFF_BUDGET / Math.max(1, tokens)));

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
