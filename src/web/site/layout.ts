import { LANGUAGES, type Lang } from '../../lib/lang.ts';
import type { Section } from '../../modules/portals/index.ts';
import { BEACON_JS_PATH, SITE_CSS_PATH } from './assets.ts';
import { breakingBanner } from './breaking.ts';
import { homePath, isFallback, localized, OG_LOCALES, portalLanguages, sectionPath, type PortalContext, type SiteContext } from './context.ts';
import { html, jsonLd, raw, type SafeHtml } from './html.ts';
import { MESSAGES } from './i18n.ts';
import { searchBox } from './search-page.ts';
import { iconPath, manifestPath } from './manifest.ts';

// The shell of every HTML page: head (title, canonical, hreflang, feeds, Open
// Graph, Twitter Card, JSON-LD), skip link, masthead with the emblem slot,
// language switcher and main navigation, breadcrumbs, and the footer with
// the contact details a state portal must show (TT 32/2017: owning agency,
// person responsible, address, telephone, email).

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageSpec {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical: string;
  /** Absolute URL of this page in each language it exists in (this one included). */
  alternates: Partial<Record<Lang, string>>;
  crumbs?: Crumb[];
  main: SafeHtml;
  /** The top-level section to mark as current in the main navigation. */
  currentSection?: string;
  subsite?: Section;
  ogType?: 'website' | 'article';
  image?: string;
  structuredData?: unknown[];
  feeds?: { title: string; rss: string; atom: string; json: string };
  noindex?: boolean;
  publishedTime?: string;
  modifiedTime?: string;
}

/** The national-style emblem slot: a red disc with a gold star, drawn here (no image request). */
function emblem(size: number, label: string): SafeHtml {
  return html`<svg width="${size}" height="${size}" viewBox="0 0 48 48" role="img" aria-label="${label}"><circle cx="24" cy="24" r="23" fill="#c8102e" stroke="#fff" stroke-width="2"/><path fill="#ffcd00" d="M24 9l4.1 12.6h13.2l-10.7 7.8 4.1 12.6L24 34.2l-10.7 7.8 4.1-12.6-10.7-7.8h13.2z"/></svg>`;
}

/** The portal's logo from its media library when its admin chose one; the emblem otherwise. */
function logoOrEmblem(ctx: SiteContext): SafeHtml {
  const logo = ctx.kind === 'portal' ? ctx.portal.branding?.logo : undefined;
  if (!logo) return emblem(44, ctx.m.emblem);
  const width = logo.width && logo.height ? Math.round((44 * logo.width) / logo.height) : undefined;
  return html`<img src="${logo.src}" alt="${logo.alt}" height="44"${width ? html` width="${width}"` : ''}>`;
}

// On a phone the search box and the sections wait behind two buttons, so the header stays a
// slim band; <details> opens them without any script. From 48rem on the stylesheet hides the
// buttons and shows what they hold, so one copy of the menu serves every width.
const SEARCH_ICON = raw('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21"/></svg>');
const MENU_ICON = raw('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 6h18M3 12h18M3 18h18"/></svg>');

function headToggle(kind: 'searchbar' | 'menu', label: string, icon: SafeHtml, content: SafeHtml): SafeHtml {
  return html`<details class="head-toggle ${kind}" name="masthead"><summary>${icon}<span>${label}</span></summary>${content}</details>`;
}

/** Favicon, home-screen icon and web app manifest of the portal (of the network: the emblem, no manifest). */
function icons(ctx: SiteContext, brand: string): SafeHtml {
  const logo = ctx.kind === 'portal' ? ctx.portal.branding?.logo?.src : undefined;
  return html`<link rel="icon" href="${iconPath(logo, '32')}" sizes="32x32" type="image/png">
<link rel="apple-touch-icon" href="${iconPath(logo, '180')}">
${ctx.kind === 'portal' ? html`<link rel="manifest" href="${manifestPath(ctx)}">` : html`<link rel="icon" href="/assets/emblem.svg" type="image/svg+xml">`}
<meta name="theme-color" content="${brand}">`;
}

function languageSwitcher(ctx: SiteContext, spec: PageSpec): SafeHtml {
  const langs = ctx.kind === 'portal' ? portalLanguages(ctx.portal) : [...LANGUAGES];
  if (langs.length < 2) return html``;
  return html`<nav class="langs" aria-label="${ctx.m.languageMenu}"><ul>${langs.map((l) => {
    const target = spec.alternates[l] ?? `${ctx.base}${homePath(l)}`;
    const name = MESSAGES[l].languageName;
    return html`<li><a href="${relative(ctx, target)}" hreflang="${l}" lang="${l}"${l === ctx.lang ? raw(' aria-current="true"') : ''}>${name}</a></li>`;
  })}</ul></nav>`;
}

