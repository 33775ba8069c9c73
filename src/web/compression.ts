import { promisify } from 'node:util';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

// Compression of every text answer (HTML, CSS, JS, JSON, XML) of 1 KB or more that the
// client accepts gzip or brotli for. The page cache and the item cache keep their own
// precompressed variants and answer before Fastify; this covers everything rendered for
// one request: search results, forms, answers, the admin, the API, errors.
// Dynamic answers use brotli quality 4 and gzip level 6: a few hundred microseconds for a
// 50 KB page, most of brotli's gain; one-off assets (the editor bundle) are compressed harder, once.

export const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:[a-z0-9.-]+\+)?(?:json|xml|javascript)\b|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);

const brotliParams = (quality: number, size: number) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
});

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/**
 * The encoding to answer with, from an Accept-Encoding header (RFC 9110 §12.5.3): brotli
 * before gzip when both are acceptable, `q=0` refuses, `*` stands for any coding not named.
 */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  if (acceptEncoding === undefined) return undefined;
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (header.length === 0) return undefined;
  let br: number | undefined;
  let gzip: number | undefined;
  let star: number | undefined;
  // a header is at most 64 KB (the server's limit); only the first 64 codings are looked at
  const parts = header.split(',', 64);
  for (const part of parts) {
    const [rawName, ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]{1,6})\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === 'br') br = Math.max(br ?? 0, q);
    else if (name === 'gzip' || name === 'x-gzip') gzip = Math.max(gzip ?? 0, q);
    else if (name === '*') star = q;
  }
  br ??= star;
  gzip ??= star;
  if (br !== undefined && br > 0 && br >= (gzip ?? 0)) return 'br';
  if (gzip !== undefined && gzip > 0) return 'gzip';
  return undefined;
}

/** Compresses an answer made for one request (cheap settings: the hot path pays for it). */
export function compressDynamic(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, brotliParams(4, body.length)) : gzipAsync(body, { level: 6 });
}

/** Compresses something kept and sent many times (a bundle): the strongest settings, paid once. */
export async function compressOnce(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gzip] = await Promise.all([brotliAsync(body, brotliParams(11, body.length)), gzipAsync(body, { level: 9 })]);
  return { br, gzip };
}

/** Adds a field name to a Vary header value unless it is already named there (or `*`). */
export function withVary(current: unknown, field: string): string {
  const value = Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : '';
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('*') || names.includes(field.toLowerCase())) return value;
  return value ? `${value}, ${field}` : field;
}

const NO_BODY = new Set([204, 304]);

/**
 * An onSend hook compressing what Fastify sends (strings, buffers, streams). Answers already
 * encoded, partial, marked no-transform, smaller than 1 KB or not text go out as they are;
 * anything written on the raw response (hijacked replies, fast paths) never passes here.
 */
export function compressResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (payload === null || payload === undefined) return payload;
    const status = reply.statusCode;
    if (NO_BODY.has(status) || status === 206 || status < 200) return payload;
    if (!isCompressible(reply.getHeader('content-type'))) return payload;
    if (reply.getHeader('content-encoding') !== undefined || reply.getHeader('content-range') !== undefined) return payload;
    const cacheControl = reply.getHeader('cache-control');
    if (typeof cacheControl === 'string' && /\bno-transform\b/i.test(cacheControl)) return payload;

    const isStream = payload instanceof Readable || (typeof payload === 'object' && typeof (payload as { pipe?: unknown }).pipe === 'function');
    let body: Buffer | undefined;
    if (!isStream) {
      if (typeof payload === 'string') body = Buffer.from(payload, 'utf8');
      else if (payload instanceof Uint8Array) body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
      else return payload;
      if (body.length < MIN_COMPRESS_BYTES) return payload;
    } else {
      const length = Number(reply.getHeader('content-length'));
      if (Number.isFinite(length) && length < MIN_COMPRESS_BYTES) return payload;
    }
    // from here the answer depends on Accept-Encoding, whether or not this client gets it compressed
    reply.header('vary', withVary(reply.getHeader('vary'), 'Accept-Encoding'));
    if (request.method === 'HEAD') return payload;
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    // the compressed bytes are another representation: a strong validator would claim byte identity
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && etag.startsWith('"')) reply.header('etag', `W/${etag}`);
    reply.removeHeader('content-length');
    if (body) return compressDynamic(body, encoding);
    const compressor = encoding === 'br' ? zlib.createBrotliCompress(brotliParams(4, 0)) : zlib.createGzip({ level: 6 });
    // pipeline, not pipe: a client that goes away destroys the compressor, and with it the source (an open file)
    pipeline(payload as Readable, compressor, () => undefined);
    return compressor;
  });
}
