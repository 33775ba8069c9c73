import type { PublicListing } from '../../modules/content/service.ts';
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
  const s = String(status ?? '') as EffectStatus;
  const label = ctx.m.legal.statuses[s];
  return label ? html`<span class="status status-${s}">${label}</span>` : html``;
}

/** One item in a list: kind, linked title, summary (optional), date; legal documents add number and status. */
export function card(ctx: SiteContext, item: PublicListing, opts: { summary?: boolean; headingLevel?: 2 | 3; kicker?: boolean } = {}): SafeHtml {
  const level = opts.headingLevel ?? 3;
  const title = html`<a href="${pathOf(item.url)}">${item.title}</a>`;
  const isLegal = item.type === 'legal-document';
  return html`<li class="card">
${opts.kicker !== false ? html`<span class="kicker">${ctx.m.types[item.type]}</span>` : ''}
${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${isLegal && typeof item.meta.number === 'string' ? html`<p class="meta">${ctx.m.legal.number}: ${item.meta.number} · ${effectStatus(ctx, item.meta.effectStatus)}</p>` : ''}
${opts.summary !== false && item.summary ? html`<p>${item.summary}</p>` : ''}
<p class="meta">${time(ctx.lang, item.publishedAt)}</p>
</li>`;
}

export function cards(ctx: SiteContext, items: PublicListing[], opts: { summary?: boolean; columns?: 'two' | 'three'; headingLevel?: 2 | 3; kicker?: boolean } = {}): SafeHtml {
  if (items.length === 0) return html`<p>${ctx.m.list.empty}</p>`;
  return html`<ul class="cards${opts.columns ? ` ${opts.columns}` : ''}">${items.map((i) => card(ctx, i, opts))}</ul>`;
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
    parts.push(
      n === current
        ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${m.pageLabel(n)}">${n}</a></li>`
        : html`<li><a href="${href(n)}" aria-label="${m.pageLabel(n)}">${n}</a></li>`,
    );
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
