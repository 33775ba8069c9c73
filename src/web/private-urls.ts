import type { FastifyRequest } from 'fastify';

// Query strings that may carry a citizen's contact, a tracking code or an
// admin's one-time link stay out of the logs: an access log is kept longer,
// read by more people and shipped further than the data it would leak. The
// path is kept (it tells what was asked for); the query becomes "?…".

/** Paths whose query strings are nobody's business: citizen feedback (site and API) and the admin. */
const PRIVATE_PATH = /^(?:\/(?:en|zh))?\/phan-anh(?:[/?]|$)|^\/api\/v1\/feedback(?:[/?]|$)|^\/api\/v1\/portals\/[^/?]+\/feedback(?:[/?]|$)|^\/admin(?:[/?]|$)/;

/** The request target as the logs may show it. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const path = url.slice(0, q);
  return PRIVATE_PATH.test(path) ? `${path}?…` : url;
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
