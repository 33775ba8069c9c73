import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';

// Outgoing HTTP to addresses that someone other than the operator chose: a
// federation peer (its identity, inbox and log), a channel's API base URL, a
// video or picture an editor linked. Such a request must not become a way
// into the machine's own network (SSRF): every address a name resolves to is
// checked against the private, loopback, link-local and metadata ranges
// before connecting, the socket connects to exactly the address checked (no
// second DNS answer can slip in between), and each redirect is one more
// request checked the same way. The operator opens ranges with
// OUTBOUND_ALLOW; loopback is open by default only while PUBLIC_URL is itself
// on loopback (development, and several deployments on one machine).
//
// Names under `localhost` resolve to loopback here without asking DNS (RFC
// 6761 §6.3), as browsers and curl do, so deployments on one machine reach
// each other by portal hostname (hanoi.localhost:3002).

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

/** Ranges no peer- or user-chosen request may reach unless OUTBOUND_ALLOW opens them. */
const DENIED: ReadonlyArray<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

const LOOPBACK: ReadonlyArray<[string, number, 'ipv4' | 'ipv6']> = [
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
];

export class OutboundConfigError extends Error {}

export const isLoopbackName = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
};

const bare = (host: string) => host.replace(/^\[|\]$/g, '');

/** Whether a host (name or literal address) is loopback: `localhost`, `*.localhost`, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = bare(host);
  if (isLoopbackName(h)) return true;
  const family = net.isIP(h);
  if (!family) return false;
  const list = new net.BlockList();
  for (const [a, p, t] of LOOPBACK) list.addSubnet(a, p, t);
  return list.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

/** `127.0.0.0/8,::1` → subnets; throws OutboundConfigError naming the bad part. */
export function parseCidrList(text: string): Array<[string, number, 'ipv4' | 'ipv6']> {
  const out: Array<[string, number, 'ipv4' | 'ipv6']> = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(part);
    const address = m ? bare(m[1]) : '';
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = m?.[2] === undefined ? max : Number(m[2]);
    if (!family || prefix > max) throw new OutboundConfigError(`OUTBOUND_ALLOW: "${part}" is not an address or CIDR range (e.g. 127.0.0.0/8, ::1, 10.1.0.0/16)`);
    out.push([address, prefix, family === 4 ? 'ipv4' : 'ipv6']);
  }
  return out;
}

/**
 * Which addresses outgoing requests to peer- or user-chosen URLs may reach:
 * everything but the denied ranges, plus the ranges the operator allowed.
 */
export class OutboundPolicy {
  private readonly denied = new net.BlockList();
  private readonly allowed = new net.BlockList();
  private agents?: { 'http:': http.Agent; 'https:': https.Agent };

  private constructor(
    /** the operator's exceptions, as given (for messages) */
    readonly allowList: string[],
    /** false: every address may be reached (the operator's own addresses) */
    readonly filtering: boolean,
  ) {
    for (const [a, p, t] of DENIED) this.denied.addSubnet(a, p, t);
  }

  /**
   * OUTBOUND_ALLOW (comma-separated CIDRs) over the default: loopback allowed
   * only while the deployment's own PUBLIC_URL is on loopback.
   */
  static fromSettings(s: { allow?: string; publicUrl: URL }): OutboundPolicy {
    const ranges = s.allow ? parseCidrList(s.allow) : [];
    if (isLoopbackHost(s.publicUrl.hostname)) ranges.push(...LOOPBACK);
    const policy = new OutboundPolicy(
      ranges.map(([a, p]) => `${a}/${p}`),
      true,
    );
    for (const [a, p, t] of ranges) policy.allowed.addSubnet(a, p, t);
    return policy;
  }

  /** For addresses the operator set (SMTP, CDN purge, S3, the deployment's own portals): not filtered. */
  static readonly unrestricted = new OutboundPolicy([], false);

