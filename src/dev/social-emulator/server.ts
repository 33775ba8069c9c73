import { at, shown, str } from '../../modules/social/index.ts';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Platform } from '../../modules/social/index.ts';

// Local stand-ins for the five social platforms' APIs (`lantoa emulate social`).
// Each platform lives under its own prefix (/facebook, /youtube, /x, /zalo,
// /viber) and answers the documented paths with the documented shapes,
// checks the platform's kind of token, and keeps what it received. Faults can
// be queued or drawn at a rate, so tests and the demo see throttling, server
// errors, lost answers and expired tokens the way production would. The
// server is part of the product, not of the tests: the demo network's
// channels point at it, so cross-posting can be watched without accounts.

export type FaultKind =
  /** the platform's own throttling answer, with Retry-After where it sends one */
  | 'rate-limit'
  /** a 5xx in the platform's error shape */
  | 'server-error'
  /** a 502 HTML page from a proxy in front of the platform */
  | 'html-error'
  /** a 200 whose JSON is cut off */
  | 'truncated-json'
  /** no answer at all, and nothing done */
  | 'timeout'
  /** the request is carried out, then the connection drops before the answer */
  | 'lost-response'
  /** the access token presented has expired (and stops working) */
  | 'expired-token'
  /** the platform's duplicate-post refusal */
  | 'duplicate';

export const FAULT_KINDS: FaultKind[] = ['rate-limit', 'server-error', 'html-error', 'truncated-json', 'timeout', 'lost-response', 'expired-token', 'duplicate'];

export interface Fault {
  kind: FaultKind;
  retryAfterSeconds?: number;
}

export interface EmulatedRequest {
  method: string;
  /** the path below the platform prefix, e.g. /v21.0/123/feed */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** the body as JSON, when it is: read it with the readers of ../answer.ts */
  json: unknown;
  /** the body as a form (urlencoded), when it is */
  form: URLSearchParams | undefined;
  /** the body as multipart form data, parsed on demand */
  formData(): Promise<FormData>;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** an object is sent as JSON */
  body?: unknown;
}

export interface EmulatedPost {
  id: string;
  /** the public address of the item this post carries, when the emulator could see one */
  link: string | undefined;
  text: string;
  createdAt: string;
  deleted: boolean;
  edits: number;
  data: Record<string, unknown>;
}

export interface ReceivedRequest {
  at: string;
  method: string;
  path: string;
  status: number;
  fault?: FaultKind;
}

/** What one platform's emulator holds. */
export class PlatformState {
  readonly posts = new Map<string, EmulatedPost>();
  readonly received: ReceivedRequest[] = [];
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  /** faults to answer the next faultable requests with, in order */
  readonly queued: Fault[] = [];
  /** share of faultable requests that get a random fault from `kinds` */
  rate = 0;
  kinds: FaultKind[] = [];
  followers = 1000;
  /** faults answered so far (the `received` log keeps only the latest requests) */
  faultsInjected = 0;
  /** anything else a platform keeps (upload sessions, article tokens) */
  readonly extra = new Map<string, unknown>();
  /** posts made and other outward acts (a broadcast to followers): what a caller must not repeat */
  accepted = 0;
  /**
   * How many more answers to hold, of requests the platform carried out as an
   * outward act (`accepted` grew): the post is on the platform, the caller
   * never hears so. Crash tests kill the caller while it waits
   * (`heldAnswers` tells them when), as a real crash between a platform's
   * acceptance and the caller's record would.
   */
  holdAnswersAfterPost = 0;
  /** answers held so far by `holdAnswersAfterPost` */
  heldAnswers = 0;
  private seq = 0;

  constructor(readonly platform: Platform) {}

  nextId(): string {
    this.seq++;
    return `${Date.now().toString(36)}${this.seq.toString().padStart(6, '0')}`;
  }

  token(prefix: string): string {
    return `${prefix}${randomBytes(12).toString('hex')}`;
  }

