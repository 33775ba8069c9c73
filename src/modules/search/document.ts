import type { IndexableItem } from '../content/index.ts';
import { foldWord, htmlToText, normalizeText, tokenize, type Token } from './analysis.ts';
import { parseLegalNumber } from './legal-number.ts';

// An item as the index sees it: the display fields results need, filter
// columns, and the analysed tokens of three fields weighted differently —
// the title, the "head" (summary, tags and short meta values such as a
// document's number, type, issuer, field, a procedure's code and agency),
// and the body.

export interface IndexDocument {
  itemId: number;
  portalId: number;
  lang: string;
  type: string;
  sectionId: number | null;
  slug: string;
  version: number;
  publishedAt: string;
  title: string;
  summary: string;
  /** Plain text the snippets are cut from (summary first, then the body). */
  bodyText: string;
  /** JSON of the few meta fields results show. */
  meta: string;
  docType: string | null;
  issuingBody: string | null;
  effectStatus: string | null;
  issuedYear: number | null;
  numberSeq: number | null;
  numberYear: number | null;
  numberCode: string | null;
  tokens: { title: Token[]; head: Token[]; body: Token[] };
}

/** Text analysed per body; the tail of an enormous body adds little to finding it. */
const MAX_BODY_CHARS = 100_000;
/** Text kept for snippets. */
const MAX_SNIPPET_SOURCE_CHARS = 20_000;
/** Meta values longer than this (transcripts, abstracts) count as body text, not head. */
const SHORT_META = 300;
const URL_KEYS = new Set(['url', 'src', 'sourceUrl', 'poster', 'serviceUrl', 'template', 'mimeType']);
const DISPLAY_META: Record<string, string[]> = {
  'legal-document': ['number', 'documentType', 'issuingBody', 'issuedDate', 'effectiveDate', 'effectStatus', 'field'],
  procedure: ['code', 'field', 'agency', 'onlineLevel'],
  video: ['duration'],
};

export function toIndexDocument(item: IndexableItem): IndexDocument {
  const title = normalizeText(item.title);
  const summary = normalizeText(item.summary);
  const bodyText = normalizeText(htmlToText(item.body)).slice(0, MAX_BODY_CHARS);
  const shortMeta: string[] = [];
  const longMeta: string[] = [];
  collectMetaText(item.meta, shortMeta, longMeta, 0);
  const head = normalizeText([summary, item.tags.join(' · '), ...shortMeta].filter(Boolean).join('\n'));
  const body = normalizeText([bodyText, ...longMeta].join('\n')).slice(0, MAX_BODY_CHARS);

  const m = item.meta;
  const legal = item.type === 'legal-document';
  const number = legal ? parseLegalNumber(m.number) : undefined;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const issued = str(m.issuedDate);
  const display: Record<string, unknown> = {};
  // the cover too: a result shows it as a thumbnail
  for (const key of [...(DISPLAY_META[item.type] ?? []), 'cover']) if (m[key] !== undefined && m[key] !== null) display[key] = m[key];

  return {
    itemId: item.id,
    portalId: item.portalId,
    lang: item.lang,
    type: item.type,
    sectionId: item.sectionId,
    slug: item.slug,
    version: item.version,
    publishedAt: item.publishedAt,
    title,
    summary,
    bodyText: bodyText.slice(0, MAX_SNIPPET_SOURCE_CHARS),
    meta: JSON.stringify(display),
    docType: legal ? foldFilter(str(m.documentType)) : null,
    issuingBody: legal ? foldFilter(str(m.issuingBody)) : null,
    effectStatus: legal ? str(m.effectStatus) : null,
    issuedYear: legal && issued && /^\d{4}/.test(issued) ? Number(issued.slice(0, 4)) : null,
    numberSeq: number?.seq ?? null,
    numberYear: number?.year ?? null,
    numberCode: number?.code ?? null,
    tokens: { title: tokenize(title), head: tokenize(head), body: tokenize(body) },
  };
}

/** A filter value as stored and compared: folded, single-spaced ("Nghị  định" → "nghi dinh"). */
export function foldFilter(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = foldWord(normalizeText(value)).replace(/\s+/g, ' ').trim();
  return folded || null;
}

function collectMetaText(value: unknown, short: string[], long: string[], depth: number, key = '') {
  if (depth > 4 || URL_KEYS.has(key)) return;
  if (typeof value === 'string') {
    if (/^(https?:)?\/\//.test(value) || /^\/[\w/.-]+$/.test(value)) return;
    (value.length > SHORT_META ? long : short).push(value);
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 200)) collectMetaText(v, short, long, depth + 1, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectMetaText(v, short, long, depth + 1, k);
  }
}
