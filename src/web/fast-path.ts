import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** Puts `fastPath` in front of whatever answers the server's requests now (Fastify, or fast paths put there earlier). */
export function answerFirst(app: FastifyInstance, name: string, fastPath: FastPath): void {
  const server = app.server;
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (listeners.length !== 1) return;
  const next = listeners[0];
  server.removeListener('request', next);
  const log = app.log;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let taken: boolean | Promise<unknown>;
    try {
      taken = fastPath(req, res);
    } catch (err) {
      failRequest(log, name, req, res, err);
      return;
    }
    if (taken === false) next.call(server, req, res);
    else if (taken !== true) taken.catch((err: unknown) => failRequest(log, name, req, res, err));
  });
}
