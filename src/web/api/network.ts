import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { ForbiddenError } from '../../lib/errors.ts';
import { can, requirePermission } from '../../modules/policy/index.ts';
import { requireAccount } from '../auth.ts';
import { Problem } from './schemas.ts';

// The network as the central portal sees it, for its admins and analysts:
// the league table of every portal (modules/network: own rollups and members'
// signed reports) and the uptime watch (modules/uptime). Anyone else the
// policy lets read a portal's own figures gets the rows of those portals
// only (docs/policy.md).

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const PortalUptimeS = Type.Object({
  slug: Type.String(),
  name: Type.Record(Type.String(), Type.String()),
  kind: Type.String(),
  url: Type.String(),
  status: Type.Union([Type.Literal('unknown'), Type.Literal('up'), Type.Literal('down'), Type.Literal('slow')]),
  since: Nullable(Type.String()),
  lastCheckedAt: Nullable(Type.String()),
  lastLatencyMs: NullableNumber,
  lastError: Nullable(Type.String()),
  availability24h: NullableNumber,
  availability30d: NullableNumber,
  latencyP50Ms: NullableNumber,
  latencyP95Ms: NullableNumber,
  checks24h: Type.Integer(),
});

export function networkRoutes(app: FastifyInstance, services: Services) {
  const { portals, uptime, network } = services;

  /** What the caller may read: everything (undefined) at the central portal, else its own portals; 403 when neither. */
  async function readable(request: Parameters<typeof requireAccount>[0], permission: 'network.view' | 'uptime.view', what: string) {
    const account = requireAccount(request);
    const all = await portals.list();
    const central = all.find((p) => p.kind === 'central');
    if (central && can(account, permission, { portal: central })) return undefined;
    const own = all.filter((p) => can(account, permission, { portal: p }));
    if (own.length) return own;
    if (!central) throw new ForbiddenError(`This deployment has no central portal; ${what} is kept there.`);
    requirePermission(account, permission, { portal: central });
    return own;
  }

  const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
  const Growth = Type.Union([Type.Number(), Type.Null()]);
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/v1/network/stats',
    {
      schema: {
        tags: ['analytics'],
        summary:
          "The network view at the central portal: totals and one row per portal (this deployment's from their rollups, members of other deployments from their signed daily reports) with visits, growth against the period before, feedback answered in time and uptime (admins and analysts of the central portal; a portal's own admins and analysts get its row only)",
        security: [{ bearerAuth: [] }],
        querystring: Type.Object(
          { from: Type.Optional(Type.String({ description: 'first day, YYYY-MM-DD (Hà Nội); default 29 days before to' })), to: Type.Optional(Type.String({ description: 'last day, YYYY-MM-DD; default today' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            totals: Type.Object({
              portals: Type.Integer(),
              visitors: Type.Integer(),
              visits: Type.Integer(),
              pageviews: Type.Integer(),
              growth: Growth,
              feedbackReceived: Type.Integer(),
              feedbackAnswered: Type.Integer(),
              feedbackInTimeRate: Rate,
              feedbackOverdue: Type.Integer(),
            }),
            portals: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.Record(Type.String(), Type.String()),
                kind: Type.String(),
                url: Type.String(),
                local: Type.Boolean(),
                visitors: Type.Integer(),
                visits: Type.Integer(),
                pageviews: Type.Integer(),
                bounceRate: Type.Number(),
                growth: Growth,
                feedbackReceived: Type.Integer(),
                feedbackAnswered: Type.Integer(),
                feedbackInTimeRate: Rate,
                feedbackOverdue: Type.Integer(),
                uptime30d: Rate,
                uptimeStatus: Type.Union([Type.String(), Type.Null()]),
                reportedThrough: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          401: Problem,
          403: Problem,
          422: Problem,
        },
      },
    },
    async (request) => {
      const own = await readable(request, 'network.view', 'the network view');
      return network.stats(request.query, own && { portalIds: own.map((p) => p.id) });
    },
  );

  app.get(
    '/api/v1/network/uptime',
    {
      schema: {
        tags: ['analytics'],
        summary:
          "Every portal of the network as the central portal's uptime watch sees it: state, availability over 24 h and 30 days, home-page latency (admins and analysts of the central portal; a portal's own admins and analysts get its row only)",
        security: [{ bearerAuth: [] }],
        response: {
          200: Type.Object({ watching: Type.Boolean(), intervalSeconds: Type.Number(), items: Type.Array(PortalUptimeS) }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => {
      const own = await readable(request, 'uptime.view', 'the uptime watch');
      return { watching: await uptime.watches(), intervalSeconds: uptime.settings.intervalMs / 1000, items: await uptime.report(own && { urls: own.map((p) => p.url) }) };
    },
  );
}
