import type { FastifyInstance } from 'fastify';
import { DomainError, ValidationError } from '../lib/errors.ts';

// Control characters are refused where requests come in, before any module
// sees them: a NUL byte cannot be stored in a PostgreSQL text column (the
// query fails, and a reader got a 500 for a typo in an address), and no page,
// item, search or form of ours has a use for control characters in an address.
// Bodies may carry tabs and line breaks, but never NUL (a 422 naming the field).

/** Percent-encoded C0 controls and DEL; in the path all of them are refused, in the query string NUL only. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const ENCODED_NUL = /%00/;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f]/;
/** Enough for any form or document we take; a body with more nodes than this is not walked further (the body limit bounds it anyway). */
const MAX_NODES = 200_000;

export class ControlCharacterError extends DomainError {
  constructor(detail: string) {
    super(400, 'Bad request', detail);
  }
}

/** Why the request target is refused, or undefined when it is fine. */
export function controlInTarget(url: string): string | undefined {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (ENCODED_CONTROL.test(path) || RAW_CONTROL.test(path)) return 'The address contains a control character.';
  if (q >= 0 && (ENCODED_NUL.test(url.slice(q)) || url.slice(q).includes('\u0000'))) return 'The query string contains a NUL character.';
  return undefined;
}

/** The JSON-pointer path of the first string (value or key) holding NUL in a parsed body, or undefined. */
/**
 * Whether a page address (not the API's) has a percent escape that does not
 * decode (`%zz`, a lone `%E0`): the site answers those 400 itself, before routing.
 */
export function badEscapeInPath(url: string | undefined): boolean {
  if (!url || url.startsWith('/api')) return false;
  const q = url.indexOf('?');
  try {
    decodeURIComponent(q < 0 ? url : url.slice(0, q));
    return false;
  } catch {
    return true;
  }
}

export function nulInBody(body: unknown): string | undefined {
  const seen = new Set<object>();
  let nodes = 0;
  const walk = (value: unknown, path: string): string | undefined => {
    if (++nodes > MAX_NODES) return undefined;
    if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : undefined;
    if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
    // only what parsers build (arrays and plain objects): not streams, buffers or file handles
    const proto = Object.getPrototypeOf(value) as object | null;
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return undefined;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.includes('\u0000')) return at;
      const found = walk(child, at);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(body, '');
}

/** Refuses control characters in request targets (every route) with a 400, and NUL in parsed bodies with a 422. */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const why = controlInTarget(request.url);
    if (why) throw new ControlCharacterError(why);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const path = nulInBody(request.body);
    // a field of the body, like any other invalid field: 422 naming it
    if (path !== undefined) throw new ValidationError([{ path, message: 'must not contain NUL characters' }], 'The body contains a NUL character.');
  });
}
