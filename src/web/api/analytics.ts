import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFirst } from '../fast-path.ts';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import client from 'prom-client';
import { CSV_TABLES, type CsvTable, INTERVALS } from '../../modules/analytics/index.ts';
import { authorize } from '../auth.ts';
import type { Services } from '../../services.ts';
import { problem, sendProblem, type ProblemBody } from '../problem.ts';
import { clientAddress, trustFunction } from '../client-address.ts';
import { Problem, SlugParams } from './schemas.ts';

// Analytics over HTTP (CONTRACT.md, Analytics): the beacon's endpoint and
// the dashboards' figures.
//
// POST /api/event is the busiest route of a portal (one call per page view),
// so it takes its body as sent by navigator.sendBeacon (text/plain) as well
// as JSON, is never rate-limited per address (readers behind one carrier
// NAT share an address; the bounded buffer protects the server instead), and
// answers before anything is written.

/** A beacon is a few hundred bytes; anything far larger is not one. */
export const BEACON_BODY_LIMIT = 8 * 1024;

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const bearer = [{ bearerAuth: [] }];

const Totals = {
  visitors: Type.Integer({ description: 'unique visitors: a visitor is one salted hash for one Vietnamese day, so a period sums its days' }),
  visits: Type.Integer({ description: 'visits (sessions ending after 30 minutes without a page view)' }),
  pageviews: Type.Integer(),
  bounceRate: Type.Number({ description: 'visits of a single page view, in percent of visits' }),
  viewsPerVisit: Type.Number(),
  events: Type.Integer({ description: 'custom events, outbound links and downloads' }),
};
const Point = Type.Object({ t: Type.String({ description: 'start of the bucket, ISO 8601 UTC' }), visitors: Type.Integer(), visits: Type.Integer(), pageviews: Type.Integer() });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const StatsS = Type.Object({
  portal: Type.String(),
  from: Type.String(),
  to: Type.String(),
  interval: Type.String({ enum: [...INTERVALS] }),
  ...Totals,
  series: Type.Array(Point),
  topPages: Type.Array(Type.Object({ path: Type.String(), pageviews: Type.Integer(), visitors: Type.Integer() })),
  sources: Type.Array(
    Type.Object({
      source: Type.String({ description: 'engine, platform, network portal slug, campaign or referring site; "direct"' }),
      kind: Type.String({ enum: ['direct', 'search', 'social', 'network', 'campaign', 'referral'] }),
      visitors: Type.Integer(),
      visits: Type.Integer(),
      pageviews: Type.Integer(),
    }),
  ),
  devices: Type.Array(Type.Object({ device: Type.String(), visitors: Type.Integer(), pageviews: Type.Integer() })),
  browsers: Type.Array(Type.Object({ browser: Type.String(), visitors: Type.Integer(), pageviews: Type.Integer() })),
  languages: Type.Array(Type.Object({ lang: Type.String(), visitors: Type.Integer(), pageviews: Type.Integer() })),
  customEvents: Type.Array(Type.Object({ name: Type.String(), events: Type.Integer(), visitors: Type.Integer() })),
  outbound: Type.Array(Type.Object({ url: Type.String(), events: Type.Integer(), visitors: Type.Integer() })),
  downloads: Type.Array(Type.Object({ url: Type.String(), events: Type.Integer(), visitors: Type.Integer() })),
  previous: Type.Object({ ...Totals, from: Type.String(), to: Type.String() }, { description: 'the period of the same length just before' }),
  change: Type.Object(
    { visitors: Nullable(Type.Number()), visits: Nullable(Type.Number()), pageviews: Nullable(Type.Number()), bounceRate: Nullable(Type.Number()), viewsPerVisit: Nullable(Type.Number()) },
    { description: 'change against the previous period, in percent (null when it had none)' },
  ),
});
const RangeQuery = {
  from: Type.Optional(Type.String({ maxLength: 10, description: 'first day, YYYY-MM-DD (Asia/Ho_Chi_Minh); default 29 days before `to`' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'last day, included; default today' })),
  interval: Type.Optional(Type.String({ maxLength: 10, description: `${INTERVALS.join(' | ')}; default hour for one day, day up to 92 days, else month` })),
};

