import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding, notModified, type CachedPage, type PageCacheSettings } from '../../modules/pagecache/index.ts';
import { compressDynamic, isCompressible, MIN_COMPRESS_BYTES, preferredEncoding } from '../compression.ts';

// How a stored page goes out on the raw response: validators (304), the
// encoding the client takes, and the caching and security headers — the
// latter built once per page and variant, so a cache hit only picks them.

export interface PageWriter {
  cacheControl: (page: CachedPage) => string;
  write: (req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: string, cacheControlValue?: string) => void | Promise<void>;
}

export function pageWriter(settings: Pick<PageCacheSettings, 'browserMaxAge' | 'sharedMaxAge' | 'staleWhileRevalidate'>): PageWriter {
  function cacheControl(page: CachedPage): string {
    if (page.status >= 500) return 'no-store';
    if (page.status === 200 || page.status === 301 || page.status === 410) {
      return `public, max-age=${settings.browserMaxAge}, s-maxage=${settings.sharedMaxAge}, stale-while-revalidate=${settings.staleWhileRevalidate}, stale-if-error=86400`;
    }
    return 'public, max-age=60, s-maxage=60';
  }

  // Response headers of a stored page, built once per page and encoding: the hit path only picks them.
  const headerMemo = new WeakMap<CachedPage, Map<string, Record<string, string | number>>>();

  function headersFor(page: CachedPage, encoding: 'br' | 'gzip' | undefined, outcome: string, cacheControlValue: string): Record<string, string | number> {
    let byVariant = headerMemo.get(page);
    if (!byVariant) headerMemo.set(page, (byVariant = new Map<string, Record<string, string | number>>()));
    const variant = `${encoding ?? ''}|${outcome}|${cacheControlValue}`;
    let headers = byVariant.get(variant);
    if (!headers) {
      const body = encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.body;
      headers = {
        'content-type': page.contentType,
        'cache-control': cacheControlValue,
        etag: page.etag,
        vary: 'Accept-Encoding',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-cache': outcome,
        ...page.headers,
      };
      if (page.keys.length) headers['surrogate-key'] = page.keys.join(' ');
      // a page may bring its own policy (the feedback form adds its script); every other page runs only the analytics beacon, from this origin
      if (page.contentType.startsWith('text/html') && !page.headers?.['content-security-policy']) {
        // frames only from the video players the sanitizer lets into a body (content/embeds.ts)
        headers['content-security-policy'] =
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; frame-ancestors 'self'";
      }
      if (encoding) headers['content-encoding'] = encoding;
      headers['content-length'] = body.length;
      byVariant.set(variant, headers);
    }
    return headers;
  }

  /** Writes a stored page on the raw response: validators, encoding, caching headers. */
  function write(req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: string, cacheControlValue = cacheControl(page)): void | Promise<void> {
    if (page.status === 200 && req.headers['if-none-match'] !== undefined && notModified(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, { etag: page.etag, 'cache-control': cacheControlValue, vary: 'Accept-Encoding', 'x-cache': outcome });
      res.end();
      return;
    }
    // a page rendered for this request alone (search, forms, errors) has no stored variants: compressed now, once
    if (!page.br && !page.gzip && page.body.length >= MIN_COMPRESS_BYTES && req.method !== 'HEAD' && isCompressible(page.contentType)) {
      const wanted = preferredEncoding(req.headers['accept-encoding']);
      if (wanted) {
        return compressDynamic(page.body, wanted).then((compressed) => {
          const headers = { ...headersFor(page, undefined, outcome, cacheControlValue), 'content-encoding': wanted, 'content-length': compressed.length };
          res.writeHead(page.status, headers);
          res.end(compressed);
        });
      }
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], page);
    const body = encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.body;
    res.writeHead(page.status, headersFor(page, encoding, outcome, cacheControlValue));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return { cacheControl, write };
}