/** Links inside a portal are written as paths, so the site works under any of its hostnames. */
export function relative(ctx: SiteContext, absolute: string): string {
  return absolute.startsWith(ctx.base) ? absolute.slice(ctx.base.length) || '/' : absolute;
}

// The menu and the footer are the same on every page of a portal in one language; the portal
// service hands out new portal and section objects when they change, so they key the copies.
const navs = new WeakMap<Section[], Map<string, SafeHtml>>();
const footers = new WeakMap<object, Map<string, SafeHtml>>();

function remembered<K extends object>(store: WeakMap<K, Map<string, SafeHtml>>, owner: K, variant: string, build: () => SafeHtml): SafeHtml {
  let byVariant = store.get(owner);
  if (!byVariant) store.set(owner, (byVariant = new Map<string, SafeHtml>()));
  let out = byVariant.get(variant);
  if (!out) byVariant.set(variant, (out = build()));
  return out;
}

function mainNav(ctx: PortalContext, current: string | undefined): SafeHtml {
  return remembered(navs, ctx.sections, `${ctx.lang}|${current ?? '-'}`, () => buildMainNav(ctx, current));
}

function buildMainNav(ctx: PortalContext, current: string | undefined): SafeHtml {
  const top = ctx.sections.filter((s) => s.parent === null && s.kind === 'section' && s.inMenu);
  return html`<nav class="mainnav" aria-label="${ctx.m.mainNav}"><ul>
<li><a href="${homePath(ctx.lang)}"${current === '' ? raw(' aria-current="page"') : ''}>${ctx.m.home}</a></li>
${top.map((s) => html`<li><a href="${sectionPath(ctx.lang, s.slug)}"${current === s.slug ? raw(' aria-current="page"') : ''}${isFallback(s.name, ctx.lang) ? raw(' lang="vi"') : ''}>${localized(s.name, ctx.lang)}</a></li>`)}
</ul></nav>`;
}

function subsiteBand(ctx: PortalContext, subsite: Section): SafeHtml {
  const children = ctx.sections.filter((s) => s.parent === subsite.slug && s.inMenu);
  return html`<div class="subsite"><div class="wrap"><a class="subsite-name" href="${sectionPath(ctx.lang, subsite.slug)}">${localized(subsite.name, ctx.lang)}</a>
${children.length ? html`<nav class="subnav" aria-label="${localized(subsite.name, ctx.lang)}"><ul>${children.map((c) => html`<li><a href="${sectionPath(ctx.lang, c.slug)}">${localized(c.name, ctx.lang)}</a></li>`)}</ul></nav>` : ''}
</div></div>`;
}

function breadcrumbs(ctx: SiteContext, crumbs: Crumb[]): SafeHtml {
  if (crumbs.length === 0) return html``;
  return html`<nav class="crumbs wrap" aria-label="${ctx.m.breadcrumb}"><ol>${crumbs.map((c, i) =>
    c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>`;
}

export function breadcrumbData(ctx: SiteContext, crumbs: Crumb[]): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, ...(c.href ? { item: c.href.startsWith('http') ? c.href : `${ctx.base}${c.href}` } : {}) })),
  };
}

function footer(ctx: SiteContext): SafeHtml {
  return ctx.kind === 'portal' ? remembered(footers, ctx.portal, `${ctx.lang}|${ctx.networkUrl}`, () => buildFooter(ctx)) : buildFooter(ctx);
}

function buildFooter(ctx: SiteContext): SafeHtml {
  const m = ctx.m;
  if (ctx.kind === 'network') {
    return html`<footer class="site-footer"><div class="wrap"><p>${m.network.intro}</p></div></footer>`;
  }
  const c = ctx.portal.contact;
  // contact details are stored in Vietnamese; mark them so screen readers pronounce them right
  const vi = ctx.lang === 'vi' ? '' : raw(' lang="vi"');
  return html`<footer class="site-footer"><div class="wrap">
<p><strong${isFallback(ctx.portal.name, ctx.lang) ? raw(' lang="vi"') : ''}>${localized(ctx.portal.name, ctx.lang)}</strong></p>
<dl>
<dt>${m.footer.unit}</dt><dd${vi}>${c.unit}</dd>
<dt>${m.footer.responsible}</dt><dd${vi}>${c.responsible}</dd>
<dt>${m.footer.address}</dt><dd${vi}>${c.address}</dd>
<dt>${m.footer.phone}</dt><dd><a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a></dd>
<dt>${m.footer.email}</dt><dd><a href="mailto:${c.email}">${c.email}</a></dd>
</dl>
<nav aria-label="${m.footer.sitemap}"><ul class="plain">
<li><a href="${homePath(ctx.lang)}phan-anh">${m.feedback.submitLink}</a></li>
<li><a href="${homePath(ctx.lang)}hoi-dap">${m.feedback.answersLink}</a></li>
<li><a href="${homePath(ctx.lang)}feeds">${m.footer.feeds}</a></li>
<li><a href="${homePath(ctx.lang)}sitemap">${m.footer.sitemap}</a></li>
<li><a href="${ctx.networkUrl}${homePath(ctx.lang)}">${m.footer.network}</a></li>
</ul></nav>
<p>${m.footer.reuse}</p>
</div></footer>`;
}

