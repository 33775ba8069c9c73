import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Services } from '../app.ts';
import { ping } from '../store/index.ts';
import { outboxCounts } from '../modules/outbox/outbox.ts';
import { analyticsMetrics } from './api/analytics.ts';

// Operations endpoints: liveness, readiness (the store answers) and
// Prometheus metrics, including the outbox backlog an operator alerts on.

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
  app.get('/metrics', hide, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
