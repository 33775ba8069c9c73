import type { PageCacheSettings } from './settings.ts';
import { type Store, byEngine } from '../../store/index.ts';
import type { StoreTimeouts } from '../../config.ts';
import type { ContentChange, ContentService } from '../content/index.ts';
import { EVENTS } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { PortalService } from '../portals/index.ts';
import { PageCache } from './cache.ts';
import { LocalBus, PostgresBus, type BusLogger, type InvalidationBus } from './bus.ts';
import { surrogateKeys } from './keys.ts';

// The page cache as a service: the in-memory cache, the bus that carries
// invalidations between processes, the rule that turns "item 42 changed"
// into the exact set of surrogate keys to drop, and the outbox-driven purge
// hook for a CDN in front of the site.

export type { PageCacheSettings } from './settings.ts';

export interface PageCacheDeps {
  store: Store;
  content: ContentService;
  portals: PortalService;
  outbox: Outbox;
  databaseUrl: string | undefined;
  /** Keepalive, timeouts and the listener's heartbeat (config.storeTimeouts). */
  timeouts?: StoreTimeouts;
  logger?: BusLogger & { error(obj: object, msg?: string): void };
}

/** What a change to one item means for caches: keys to drop, and the public URLs that show it directly. */
export interface ItemInvalidation {
  keys: string[];
  urls: string[];
}

export const CDN_PURGE_SUBSCRIBER = 'cdn-purge';

export class PageCacheService {
  readonly cache: PageCache;
  readonly bus: InvalidationBus;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: PageCacheDeps,
    readonly settings: PageCacheSettings,
  ) {
    // while the store is away, stored pages are served as they are rather than not at all
    this.cache = new PageCache({ maxBytes: settings.maxBytes, ttlMs: settings.ttlMs, canRender: () => deps.store.health.reachable });
    const url = deps.databaseUrl;
    this.bus = byEngine(deps.store, {
      postgres: () => (url ? new PostgresBus(deps.store, url, deps.logger, deps.timeouts) : new LocalBus()),
      sqlite: () => new LocalBus(),
    })();
    this.bus.onMessage((message) => {
      if (message === 'all') this.cache.expireAll();
      else this.cache.invalidate(message);
      // another process changed a portal: this one's short-lived portal list is stale too
      if (message === 'all' || message.some((k) => k.startsWith('portal-'))) deps.portals.invalidate();
    });
    deps.content.changes.on('change', (change) => this.track(this.onChange(change)));
    deps.portals.changes.on('change', (change) => this.track(this.invalidatePortal(change.slug)));
    if (settings.cdnPurgeUrl) {
      for (const event of [EVENTS.published, EVENTS.updated, EVENTS.unpublished]) {
        // one POST with a 10 s limit
        deps.outbox.subscribe(event, CDN_PURGE_SUBSCRIBER, (payload: { itemId: number }) => this.purgeCdn(payload.itemId), { leaseMs: 15_000 });
      }
    }
  }

  /** Web roles listen for other processes' invalidations; a worker only sends them. */
  listen(): Promise<void> {
    return this.bus.listen();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.bus.close();
  }

  /** Resolves when the invalidations already under way have been applied and sent (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>) {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async onChange(change: ContentChange): Promise<void> {
    // drafts and steps between editors change nothing a reader sees
    if (change.kind === 'created' || change.kind === 'state') return;
    try {
      const { keys } = await this.itemInvalidation(change.itemId);
      if (keys.length) await this.bus.publish(keys);
    } catch (err) {
      this.deps.logger?.error({ err, itemId: change.itemId }, 'page cache invalidation failed');
    }
  }

  /**
   * Every key a change to the item touches: the item itself (its page and every
   * list, feed and box that shows it), its translations (their language
   * switchers), and the lists it may now enter: the portal's home, its section
   * and the sub-site above it, its type, its tags, the sitemaps and the
   * network index. Unrelated items and lists keep their cached pages.
   */
  async itemInvalidation(itemId: number): Promise<ItemInvalidation> {
    const item = await this.deps.content.find(itemId);
    if (!item) return { keys: [surrogateKeys.item(itemId)], urls: [] };
    const portal = await this.deps.portals.bySlug(item.portal);
    const keys = new Set<string>([surrogateKeys.item(item.id)]);
    for (const id of Object.values(item.translations)) if (id !== undefined) keys.add(surrogateKeys.item(id));
    const p = item.portal;
    const lang = item.lang;
    keys.add(surrogateKeys.home(p, lang));
    keys.add(surrogateKeys.type(p, item.type, lang));
    keys.add(surrogateKeys.sitemap(p));
    keys.add(surrogateKeys.network());
    keys.add(surrogateKeys.publications(p));
    for (const tag of item.tags) keys.add(surrogateKeys.tag(p, tag, lang));
    if (typeof item.meta.field === 'string' && item.meta.field.trim()) keys.add(surrogateKeys.field(p, item.meta.field.normalize('NFC').trim(), lang));
    if (item.section && portal) {
      keys.add(surrogateKeys.section(p, item.section, lang));
      const section = await this.deps.portals.sectionBySlug(portal.id, item.section);
      if (section?.parent) keys.add(surrogateKeys.section(p, section.parent, lang));
    }
    return { keys: [...keys], urls: [item.url] };
  }

  /**
   * Drops every page of a portal and the network index, on every process: for
   * changes to the portal itself (names, contact details, sections), which the
   * portal service announces.
   */
  async invalidatePortal(slug: string): Promise<void> {
    await this.bus.publish([surrogateKeys.portal(slug), surrogateKeys.network()]);
  }

  /** Drops the network index on every process: a member joined or left the network directory. */
  async invalidateNetwork(): Promise<void> {
    await this.bus.publish([surrogateKeys.network()]);
  }

  /** Drops the pages naming any of `keys`, here and on every other node (a curated home changed). */
  dropKeys(keys: string[]): void {
    this.track(
      this.bus.publish(keys).catch((err: unknown) => {
        this.deps.logger?.error({ err, keys }, 'page cache invalidation failed');
      }),
    );
  }

  /** The keys a newly published answer on `field` touches: the pages listing answers on that field. */
  answersKeys(portal: string, field: string): string[] {
    return [surrogateKeys.answers(portal, field.normalize('NFC').trim())];
  }

  /** An answer on `field` was published in `portal`: drop the pages that list answers on it, in every process. */
  answersChanged(portal: string, field: string): void {
    this.track(
      this.bus.publish(this.answersKeys(portal, field)).catch((err: unknown) => {
        this.deps.logger?.error({ err, portal }, 'page cache invalidation failed');
      }),
    );
  }

  /** The outbox job behind CDN purging of keys other than an item's (published answers); retried by the outbox on failure. */
  async purgeKeysAtCdn(keys: string[]): Promise<void> {
    await this.postPurge(keys, []);
  }

  /** The outbox job behind CDN purging: POST the keys and URLs; a failure is retried by the outbox. */
  private async purgeCdn(itemId: number): Promise<void> {
    if (!this.settings.cdnPurgeUrl) return;
    const { keys, urls } = await this.itemInvalidation(itemId);
    await this.postPurge(keys, urls);
  }

  private async postPurge(keys: string[], urls: string[]): Promise<void> {
    const url = this.settings.cdnPurgeUrl;
    if (!url) return;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'surrogate-key': keys.join(' ') };
    if (this.settings.cdnPurgeToken) headers.authorization = `Bearer ${this.settings.cdnPurgeToken}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ surrogateKeys: keys, urls }), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`CDN purge answered ${res.status}`);
    await res.body?.cancel().catch(() => {});
  }
}
