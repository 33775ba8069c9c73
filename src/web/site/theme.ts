import type { Portal, Section } from '../../modules/portals/index.ts';

// Colours of portals and sub-sites. One stylesheet serves every portal; a
// page only sets two custom properties (--brand, --brand-ink). A portal's
// admin may pick its colours; until then each kind has a hue and the slug
// nudges it, which gives every portal a stable colour of its own. Every
// colour, including an editor's sub-site theme colour, is darkened until
// white text on it passes WCAG AA (4.5:1) with a margin.

const KIND_HUES: Record<string, number> = { central: 358, ministry: 212, province: 150, agency: 268, commune: 28 };
const MIN_CONTRAST = 5;

export interface Theme {
  brand: string;
  /** A very light tint of the brand colour, for panels. */
  tint: string;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255)) as [number, number, number];
}

function parseHex(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return undefined;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: [number, number, number]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of white text on `rgb` (WCAG 2.1 definition). */
export function contrastWithWhite(rgb: [number, number, number]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

function darkenUntilReadable(rgb: [number, number, number]): [number, number, number] {
  let c = rgb;
  for (let i = 0; i < 40 && contrastWithWhite(c) < MIN_CONTRAST; i++) c = c.map((v) => Math.round(v * 0.92)) as [number, number, number];
  return c;
}

function tintOf(rgb: [number, number, number]): string {
  return toHex(rgb.map((v) => Math.round(255 - (255 - v) * 0.08)) as [number, number, number]);
}

/** A panel colour light enough for body text on it: mixed with white until it is. */
function lightEnough(rgb: [number, number, number]): [number, number, number] {
  let c = rgb;
  for (let i = 0; i < 40 && luminance(c) < 0.8; i++) c = c.map((v) => Math.round(255 - (255 - v) * 0.85)) as [number, number, number];
  return c;
}

export function portalTheme(portal: Portal): Theme {
  const chosen = portal.branding?.brandColor ? parseHex(portal.branding.brandColor) : undefined;
  if (chosen) {
    const readable = darkenUntilReadable(chosen);
    const tint = portal.branding.tintColor ? parseHex(portal.branding.tintColor) : undefined;
    return { brand: toHex(readable), tint: tint ? toHex(lightEnough(tint)) : tintOf(readable) };
  }
  const hue = (KIND_HUES[portal.kind] ?? 210) + ((hash(portal.slug) % 21) - 10);
  const rgb = darkenUntilReadable(hslToRgb((hue + 360) % 360, 0.7, 0.32));
  const tint = portal.branding?.tintColor ? parseHex(portal.branding.tintColor) : undefined;
  return { brand: toHex(rgb), tint: tint ? toHex(lightEnough(tint)) : tintOf(rgb) };
}

/** A sub-site's theme colour, made readable; the portal's otherwise. */
export function subsiteTheme(portal: Portal, subsite: Section | undefined): Theme {
  const rgb = subsite?.themeColor ? parseHex(subsite.themeColor) : undefined;
  if (!rgb) return portalTheme(portal);
  const readable = darkenUntilReadable(rgb);
  return { brand: toHex(readable), tint: tintOf(readable) };
}
