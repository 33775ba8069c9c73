import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Services } from '../app.ts';
import { ping } from '../store/index.ts';
import { outboxCounts } from '../modules/outbox/outbox.ts';
import { analyticsMetrics } from './api/analytics.ts';
import { timingSafeEqual, createHash } from 'node:crypto';
import { isLoopback } from './client-address.ts';
import { problem, sendProblem } from './problem.ts';

// Operations endpoints: liveness, readiness (the store answers) and
// Prometheus metrics, including the outbox backlog an operator alerts on.
// Metrics tell an outsider the load, the backlog and the software's internals:
// with METRICS_TOKEN set they need that bearer token, unset only loopback
// (a scraper on the same machine, or through a trusted proxy: the client's
// address, not the proxy's, decides) may read them.

/** Who may read /metrics: 'ok', 401 (a token is set and was not given, or wrong), 403 (no token set, not loopback). */
export function metricsAccess(input: { clientIp: string; authorization: string | undefined; token: string | undefined }): 'ok' | 401 | 403 {
  if (input.token) {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '')?.[1] ?? '';
    // compared as digests: equal length, and no timing on how much of the secret matched
    const digest = (v: string) => createHash('sha256').update(v).digest();
    return given && timingSafeEqual(digest(given), digest(input.token)) ? 'ok' : 401;
  }
  return isLoopback(input.clientIp) ? 'ok' : 403;
}

export function opsRoutes(app: FastifyInstance, services: Services) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'lantoa_' });
  const duration = new client.Histogram({
    name: 'lantoa_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'lantoa_outbox_jobs',
    help: 'Outbox jobs by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await outboxCounts(services.store);
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });

  analyticsMetrics(registry, services);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const hide = { schema: { hide: true } };
  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  app.get('/readyz', hide, async (_request, reply) => {
    const ok = await ping(services.store);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'store unreachable', store: services.store.engine });
  });
  app.get('/metrics', hide, async (request, reply) => {
    const access = metricsAccess({ clientIp: request.ip, authorization: request.headers.authorization, token: services.config.metricsToken });
    if (access === 401) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, { ...problem(401, 'Metrics need the bearer token set in METRICS_TOKEN.'), instance: request.url });
    }
    if (access === 403) return sendProblem(reply, { ...problem(403, 'Metrics answer only to loopback unless METRICS_TOKEN is set.'), instance: request.url });
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
