import type { FastifyRequest } from 'fastify';

// Query strings that may carry a citizen's contact, a tracking code or an
// admin's one-time link stay out of the logs: an access log is kept longer,
// read by more people and shipped further than the data it would leak. The
// path is kept (it tells what was asked for); the query becomes "?…".

/** Paths whose query strings are nobody's business: citizen feedback (site and API) and the admin. */
const PRIVATE_PATH = /^(?:\/(?:vi|en|zh))?\/phan-anh(?:\/|$)|^\/api\/v1\/feedback(?:\/|$)|^\/api\/v1\/portals\/[^/]+\/feedback(?:\/|$)|^\/admin(?:\/|$)/;

/**
 * The path as the routes read it: escapes decoded, repeated slashes as one,
 * any case — `/vi/phan-anh/…` (redirected), `//phan-anh`, `/%70han-anh` and
 * `/api//v1/feedback` name the same private routes and keep their queries private too.
 */
function routedPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: judged as sent
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

/** The request target as the logs may show it. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const path = url.slice(0, q);
  return PRIVATE_PATH.test(routedPath(path)) ? `${path}?…` : url;
}

/** Fastify's request serializer, with the query of private paths left out. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}
