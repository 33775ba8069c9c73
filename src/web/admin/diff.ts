import { diffWordsWithSpace } from 'diff';
import { html, type SafeHtml } from '../site/html.ts';

// Readable differences between two versions of an item: the body is
// compared as the text a reader sees (paragraphs on their own lines), word
// by word, rather than as HTML source.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

export function htmlToText(markup: string): string {
  return markup
    .replace(/<\s*(br|\/p|\/h[1-6]|\/li|\/tr|\/blockquote|\/figcaption|\/dd|\/dt)\b[^>]*>/gi, '\n')
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '[$1]')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The change from `before` to `after` with <del> and <ins>; undefined when they are equal. */
export function wordDiff(before: string, after: string): SafeHtml | undefined {
  if (before === after) return undefined;
  const parts = diffWordsWithSpace(before, after);
  return html`${parts.map((p) => (p.added ? html`<ins>${p.value}</ins>` : p.removed ? html`<del>${p.value}</del>` : p.value))}`;
}
