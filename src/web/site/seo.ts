import type { ContentService } from '../../modules/content/index.ts';
import { CONTENT_TYPES, type ContentType } from '../../modules/content/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import { localized, portalLanguages, type PortalContext, type Rendered } from './context.ts';
import { xml, type SafeHtml } from './html.ts';

// sitemap.xml (an index: the site's own pages, then items in numbered files
// of ITEMS_PER_SITEMAP, each URL with its hreflang alternates), a
// Google-News-style news sitemap of the last two days, and robots.txt.

export const ITEMS_PER_SITEMAP = 5000;
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
const NEWS_TYPES: ContentType[] = ['news', 'press-release', 'directive'];
const XML = 'application/xml; charset=utf-8';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

function response(body: string, ctx: PortalContext, contentType = XML): Rendered {
  return { status: 200, contentType, body, keys: [K.sitemap(ctx.portal.slug), K.portal(ctx.portal.slug)], cacheable: true };
}

function alternateLinks(alternates: Partial<Record<Lang, string>>): SafeHtml[] {
  const entries = Object.entries(alternates) as [Lang, string][];
  if (entries.length < 2) return [];
  return [...entries.map(([l, href]) => xml`<xhtml:link rel="alternate" hreflang="${l}" href="${href}"/>`), ...(alternates.vi ? [xml`<xhtml:link rel="alternate" hreflang="x-default" href="${alternates.vi}"/>`] : [])];
}

export async function renderSitemapIndex(ctx: PortalContext, content: ContentService): Promise<Rendered> {
  const total = await content.countAllPublished(ctx.portal);
  const files = Math.ceil(total / ITEMS_PER_SITEMAP);
  const base = ctx.base;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<sitemapindex xmlns="${SITEMAP_NS}">
<sitemap><loc>${base}/sitemap-pages.xml</loc></sitemap>
${Array.from(
  { length: files },
  (_, i) => xml`<sitemap><loc>${base}/sitemap-items-${i + 1}.xml</loc></sitemap>
`,
)}<sitemap><loc>${base}/news-sitemap.xml</loc></sitemap>
</sitemapindex>
`.value
  }`;
  return response(body, ctx);
}

/** The portal's own pages in every language: homes, sections, content-type lists. */
export function renderPagesSitemap(ctx: PortalContext): Rendered {
  const langs = portalLanguages(ctx.portal);
  const paths = ['/', ...ctx.sections.map((s) => `/${s.slug}`), ...CONTENT_TYPES.map((t) => `/${t}`)];
  const urls = paths.flatMap((p) => {
    const alternates: Partial<Record<Lang, string>> = {};
    for (const l of langs) alternates[l] = `${ctx.base}${langPrefix(l)}${p}`;
    return langs.map(
      (l) => xml`<url><loc>${alternates[l]}</loc>${alternateLinks(alternates)}</url>
`,
    );
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">
${urls}</urlset>
`.value
  }`;
  return response(body, ctx);
}

/** Items sitemap number `n` (1-based); undefined past the last one. */
export async function renderItemsSitemap(ctx: PortalContext, n: number, content: ContentService): Promise<Rendered | undefined> {
  const entries = await content.sitemapEntries(ctx.portal, { limit: ITEMS_PER_SITEMAP, offset: (n - 1) * ITEMS_PER_SITEMAP });
  if (entries.length === 0 && n > 1) return undefined;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">
${entries.map(
  (e) => xml`<url><loc>${e.url}</loc><lastmod>${e.lastModified}</lastmod>${alternateLinks(e.alternates)}</url>
`,
)}</urlset>
`.value
  }`;
  return response(body, ctx);
}

export async function renderNewsSitemap(ctx: PortalContext, content: ContentService, now: Date): Promise<Rendered> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  const lists = await Promise.all(portalLanguages(ctx.portal).map((lang) => content.listPublished(ctx.portal, { lang, types: NEWS_TYPES }, { limit: 1000 })));
  const recent = lists.flat().filter((i) => i.firstPublishedAt >= since);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${recent.map(
  (
    i,
  ) => xml`<url><loc>${i.url}</loc><news:news><news:publication><news:name>${localized(ctx.portal.name, i.lang)}</news:name><news:language>${i.lang === 'zh' ? 'zh-cn' : i.lang}</news:language></news:publication><news:publication_date>${i.firstPublishedAt}</news:publication_date><news:title>${i.title}</news:title></news:news></url>
`,
)}</urlset>
`.value
  }`;
  return response(body, ctx);
}

export function renderRobots(base: string, portal: boolean): Rendered {
  const lines = ['User-agent: *', 'Allow: /', 'Disallow: /api/'];
  if (portal) lines.push('', `Sitemap: ${base}/sitemap.xml`, `Sitemap: ${base}/news-sitemap.xml`);
  return { status: 200, contentType: 'text/plain; charset=utf-8', body: `${lines.join('\n')}\n`, keys: ['robots'], cacheable: true };
}
