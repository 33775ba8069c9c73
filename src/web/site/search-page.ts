import type { Services } from '../../services.ts';
import { own } from '../../lib/own.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import { ValidationError } from '../../lib/errors.ts';
import { CONTENT_TYPES, EFFECT_STATUSES, coverOf } from '../../modules/content/index.ts';
import type { SearchHit, SearchRequest, SearchResult } from '../../modules/search/index.ts';
import { CARD_SIZES, cardPicture, time } from './components.ts';
import { homePath, localized, portalLanguages, type Rendered, type SiteContext } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import type { EffectStatus } from './i18n.ts';
import { page, relative } from './layout.ts';

// The public search page, /search on every portal and language (and on the
// network index's host). Plain HTML: the box is a GET form, every filter a
// link, paging a link with the API's cursor — it works without JavaScript,
// which the site's CSP does not allow anyway. The central portal searches
// the whole network by default; other portals search themselves and link to
// the network-wide search. Pages depend on the query string, which the page
// cache does not key on, so they are rendered fresh and never stored there.

interface SearchMessages {
  title: string;
  label: string;
  refine: string;
  placeholder: string;
  button: string;
  heading: (q: string) => string;
  results: (n: number, more: boolean) => string;
  nothing: (q: string) => string;
  tryFolded: string;
  tryNetwork: string;
  tips: string[];
  correctedTo: string;
  searchedFor: string;
  relaxed: string;
  filters: string;
  scope: string;
  scopeNetwork: string;
  scopePortal: string;
  type: string;
  allTypes: string;
  time: string;
  anyTime: string;
  pastWeek: string;
  pastMonth: string;
  pastYear: string;
  sort: string;
  relevance: string;
  newest: string;
  effect: string;
  anyEffect: string;
  numberMatch: string;
  next: string;
  first: string;
  resultsNav: string;
  empty: string;
}

