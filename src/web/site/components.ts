import type { PublicListing } from '../../modules/content/index.ts';
import { coverOf } from '../../modules/content/index.ts';
import type { Lang } from '../../lib/lang.ts';
import { pathOf, type SiteContext } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { formatDate, formatDateTime, type EffectStatus } from './i18n.ts';

// Small pieces shared by the pages: item cards, dates, pagination.

export function time(lang: Lang, isoTime: string): SafeHtml {
  return html`<time datetime="${isoTime}">${formatDateTime(lang, isoTime)}</time>`;
}

export function day(lang: Lang, d: string): SafeHtml {
  return html`<time datetime="${d}">${formatDate(lang, d)}</time>`;
}

export function effectStatus(ctx: SiteContext, status: unknown): SafeHtml {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the status arrives as text; anything else matches no known status
  const s = String(status ?? '') as EffectStatus;
  const label = ctx.m.legal.statuses[s];
  return label ? html`<span class="status status-${s}">${label}</span>` : html``;
}

/**
 * How wide a card's picture is drawn, for `sizes` (the stylesheet's columns:
 * one column up to 40rem, the home's main column is 2/3 of --max 72rem from
 * 64rem). The browser picks the WebP candidate from this before the
 * stylesheet arrives, so a small card never downloads the big picture.
 */
export const CARD_SIZES = {
  /** the home's lead story: the whole main column */
  lead: '(min-width: 72rem) 46rem, (min-width: 64rem) 64vw, calc(100vw - 2rem)',
  /** a card of a three-column list: one column on a phone or tablet */
  column: '(min-width: 64rem) 15rem, calc(100vw - 2rem)',
  /** a thumbnail beside the card's text (.cards.thumbs) */
  thumb: '(min-width: 40rem) 12rem, 7rem',
} as const;

export interface PictureOpts {
  /** the page's largest picture: fetched first, not lazily */
  eager?: boolean;
  sizes?: string;
}

/**
 * The item's cover as a card picture: WebP candidates with `sizes`, the
 * JPEG/PNG fallback, width and height so the card keeps its place while it
 * loads. The alt is empty: the card's linked title, next to it, says what it is.
 */
export function cardPicture(meta: Record<string, unknown>, opts: PictureOpts = {}): SafeHtml {
  const cover = coverOf(meta);
  if (!cover) return html``;
  const srcset = cover.srcset
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .join(', ');
  // covers from before sizes were kept get a 16:9 box rather than none
  const width = cover.width ?? 1600;
  const height = cover.height ?? 900;
  const loading = opts.eager ? raw(' fetchpriority="high"') : raw(' loading="lazy"');
  return html`<picture class="card-picture">${srcset ? html`<source type="image/webp" srcset="${srcset}" sizes="${opts.sizes ?? CARD_SIZES.column}">` : ''}<img src="${cover.src}" alt="" width="${width}" height="${height}" decoding="async"${loading}></picture>`;
}

/** One item in a list: its cover when it has one, kind, linked title, summary (optional), date; legal documents add number and status. */
export function card(ctx: SiteContext, item: PublicListing, opts: { summary?: boolean; headingLevel?: 2 | 3; kicker?: boolean; picture?: PictureOpts | false } = {}): SafeHtml {
  const level = opts.headingLevel ?? 3;
  const title = html`<a href="${pathOf(item.url)}">${item.title}</a>`;
  const isLegal = item.type === 'legal-document';
  return html`<li class="card">
${opts.picture !== false ? cardPicture(item.meta, opts.picture ?? {}) : ''}
${opts.kicker !== false ? html`<span class="kicker">${ctx.m.types[item.type]}</span>` : ''}
${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${isLegal && typeof item.meta.number === 'string' ? html`<p class="meta">${ctx.m.legal.number}: ${item.meta.number} · ${effectStatus(ctx, item.meta.effectStatus)}</p>` : ''}
${opts.summary !== false && item.summary ? html`<p>${item.summary}</p>` : ''}
<p class="meta">${time(ctx.lang, item.publishedAt)}</p>
</li>`;
}

/**
 * A list of cards. `firstEager`: the list opens the page, so its first cover
 * is the page's largest picture above the fold; every other one loads lazily.
 */
export function cards(ctx: SiteContext, items: PublicListing[], opts: { summary?: boolean; columns?: 'two' | 'three'; headingLevel?: 2 | 3; kicker?: boolean; firstEager?: boolean } = {}): SafeHtml {
  if (items.length === 0) return html`<p>${ctx.m.list.empty}</p>`;
  const firstWithCover = opts.firstEager ? items.findIndex((i) => coverOf(i.meta)) : -1;
  // a three-column list shows its pictures across the card; every other list as thumbnails beside the text
  const thumbs = opts.columns !== 'three';
  const classes = ['cards', opts.columns, thumbs ? 'thumbs' : ''].filter(Boolean).join(' ');
  return html`<ul class="${classes}">${items.map((i, n) => card(ctx, i, { ...opts, picture: { sizes: thumbs ? CARD_SIZES.thumb : CARD_SIZES.column, eager: n === firstWithCover } }))}</ul>`;
}

/** Page links: previous, numbers around the current page, next. `href(n)` builds page n's path. */
export function pager(ctx: SiteContext, current: number, pages: number, href: (n: number) => string): SafeHtml {
  if (pages <= 1) return html``;
  const m = ctx.m.list;
  const shown = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= pages));
  const numbers = [...shown].sort((a, b) => a - b);
  const parts: SafeHtml[] = [];
  let prev = 0;
  for (const n of numbers) {
    if (n - prev > 1) parts.push(html`<li aria-hidden="true"><span>…</span></li>`);
    parts.push(n === current ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${m.pageLabel(n)}">${n}</a></li>` : html`<li><a href="${href(n)}" aria-label="${m.pageLabel(n)}">${n}</a></li>`);
    prev = n;
  }
  return html`<nav class="pager" aria-label="${m.pagination}"><p class="meta">${m.pageOf(current, pages)}</p><ul>
${current > 1 ? html`<li><a href="${href(current - 1)}" rel="prev">${m.previous}</a></li>` : ''}
${parts}
${current < pages ? html`<li><a href="${href(current + 1)}" rel="next">${m.next}</a></li>` : ''}
</ul></nav>`;
}

/** A definition row only when there is something to say. */
export function fact(label: string, value: SafeHtml | string | null | undefined | false): SafeHtml {
  if (value === null || value === undefined || value === false || value === '') return html``;
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

export const nothing = raw('');