  addPost(link: string | undefined, text: string, data: Record<string, unknown> = {}, id = this.nextId()): EmulatedPost {
    const post: EmulatedPost = { id, link, text, createdAt: new Date().toISOString(), deleted: false, edits: 0, data };
    this.posts.set(id, post);
    this.accepted++;
    return post;
  }

  /** Live posts that carry `link`. */
  postsFor(link: string): EmulatedPost[] {
    return [...this.posts.values()].filter((p) => !p.deleted && p.link === link);
  }

  drawFault(): Fault | undefined {
    const queued = this.queued.shift();
    const fault = queued ?? (this.rate > 0 && this.kinds.length && Math.random() < this.rate ? { kind: this.kinds[Math.floor(Math.random() * this.kinds.length)], retryAfterSeconds: 1 } : undefined);
    if (fault) this.faultsInjected++;
    return fault;
  }
}

export interface EmulatorContext {
  state: PlatformState;
  /** this platform's base address on the emulator, e.g. http://127.0.0.1:4100/facebook */
  base: string;
}

export interface PlatformEmulator {
  platform: Platform;
  /** the apiBaseUrl a channel uses to reach this emulator, from the platform's base on it */
  apiBaseUrl(base: string): string;
  /** valid credentials for a new channel (tokens the emulator will accept) */
  account(ctx: EmulatorContext): Record<string, string>;
  /** may an injected fault hit this request? (writes, not token refreshes or status probes) */
  faultable(req: EmulatedRequest): boolean;
  /** the platform-shaped answer for an injected fault (rate-limit, server-error, expired-token, duplicate) */
  faultReply(kind: 'rate-limit' | 'server-error' | 'expired-token' | 'duplicate', req: EmulatedRequest, ctx: EmulatorContext, fault: Fault): Reply;
  /** answers the request; undefined means no such path (404) */
  handle(req: EmulatedRequest, ctx: EmulatorContext): Reply | undefined | Promise<Reply | undefined>;
}

const MAX_BODY = 64 * 1024 * 1024;

export class SocialEmulator {
  private server: http.Server | undefined;
  readonly states = new Map<Platform, PlatformState>();
  private readonly byPlatform = new Map<Platform, PlatformEmulator>();
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(emulators: PlatformEmulator[]) {
    for (const e of emulators) {
      this.byPlatform.set(e.platform, e);
      this.states.set(e.platform, new PlatformState(e.platform));
    }
  }

