import { EventEmitter } from 'node:events';
import type { Store } from '../../store/index.ts';
import { ValidationError, type FieldError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/lang.ts';
import { iso, type Clock } from '../../lib/time.ts';
import type { ContentService, ItemSummary, PublicListing } from '../content/index.ts';
import { isLink } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal } from '../portals/index.ts';
import { surrogateKeys } from '../pagecache/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';

// A curated home: editors pin and order the top stories (tin nổi bật, "top
// stories") of a portal's home in one language, each pin with an optional end,
// and may set one breaking-news banner (tin nóng, "hot news") shown on every
// page of the portal in that language between its start and end. Unpinned
// slots fill with the newest news, as the home did before anyone curated it.
//
// A change drops the cached pages that show it at once (the `changes` event,
// which the page cache turns into an invalidation on every node); the moments
// a pin lapses or a banner starts or ends are outbox jobs due at that time, so
// the cached pages (and the CDN's) follow the clock without anyone saving.

/** Top-story slots on a home: pins first, then the newest news. */
export const TOP_STORY_SLOTS = 4;
export const MAX_FEATURED = 12;
export const MAX_BANNER_TEXT = 200;
export const MAX_BANNER_URL = 2000;
/** The job that drops a home's pages when a pin lapses or a banner starts or ends (and at the CDN). */
export const HOME_REFRESH_TOPIC = 'home.refresh';

export interface FeaturedPin {
  id: number;
  /** ISO time after which the pin lapses; null: until an editor removes it. */
  until: string | null;
}

export interface BreakingNews {
  itemId: number | null;
  text: string | null;
  url: string | null;
  /** ISO start; shown while from ≤ now < until. */
  from: string;
  until: string;
}

export interface HomeSettings {
  featured: FeaturedPin[];
  breaking: BreakingNews | null;
}

/** What a client sends (API body, admin form): times as ISO strings, everything optional where the API says so. */
export interface HomeInput {
  featured: { id: number; until?: string | null }[];
  breaking: { itemId?: number | null; text?: string | null; url?: string | null; from?: string | null; until: string } | null;
}

/** The banner as pages show it. */
export interface LiveBanner {
  text: string;
  href: string;
}

export interface HomeRefresh {
  portal: string;
  lang: Lang;
  keys: string[];
}

export interface HomeDeps {
  store: Store;
  content: ContentService;
  outbox: Outbox;
  /** Each change of a home is audited (before and after) in its own transaction. */
  audit: AuditService;
  clock: Clock;
  /** Whether changes are purged at a CDN too (CDN_PURGE_URL): then each change queues a refresh job at once. */
  purgeAtCdn: () => boolean;
}

export class HomeService {
  /** 'change' (HomeRefresh): the keys of the pages to drop now, on every node. */
  readonly changes = new EventEmitter();

  constructor(private readonly deps: HomeDeps) {}

  async get(portal: Portal, lang: Lang): Promise<HomeSettings> {
    const row = await this.deps.store.db.selectFrom('portal_homes').select(['featured', 'breaking']).where('portal_id', '=', portal.id).where('lang', '=', lang).executeTakeFirst();
    if (!row) return { featured: [], breaking: null };
    return { featured: parseFeatured(row.featured), breaking: parseBreaking(row.breaking) };
  }

