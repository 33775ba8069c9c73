import Bowser from 'bowser';
import { isbot } from 'isbot';
import type { Lang } from '../../lib/lang.ts';

// What a page view says about where the reader came from and on what: the
// traffic source (from the referrer and utm_* tags), the device class, the
// browser and the portal language. Pure functions; the few that parse a
// User-Agent keep a bounded cache, because the same handful of User-Agents
// make up most of a day's traffic and parsing one costs tens of microseconds.

export const SOURCE_KINDS = ['direct', 'search', 'social', 'network', 'campaign', 'referral'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export interface Source {
  kind: SourceKind;
  /** engine, platform, portal slug, campaign or referring host; '' for direct */
  name: string;
}

export const DIRECT: Source = { kind: 'direct', name: '' };

/** A source as one rollup value: "direct", "search:google", "social:zalo", "network:hanoi", … */
export const sourceKey = (s: Source): string => (s.kind === 'direct' ? 'direct' : `${s.kind}:${s.name}`);

export function parseSourceKey(key: string): Source {
  const i = key.indexOf(':');
  const kind = (i < 0 ? key : key.slice(0, i)) as SourceKind;
  return (SOURCE_KINDS as readonly string[]).includes(kind) ? { kind, name: i < 0 ? '' : key.slice(i + 1) } : { kind: 'referral', name: key };
}

// Domains are matched with their subdomains (m.facebook.com, l.facebook.com, chat.zalo.me, …).
const SEARCH_ENGINES: Array<[string, string[]]> = [
  ['bing', ['bing.com']],
  ['coccoc', ['coccoc.com']], // Cốc Cốc, the Vietnamese browser and search engine
  ['yahoo', ['search.yahoo.com', 'yahoo.com']],
  ['duckduckgo', ['duckduckgo.com']],
  ['yandex', ['yandex.ru', 'yandex.com', 'ya.ru']],
  ['baidu', ['baidu.com']],
  ['sogou', ['sogou.com']],
  ['naver', ['naver.com']],
  ['ecosia', ['ecosia.org']],
  ['brave', ['search.brave.com']],
  ['qwant', ['qwant.com']],
  ['seznam', ['seznam.cz']],
];
const SOCIAL: Array<[string, string[]]> = [
  ['facebook', ['facebook.com', 'fb.com', 'fb.me', 'messenger.com', 'fb.watch']],
  ['zalo', ['zalo.me', 'zaloapp.com', 'zalo.vn']],
  ['youtube', ['youtube.com', 'youtu.be']],
  ['x', ['x.com', 'twitter.com', 't.co']],
  ['viber', ['viber.com', 'vb.me']],
  ['tiktok', ['tiktok.com']],
  ['instagram', ['instagram.com']],
  ['linkedin', ['linkedin.com', 'lnkd.in']],
  ['telegram', ['t.me', 'telegram.org', 'telegram.me']],
  ['threads', ['threads.net']],
  ['reddit', ['reddit.com']],
];
// Android apps announce themselves as android-app://<package>/ instead of a web address.
const ANDROID_APPS: Record<string, Source> = {
  'com.facebook.katana': { kind: 'social', name: 'facebook' },
  'com.facebook.lite': { kind: 'social', name: 'facebook' },
  'com.facebook.orca': { kind: 'social', name: 'facebook' },
  'com.zing.zalo': { kind: 'social', name: 'zalo' },
  'com.google.android.youtube': { kind: 'social', name: 'youtube' },
  'com.twitter.android': { kind: 'social', name: 'x' },
  'com.viber.voip': { kind: 'social', name: 'viber' },
  'com.google.android.googlequicksearchbox': { kind: 'search', name: 'google' },
  'com.google.android.gm': { kind: 'referral', name: 'gmail' },
};

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function known(host: string): Source | undefined {
  // google.com, google.com.vn, news.google.co.uk, …
  if (/(^|\.)google\.[a-z]{2,3}(\.[a-z]{2})?$/.test(host)) return { kind: 'search', name: 'google' };
  for (const [name, domains] of SEARCH_ENGINES) if (domains.some((d) => within(host, d))) return { kind: 'search', name };
  for (const [name, domains] of SOCIAL) if (domains.some((d) => within(host, d))) return { kind: 'social', name };
  return undefined;
}

export const normalizeHost = (host: string): string => host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
const bareHost = (host: string): string => host.replace(/^(www|m|mobile)\./, '');

export interface SourceContext {
  /** the page's own portal: a referrer from it is navigation inside the visit */
  ownHosts: ReadonlySet<string>;
  /** host → slug of the other portals of the network */
  networkHosts: ReadonlyMap<string, string>;
  /** the reader's User-Agent: in-app browsers (Zalo, Facebook) often send no referrer at all */
  inApp?: Source;
}

/**
 * Where a page view came from. `undefined` means "from this same portal":
 * a step inside a visit, which brings no source of its own. utm_* tags win
 * over the referrer, since whoever placed the link said where it was placed.
 */
export function classifySource(page: URL, referrer: string | null | undefined, ctx: SourceContext): Source | undefined {
  const params = page.searchParams;
  const campaign = clean(params.get('utm_campaign')) || clean(params.get('utm_source'));
  if (campaign) return { kind: 'campaign', name: campaign };
  if (!referrer) return ctx.inApp ?? DIRECT;
  let ref: URL;
  try {
    ref = new URL(referrer);
  } catch {
    return ctx.inApp ?? DIRECT;
  }
  if (ref.protocol === 'android-app:') return ANDROID_APPS[ref.hostname.toLowerCase()] ?? { kind: 'referral', name: clean(ref.hostname) || 'android-app' };
  if (ref.protocol !== 'http:' && ref.protocol !== 'https:') return ctx.inApp ?? DIRECT;
  const host = normalizeHost(ref.host);
  if (ctx.ownHosts.has(host)) return undefined;
  const portal = ctx.networkHosts.get(host);
  if (portal) return { kind: 'network', name: portal };
  const bare = bareHost(host);
  return known(bare) ?? { kind: 'referral', name: bare.slice(0, 100) };
}

function clean(value: string | null): string {
  return (
    (value ?? '')
      .trim()
      .toLowerCase()
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped from a label
      .replace(/[\u0000-\u001f]/g, '')
      .slice(0, 100)
  );
}

/** The portal language of a public path: /en/… English, /zh/… Chinese, anything else Vietnamese. */
export function languageOfPath(path: string): Lang {
  if (path === '/en' || path.startsWith('/en/')) return 'en';
  if (path === '/zh' || path.startsWith('/zh/')) return 'zh';
  return 'vi';
}

/** The page as counted: its path only (query strings can carry search terms and other personal data). */
export function pagePath(url: URL): string {
  let path = url.pathname || '/';
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  return path.slice(0, 300);
}

export const DEVICES = ['mobile', 'tablet', 'desktop', 'tv'] as const;
export type Device = (typeof DEVICES)[number];

export interface Agent {
  bot: boolean;
  device: Device | undefined;
  browser: string;
  inApp: Source | undefined;
}

const agentCache = new Map<string, Agent>();
const AGENT_CACHE_MAX = 20_000;

/** Bot or not, device type and browser of a User-Agent (cached). */
export function agentOf(ua: string): Agent {
  const hit = agentCache.get(ua);
  if (hit) return hit;
  const agent = parseAgent(ua);
  // User-Agents are chosen by clients: a flood of distinct ones must not grow the cache without end
  if (agentCache.size >= AGENT_CACHE_MAX) agentCache.clear();
  agentCache.set(ua, agent);
  return agent;
}

function parseAgent(ua: string): Agent {
  // no User-Agent, or an absurd one, is not a person's browser
  if (ua.length < 10 || ua.length > 1000 || isbot(ua)) return { bot: true, device: undefined, browser: '', inApp: undefined };
  const parsed = Bowser.parse(ua);
  const type = parsed.platform?.type;
  const device: Device | undefined = type === 'mobile' || type === 'tablet' || type === 'tv' ? type : type === 'desktop' ? 'desktop' : undefined;
  let inApp: Source | undefined;
  let browser = parsed.browser?.name ?? 'Other';
  // the in-app browsers most Vietnamese readers arrive through
  if (/\bZalo\b/i.test(ua)) {
    inApp = { kind: 'social', name: 'zalo' };
    browser = 'Zalo';
  } else if (/FBAN|FBAV|FB_IAB|FBIOS/.test(ua)) {
    inApp = { kind: 'social', name: 'facebook' };
    browser = 'Facebook';
  } else if (/\bcoc_coc_browser\b|\bCocCoc\b/i.test(ua)) browser = 'Cốc Cốc';
  return { bot: false, device, browser: browser.slice(0, 40), inApp };
}

/** The device class: the User-Agent's word for phones, tablets and TVs, else the screen width. */
export function deviceClass(agent: Agent, width: number | null): Device {
  if (agent.device && agent.device !== 'desktop') return agent.device;
  if (width !== null && width > 0) {
    if (width < 576) return 'mobile';
    if (width < 992) return 'tablet';
  }
  return 'desktop';
}

export function isBot(ua: string): boolean {
  return agentOf(ua).bot;
}