  get platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }

  state(platform: Platform): PlatformState {
    const s = this.states.get(platform);
    if (!s) throw new Error(`no emulator for ${platform}`);
    return s;
  }

  private ctx(platform: Platform): EmulatorContext {
    return { state: this.state(platform), base: `${this.url}/${platform}` };
  }

  /** The apiBaseUrl and credentials of a new channel on this emulator. */
  account(platform: Platform): { apiBaseUrl: string; credentials: Record<string, string> } {
    const e = this.byPlatform.get(platform)!;
    const ctx = this.ctx(platform);
    return { apiBaseUrl: e.apiBaseUrl(ctx.base), credentials: e.account(ctx) };
  }

  /**
   * Queues `fault` for the first request of a platform that `when` picks (a
   * particular chunk of an upload, say), seen as it arrives. Returns the
   * function that disarms it.
   */
  injectWhen(platform: Platform, when: (request: EmulatedRequest) => boolean, fault: Fault): () => void {
    const trigger = { when, fault };
    this.triggers.push({ platform, ...trigger });
    return () => {
      const i = this.triggers.findIndex((t) => t.when === when);
      if (i >= 0) this.triggers.splice(i, 1);
    };
  }

  private readonly triggers: { platform: Platform; when: (request: EmulatedRequest) => boolean; fault: Fault }[] = [];

  /** Queues faults for the next faultable requests of a platform. */
  inject(platform: Platform, ...faults: Fault[]): void {
    this.state(platform).queued.push(...faults);
  }

  /** Makes a share of every platform's faultable requests fail with one of `kinds`. */
  setFaultRate(rate: number, kinds: FaultKind[], platforms: Platform[] = this.platforms): void {
    for (const p of platforms) {
      const s = this.state(p);
      s.rate = rate;
      s.kinds = kinds;
    }
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator error: ${(err as Error).message}\n`);
      });
    });
    this.server.keepAliveTimeout = 1000;
    // a port in use (a second deployment on the machine) is the caller's to handle, not an unhandled 'error' event
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      const refused = (err: Error) => {
        this.server = undefined;
        reject(err);
      };
      server.once('error', refused);
      server.listen(port, host, () => {
        server.off('error', refused);
        resolve();
      });
    });
    const addr = this.server.address() as AddressInfo;
    this.url = `http://${host}:${addr.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname === '/' || url.pathname === '/_emulator/state' || url.pathname.startsWith('/_emulator/')) return this.control(req, res, url);
    const [, prefix] = url.pathname.split('/');
    const emulator = this.byPlatform.get(prefix as Platform);
    if (!emulator) return send(res, { status: 404, body: { error: 'no such platform on this emulator' } });
    const body = await readBody(req);
    if (body === undefined) return send(res, { status: 413, body: { error: 'too large' } });
    const type = String(req.headers['content-type'] ?? '');
    let json: unknown;
    let form: URLSearchParams | undefined;
    if (type.includes('json')) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
    } else if (type.includes('application/x-www-form-urlencoded')) form = new URLSearchParams(body.toString('utf8'));
    const request: EmulatedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(prefix.length + 1) || '/',
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
      form,
      formData: () => new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData(),
    };
    const ctx = this.ctx(emulator.platform);
    const state = ctx.state;
    const armed = this.triggers.findIndex((t) => t.platform === emulator.platform && t.when(request));
    if (armed >= 0) state.queued.unshift(this.triggers.splice(armed, 1)[0].fault);
    const fault = emulator.faultable(request) ? state.drawFault() : undefined;
    const record = (status: number) => {
      state.received.push({ at: new Date().toISOString(), method: request.method, path: request.path, status, fault: fault?.kind });
      if (state.received.length > 2000) state.received.splice(0, state.received.length - 2000);
    };
    if (fault) {
      switch (fault.kind) {
        case 'timeout':
          // hold the request unanswered: the caller's time limit decides
          record(0);
          this.hanging.add(res);
          res.once('close', () => this.hanging.delete(res));
          return;
        case 'html-error':
          record(502);
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
          return;
        case 'truncated-json':
          record(200);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"12345","data":{"i');
          return;
        case 'lost-response': {
          const reply = (await emulator.handle(request, ctx)) ?? { status: 404 };
          record(reply.status);
          req.socket.destroy();
          return;
        }
        case 'expired-token': {
          // the token presented stops working, as an expired one would
          for (const t of presentedTokens(request)) state.accessTokens.delete(t);
          const reply = emulator.faultReply(fault.kind, request, ctx, fault);
          record(reply.status);
          return send(res, reply);
        }
        // the platform's own answers for these
        case 'rate-limit':
        case 'server-error':
        case 'duplicate': {
          const reply = emulator.faultReply(fault.kind, request, ctx, fault);
          record(reply.status);
          return send(res, reply);
        }
      }
    }
    const acceptedBefore = state.accepted;
    const reply = (await emulator.handle(request, ctx)) ?? { status: 404, body: { error: `no such path: ${request.method} ${request.path}` } };
    record(reply.status);
    if (state.holdAnswersAfterPost > 0 && state.accepted > acceptedBefore) {
      state.holdAnswersAfterPost--;
      this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res));
      state.heldAnswers++;
      return;
    }
    return send(res, reply);
  }

  /** The page listing what each platform received, and the JSON control endpoints. */
  private async control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/_emulator/state') {
      const out: Record<string, unknown> = {};
      for (const [p, s] of this.states) out[p] = { posts: [...s.posts.values()], received: s.received.length, queuedFaults: s.queued.length, rate: s.rate, followers: s.followers };
      return send(res, { status: 200, body: out });
    }
    if (url.pathname === '/_emulator/faults' && req.method === 'POST') {
      const body = await readBody(req);
      let input: { platform?: string; faults?: Fault[]; rate?: number; kinds?: FaultKind[] };
      try {
        input = JSON.parse(body?.toString('utf8') ?? '') as typeof input; // each field is checked below before use
      } catch {
        return send(res, { status: 400, body: { error: 'send JSON: {platform?, faults?, rate?, kinds?}' } });
      }
      const platforms = input.platform ? [input.platform as Platform] : this.platforms;
      if (platforms.some((p) => !this.states.has(p))) return send(res, { status: 400, body: { error: `unknown platform ${input.platform}` } });
      const kinds = (input.kinds ?? []).filter((k) => FAULT_KINDS.includes(k));
      for (const p of platforms) {
        if (Array.isArray(input.faults)) this.inject(p, ...input.faults.filter((f) => FAULT_KINDS.includes(f?.kind)));
        if (typeof input.rate === 'number') this.setFaultRate(Math.max(0, Math.min(1, input.rate)), kinds, [p]);
      }
      return send(res, { status: 200, body: { ok: true } });
    }
    if (url.pathname !== '/') return send(res, { status: 404, body: { error: 'not found' } });
    const esc = (s: unknown) => (s === undefined || s === null ? '' : shown(s)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    const sections = [...this.states]
      .map(([p, s]) => {
        const posts = [...s.posts.values()].reverse().slice(0, 50);
        return `<section><h2>${esc(p)}</h2><p>${s.posts.size} posts, ${s.received.length} requests received${s.rate ? `, faults at ${Math.round(s.rate * 100)}%` : ''}; base <code>${esc(this.byPlatform.get(p)!.apiBaseUrl(`${this.url}/${p}`))}</code></p>
<table><thead><tr><th>id</th><th>when</th><th>text</th><th>link</th><th>state</th></tr></thead><tbody>${posts
          .map(
            (x) =>
              `<tr><td>${esc(x.id)}</td><td>${esc(x.createdAt)}</td><td>${esc(x.text.slice(0, 160))}</td><td>${x.link ? `<a href="${esc(x.link)}">${esc(x.link)}</a>` : ''}</td><td>${x.deleted ? 'deleted' : x.edits ? `edited ×${x.edits}` : 'live'}</td></tr>`,
          )
          .join('')}</tbody></table></section>`;
      })
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantoa social emulators</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}code{background:#f3f3f3}</style></head>
<body><h1>Social platform emulators</h1><p>What Facebook, YouTube, X, Zalo and Viber would have received from this Lantoa deployment. Faults: <code>POST /_emulator/faults {"platform":"x","rate":0.3,"kinds":["rate-limit"]}</code>; state as JSON at <a href="/_emulator/state">/_emulator/state</a>.</p>${sections}</body></html>`);
  }
}

/** Every token a request carries, wherever its platform puts it. */
export function presentedTokens(req: EmulatedRequest): string[] {
  const out: string[] = [];
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^bearer /i.test(auth)) out.push(auth.slice(7).trim());
  for (const h of ['access_token', 'x-viber-auth-token']) {
    const v = req.headers[h];
    if (typeof v === 'string') out.push(v);
  }
  const q = req.query.get('access_token') ?? req.form?.get('access_token') ?? str(at(req.json, 'access_token')) ?? str(at(req.json, 'auth_token'));
  if (q) out.push(q);
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: string | Buffer = '';
  if (reply.body !== undefined) {
    if (Buffer.isBuffer(reply.body)) body = reply.body;
    else if (typeof reply.body === 'string') body = reply.body;
    else {
      body = JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}
