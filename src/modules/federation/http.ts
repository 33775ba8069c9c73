import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

// Outgoing HTTP for federation. Deployments on one machine reach each other
// by portal hostname (hanoi.localhost:3002): RFC 6761 reserves `localhost`
// and every name under it for loopback, and browsers and curl resolve them so
// without asking DNS — we do the same here rather than rely on the system
// resolver, which often does not. Every request has a deadline and a cap on
// the response size, and a redirect is followed only within the same origin:
// a peer must not be able to bounce our signed requests (or our fetches of
// its identity) to some other host.

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export type OutgoingErrorCode = 'bad-url' | 'timeout' | 'too-large' | 'redirect-refused' | 'network';

export class OutgoingHttpError extends Error {
  constructor(
    readonly code: OutgoingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OutgoingRequest {
  method?: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The URL finally answered (after same-origin redirects). */
  url: string;
  json<T = unknown>(): T;
}

export const isLoopbackName = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
};

/** `*.localhost` → 127.0.0.1 (RFC 6761 §6.3); anything else through the system resolver. */
export const loopbackAwareLookup: LookupFunction = (hostname, options, callback) => {
  if (isLoopbackName(hostname)) {
    const cb = callback as (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
    if ((options as dns.LookupAllOptions).all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
    return;
  }
  dns.lookup(hostname, options as dns.LookupOptions, callback as never);
};

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, lookup: loopbackAwareLookup } as http.AgentOptions),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, lookup: loopbackAwareLookup } as https.AgentOptions),
};

export async function request(req: OutgoingRequest): Promise<OutgoingResponse> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new OutgoingHttpError('bad-url', `not a URL: ${req.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutgoingHttpError('bad-url', `only http and https URLs are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new OutgoingHttpError('bad-url', 'URLs with credentials are refused');
  const deadline = Date.now() + (req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const origin = url.origin;
  let method = req.method ?? 'GET';
  for (let hop = 0; ; hop++) {
    const res = await once(url, method, req, deadline);
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      if (hop >= MAX_REDIRECTS) throw new OutgoingHttpError('redirect-refused', `more than ${MAX_REDIRECTS} redirects from ${req.url}`);
      let next: URL;
      try {
        next = new URL(res.headers.location, url);
      } catch {
        throw new OutgoingHttpError('redirect-refused', `unusable redirect to ${res.headers.location}`);
      }
      if (next.origin !== origin) throw new OutgoingHttpError('redirect-refused', `refused redirect from ${origin} to another host (${next.origin})`);
      // a POST is re-sent only where the status promises the same method (307, 308)
      if (method === 'POST' && res.status !== 307 && res.status !== 308) return res;
      url = next;
      method = res.status === 303 ? 'GET' : method;
      continue;
    }
    return res;
  }
}

function once(url: URL, method: string, req: OutgoingRequest, deadline: number): Promise<OutgoingResponse> {
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  const body = req.body === undefined || method === 'GET' ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  const headers: Record<string, string> = { 'user-agent': 'Lantoa-Federation/1', accept: 'application/json', ...req.headers };
  if (body) headers['content-length'] = String(body.length);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new OutgoingHttpError('timeout', `no answer from ${url.origin} in time`));
    let settled = false;
    const fail = (err: OutgoingHttpError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(err);
    };
    const request = lib.request(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], lookup: loopbackAwareLookup }, (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) return fail(new OutgoingHttpError('too-large', `${url.origin} answered with ${declared} bytes (limit ${maxBytes})`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return fail(new OutgoingHttpError('too-large', `${url.origin} sent more than ${maxBytes} bytes`));
        chunks.push(chunk);
      });
      res.on('error', (err) => fail(new OutgoingHttpError('network', `${url.origin}: ${err.message}`)));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        const buf = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: flat,
          body: buf,
          url: url.toString(),
          json<T>() {
            return JSON.parse(buf.toString('utf8')) as T;
          },
        });
      });
    });
    const timer = setTimeout(() => fail(new OutgoingHttpError('timeout', `no complete answer from ${url.origin} within ${req.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)), remaining);
    request.on('error', (err) => fail(new OutgoingHttpError('network', `${url.origin}: ${err.message}`)));
    request.end(body);
  });
}
