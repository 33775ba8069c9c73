import { hash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// An in-memory cache of rendered responses, keyed by portal + path (the
// language is part of the path), holding the identity bytes and
// precompressed gzip and brotli variants, within a memory budget (least
// recently used goes first). Each entry names what it shows (surrogate keys);
// `invalidate` drops exactly the entries naming a given key.
//
// Concurrent misses for one page share one render (single flight). A render
// that was already running when one of its keys was invalidated is served
// to whoever waited for it but not stored: it may predate the change.

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export interface RenderResult {
  status: number;
  contentType: string;
  body: string | Buffer;
  /** Surrogate keys: the items and lists this response shows. */
  keys: string[];
  /** Extra response headers stored with the page (Location, Link …). */
  headers?: Record<string, string>;
  /** False for responses that must not be kept (unknown paths, bad parameters). */
  cacheable: boolean;
}

export interface CachedPage {
  status: number;
  contentType: string;
  body: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
  etag: string;
  keys: string[];
  headers: Record<string, string>;
  storedAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  /** Memory budget for bodies and their compressed variants. */
  maxBytes: number;
  /** After this long an entry is served stale while it is re-rendered in the background. */
  ttlMs: number;
  now?: () => number;
  /**
   * False while the store is known to be unreachable: stored pages, fresh or not, are then
   * served as they are (stale-if-error) without waiting for a render that cannot succeed.
   */
  canRender?: () => boolean;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  stale: number;
  renders: number;
  evictions: number;
  invalidations: number;
}

export type Lookup = { page: CachedPage; outcome: 'hit' | 'stale' | 'miss' | 'uncached' };

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|javascript)|image\/svg)/;
const MIN_COMPRESS = 256;
/** What Node's writeHead accepts (RFC 9110 tokens, and values without control characters); anything else would throw there. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Invalidations remembered to catch renders that straddle one. */
const RECENT_INVALIDATIONS = 4096;

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, { promise: Promise<Lookup>; epoch: number }>();
  private readonly recent: { epoch: number; keys: Set<string> | 'all' }[] = [];
  private epoch = 0;
  /** Raised by expireAll: pages stored under an older generation may be outdated. */
  private generation = 0;
  private readonly generations = new WeakMap<CachedPage, number>();
  private bytes = 0;
  private readonly now: () => number;
  readonly stats: PageCacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0, stale: 0, renders: 0, evictions: 0, invalidations: 0 };

  constructor(private readonly opts: PageCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** A fresh or stale entry, without rendering; touches it for the LRU order. */
  peek(cacheKey: string): CachedPage | undefined {
    const page = this.entries.get(cacheKey);
    if (!page) return undefined;
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, page);
    return page;
  }

  isFresh(page: CachedPage): boolean {
    return this.now() - page.storedAt < this.opts.ttlMs && !this.isSuspect(page);
  }

  /** Stored before the last expireAll: it may show what other processes have changed since. */
  private isSuspect(page: CachedPage): boolean {
    return (this.generations.get(page) ?? 0) < this.generation;
  }

  /** True while pages cannot be rendered (the store is away): stored pages are served as they are. */
  get offline(): boolean {
    return this.opts.canRender ? !this.opts.canRender() : false;
  }

  /**
   * The cached page, or a render of it. A stale entry is served at once and
   * refreshed in the background; concurrent misses wait for one render.
   */
  async get(cacheKey: string, render: () => Promise<RenderResult>): Promise<Lookup> {
    const page = this.peek(cacheKey);
    if (page) {
      if (this.isFresh(page)) {
        this.stats.hits++;
        return { page, outcome: 'hit' };
      }
      if (this.offline) {
        this.stats.stale++;
        return { page, outcome: 'stale' };
      }
      if (this.isSuspect(page)) {
        // possibly outdated: render it again first, and fall back on it when that fails (stale-if-error)
        try {
          const fresh = await this.renderOnce(cacheKey, render);
          if (fresh.page.status < 500) return fresh;
        } catch {
          // served below
        }
        this.stats.stale++;
        return { page, outcome: 'stale' };
      }
      this.stats.stale++;
      if (!this.inflight.has(cacheKey)) void this.renderOnce(cacheKey, render).catch(() => {});
      return { page, outcome: 'stale' };
    }
    this.stats.misses++;
    return this.renderOnce(cacheKey, render);
  }

  private renderOnce(cacheKey: string, render: () => Promise<RenderResult>): Promise<Lookup> {
    const running = this.inflight.get(cacheKey);
    if (running && running.epoch === this.epoch) return running.promise;
    const epoch = this.epoch;
    const promise: Promise<Lookup> = this.renderAndStore(cacheKey, render, epoch).finally(() => {
      if (this.inflight.get(cacheKey)?.promise === promise) this.inflight.delete(cacheKey);
    });
    this.inflight.set(cacheKey, { promise, epoch });
    return promise;
  }

  private async renderAndStore(cacheKey: string, render: () => Promise<RenderResult>, epoch: number): Promise<Lookup> {
    this.stats.renders++;
    const result = await render();
    const page = await buildPage(result, this.now());
    // an error answer never replaces a page (nor is kept): the next request tries again
    if (result.cacheable && result.status < 500 && !this.invalidatedSince(epoch, page.keys)) {
      this.store(cacheKey, page);
      return { page, outcome: 'miss' };
    }
    return { page, outcome: 'uncached' };
  }

  private store(cacheKey: string, page: CachedPage) {
    // one page may not take more than an eighth of the budget
    if (page.bytes > this.opts.maxBytes / 8) return;
    this.remove(cacheKey);
    this.entries.set(cacheKey, page);
    this.generations.set(page, this.generation);
    this.bytes += page.bytes;
    for (const k of page.keys) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(cacheKey);
    }
    while (this.bytes > this.opts.maxBytes && this.entries.size > 0) {
      const oldest = this.entries.keys().next().value as string;
      this.remove(oldest);
      this.stats.evictions++;
    }
    this.updateStats();
  }

  private remove(cacheKey: string): boolean {
    const page = this.entries.get(cacheKey);
    if (!page) return false;
    this.entries.delete(cacheKey);
    this.bytes -= page.bytes;
    for (const k of page.keys) {
      const set = this.byKey.get(k);
      if (!set) continue;
      set.delete(cacheKey);
      if (set.size === 0) this.byKey.delete(k);
    }
    return true;
  }

  /** Drops every page that names any of `keys`; returns how many. */
  invalidate(keys: Iterable<string>): number {
    const keySet = new Set(keys);
    if (keySet.size === 0) return 0;
    this.epoch++;
    this.remember({ epoch: this.epoch, keys: keySet });
    let dropped = 0;
    for (const k of keySet) {
      const set = this.byKey.get(k);
      if (!set) continue;
      for (const cacheKey of [...set]) if (this.remove(cacheKey)) dropped++;
    }
    this.stats.invalidations++;
    this.updateStats();
    return dropped;
  }

  /**
   * Marks every stored page as possibly outdated (the invalidation bus lost its connection
   * and may have missed messages): each is rendered again before it is next served, and
   * served as it is when that fails. Nothing is dropped, so an outage empties no cache.
   */
  expireAll(): void {
    this.epoch++;
    this.remember({ epoch: this.epoch, keys: 'all' });
    this.generation++;
    this.stats.invalidations++;
  }

  /** Drops everything. */
  clear(): void {
    this.epoch++;
    this.remember({ epoch: this.epoch, keys: 'all' });
    this.entries.clear();
    this.byKey.clear();
    this.bytes = 0;
    this.updateStats();
  }

  has(cacheKey: string): boolean {
    return this.entries.has(cacheKey);
  }

  private remember(entry: { epoch: number; keys: Set<string> | 'all' }) {
    this.recent.push(entry);
    if (this.recent.length > RECENT_INVALIDATIONS) this.recent.splice(0, this.recent.length - RECENT_INVALIDATIONS);
  }

  private invalidatedSince(epoch: number, keys: string[]): boolean {
    if (epoch === this.epoch) return false;
    const oldest = this.recent[0];
    // older than our memory reaches: assume the worst
    if (!oldest || oldest.epoch > epoch + 1) return true;
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i].epoch > epoch; i--) {
      const r = this.recent[i];
      if (r.keys === 'all') return true;
      for (const k of keys) if (r.keys.has(k)) return true;
    }
    return false;
  }

  private updateStats() {
    this.stats.entries = this.entries.size;
    this.stats.bytes = this.bytes;
  }
}