export function page(ctx: SiteContext, spec: PageSpec): string {
  const m = ctx.m;
  const siteName = ctx.kind === 'portal' ? localized(ctx.portal.name, ctx.lang) : m.network.title;
  const title = spec.title === siteName ? siteName : `${spec.title} – ${siteName}`;
  const theme = ctx.kind === 'portal' ? ctx.theme : { brand: '#7d1015', tint: '#fbf3f3' };
  const homeHref = homePath(ctx.lang);
  const alternates = Object.entries(spec.alternates) as [Lang, string][];
  const description = spec.description?.slice(0, 300);
  const doc = html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${description ? html`<meta name="description" content="${description}">` : ''}
${spec.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${spec.canonical}">
${alternates.map(([l, url]) => html`<link rel="alternate" hreflang="${l}" href="${url}">`)}
${spec.alternates.vi ? html`<link rel="alternate" hreflang="x-default" href="${spec.alternates.vi}">` : ''}
${
  spec.feeds
    ? html`<link rel="alternate" type="application/rss+xml" title="${spec.feeds.title}" href="${spec.feeds.rss}">
<link rel="alternate" type="application/atom+xml" title="${spec.feeds.title}" href="${spec.feeds.atom}">
<link rel="alternate" type="application/feed+json" title="${spec.feeds.title}" href="${spec.feeds.json}">`
    : ''
}
<link rel="stylesheet" href="${SITE_CSS_PATH}">
${ctx.kind === 'portal' ? html`<script src="${BEACON_JS_PATH}" defer></script>` : ''}
${icons(ctx, theme.brand)}
<style>:root{--brand:${theme.brand};--tint:${theme.tint}}</style>
<meta property="og:type" content="${spec.ogType ?? 'website'}">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${spec.title}">
${description ? html`<meta property="og:description" content="${description}">` : ''}
<meta property="og:url" content="${spec.canonical}">
<meta property="og:locale" content="${OG_LOCALES[ctx.lang]}">
${alternates.filter(([l]) => l !== ctx.lang).map(([l]) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[l]}">`)}
${spec.image ? html`<meta property="og:image" content="${spec.image}">` : ''}
${spec.publishedTime ? html`<meta property="article:published_time" content="${spec.publishedTime}">` : ''}
${spec.modifiedTime ? html`<meta property="article:modified_time" content="${spec.modifiedTime}">` : ''}
<meta name="twitter:card" content="${spec.image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${spec.title}">
${description ? html`<meta name="twitter:description" content="${description}">` : ''}
${(spec.structuredData ?? []).map((d) => jsonLd(d))}
</head>
<body>
<a class="skip" href="#main">${m.skipToContent}</a>
<header class="masthead">
<div class="wrap masthead-top">
<a class="brand" href="${homeHref}">${logoOrEmblem(ctx)}<span${ctx.kind === 'portal' && isFallback(ctx.portal.name, ctx.lang) ? raw(' lang="vi"') : ''}>${siteName}</span></a>
${headToggle('searchbar', m.searchToggle, SEARCH_ICON, searchBox(ctx))}
${ctx.kind === 'portal' ? headToggle('menu', m.menu, MENU_ICON, mainNav(ctx, spec.currentSection)) : ''}
${languageSwitcher(ctx, spec)}
</div>
${ctx.kind === 'portal' && spec.subsite ? subsiteBand(ctx, spec.subsite) : ''}
</header>
${ctx.kind === 'portal' ? breakingBanner(ctx.lang, ctx.banner) : ''}
${breadcrumbs(ctx, spec.crumbs ?? [])}
<main id="main" class="wrap" tabindex="-1">
${spec.main}
</main>
${footer(ctx)}
</body>
</html>
`;
  return doc.value;
}

export { emblem };