  /**
   * Replaces the home's pins and banner. Every pinned item (and the banner's item) must be
   * published in this portal and language; a 422 names each bad field and nothing is written.
   */
  async set(portal: Portal, lang: Lang, input: HomeInput, ctx: RequestContext): Promise<{ before: HomeSettings; after: HomeSettings }> {
    const accountId = ctx.account?.id ?? null;
    const now = this.deps.clock();
    const { settings, errors } = normalize(input, now);
    const ids = [...settings.featured.map((p) => p.id), ...(settings.breaking?.itemId ? [settings.breaking.itemId] : [])];
    if (ids.length) {
      const published = new Set((await this.deps.content.publishedAmong(portal, lang, [...new Set(ids)])).map((l) => l.id));
      settings.featured.forEach((p, i) => {
        if (!published.has(p.id)) errors.push({ path: `/featured/${i}/id`, message: `item ${p.id} is not a published item of ${portal.slug} in ${lang}` });
      });
      const itemId = settings.breaking?.itemId;
      if (itemId && !published.has(itemId)) errors.push({ path: '/breaking/itemId', message: `item ${itemId} is not a published item of ${portal.slug} in ${lang}` });
    }
    if (errors.length) throw new ValidationError(errors);

    const before = await this.get(portal, lang);
    const keys = [surrogateKeys.home(portal.slug, lang)];
    const bannerKey = surrogateKeys.banner(portal.slug, lang);
    if (JSON.stringify(before.breaking) !== JSON.stringify(settings.breaking)) keys.push(bannerKey);
    const featured = JSON.stringify(settings.featured);
    const breaking = settings.breaking ? JSON.stringify(settings.breaking) : null;
    await this.deps.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('portal_homes')
        .values({ portal_id: portal.id, lang, featured, breaking, updated_at: iso(now), updated_by: accountId })
        .onConflict((oc) => oc.columns(['portal_id', 'lang']).doUpdateSet({ featured, breaking, updated_at: iso(now), updated_by: accountId }))
        .execute();
      const refresh = (at: Date | undefined, k: string[]) => this.deps.outbox.enqueue(trx, HOME_REFRESH_TOPIC, { portal: portal.slug, lang, keys: k } satisfies HomeRefresh, { runAfter: at, maxAttempts: 5 });
      if (this.deps.purgeAtCdn()) await refresh(undefined, keys);
      // the moments the home changes by itself: a pin lapses, the banner starts or ends
      for (const pin of settings.featured) if (pin.until) await refresh(new Date(pin.until), [keys[0]]);
      if (settings.breaking) {
        if (Date.parse(settings.breaking.from) > now.getTime()) await refresh(new Date(settings.breaking.from), [bannerKey]);
        await refresh(new Date(settings.breaking.until), [bannerKey]);
      }
      await this.deps.audit.recordFor({ ...ctx, portalId: portal.id }, 'home-updated', `home:${portal.slug}:${lang}`, { before, after: settings }, trx);
    });
    this.changes.emit('change', { portal: portal.slug, lang, keys } satisfies HomeRefresh);
    return { before, after: settings };
  }

  /** The top stories the home shows now: live pins in order, then the newest news up to the slots. */
  async topStories(portal: Portal, lang: Lang): Promise<PublicListing[]> {
    const { featured } = await this.get(portal, lang);
    const now = this.deps.clock().getTime();
    const pinned = await this.deps.content.publishedAmong(
      portal,
      lang,
      featured.filter((p) => p.until === null || Date.parse(p.until) > now).map((p) => p.id),
    );
    const fill = Math.max(0, TOP_STORY_SLOTS - pinned.length);
    const newest = fill ? await this.deps.content.listPublished(portal, { lang, types: ['news'], excludeIds: pinned.map((p) => p.id) }, { limit: fill }) : [];
    return [...pinned, ...newest];
  }

  /** The top stories as the list API gives items, for apps' first screen. */
  async topStorySummaries(portal: Portal, lang: Lang): Promise<ItemSummary[]> {
    const top = await this.topStories(portal, lang);
    return this.deps.content.publishedSummaries(
      portal,
      lang,
      top.map((l) => l.id),
    );
  }

  /** The banner to show now on the portal's pages in `lang`, if any. */
  async bannerNow(portal: Portal, lang: Lang): Promise<LiveBanner | undefined> {
    const row = await this.deps.store.db.selectFrom('portal_homes').select('breaking').where('portal_id', '=', portal.id).where('lang', '=', lang).executeTakeFirst();
    const breaking = parseBreaking(row?.breaking ?? null);
    if (!breaking) return undefined;
    const now = this.deps.clock().getTime();
    if (!(Date.parse(breaking.from) <= now && now < Date.parse(breaking.until))) return undefined;
    if (breaking.itemId) {
      const [item] = await this.deps.content.publishedAmong(portal, lang, [breaking.itemId]);
      if (item) return { text: breaking.text ?? item.title, href: item.url };
    }
    return breaking.text && breaking.url ? { text: breaking.text, href: breaking.url } : undefined;
  }
}

