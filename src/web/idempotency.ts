import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors.ts';
import { requestHash, tokenScope, validKey, type IdempotencyKeys, type StoredAnswer } from '../modules/idempotency/index.ts';

// The `Idempotency-Key` header on the API (src/modules/idempotency keeps the
// keys): every authenticated POST under /api/v1 may carry one — the creates
// (articles, channels, subscriptions, cases' steps, …) are why. The hooks sit
// around whatever handler answers, so a route needs nothing to take part.

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyRelease?: (answer: StoredAnswer | null) => Promise<void>;
  }
}

const bearerToken = (request: FastifyRequest) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];

export function idempotentPosts(app: FastifyInstance, keys: IdempotencyKeys): void {
  // after authentication (onRequest) and validation, before the handler
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/api/v1/')) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const token = bearerToken(request);
    // keys are per token: an anonymous post (a citizen's submission has its own repeat check) ignores the header
    if (!request.account || !token) return;
    if (typeof header !== 'string' || !validKey(header)) {
      throw new DomainError(400, 'Bad request', 'Idempotency-Key must be one value of 1 to 255 visible ASCII characters (a UUID, say).', {
        errors: [{ path: '/headers/idempotency-key', message: 'must be 1 to 255 visible ASCII characters' }],
      });
    }
    const claim = await keys.claim(tokenScope(token), header, requestHash(request.method, request.url, request.body ?? null));
    if (claim.kind === 'claimed') {
      request.idempotencyRelease = claim.release;
      return;
    }
    const { answer } = claim;
    reply.code(answer.status).header('idempotent-replayed', 'true');
    if (answer.contentType) reply.header('content-type', answer.contentType);
    if (answer.location) reply.header('location', answer.location);
    return reply.send(answer.body);
  });

  // the answer is kept before it leaves: a client that loses it finds it on its retry
  app.addHook('onSend', async (request, reply, payload) => {
    const release = request.idempotencyRelease;
    if (!release) return payload;
    request.idempotencyRelease = undefined;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    const status = reply.statusCode;
    // "try again" answers free the key, so the retry runs
    const keep = status < 500 && status !== 429 && body !== null;
    try {
      await release(keep ? { status, contentType: headerText(reply.getHeader('content-type')), location: headerText(reply.getHeader('location')), body: body } : null);
    } catch (err) {
      // the answer still goes out; the key stays claimed, and a retry is told its outcome is unknown (409)
      request.log.error({ err }, 'could not keep the answer of an idempotent request');
    }
    return payload;
  });
}

function headerText(v: unknown): string | null {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- header values are strings or numbers
  return v === undefined || v === null ? null : Array.isArray(v) ? v.join(', ') : String(v);
}
