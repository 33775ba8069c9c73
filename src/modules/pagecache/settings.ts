// The page cache's settings, parsed from the environment by the configuration loader (src/config.ts).

export interface PageCacheSettings {
  /** PAGE_CACHE=0 turns the in-process cache off (every request renders). */
  enabled: boolean;
  /** PAGE_CACHE_MB: memory budget. */
  maxBytes: number;
  /** PAGE_CACHE_TTL: seconds before an entry is refreshed in the background (a safety net; changes invalidate at once). */
  ttlMs: number;
  /** Cache-Control for browsers (max-age) and shared caches (s-maxage, stale-while-revalidate), seconds. */
  browserMaxAge: number;
  sharedMaxAge: number;
  staleWhileRevalidate: number;
  /** CDN_PURGE_URL: where purge requests go (POST, JSON); unset: no CDN purging. */
  cdnPurgeUrl: string | undefined;
  /** CDN_PURGE_TOKEN: sent as a bearer token with purge requests. */
  cdnPurgeToken: string | undefined;
}

export function pageCacheSettings(env: NodeJS.ProcessEnv, overrides: Partial<PageCacheSettings> = {}): PageCacheSettings {
  const num = (v: string | undefined, fallback: number) => {
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    enabled: env.PAGE_CACHE !== '0',
    maxBytes: num(env.PAGE_CACHE_MB, 256) * 1024 * 1024,
    ttlMs: num(env.PAGE_CACHE_TTL, 300) * 1000,
    browserMaxAge: 60,
    sharedMaxAge: 3600,
    staleWhileRevalidate: 300,
    cdnPurgeUrl: env.CDN_PURGE_URL || undefined,
    cdnPurgeToken: env.CDN_PURGE_TOKEN || undefined,
    ...overrides,
  };
}
