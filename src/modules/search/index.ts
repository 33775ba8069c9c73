// The search module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { MAX_QUERY_CHARS } from './query.ts';
export { SearchService, type SearchHit, type SearchRequest, type SearchResult } from './service.ts';