const MESSAGES: Record<Lang, SearchMessages> = {
  vi: {
    title: 'Tìm kiếm',
    label: 'Tìm kiếm trên cổng thông tin',
    refine: 'Tìm kiếm lại',
    placeholder: 'Từ khóa, số văn bản (vd. 42/2022/NĐ-CP)…',
    button: 'Tìm',
    heading: (q) => `Kết quả tìm kiếm cho “${q}”`,
    results: (n, more) => (more ? `Hơn ${n.toLocaleString('vi-VN')} kết quả` : `${n.toLocaleString('vi-VN')} kết quả`),
    nothing: (q) => `Không tìm thấy kết quả nào cho “${q}”.`,
    tryFolded: 'Thử tìm không dấu:',
    tryNetwork: 'Tìm trên tất cả các cổng thông tin',
    tips: ['Kiểm tra lại chính tả, hoặc gõ không dấu.', 'Dùng ít từ hơn hoặc từ khóa chung hơn.', 'Tìm văn bản theo số ký hiệu, ví dụ 42/2022/NĐ-CP hoặc nd 42/2022.'],
    correctedTo: 'Hiển thị kết quả cho',
    searchedFor: 'Không có kết quả cho',
    relaxed: 'Không có mục nào chứa đủ mọi từ đã nhập; dưới đây là các mục chứa gần đủ.',
    filters: 'Lọc kết quả',
    scope: 'Phạm vi',
    scopeNetwork: 'Tất cả các cổng',
    scopePortal: 'Cổng này',
    type: 'Loại tin',
    allTypes: 'Tất cả',
    time: 'Thời gian',
    anyTime: 'Mọi lúc',
    pastWeek: '7 ngày qua',
    pastMonth: '30 ngày qua',
    pastYear: '12 tháng qua',
    sort: 'Sắp xếp',
    relevance: 'Phù hợp nhất',
    newest: 'Mới nhất',
    effect: 'Tình trạng hiệu lực',
    anyEffect: 'Tất cả',
    numberMatch: 'Đúng số ký hiệu',
    next: 'Trang sau',
    first: 'Về trang đầu',
    resultsNav: 'Chuyển trang kết quả',
    empty: 'Nhập từ khóa để tìm tin bài, văn bản, thủ tục hành chính.',
  },
  en: {
    title: 'Search',
    label: 'Search the portal',
    refine: 'Refine the search',
    placeholder: 'Words or a document number (e.g. 42/2022/ND-CP)…',
    button: 'Search',
    heading: (q) => `Search results for “${q}”`,
    results: (n, more) => (more ? `More than ${n.toLocaleString('en-GB')} results` : `${n.toLocaleString('en-GB')} result${n === 1 ? '' : 's'}`),
    nothing: (q) => `Nothing was found for “${q}”.`,
    tryFolded: 'Try without diacritics:',
    tryNetwork: 'Search every portal of the network',
    tips: ['Check the spelling.', 'Use fewer or more general words.', 'Find a legal document by its number, e.g. 42/2022/ND-CP or nd 42/2022.', 'Most content is in Vietnamese: try the Vietnamese search page.'],
    correctedTo: 'Showing results for',
    searchedFor: 'No results for',
    relaxed: 'No item holds every word you typed; these hold most of them.',
    filters: 'Filter results',
    scope: 'Where',
    scopeNetwork: 'All portals',
    scopePortal: 'This portal',
    type: 'Type',
    allTypes: 'All',
    time: 'When',
    anyTime: 'Any time',
    pastWeek: 'Past 7 days',
    pastMonth: 'Past 30 days',
    pastYear: 'Past 12 months',
    sort: 'Sort by',
    relevance: 'Relevance',
    newest: 'Newest',
    effect: 'Status of effect',
    anyEffect: 'All',
    numberMatch: 'Number match',
    next: 'Next page',
    first: 'First page',
    resultsNav: 'Result pages',
    empty: 'Type words to find news, legal documents and administrative procedures.',
  },
  zh: {
    title: '搜索',
    label: '搜索本门户',
    refine: '修改搜索',
    placeholder: '关键词或文件编号（如 42/2022/NĐ-CP）…',
    button: '搜索',
    heading: (q) => `“${q}”的搜索结果`,
    results: (n, more) => (more ? `超过 ${n} 条结果` : `${n} 条结果`),
    nothing: (q) => `未找到与“${q}”相关的结果。`,
    tryFolded: '试试去掉声调符号：',
    tryNetwork: '在所有门户网站中搜索',
    tips: ['请检查拼写。', '尝试更少或更通用的关键词。', '可按文件编号查找法律文件，例如 42/2022/NĐ-CP。', '大部分内容为越南文：可尝试越南文搜索页。'],
    correctedTo: '显示以下内容的结果：',
    searchedFor: '没有以下内容的结果：',
    relaxed: '没有条目包含您输入的全部词语；以下条目包含其中大部分。',
    filters: '筛选结果',
    scope: '范围',
    scopeNetwork: '所有门户',
    scopePortal: '本门户',
    type: '类型',
    allTypes: '全部',
    time: '时间',
    anyTime: '不限',
    pastWeek: '最近 7 天',
    pastMonth: '最近 30 天',
    pastYear: '最近 12 个月',
    sort: '排序',
    relevance: '相关度',
    newest: '最新',
    effect: '效力状态',
    anyEffect: '全部',
    numberMatch: '编号匹配',
    next: '下一页',
    first: '返回第一页',
    resultsNav: '结果分页',
    empty: '输入关键词以查找新闻、法律文件和行政手续。',
  },
};

export const searchMessages = (lang: Lang): SearchMessages => MESSAGES[lang];

/** Where a portal's search page is, in a language. */
export const searchPath = (lang: Lang) => `${langPrefix(lang)}/search`;

/** The search box of the masthead (and, labelled apart, of the search page itself). */
export function searchBox(ctx: SiteContext, q = '', id = 'site-search'): SafeHtml {
  const m = MESSAGES[ctx.lang];
  const label = id === 'site-search' ? m.label : m.refine;
  return html`<form class="search-box" role="search" aria-label="${label}" action="${searchPath(ctx.lang)}" method="get">
<label for="${id}" class="sr-only">${label}</label>
<input id="${id}" type="search" name="q" value="${q}" placeholder="${m.placeholder}" maxlength="500" autocomplete="off" enterkeyhint="search">
<button type="submit">${m.button}</button>
</form>`;
}

type Params = Record<string, string>;

/** Reads the page's query string into API terms; anything unknown is ignored, bad values are dropped. */
function readParams(search: URLSearchParams): Params {
  const out: Params = {};
  for (const key of ['q', 'portal', 'type', 'sort', 'from', 'effectStatus', 'cursor', 'scope']) {
    const v = search.get(key);
    if (v !== null && v !== '') out[key] = key === 'q' ? v.slice(0, 2000) : v.slice(0, 500);
  }
  if (out.type && !(CONTENT_TYPES as readonly string[]).includes(out.type)) delete out.type;
  if (out.sort && out.sort !== 'newest') delete out.sort;
  if (out.from && !/^\d{4}-\d{2}-\d{2}$/.test(out.from)) delete out.from;
  if (out.effectStatus && !(EFFECT_STATUSES as readonly string[]).includes(out.effectStatus)) delete out.effectStatus;
  if (out.scope && out.scope !== 'portal') delete out.scope;
  return out;
}

