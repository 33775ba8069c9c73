import type { ContentService, PublicListing, RelatedLists } from '../../modules/content/index.ts';
import { type ContentType } from '../../modules/content/index.ts';
import type { Portal } from '../../modules/portals/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import { homePath, localized, portalLanguages, sectionPath, type PortalContext, type Rendered, type SiteContext } from './context.ts';
import { html } from './html.ts';
import { page, type Crumb } from './layout.ts';
import type { PublicAnswer } from '../../modules/feedback/index.ts';

// What the public site's page renderers share: the response shape, the
// organisation in structured data, feed links, crumbs and list paths.

export const PER_PAGE = 20;
export const HTML = 'text/html; charset=utf-8';

export interface PageDeps {
  content: ContentService;
  /** keeps the lists related boxes are ranked from between pages (the site's; read each time without it) */
  relatedLists?: RelatedLists;
  /** published citizen answers (hỏi đáp) whose field is one of `topics`, newest first (feedback module) */
  answersOn?: (portal: Portal, topics: string[], limit: number) => Promise<PublicAnswer[]>;
  /** the home's top stories: editors' live pins, then the newest news (home module); the four newest news without it */
  topStories?: (portal: Portal, lang: Lang) => Promise<PublicListing[]>;
}

/**
 * What an item is about, for linking it with citizens' published answers:
 * its tags and its own field (`meta.field`, which legal documents and
 * procedures carry). An answer is related when its field (lĩnh vực) is one
 * of these names, exactly (Unicode-normalised, trimmed) — officers pick the
 * field from the portal's list, editors tag with the same names. The same
 * rule links an answer's page back to the items (ContentService.publishedOnTopic).
 */
export function topicsOf(item: { tags: string[]; meta: Record<string, unknown> }): string[] {
  const names = [...item.tags, typeof item.meta.field === 'string' ? item.meta.field : ''].map((t) => t.normalize('NFC').trim()).filter(Boolean);
  return [...new Set(names)];
}

export function htmlResponse(status: number, body: string, keys: Iterable<string>, cacheable = true): Rendered {
  return { status, contentType: HTML, body, keys: [...new Set(keys)], cacheable };
}

export const itemKeys = (items: { id: number }[]) => items.map((i) => K.item(i.id));

export function organization(ctx: PortalContext): Record<string, unknown> {
  const c = ctx.portal.contact;
  return {
    '@type': 'GovernmentOrganization',
    name: localized(ctx.portal.name, ctx.lang),
    url: `${ctx.base}${homePath(ctx.lang)}`,
    email: c.email,
    telephone: c.phone,
    address: { '@type': 'PostalAddress', streetAddress: c.address, addressCountry: 'VN' },
    // the logo the portal's admin chose, or the emblem every page shows
    logo: new URL(ctx.portal.branding?.logo?.src ?? '/assets/emblem.svg', ctx.base).toString(),
  };
}

export function feedLinks(ctx: PortalContext, sectionSlug?: string, title?: string) {
  const base = `${ctx.base}${langPrefix(ctx.lang)}${sectionSlug ? `/${sectionSlug}` : ''}`;
  return { title: title ?? localized(ctx.portal.name, ctx.lang), rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
}

/** The same path in every language of the portal (home, sections, type lists). */
export function sameInEveryLanguage(ctx: PortalContext, pathWithoutLang: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const l of portalLanguages(ctx.portal)) out[l] = `${ctx.base}${langPrefix(l)}${pathWithoutLang}`;
  return out;
}

export function homeCrumb(ctx: SiteContext): Crumb {
  return { label: ctx.m.home, href: homePath(ctx.lang) };
}

/** Where "see all" for a type should go: the section its newest item sits in, else the type's own list. */
export function listPathFor(ctx: PortalContext, type: ContentType, items: PublicListing[]): string {
  const section = items.find((i) => i.section)?.section;
  return section ? sectionPath(ctx.lang, section) : sectionPath(ctx.lang, type);
}

export function renderError(ctx: SiteContext, status: 400 | 404 | 410 | 500, keys: string[] = []): Rendered {
  const e = ctx.m.errors;
  const [title, text] = status === 404 ? [e.notFoundTitle, e.notFoundText] : status === 410 ? [e.goneTitle, e.goneText] : status === 400 ? [e.badRequestTitle, e.badRequestText] : [e.serverErrorTitle, e.serverErrorText];
  const main = html`<h1>${title}</h1><p>${text}</p>
<ul><li><a href="${homePath(ctx.lang)}">${e.goHome}</a></li>${ctx.kind === 'portal' ? html`<li><a href="${ctx.networkUrl}${homePath(ctx.lang)}">${e.goNetwork}</a></li>` : ''}</ul>`;
  const home = `${ctx.base}${homePath(ctx.lang)}`;
  const body = page(ctx, { title, canonical: home, alternates: {}, main, noindex: true });
  // a 410 stays cached (the item names it); unknown paths are not kept, so junk requests cannot crowd the cache
  return htmlResponse(status, body, keys, status === 410);
}