/** Checks shape and bounds (ids, times, text, links); which ids are published is the caller's next step. */
function normalize(input: HomeInput, now: Date): { settings: HomeSettings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const featured: FeaturedPin[] = [];
  const list = Array.isArray(input?.featured) ? input.featured : [];
  if (!Array.isArray(input?.featured)) errors.push({ path: '/featured', message: 'must be a list' });
  if (list.length > MAX_FEATURED) errors.push({ path: '/featured', message: `at most ${MAX_FEATURED} pinned items` });
  const seen = new Set<number>();
  list.slice(0, MAX_FEATURED).forEach((pin, i) => {
    const id = pin?.id;
    if (!isId(id)) return void errors.push({ path: `/featured/${i}/id`, message: 'must be an item id' });
    if (seen.has(id)) return void errors.push({ path: `/featured/${i}/id`, message: `item ${id} is pinned twice` });
    seen.add(id);
    const until = time(pin.until, `/featured/${i}/until`, errors);
    if (until !== null && until !== undefined && Date.parse(until) <= now.getTime()) errors.push({ path: `/featured/${i}/until`, message: 'is not in the future' });
    featured.push({ id, until: until ?? null });
  });

  let breaking: BreakingNews | null = null;
  const b = input?.breaking;
  if (b !== null && b !== undefined) {
    const itemId = b.itemId ?? null;
    if (itemId !== null && !isId(itemId)) errors.push({ path: '/breaking/itemId', message: 'must be an item id' });
    const text = typeof b.text === 'string' && b.text.trim() ? b.text.normalize('NFC').trim().replace(/\s+/g, ' ') : null;
    if (b.text !== undefined && b.text !== null && typeof b.text !== 'string') errors.push({ path: '/breaking/text', message: 'must be text' });
    if (text && [...text].length > MAX_BANNER_TEXT) errors.push({ path: '/breaking/text', message: `at most ${MAX_BANNER_TEXT} characters` });
    // eslint-disable-next-line no-control-regex -- the banner refuses control characters
    if (text && /[\u0000-\u001f\u007f-\u009f]/.test(text)) errors.push({ path: '/breaking/text', message: 'must not contain control characters' });
    const url = typeof b.url === 'string' && b.url.trim() ? b.url.trim() : null;
    if (url !== null && !(url.length <= MAX_BANNER_URL && isLink(url) && parsesAsLink(url))) errors.push({ path: '/breaking/url', message: 'must be an http(s) address or a path of this portal' });
    if (itemId === null && !(text && url)) errors.push({ path: '/breaking', message: 'needs an itemId, or a text and a url' });
    const from = time(b.from, '/breaking/from', errors) ?? iso(now);
    const until = time(b.until, '/breaking/until', errors);
    if (until === null || until === undefined) errors.push({ path: '/breaking/until', message: 'is required' });
    else if (Date.parse(until) <= Math.max(Date.parse(from), now.getTime())) errors.push({ path: '/breaking/until', message: 'must be after from and in the future' });
    if (until) breaking = { itemId: isId(itemId) ? itemId : null, text, url, from, until };
  }
  return { settings: { featured, breaking }, errors };
}

const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2_147_483_647;

/** An ISO time in its normal form; undefined when absent, null when absent and the error noted. */
function time(v: unknown, path: string, errors: FieldError[]): string | null | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const t = typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(t) || t < Date.UTC(2000, 0, 1) || t > Date.UTC(2200, 0, 1)) {
    errors.push({ path, message: 'must be an ISO 8601 date and time' });
    return null;
  }
  return new Date(t).toISOString();
}

function parsesAsLink(url: string): boolean {
  if (url.startsWith('/')) return !url.startsWith('//') && !url.includes('\\');
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

function parseFeatured(text: string): FeaturedPin[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as unknown[]).filter((p): p is FeaturedPin => typeof p === 'object' && p !== null && isId((p as { id?: unknown }).id)).map((p) => ({ id: p.id, until: typeof p.until === 'string' ? p.until : null })) : [];
  } catch {
    return [];
  }
}

function parseBreaking(text: string | null): BreakingNews | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as BreakingNews | null;
    return v && typeof v.until === 'string' && typeof v.from === 'string' ? v : null;
  } catch {
    return null;
  }
}