export function analyticsRoutes(app: FastifyInstance, services: Services) {
  const { portals, analytics } = services;

  // whatever is still buffered is written before the store closes (serve and start shut down through here)
  app.addHook('onClose', async () => analytics.close());

  // The beacon's route, in a scope of its own where both text/plain (what sendBeacon sends) and
  // JSON arrive as text: beaconAnswer() reads them, here and on the fast path (answerBeaconsFirst).
  app.register(async (scope) => {
    // what never reaches the service (too large, wrong type) is refused, and counted, all the same
    scope.addHook('onError', async () => void analytics.ingestion.counters.invalid++);
    scope.removeContentTypeParser('application/json');
    for (const type of ['text/plain', 'application/json']) scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post(
      '/api/event',
      {
        bodyLimit: BEACON_BODY_LIMIT,
        config: { rateLimit: false },
        // beaconAnswer() checks the body itself: a beacon's mistakes are 400s, not 422s
        validatorCompiler: () => () => true,
        schema: {
          tags: ['analytics'],
          summary: 'A page view or event from the beacon (navigator.sendBeacon). 202 when taken (bots are taken and dropped), 503 when the server sheds load.',
          consumes: ['text/plain', 'application/json'],
          body: Type.Object({
            n: Type.String({ maxLength: 100, description: '"pageview", "outbound", "download" or a custom event name' }),
            u: Type.String({ maxLength: 2048, description: 'the page URL; its host names the portal' }),
            r: Type.Optional(Nullable(Type.String({ maxLength: 2048, description: 'document.referrer' }))),
            w: Type.Optional(Nullable(Type.Number({ description: 'screen width in CSS pixels' }))),
            p: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { description: 'properties (at most 20); outbound and download events name their link in `url`' })),
          }),
          response: { 202: Type.Null({ description: 'taken' }), ...errors(400, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a beacon body is text; one a parser left as an object prints as before
        const answer = await beaconAnswer(services, String(request.body ?? ''), { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') }, request.url);
        reply.header('cache-control', 'no-store');
        if (answer.status === 202) return reply.code(202).send();
        if (answer.status === 503) reply.header('retry-after', '1');
        return sendProblem(reply, answer.problem!);
      },
    );
  });

  app.get<{ Params: { slug: string }; Querystring: { from?: string; to?: string; interval?: string; limit?: number } }>(
    '/api/v1/portals/:slug/stats',
    {
      schema: {
        tags: ['analytics'],
        summary: "A portal's traffic over a period (analyst or admin): totals, series, top pages, sources, devices, browsers, languages, events, and the previous period",
        security: bearer,
        params: SlugParams,
        querystring: Type.Object({ ...RangeQuery, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'rows per table (default 10)' })) }, { additionalProperties: false }),
        response: { 200: StatsS, ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'stats.view', { portal });
      return analytics.stats(portal, analytics.range(request.query), request.query.limit ?? 10);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/stats/realtime',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Visitors with a page view in the last 5 minutes, those minutes’ page views, and the last 30 minutes minute by minute',
        security: bearer,
        params: SlugParams,
        response: { 200: Type.Object({ visitors: Type.Integer(), pageviews: Type.Integer(), series: Type.Array(Point) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'stats.view', { portal });
      return analytics.realtime(portal);
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { from?: string; to?: string; interval?: string; table?: CsvTable } }>(
    '/api/v1/portals/:slug/stats.csv',
    {
      schema: {
        tags: ['analytics'],
        summary: 'One table of the dashboard as CSV (analyst or admin)',
        security: bearer,
        params: SlugParams,
        querystring: Type.Object({ ...RangeQuery, table: Type.Optional(Type.String({ enum: [...CSV_TABLES], description: 'default series' })) }, { additionalProperties: false }),
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv' }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'stats.view', { portal });
      const range = analytics.range(request.query);
      const table = request.query.table ?? 'series';
      return sendCsv(reply, `${portal.slug}-${table}-${range.from}-${range.to}.csv`, await analytics.csv(portal, range, table));
    },
  );
}

/** The answer to one beacon body: 202, or a problem (400 malformed or not ours, 503 shed). */
async function beaconAnswer(services: Services, text: string, client: { ip: string; userAgent: string }, instance: string): Promise<{ status: number; problem?: ProblemBody }> {
  const { analytics } = services;
  let body: unknown;
  try {
    if (!text) throw new SyntaxError('The body is empty; send a JSON object.');
    body = JSON.parse(text);
  } catch (err) {
    analytics.ingestion.counters.invalid++;
    return { status: 400, problem: { ...problem(400, `The body is not valid JSON: ${(err as Error).message}`), instance } };
  }
  const result = await analytics.accept(body, client);
  if (result.status === 202) return { status: 202 };
  if (result.status === 503) return { status: 503, problem: { ...problem(503, result.detail), instance } };
  return { status: 400, problem: { ...problem(400, result.detail, { errors: result.errors }), instance } };
}

/**
 * Puts POST /api/event in front of Fastify on the raw HTTP server, as the
 * page cache does for pages: the beacon is the busiest request of a portal,
 * and Fastify's routing, hooks and serialization cost more than the work
 * itself. Same answers as the Fastify route (which still serves app.inject()
 * and the OpenAPI document).
 */
export function answerBeaconsFirst(app: FastifyInstance, services: Services) {
  // the client's address decided as Fastify decides request.ip (TRUST_PROXY)
  const trust = trustFunction(services.config.trustProxy);
  const clientIp = (req: IncomingMessage) => clientAddress(req, trust);
  const send = (res: ServerResponse, status: number, body?: ProblemBody, extra: Record<string, string> = {}) => {
    if (res.headersSent) return;
    const payload = body ? JSON.stringify(body) : '';
    res.writeHead(status, { 'cache-control': 'no-store', 'content-length': Buffer.byteLength(payload), ...(body ? { 'content-type': 'application/problem+json; charset=utf-8' } : {}), ...extra });
    res.end(payload);
  };
  answerFirst(app, 'beacon', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || (url !== '/api/event' && !url.startsWith('/api/event?'))) return false;
    const counters = services.analytics.ingestion.counters;
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'text/plain' && type !== 'application/json') {
      counters.invalid++;
      req.resume();
      send(res, 415, { ...problem(415, 'Send the body as text/plain (as navigator.sendBeacon does) or application/json.'), instance: url });
      return true;
    }
    const tooLarge = () => {
      counters.invalid++;
      send(res, 413, { ...problem(413, `A beacon is at most ${BEACON_BODY_LIMIT} bytes.`), instance: url }, { connection: 'close' });
      req.resume();
    };
    if (Number(req.headers['content-length'] ?? 0) > BEACON_BODY_LIMIT) {
      tooLarge();
      return true;
    }
    // the body, then the answer, as one promise: whatever fails on the way is this request's 500, not the process's end
    return new Promise<string | undefined>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (chunk: Buffer) => {
        if (over) return;
        size += chunk.length;
        if (size > BEACON_BODY_LIMIT) {
          over = true;
          tooLarge();
          resolve(undefined);
        } else chunks.push(chunk);
      });
      req.on('error', reject);
      req.on('end', () => {
        if (!over) resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
      });
    }).then(async (text) => {
      if (text === undefined) return;
      const a = await beaconAnswer(services, text, { ip: clientIp(req), userAgent: String(req.headers['user-agent'] ?? '') }, url);
      send(res, a.status, a.problem, a.status === 503 ? { 'retry-after': '1' } : {});
    });
  });
}

