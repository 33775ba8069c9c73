import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../../services.ts';
import { DomainError } from '../../lib/errors.ts';
import { chooseEncoding, notModified, type CachedPage, type Lookup } from '../../modules/pagecache/index.ts';
import { surrogateKeys } from '../../modules/pagecache/index.ts';
import { problem } from '../problem.ts';

// Anonymous reads of one item are the API's hottest path (apps open articles
// from push notifications by the million). Their JSON is kept in the page
// cache under the item's surrogate key, so a publish, correction or
// unpublish anywhere in the cluster drops it exactly as it drops the item's
// pages; a fresh copy is answered before Fastify routes the request at all.

const ITEM_PATH = /^\/api\/v1\/articles\/([1-9]\d{0,9})$/;
const MAX_ID = 2_147_483_647;

export function createItemCache(services: Services) {
  const { pagecache, content } = services;
  const cache = pagecache.cache;
  const cacheKey = (id: number) => `api|item|${id}`;
  /** This process's own key for a portal's API lists, dropped synchronously with the item. */
  const listKey = (portalId: number) => `api-lists-${portalId}`;
  /** …and for an item's translations, whose `translations` field changes when a sibling is published. */
  const groupKey = (groupId: number) => `api-group-${groupId}`;
  // This process's own writes drop the item at once (synchronously after commit), so a client
  // that just changed an item never reads the old copy back; other processes hear it on the bus.
  content.changes.on('change', (change) => {
    if (change.kind === 'created' || change.kind === 'state') return;
    const keys = [surrogateKeys.item(change.itemId), listKey(change.portalId)];
    if (change.groupId !== undefined) keys.push(groupKey(change.groupId));
    cache.invalidate(keys);
  });

  async function render(id: number) {
    const group = await content.groupOf(id);
    const keys = group === undefined ? [surrogateKeys.item(id)] : [surrogateKeys.item(id), groupKey(group)];
    try {
      const item = await content.getPublic(id);
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(item), keys, cacheable: true };
    } catch (err) {
      // 410 is as stable as the item; a 404 may become a publication any second and ids are the client's to invent
      if (err instanceof DomainError && (err.status === 404 || err.status === 410)) {
        const body = JSON.stringify({ ...problem(err.status, err.message, err.extra, err.title), instance: `/api/v1/articles/${id}` });
        return { status: err.status, contentType: 'application/problem+json; charset=utf-8', body, keys, cacheable: err.status === 410 };
      }
      throw err;
    }
  }

  /** The item's public JSON, from the cache or freshly rendered (one render for concurrent misses). */
  function lookup(id: number): Promise<Lookup> {
    return cache.get(cacheKey(id), () => render(id));
  }

  function write(req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: string) {
    const cacheControl = page.status === 200 || page.status === 410 ? 'public, max-age=30, s-maxage=300, stale-while-revalidate=60' : 'public, max-age=5';
    if (page.status === 200 && notModified(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, { etag: page.etag, 'cache-control': cacheControl, vary: 'Accept-Encoding, Authorization', 'x-cache': outcome });
      res.end();
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], page);
    const body = encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.body;
    const headers: Record<string, string | number> = {
      'content-type': page.contentType,
      'content-length': body.length,
      'cache-control': cacheControl,
      etag: page.etag,
      vary: 'Accept-Encoding, Authorization',
      'x-content-type-options': 'nosniff',
      'surrogate-key': page.keys.join(' '),
      'x-cache': outcome,
    };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(page.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Answers a fresh cached anonymous item read before Fastify; false when it is anything else. */
  function fastPath(req: IncomingMessage, res: ServerResponse): boolean {
    if (!pagecache.settings.enabled || (req.method !== 'GET' && req.method !== 'HEAD') || req.headers.authorization !== undefined) return false;
    const m = req.url ? ITEM_PATH.exec(req.url) : null;
    if (!m || Number(m[1]) > MAX_ID) return false;
    const page = cache.peek(cacheKey(Number(m[1])));
    if (!page || !cache.isFresh(page)) return false;
    cache.stats.hits++;
    write(req, res, page, 'HIT');
    return true;
  }

  /**
   * A public list page, cached until anything in the portal is published, corrected or
   * withdrawn (or one of its items changes). Free-text `q` lists are not kept: their
   * variety would crowd out everything else.
   */
  function lookupList(portalId: number, portalSlug: string, query: Record<string, unknown>, render: () => Promise<unknown>): Promise<Lookup> {
    const key = `api|list|${portalSlug}|${JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
    return cache.get(key, async () => {
      const page = (await render()) as { items: { id: number }[] };
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(page),
        keys: [surrogateKeys.publications(portalSlug), surrogateKeys.portal(portalSlug), listKey(portalId), ...page.items.map((i) => surrogateKeys.item(i.id))],
        cacheable: true,
      };
    });
  }

  return { lookup, lookupList, write, fastPath, enabled: () => pagecache.settings.enabled };
}

export type ItemCache = ReturnType<typeof createItemCache>;