function hrefWith(ctx: SiteContext, params: Params, change: Params): string {
  const next: Params = { ...params, ...change };
  delete next.cursor;
  if (change.cursor) next.cursor = change.cursor;
  const qs = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== '')).toString();
  return `${searchPath(ctx.lang)}${qs ? `?${qs}` : ''}`;
}

function daysAgo(now: Date, days: number): string {
  // the portals' day is Vietnam's (UTC+7)
  return new Date(now.getTime() + 7 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

function filterGroup(ctx: SiteContext, label: string, options: Array<{ label: string; href: string; current: boolean }>): SafeHtml {
  return html`<div><h2>${label}</h2><ul>${options.map((o) => html`<li><a href="${o.href}"${o.current ? raw(' aria-current="true"') : ''}>${o.label}</a></li>`)}</ul></div>`;
}

function hitView(ctx: SiteContext, hit: SearchHit, showPortal: boolean, portalNames: Map<string, string>, eager: boolean): SafeHtml {
  const m = MESSAGES[ctx.lang];
  const href = ctx.kind === 'portal' ? relative(ctx, hit.url) : hit.url;
  const legal = hit.type === 'legal-document' && typeof hit.meta.number === 'string';
  const status = legal ? ctx.m.legal.statuses[hit.meta.effectStatus as EffectStatus] : undefined;
  // the highlight fields are escaped text whose only markup is <mark> (modules/search/highlight.ts)
  // every host of the deployment serves /media/ from the one media store, so another portal's
  // cover stays a path of this page's own origin (the pages' CSP allows images from 'self' only)
  const picture = cardPicture(hit.meta, { eager, sizes: CARD_SIZES.thumb });
  return html`<li${hit.lang !== ctx.lang ? raw(` lang="${hit.lang}"`) : ''}>
${picture}<span class="kicker">${own(ctx.m.types, hit.type) ?? hit.type}</span>${hit.numberMatch ? html` <span class="status status-in-force">${m.numberMatch}</span>` : ''}
<h2><a href="${href}">${raw(hit.highlight.title)}</a></h2>
${legal ? html`<p class="meta">${ctx.m.legal.number}: ${String(hit.meta.number)}${status ? html` · <span class="status status-${String(hit.meta.effectStatus)}">${status}</span>` : ''}</p>` : ''}
<p>${raw(hit.highlight.snippet)}</p>
<p class="meta">${showPortal ? html`${portalNames.get(hit.portal) ?? hit.portal} · ` : ''}${time(ctx.lang, hit.publishedAt)}</p>
</li>`;
}

export async function renderSearchPage(ctx: SiteContext, query: URLSearchParams, services: Pick<Services, 'search' | 'portals' | 'clock'>): Promise<Rendered> {
  const m = MESSAGES[ctx.lang];
  const params = readParams(query);
  const q = params.q ?? '';
  const all = await services.portals.list();
  const central = all.find((p) => p.kind === 'central');
  // the central portal and the network index search the whole deployment; a member portal searches itself
  const networkWide = ctx.kind === 'network' || (ctx.portal.kind === 'central' && params.scope !== 'portal');
  const portalNames = new Map(all.map((p) => [p.slug, localized(p.name, ctx.lang)]));

  const request: SearchRequest = {
    q,
    lang: ctx.lang,
    portal: networkWide ? params.portal : ctx.kind === 'portal' ? ctx.portal.slug : undefined,
    type: params.type,
    from: params.from,
    effectStatus: params.type === 'legal-document' ? params.effectStatus : undefined,
    sort: params.sort === 'newest' ? 'newest' : 'relevance',
    cursor: params.cursor,
    limit: 20,
  };
  let result: SearchResult | undefined;
  if (q.trim()) {
    try {
      result = await services.search.search(request);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // a stale or foreign cursor, an unknown portal: start the search over rather than fail
      result = await services.search.search({ ...request, cursor: undefined, portal: ctx.kind === 'portal' && !networkWide ? ctx.portal.slug : undefined });
    }
  }

  const now = services.clock();
  const filters = q.trim()
    ? html`<nav class="search-filters" aria-label="${m.filters}">
${
  ctx.kind === 'portal' && ctx.portal.kind === 'central'
    ? filterGroup(ctx, m.scope, [
        { label: m.scopeNetwork, href: hrefWith(ctx, params, { scope: '' }), current: networkWide },
        { label: m.scopePortal, href: hrefWith(ctx, params, { scope: 'portal', portal: '' }), current: !networkWide },
      ])
    : ''
}
${filterGroup(ctx, m.type, [
  { label: m.allTypes, href: hrefWith(ctx, params, { type: '', effectStatus: '' }), current: !params.type },
  ...CONTENT_TYPES.map((t) => ({ label: ctx.m.typesPlural[t], href: hrefWith(ctx, params, { type: t, effectStatus: '' }), current: params.type === t })),
])}
${
  params.type === 'legal-document'
    ? filterGroup(ctx, m.effect, [
        { label: m.anyEffect, href: hrefWith(ctx, params, { effectStatus: '' }), current: !params.effectStatus },
        ...EFFECT_STATUSES.map((s) => ({ label: ctx.m.legal.statuses[s], href: hrefWith(ctx, params, { effectStatus: s }), current: params.effectStatus === s })),
      ])
    : ''
}
${filterGroup(ctx, m.time, [
  { label: m.anyTime, href: hrefWith(ctx, params, { from: '' }), current: !params.from },
  ...(
    [
      [m.pastWeek, 7],
      [m.pastMonth, 30],
      [m.pastYear, 365],
    ] as const
  ).map(([label, days]) => {
    const from = daysAgo(now, days);
    return { label, href: hrefWith(ctx, params, { from }), current: params.from === from };
  }),
])}
${filterGroup(ctx, m.sort, [
  { label: m.relevance, href: hrefWith(ctx, params, { sort: '' }), current: params.sort !== 'newest' },
  { label: m.newest, href: hrefWith(ctx, params, { sort: 'newest' }), current: params.sort === 'newest' },
])}
</nav>`
    : '';

  const networkSearch = central && ctx.kind === 'portal' && !networkWide ? `${central.url}${searchPath(central.languages.includes(ctx.lang) ? ctx.lang : 'vi')}?${new URLSearchParams({ q }).toString()}` : undefined;
  let body: SafeHtml;
  if (!result) {
    body = html`<p>${m.empty}</p>`;
  } else if (result.items.length === 0) {
    const folded = result.query.folded !== result.query.text.toLowerCase() ? result.query.folded : undefined;
    body = html`<p>${m.nothing(result.query.text)}</p>
${folded ? html`<p>${m.tryFolded} <a href="${hrefWith(ctx, params, { q: folded })}">${folded}</a></p>` : ''}
${networkSearch ? html`<p><a href="${networkSearch}">${m.tryNetwork}</a></p>` : ''}
<ul>${m.tips.map((t) => html`<li>${t}</li>`)}</ul>`;
  } else {
    const firstCover = result.items.findIndex((hit) => coverOf(hit.meta));
    body = html`${result.query.corrected ? html`<p class="notice">${m.correctedTo} <strong>${result.query.corrected}</strong>. ${m.searchedFor} “${result.query.text}”.</p>` : ''}
${result.query.relaxed ? html`<p class="notice">${m.relaxed}</p>` : ''}
<p class="meta" role="status">${m.results(result.total, result.totalIsLowerBound)}</p>
<ol class="search-results">${result.items.map((hit, n) => hitView(ctx, hit, networkWide, portalNames, n === firstCover))}</ol>
${
  params.cursor || result.nextCursor
    ? html`<nav class="pager" aria-label="${m.resultsNav}"><ul>
${params.cursor ? html`<li><a href="${hrefWith(ctx, params, {})}">${m.first}</a></li>` : ''}
${result.nextCursor ? html`<li><a href="${hrefWith(ctx, params, { cursor: result.nextCursor })}" rel="next">${m.next}</a></li>` : ''}
</ul></nav>`
    : ''
}
${networkSearch ? html`<p><a href="${networkSearch}">${m.tryNetwork}</a></p>` : ''}`;
  }

  const title = q.trim() ? m.heading(q.trim()) : m.title;
  const languages = ctx.kind === 'portal' ? portalLanguages(ctx.portal) : (['vi', 'en', 'zh'] as Lang[]);
  const qs = q ? `?${new URLSearchParams({ q }).toString()}` : '';
  const alternates = Object.fromEntries(languages.map((l) => [l, `${ctx.base}${searchPath(l)}${qs}`]));
  const main = html`<div class="search-page">
<h1>${title}</h1>
${searchBox(ctx, q, 'search-page-q')}
${filters}
${body}
</div>`;
  const rendered = page(ctx, {
    title,
    canonical: `${ctx.base}${searchPath(ctx.lang)}`,
    alternates,
    crumbs: [{ label: ctx.m.home, href: homePath(ctx.lang) }, { label: m.title }],
    main,
    noindex: true,
  });
  return { status: 200, contentType: 'text/html; charset=utf-8', body: rendered, keys: [], cacheable: false };
}
