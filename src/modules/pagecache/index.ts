// The pagecache module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { buildPage, chooseEncoding, notModified, type CachedPage, type Lookup, type RenderResult } from './cache.ts';
export { surrogateKeys } from './keys.ts';
export { KeyedMemo } from './memo.ts';
export { PageCacheService, type PageCacheSettings } from './service.ts';
export { pageCacheSettings } from './settings.ts';
