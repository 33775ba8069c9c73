import { iconSetId } from '../../modules/icons/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { homePath, localized, type PortalContext, type Rendered } from './context.ts';

// The web app manifest of a portal in one language (/manifest.webmanifest, /en/…, /zh/…): what a
// phone shows when a reader adds the portal to the home screen. Cached like a page and dropped
// with the portal's other pages when its names, colours or logo change.

/** The address of a portal's icon of one variant (named by its icon set: kept for a year). */
export function iconPath(logoSrc: string | undefined, variant: string): string {
  return `/assets/icon-${iconSetId(logoSrc)}-${variant}.png`;
}

export function manifestPath(ctx: PortalContext): string {
  return `${homePath(ctx.lang)}manifest.webmanifest`;
}

/**
 * A short name for the home screen (12 characters show in full there): the portal's name without
 * the generic "Cổng Thông tin điện tử" / "Portal", else its first words that fit.
 */
export function shortName(name: string): string {
  const fits = (s: string) => [...s].length <= 12;
  if (fits(name)) return name;
  const rest = name
    .replace(/^Cổng\s+(?:Thông\s+tin|Giao\s+tiếp)\s+điện\s+tử\s+(?:(?:thành\s+phố|tỉnh)\s+)?/iu, '')
    .replace(/^(?:the\s+)?(?:Portal\s+of\s+(?:the\s+)?)/i, '')
    .replace(/\s+(?:Portal|门户网站)$/u, '')
    .trim();
  if (fits(rest)) return rest;
  let out = '';
  for (const word of rest.split(/\s+/)) {
    const next = out ? `${out} ${word}` : word;
    if (!fits(next)) break;
    out = next;
  }
  out = out.replace(/\s+(?:of|and|the|for|và|của)$/iu, '');
  return out || [...rest].slice(0, 12).join('');
}

export function renderManifest(ctx: PortalContext): Rendered {
  const name = localized(ctx.portal.name, ctx.lang);
  const logo = ctx.portal.branding?.logo?.src;
  const start = homePath(ctx.lang);
  const manifest = {
    name,
    short_name: shortName(name),
    lang: ctx.lang,
    dir: 'ltr',
    start_url: start,
    scope: start,
    display: 'standalone',
    theme_color: ctx.theme.brand,
    background_color: '#ffffff',
    icons: [
      { src: iconPath(logo, '192'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: iconPath(logo, '512'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: iconPath(logo, 'maskable-512'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return { status: 200, contentType: 'application/manifest+json; charset=utf-8', body: JSON.stringify(manifest), keys: [K.portal(ctx.portal.slug)], cacheable: true };
}
