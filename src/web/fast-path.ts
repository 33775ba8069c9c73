import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

// Fast paths answer the busiest requests (cached pages and items, beacons)
// on the raw HTTP server, before Fastify routes them. Being outside every
// Fastify handler, nothing catches what they throw: an exception there
// would end the process, taking every portal of the deployment with it.
// So each one goes in front of Fastify through `answerFirst`, which turns
// a throw — synchronous or from the promise the fast path returns — into a
// 500 for that request, logged, as a Fastify handler's failure would be.

/**
 * Decides, synchronously, whether the fast path takes the request: `false`
 * hands it on; `true` means it was answered; a promise means it is being
 * answered (its rejection becomes a 500).
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<unknown>;

interface Log {
  error(obj: object, msg: string): void;
}

const FAILED = JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side. It has been logged.' });

/** Ends a request a fast path failed on: 500 if nothing was sent yet, else the connection is cut (the answer is already broken). */
export function failRequest(log: Log, name: string, req: IncomingMessage, res: ServerResponse, err: unknown): void {
  try {
    log.error({ err, url: req.url, method: req.method, fastPath: name }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(FAILED), 'cache-control': 'no-store' });
    res.end(FAILED);
  } catch {
    res.destroy();
  }
}

/**
 * The fast paths, in the order a request meets them: beacons first (one per
 * page view, and nothing of Fastify's is needed to take one), then cached API
 * items (apps open them by the million), then cached pages (which also turn
 * away malformed URLs with the site's 400). Whatever none takes goes to Fastify.
 */
export const FAST_PATH_ORDER = ['beacon', 'item-cache', 'page-cache'] as const;
export type FastPathName = (typeof FAST_PATH_ORDER)[number];

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The fast paths of one server, composed in FAST_PATH_ORDER whatever order they were added in. */
export class FastPaths {
  private readonly byName = new Map<FastPathName, FastPath>();
  private chain: Array<[FastPathName, FastPath]> = [];
  /** where failures are logged: the Fastify instance's logger, once it exists */
  log: Log = { error() {} };

  add(name: FastPathName, fastPath: FastPath): void {
    if (this.byName.has(name)) throw new Error(`the ${name} fast path is already in place`);
    this.byName.set(name, fastPath);
    this.chain = FAST_PATH_ORDER.flatMap((n): Array<[FastPathName, FastPath]> => {
      const f = this.byName.get(n);
      return f ? [[n, f]] : [];
    });
  }

  /** The raw server's request listener: each fast path in turn, then `next` (Fastify's handler). */
  listener(next: Listener): Listener {
    // read on every request: fast paths registered after the server was made join the chain
    const chain = () => this.chain;
    const log = () => this.log;
    // a function, not an arrow: Fastify's handler is called with the server as `this`, as Node calls listeners
    return function answer(this: unknown, req, res) {
      for (const [name, fastPath] of chain()) {
        let taken: boolean | Promise<unknown>;
        try {
          taken = fastPath(req, res);
        } catch (err) {
          failRequest(log(), name, req, res, err);
          return;
        }
        if (taken === false) continue;
        if (taken !== true) taken.catch((err: unknown) => failRequest(log(), name, req, res, err));
        return;
      }
      next.call(this, req, res);
    };
  }
}
const composed = new WeakMap<object, FastPaths>();

/** Options Fastify hands its serverFactory: the ones it would itself apply to an HTTP/1 server. */
interface ServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/**
 * Fastify's serverFactory: an HTTP server whose requests meet the fast paths
 * before Fastify, set up as Fastify sets up its own (timeouts, header size).
 */
export function fastPathServer(fastPaths: FastPaths) {
  return (handler: Listener, options: ServerOptions): http.Server => {
    const server = http.createServer(options.http ?? {}, fastPaths.listener(handler));
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    composed.set(server, fastPaths);
    return server;
  };
}

/** Adds a fast path in front of `app`'s router; its place among the others is FAST_PATH_ORDER's. */
export function answerFirst(app: FastifyInstance, name: FastPathName, fastPath: FastPath): void {
  const fastPaths = composed.get(app.server);
  if (!fastPaths) throw new Error('fast paths go in front of a server made by buildServer (fastPathServer)');
  fastPaths.add(name, fastPath);
}