export function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .send(body);
}

/** The ingestion counters on /metrics: events by outcome (shed ones included) and the buffer's fill. */
export function analyticsMetrics(registry: client.Registry, services: Services) {
  new client.Counter({
    name: 'lantoa_analytics_events_total',
    help: 'Beacon events by outcome: accepted, shed (buffer full, answered 503), bot (dropped), invalid (400), written, lost (at shutdown)',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      const m = services.analytics.metrics();
      this.reset();
      for (const [outcome, n] of [
        ['accepted', m.accepted],
        ['shed', m.shed],
        ['bot', m.bots],
        ['invalid', m.invalid],
        ['written', m.written],
        ['lost', m.lostOnClose],
        ['forwarded', m.forwarded],
        ['forward_dropped', m.forwardDropped],
      ] as const)
        this.inc({ outcome }, n);
    },
  });
  new client.Gauge({
    name: 'lantoa_analytics_buffered_events',
    help: 'Beacon events accepted and not yet written',
    registers: [registry],
    collect() {
      this.set(services.analytics.metrics().buffered);
    },
  });
  new client.Counter({
    name: 'lantoa_analytics_failed_batches_total',
    help: 'Analytics batch writes that failed (their events are kept and written again)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(services.analytics.metrics().failedBatches);
    },
  });
}
