import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { Services } from '../services.ts';
import { createAjv } from '../lib/validate.ts';
import { authenticate } from './auth.ts';
import { trustFunction } from './client-address.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { opsRoutes } from './ops.ts';
import { requestForLog } from './private-urls.ts';
import { idempotentPosts } from './idempotency.ts';
import { IdempotencyKeys } from '../modules/idempotency/index.ts';
import { portalRoutes } from './api/portals.ts';
import { homeRoutes } from './api/home.ts';
import { contentRoutes } from './api/content.ts';
import { createItemCache } from './api/item-cache.ts';
import { answerFirst, FastPaths, fastPathServer } from './fast-path.ts';
import { refuseControlCharacters } from './edge.ts';
import { compressResponses } from './compression.ts';
import { searchRoutes } from './api/search.ts';
import { federationRoutes } from './federation.ts';
import { socialRoutes } from './api/social.ts';
import { feedbackRoutes } from './api/feedback.ts';
import { analyticsRoutes, answerBeaconsFirst } from './api/analytics.ts';
import { metaSchemas, Problem } from './api/schemas.ts';
import { networkRoutes } from './api/network.ts';
import { limitUploadsInFlight, UploadBudget } from './upload-budget.ts';
import { BODY_LIMITS, jsonShapeExcess } from '../lib/json-limits.ts';
import { ValidationError } from '../lib/errors.ts';

export const BODY_LIMIT = 10 * 1024 * 1024;

export interface WebOptions {
  logger: Logger | false;
  /** Extra route registrations (public site, admin, …) added by the composition root. */
  extensions?: Array<(app: FastifyInstance, services: Services) => void | Promise<void>>;
  /** HTML error pages for paths outside /api (the public site); /api keeps problem+json. */
  pages?: {
    /** True for requests the site answers (its own routes, or none matched); other extensions keep their errors. */
    covers(request: FastifyRequest): boolean;
    notFound(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
    error(err: Error, request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  };
}

const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export async function buildServer(services: Services, opts: WebOptions): Promise<FastifyInstance> {
  // the busiest requests are answered on the raw server, before Fastify routes them: composed here, in FAST_PATH_ORDER
  const fastPaths = new FastPaths();
  const app = Fastify({
    serverFactory: fastPathServer(fastPaths),
    loggerInstance: opts.logger || undefined,
    logger: opts.logger ? undefined : false,
    bodyLimit: BODY_LIMIT,
    // X-Forwarded-For counts only from the proxies TRUST_PROXY names (see client-address.ts)
    trustProxy: trustFunction(services.config.trustProxy),
    // refused below instead, as a problem document with Retry-After (Fastify's own 503 is neither)
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // Room for long search queries in the URL: percent-encoded Vietnamese
    // takes up to nine bytes a letter, so a pasted paragraph outgrows the 16 KB default.
    http: { maxHeaderSize: 64 * 1024 },
    ajv: undefined,
    // whatever logger the deployment passes in, requests are logged without the query strings of private paths
    childLoggerFactory: (logger: Logger, bindings: Record<string, unknown>, options: Record<string, unknown>) => logger.child(bindings, { ...options, serializers: { ...(options.serializers as object), req: requestForLog } }),
  } as never) as unknown as FastifyInstance;
  fastPaths.log = app.log;

  // Bodies are validated strictly (a number is not a string); query strings
  // and path parameters arrive as text and are coerced to their types.
  const strict = createAjv();
  const coercing = createAjv({ coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

  // The API speaks JSON only: without this, text/plain bodies would reach the handlers as strings.
  app.removeContentTypeParser('text/plain');
  // JSON bodies are measured once parsed, before the schema, a handler or JSON.stringify recurses
  // into them: a value nested thousands deep overflows the stack there (a 500), here it is a 422
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const boundedJson = (request: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) =>
    parseJson(request, body, (err: Error | null, value?: unknown) => {
      if (err) return done(err);
      const excess = jsonShapeExcess(value, BODY_LIMITS);
      done(excess ? new ValidationError([{ path: '/', message: `the body ${excess}` }], `The body ${excess}.`) : null, value);
    });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, boundedJson as never);
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, boundedJson as never);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lantoa API',
        version: '1.0.0',
        description:
          'Public and editorial API of a Lantoa portal network. Errors are RFC 9457 problem documents (application/problem+json). Every authenticated POST takes an `Idempotency-Key` header (per token, 24 hours): the same key and body give the first answer again (`Idempotent-Replayed: true`) and no second item; the same key with another request is a 422; while the first is running, 409.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: "a token from `npx lantoa token create` (with `--portal P`, or made on a portal admin's token page: acts in that portal only)" } },
        schemas: { ...metaSchemas, Problem } as never,
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { url: '/api/v1/openapi.json' } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ ...problem(429, `Too many requests; retry after ${Math.ceil(ctx.ttl / 1000)} s.`), statusCode: 429 }),
  });

  app.setErrorHandler((err, request, reply) => {
    if (opts.pages && !isApiPath(request.url) && opts.pages.covers(request)) return opts.pages.error(err as Error, request, reply);
    const body = toProblem(err as Error, request);
    if (body.status === 503) request.log.warn({ err: (err as Error).message }, 'request refused: store unavailable');
    else if (body.status >= 500) request.log.error({ err }, 'request failed');
    if ((body.status === 429 || body.status === 503) && !reply.getHeader('retry-after')) reply.header('retry-after', String(typeof body.retryAfter === 'number' ? body.retryAfter : 60));
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    opts.pages && !isApiPath(request.url) ? opts.pages.notFound(request, reply) : sendProblem(reply, { ...problem(404, `Nothing at ${request.method} ${request.url.split('?')[0]}.`), instance: request.url }),
  );

  // Shutting down: what is in flight finishes, anything new is sent to another node.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return sendProblem(reply, problem(503, 'This server is shutting down; try again, another one will answer.', { retryAfter: 1 }));
  });
  // before anything reads the request: control characters get a 400 here, never a store error later
  refuseControlCharacters(app);
  // before anything else reads a body: large ones wait for room in one process-wide budget
  limitUploadsInFlight(app, new UploadBudget(services.config.uploadsInFlightBytes));
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) await authenticate(request, services.accounts);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/')) {
      reply.header('x-content-type-options', 'nosniff');
      if (!reply.getHeader('cache-control')) reply.header('cache-control', request.headers.authorization ? 'private, no-store' : 'public, max-age=30');
      reply.header('vary', 'Authorization');
    }
    return payload;
  });
  // after the hook above (it sets Vary), before any route: every text answer Fastify sends is compressed
  compressResponses(app);

  // retries of API posts with an Idempotency-Key get the first answer again, not a second item
  idempotentPosts(app, new IdempotencyKeys(services.store, services.clock));

  opsRoutes(app, services);
  portalRoutes(app, services);
  homeRoutes(app, services);
  const itemCache = createItemCache(services);
  contentRoutes(app, services, itemCache);
  searchRoutes(app, services);
  federationRoutes(app, services);
  socialRoutes(app, services);
  feedbackRoutes(app, services);
  analyticsRoutes(app, services);
  networkRoutes(app, services);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const ext of opts.extensions ?? []) await ext(app, services);
  // their order is FAST_PATH_ORDER's, not this one
  answerFirst(app, 'item-cache', (req, res) => itemCache.fastPath(req, res));
  answerBeaconsFirst(app, services);
  return app;
}