  /** Whether a resolved address may be connected to. */
  allows(address: string): boolean {
    if (!this.filtering) return true;
    const a = bare(address);
    const family = net.isIP(a);
    if (!family) return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowed.check(a, type)) return true;
    if (this.denied.check(a, type)) return false;
    // IPv4 embedded in IPv6 other than ::ffff:0:0/96 (which BlockList maps itself): NAT64 and IPv4-compatible
    if (type === 'ipv6') {
      const embedded = embeddedIpv4(a);
      if (embedded) return this.allows(embedded);
    }
    return true;
  }

  /** The DNS step of a connection: resolves (with `*.localhost` → loopback) and refuses when any address is not allowed. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const cb = callback;
    const all = (options as dns.LookupAllOptions).all === true;
    const done = (addresses: dns.LookupAddress[]) => {
      const refused = addresses.find((a) => !this.allows(a.address));
      if (refused) return cb(refusal(hostname, refused.address), all ? [] : '', undefined);
      if (all) return cb(null, addresses);
      cb(null, addresses[0].address, addresses[0].family);
    };
    if (isLoopbackName(hostname)) return done([{ address: '127.0.0.1', family: 4 }]);
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, all ? [] : '', undefined);
      if (!addresses.length) return cb(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), all ? [] : '', undefined);
      done(addresses);
    });
  };

  agentFor(protocol: 'http:' | 'https:'): http.Agent {
    this.agents ??= {
      'http:': new http.Agent({ keepAlive: true, maxSockets: 64, lookup: this.lookup }),
      'https:': new https.Agent({ keepAlive: true, maxSockets: 64, lookup: this.lookup }),
    };
    return this.agents[protocol];
  }
}

function embeddedIpv4(v6: string): string | undefined {
  const lower = v6.toLowerCase();
  // 64:ff9b::/96 (NAT64) and ::/96 (IPv4-compatible, deprecated): the last 32 bits are an IPv4 address
  const m = /^(?:64:ff9b::|::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

const REFUSED = 'EOUTBOUNDREFUSED';

let defaultPolicy: OutboundPolicy | undefined;
/**
 * The policy of a deployment on loopback with no OUTBOUND_ALLOW (loadConfig's
 * answer to an empty environment), for callers without a deployment's config:
 * tools and tests. The services always pass Config.outbound.
 */
export function unconfiguredPolicy(): OutboundPolicy {
  return (defaultPolicy ??= OutboundPolicy.fromSettings({ allow: undefined, publicUrl: new URL('http://localhost:3000') }));
}

function refusal(host: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${host} resolves to ${address}, a loopback, private, link-local or reserved address; requests there are refused (an operator can allow a range with OUTBOUND_ALLOW)`), { code: REFUSED });
}

// ---------- the request ----------

export type OutgoingErrorCode = 'bad-url' | 'timeout' | 'too-large' | 'redirect-refused' | 'refused' | 'network';

export class OutgoingHttpError extends Error {
  constructor(
    readonly code: OutgoingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OutgoingRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
  maxBytes?: number;
  /** where the request may go: the deployment's (Config.outbound); a loopback deployment's with no OUTBOUND_ALLOW when absent */
  policy?: OutboundPolicy;
  /**
   * `same-origin` (default): a redirect is followed only within the origin —
   * a peer must not bounce our signed requests to another host; `any`: to any
   * allowed address; `none`: a 3xx is the answer.
   */
  redirects?: 'same-origin' | 'any' | 'none';
}

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The URL finally answered (after redirects). */
  url: string;
  json<T = unknown>(): T;
}

/** Checks a URL before any connection: scheme, no credentials, and a literal address against the policy. */
export function checkOutgoingUrl(raw: string, policy: OutboundPolicy = unconfiguredPolicy()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutgoingHttpError('bad-url', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutgoingHttpError('bad-url', `only http and https URLs are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new OutgoingHttpError('bad-url', 'URLs with credentials are refused');
  // a literal address skips the lookup when connecting: it is checked here
  const host = bare(url.hostname);
  if (net.isIP(host) && !policy.allows(host)) throw new OutgoingHttpError('refused', refusal(host, host).message);
  return url;
}

export async function outgoingRequest(req: OutgoingRequest): Promise<OutgoingResponse> {
  const policy = req.policy ?? unconfiguredPolicy();
  let url = checkOutgoingUrl(req.url, policy);
  const deadline = Date.now() + (req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const origin = url.origin;
  const redirects = req.redirects ?? 'same-origin';
  const method = req.method ?? 'GET';
  for (let hop = 0; ; hop++) {
    const res = await once(url, method, req, deadline, policy);
    if (redirects === 'none' || res.status < 300 || res.status >= 400 || !res.headers.location) return res;
    if (hop >= MAX_REDIRECTS) throw new OutgoingHttpError('redirect-refused', `more than ${MAX_REDIRECTS} redirects from ${req.url}`);
    let next: URL;
    try {
      next = new URL(res.headers.location, url);
    } catch {
      throw new OutgoingHttpError('redirect-refused', `unusable redirect to ${res.headers.location}`);
    }
    if (redirects === 'same-origin' && next.origin !== origin) throw new OutgoingHttpError('redirect-refused', `refused redirect from ${origin} to another host (${next.origin})`);
    // each hop is a new request to a new address: checked like the first
    next = checkOutgoingUrl(next.toString(), policy);
    // a body is re-sent only where the status promises the same method (307, 308)
    if (method !== 'GET' && res.status !== 307 && res.status !== 308) return res;
    url = next;
  }
}

function once(url: URL, method: string, req: OutgoingRequest, deadline: number, policy: OutboundPolicy): Promise<OutgoingResponse> {
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
    const protocol = url.protocol as 'http:' | 'https:';
    const request = lib.request(url, { method, headers, agent: policy.agentFor(protocol), lookup: policy.lookup }, (res) => {
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
    request.on('error', (err: NodeJS.ErrnoException) => fail(err.code === REFUSED ? new OutgoingHttpError('refused', err.message) : new OutgoingHttpError('network', `${url.origin}: ${err.message}`)));
    request.end(body);
  });
}