/** Builds the stored form of a response: bytes, precompressed variants, a validator. */
export async function buildPage(result: RenderResult, now: number, opts: { compress?: boolean } = {}): Promise<CachedPage> {
  // A page is written from the cache by code outside any handler: one it cannot send must fail here, in
  // the render that made it, and never be kept for the next reader.
  if (typeof result.contentType !== 'string' || !/^[a-z]+\/[a-z0-9.+-]+(?:;.*)?$/i.test(result.contentType)) throw new TypeError(`a response without a valid content type (${String(result.contentType)})`);
  if (!Number.isInteger(result.status) || result.status < 100 || result.status > 599) throw new TypeError(`a response with an invalid status (${String(result.status)})`);
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (!HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)) throw new TypeError(`a response with an invalid header (${name})`);
  }
  const body = typeof result.body === 'string' ? utf8(result.body) : result.body;
  const etag = `W/"${hash('sha1', body, 'base64url').slice(0, 22)}"`;
  let gz: Buffer | undefined;
  let br: Buffer | undefined;
  // compressing pays when the result is kept; a response rendered for one request goes out as is
  if (opts.compress !== false && body.length >= MIN_COMPRESS && COMPRESSIBLE.test(result.contentType)) {
    [gz, br] = await Promise.all([
      gzip(body, { level: 6 }),
      brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } }),
    ]);
  }
  const keyBytes = result.keys.reduce((n, k) => n + k.length + 16, 0);
  return {
    status: result.status,
    contentType: result.contentType,
    body,
    gzip: gz,
    br,
    etag,
    keys: result.keys,
    headers: result.headers ?? {},
    storedAt: now,
    bytes: body.length + (gz?.length ?? 0) + (br?.length ?? 0) + keyBytes + 256,
  };
}

