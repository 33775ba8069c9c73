import { LANGUAGES, langPrefix, type Lang, type Localized } from '../../lib/lang.ts';
import type { Portal, Section } from '../../modules/portals/index.ts';
import type { RenderResult } from '../../modules/pagecache/index.ts';
import type { LiveBanner } from '../../modules/home/index.ts';
import { messages, type Messages } from './i18n.ts';
import { portalTheme, subsiteTheme, type Theme } from './theme.ts';

// What every page renderer is given: where it is (a portal, or the network
// index on a host that names none), in which language, and with which
// messages and theme.

export interface PortalContext {
  kind: 'portal';
  portal: Portal;
  lang: Lang;
  m: Messages;
  sections: Section[];
  theme: Theme;
  /** The portal's public base URL (absolute, no trailing slash). */
  base: string;
  /** Where the network index lives (absolute, no trailing slash). */
  networkUrl: string;
  /** The breaking-news banner running now in this portal and language (src/modules/home). */
  banner?: LiveBanner;
}

export interface NetworkContext {
  kind: 'network';
  lang: Lang;
  m: Messages;
  portals: Portal[];
  /** Base URL of the network index (absolute, no trailing slash). */
  base: string;
  networkUrl: string;
}

export type SiteContext = PortalContext | NetworkContext;

export type Rendered = RenderResult;

export function portalContext(portal: Portal, lang: Lang, sections: Section[], networkUrl: string, banner?: LiveBanner): PortalContext {
  return { kind: 'portal', portal, lang, m: messages(lang), sections, theme: themeOf(portal), base: portal.url, networkUrl, ...(banner ? { banner } : {}) };
}

// A portal's colours are worked out on every page; the portal service hands out a new object when a portal changes, so one per object is enough.
const themes = new WeakMap<Portal, Theme>();
function themeOf(portal: Portal): Theme {
  let theme = themes.get(portal);
  if (!theme) themes.set(portal, (theme = portalTheme(portal)));
  return theme;
}

/** A localized name in `lang`, or the Vietnamese one (always present). */
export function localized(names: Localized | Partial<Record<Lang, string>>, lang: Lang): string {
  return names[lang] ?? names.vi ?? '';
}

/** True when a localized name has no text of its own in `lang` (the page then marks the fallback's language). */
export function isFallback(names: Partial<Record<Lang, string>>, lang: Lang): boolean {
  return !names[lang];
}

/** Path of the home page of a language: "/", "/en/", "/zh/". */
export const homePath = (lang: Lang) => `${langPrefix(lang)}/`;

export const sectionPath = (lang: Lang, slug: string) => `${langPrefix(lang)}/${slug}`;

export const tagPath = (lang: Lang, tag: string) => `${langPrefix(lang)}/tag/${encodeURIComponent(tag)}`;

/** The path part of an absolute URL built by ContentService.itemUrl. */
export function pathOf(url: string): string {
  const i = url.indexOf('/', url.indexOf('//') + 2);
  return i < 0 ? '/' : url.slice(i);
}

/** The sub-site an item or section belongs to: itself when it is one, else its parent when that is one. */
export function subsiteOf(sections: Section[], slug: string | null | undefined): Section | undefined {
  if (!slug) return undefined;
  const s = sections.find((x) => x.slug === slug);
  if (!s) return undefined;
  if (s.kind === 'subsite') return s;
  const parent = s.parent ? sections.find((x) => x.slug === s.parent) : undefined;
  return parent?.kind === 'subsite' ? parent : undefined;
}

export function withSubsiteTheme(ctx: PortalContext, subsite: Section | undefined): PortalContext {
  return subsite ? { ...ctx, theme: subsiteTheme(ctx.portal, subsite) } : ctx;
}

export const OG_LOCALES: Record<Lang, string> = { vi: 'vi_VN', en: 'en_GB', zh: 'zh_CN' };

export function portalLanguages(portal: Portal): Lang[] {
  return LANGUAGES.filter((l) => portal.languages.includes(l));
}
