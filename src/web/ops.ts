import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Services } from '../services.ts';
import { ping } from '../store/index.ts';
import { outboxCounts } from '../modules/outbox/index.ts';
import { analyticsMetrics } from './api/analytics.ts';
import { timingSafeEqual, createHash } from 'node:crypto';
import { isLoopback } from './client-address.ts';
import { problem, sendProblem } from './problem.ts';

// Operations endpoints: liveness, readiness and Prometheus metrics, including
// the outbox backlog an operator alerts on.
//
// /healthz is what a load balancer probes: the process is alive and answers. /readyz says
// in its body what works (the store, the listener for other nodes' cache invalidations,
// the deployment secret) and answers 503 only when this node can serve nothing: no store
// and no cached page, or sealed keys the secret does not open. A node whose database is
// away still serves its cached pages (marked stale) and refuses writes with 503.
//
// Metrics tell an outsider the load, the backlog and the software's internals:
// with METRICS_TOKEN set they need that bearer token, unset only loopback
// (a scraper on the same machine, or through a trusted proxy: the client's
// address, not the proxy's, decides) may read them.

/** How long /readyz waits for the store to answer before it reports it unreachable. */
const READY_PING_TIMEOUT_MS = 2000;
/** The sealed-keys check reads the store: done at most once a minute. */
const SECRET_CHECK_EVERY_MS = 60_000;

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
      for (const [status, n] of Object.entries(counts) as [string, number][]) this.set({ status }, n);
    },
  });

  analyticsMetrics(registry, services);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const hide = { schema: { hide: true } };
  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  let secretCheck: { at: number; problem: string | undefined } | undefined;
  const sealedKeysProblem = async (storeOk: boolean): Promise<string | undefined> => {
    if (secretCheck && Date.now() - secretCheck.at < SECRET_CHECK_EVERY_MS) return secretCheck.problem;
    if (!storeOk) return secretCheck?.problem;
    try {
      secretCheck = { at: Date.now(), problem: await services.federation.keys.sealedKeysProblem() };
    } catch {
      // the store failed between the ping and this read: known next time
    }
    return secretCheck?.problem;
  };
  app.get('/readyz', hide, async (_request, reply) => {
    const { store, pagecache } = services;
    let timer: NodeJS.Timeout | undefined;
    // known down: the store's own probe (every second) says when it is back, no need to add to the pile of waiting queries
    const answered = store.health.reachable && (await Promise.race([ping(store).then((ok) => ok || 'failed'), new Promise<false>((r) => (timer = setTimeout(() => r(false), READY_PING_TIMEOUT_MS)))]));
    clearTimeout(timer);
    const storeOk = answered === true;
    const listener = pagecache.bus.status();
    const secretProblem = await sealedKeysProblem(storeOk);
    const cachedPages = pagecache.cache.stats.entries;
    const checks = {
      store: storeOk ? { ok: true } : { ok: false, error: store.health.state().error ?? (answered === 'failed' ? 'the store refused the check query' : `no answer within ${READY_PING_TIMEOUT_MS} ms`) },
      ...(listener
        ? {
            listener: listener.connected
              ? { ok: true, lastHeartbeatAt: listener.lastHeartbeatAt ? new Date(listener.lastHeartbeatAt).toISOString() : undefined }
              : { ok: false, since: new Date(listener.since).toISOString(), error: listener.error },
          }
        : {}),
      secret: secretProblem ? { ok: false, error: secretProblem } : { ok: true },
    };
    let status: string;
    let code = 200;
    if (secretProblem) {
      status = 'sealed keys do not open with this secret';
      code = 503;
    } else if (!storeOk && cachedPages === 0) {
      status = 'store unreachable';
      code = 503;
    } else if (!storeOk) status = 'degraded: store unreachable, serving cached pages';
    else if (listener && !listener.connected) status = "degraded: not hearing other nodes' cache invalidations";
    else status = 'ready';
    return reply.code(code).send({ status, store: store.engine, checks, cachedPages });
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