// Encoding a page into a buffer that is already there, then copying the bytes out, takes
// about half the time of Buffer.from, which first measures the string and then encodes it;
// pages are encoded on every uncached view.
const scratch = Buffer.allocUnsafe(1 << 20);

function utf8(text: string): Buffer {
  // three bytes per UTF-16 unit at most: what fits for sure is written here, anything longer the usual way
  if (text.length * 3 > scratch.length) return Buffer.from(text, 'utf8');
  const n = scratch.write(text, 0, 'utf8');
  return Buffer.from(scratch.subarray(0, n));
}

const ACCEPT = {
  br: /(?:^|,)\s*br\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*(?:,|$)/i,
  gzip: /(?:^|,)\s*(?:x-)?gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*(?:,|$)/i,
};

function accepts(header: string, re: RegExp): boolean {
  const m = re.exec(header);
  return m !== null && (m[1] === undefined || Number(m[1]) > 0);
}

/** The best encoding the client accepts among those we hold. */
export function chooseEncoding(acceptEncoding: string | undefined, page: CachedPage): 'br' | 'gzip' | undefined {
  if (!acceptEncoding || (!page.br && !page.gzip)) return undefined;
  if (page.br && accepts(acceptEncoding, ACCEPT.br)) return 'br';
  if (page.gzip && accepts(acceptEncoding, ACCEPT.gzip)) return 'gzip';
  return undefined;
}

/** True when an If-None-Match header matches the page's validator (weak comparison, RFC 9110 §13.1.2). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
