import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';
import { NotFoundError } from '../lib/errors.ts';
import { StringEnum } from '../lib/validate.ts';
import { INBOX_BODY_LIMIT, InboxRejection, PolicyS } from '../modules/federation/index.ts';
import type { Portal } from '../modules/portals/index.ts';
import { actorIn, authorize, requireAccount } from './auth.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { IdParams, ItemS, Problem, SlugParams } from './api/schemas.ts';
import { requestContext } from './request-context.ts';

// Federation over HTTP: the identity document, the publication log and the
// inbox that peers use (these answer on each portal's own host), and the API
// through which operators and editors manage subscriptions, the network
// directory, proposals and keys.

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const bearer = [{ bearerAuth: [] }];
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Localized = Type.Record(Type.String(), Type.String());

const KeyS = Type.Object({
  id: Type.String(),
  alg: Type.Literal('ed25519'),
  publicKey: Type.String({ description: 'raw 32-byte Ed25519 public key, base64url (the JWK `x`)' }),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String({ description: 'a superseded key verifies until then' })),
  endorsement: Nullable(Type.Object({ keyId: Type.String(), signature: Type.String() }, { description: "the previous key's signature over this one" })),
});

const IdentityS = Type.Object({
  slug: Type.String(),
  name: Localized,
  kind: Type.String(),
  url: Type.String(),
  languages: Type.Array(Type.String()),
  keyId: Type.String({ description: 'the key the portal signs with now' }),
  keys: Type.Array(KeyS),
  endpoints: Type.Object({ inbox: Type.String(), log: Type.String(), identity: Type.String() }),
  directory: Type.Boolean({ description: 'true for a central portal, which keeps the network directory' }),
  sealingKey: Type.Optional(
    Type.Object(
      {
        alg: Type.Literal('x25519'),
        publicKey: Type.String({ description: 'raw 32-byte X25519 public key, base64url' }),
        keyId: Type.String({ description: 'the Ed25519 key that signed it' }),
        signature: Type.String({ description: 'Ed25519 signature, base64url, over "lantoa-sealing-key:v1\\n<portal url>\\n<publicKey>"' }),
      },
      { description: 'the key peers seal messages to (forwarded citizen cases carry personal data only inside such a box)' },
    ),
  ),
});

const SubscriptionS = Type.Object({
  id: Type.Integer(),
  portal: Type.String(),
  source: Type.String(),
  sourceSlug: Type.String(),
  sourceName: Localized,
  sourceKind: Type.String(),
  policy: PolicyS,
  status: StringEnum(['pending', 'active', 'removed'] as const, { description: 'pending until the source has verified the request' }),
  cursor: Type.Integer({ description: "the last sequence of the source's log taken in" }),
  createdAt: Type.String(),
  lastContactAt: Nullable(Type.String()),
  lastPullAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

const SubscriberS = Type.Object({
  id: Type.Integer(),
  portal: Type.String(),
  subscriber: Type.String(),
  filter: Type.Object({ types: Type.Optional(Type.Array(Type.String())), languages: Type.Optional(Type.Array(Type.String())), sections: Type.Optional(Type.Array(Type.String())) }),
  status: StringEnum(['pending', 'approved', 'active', 'ended', 'rejected'] as const, { description: "pending: waits for an admin's approval (subscribersNeedApproval); approved: active at its next request" }),
  startSequence: Type.Integer({ description: 'the log head when the subscription began' }),
  deliveredSequence: Type.Integer({ description: 'how far the subscriber has the log, as it last answered' }),
  createdAt: Type.String(),
  verifiedAt: Nullable(Type.String()),
  lastContactAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

const NetworkPortalS = Type.Object({
  slug: Type.String(),
  name: Localized,
  kind: Type.String(),
  url: Type.String(),
  local: Type.Boolean({ description: 'served by this deployment' }),
  lastContactAt: Nullable(Type.String({ description: 'last verified message from a remote member' })),
});

const MemberS = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Localized,
  kind: Type.String(),
  url: Type.String(),
  status: StringEnum(['pending', 'approved', 'rejected'] as const),
  note: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  lastContactAt: Nullable(Type.String()),
});

const MembershipS = Type.Object({
  id: Type.Integer(),
  directory: Type.String(),
  status: StringEnum(['pending', 'approved', 'rejected'] as const),
  note: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

const ProposalS = Type.Object({
  id: Type.Integer(),
  portal: Type.String(),
  direction: StringEnum(['outgoing', 'incoming'] as const),
  peer: Type.String({ description: 'the other portal' }),
  item: Nullable(Type.Integer({ description: 'outgoing: the proposed item; incoming: its copy in the review queue' })),
  title: Type.String(),
  note: Nullable(Type.String()),
  status: StringEnum(['pending', 'accepted', 'declined', 'failed'] as const),
  decisionNote: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

const SlugIdParams = Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export function federationRoutes(app: FastifyInstance, services: Services) {
  const { portals, federation, content } = services;

  async function hostPortal(request: FastifyRequest): Promise<Portal> {
    const portal = await portals.byHost(request.headers.host);
    if (!portal) throw new NotFoundError(`No portal answers at ${request.headers.host ?? 'this host'}; federation endpoints live on each portal's own host (e.g. http://chinhphu.localhost:3000).`);
    return portal;
  }

  app.get(
    '/.well-known/lantoa/portal.json',
    { schema: { tags: ['federation'], summary: "The portal's identity: who it is, its keys and its federation endpoints (on the portal's own host)", response: { 200: IdentityS, 404: Problem } } },
    async (request, reply) => {
      const portal = await hostPortal(request);
      reply.header('cache-control', 'public, max-age=300');
      return federation.identity(portal);
    },
  );

  app.get<{ Querystring: { after: number; limit: number } }>(
    '/federation/v1/log',
    {
      schema: {
        tags: ['federation'],
        summary: "The portal's publication log after a sequence number, signed (RFC 9421 response signature over @status and Content-Digest)",
        querystring: Type.Object({ after: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }, { additionalProperties: false }),
        response: { 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const portal = await hostPortal(request);
      const page = await federation.logPage(portal, request.query.after, request.query.limit);
      reply.code(page.status).headers({ ...page.headers, 'cache-control': 'no-cache' });
      return reply.send(page.body);
    },
  );

  // The inbox reads its body as bytes (the signature covers their digest), with its own size limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: INBOX_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.setErrorHandler(async (err: FastifyError, request, reply) => {
      const rejection =
        err instanceof InboxRejection ? err : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new InboxRejection(413, 'too-large', `The message is larger than the inbox's ${INBOX_BODY_LIMIT / 1024 / 1024} MB limit.`) : undefined;
      if (!rejection) {
        const body = toProblem(err, request);
        if (body.status >= 500) request.log.error({ err }, 'inbox request failed');
        return sendProblem(reply, body);
      }
      // refusals raised before `receive` ran still go to the audit log
      if (!(err instanceof InboxRejection)) {
        const portal = await portals.byHost(request.headers.host).catch(() => undefined);
        if (portal) await federation.auditRejection(portal, rejection, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
      }
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- retryAfter is a number of seconds the service set
      if (rejection.status === 503 || rejection.status === 429) reply.header('retry-after', String(rejection.extra.retryAfter ?? 1));
      return sendRejection(reply, request, rejection);
    });
    scope.post(
      '/federation/v1/inbox',
      {
        bodyLimit: INBOX_BODY_LIMIT,
        schema: {
          tags: ['federation'],
          summary: 'Signed messages from other portals (RFC 9421 over @method, @target-uri and Content-Digest, ed25519): entries, subscription requests and their verification, join requests, proposals and decisions',
          response: { ...errors(400, 401, 403, 404, 409, 410, 413, 415, 422, 503) },
        },
      },
      async (request, reply) => {
        const portal = await hostPortal(request);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await federation.receive(
          { portal, method: request.method, targetUri: `${request.protocol}://${request.host}${request.url}`, headers: request.headers, body },
          { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') },
        );
        return reply.code(result.status).send(result.body);
      },
    );
  });

  // ---------- subscriptions ----------

  app.post<{ Params: { slug: string }; Body: { source: string; policy: unknown } }>(
    '/api/v1/portals/:slug/subscriptions',
    {
      schema: {
        tags: ['federation'],
        summary: "Subscribe this portal to another portal's publications. The source verifies the request with a challenge to this portal's inbox; status is pending until then (retried in the background).",
        security: bearer,
        params: SlugParams,
        body: Type.Object({ source: Type.String({ minLength: 1, maxLength: 500, description: 'URL of the source portal, e.g. http://chinhphu.localhost:3000' }), policy: PolicyS }, { additionalProperties: false }),
        response: { 201: SubscriptionS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      const sub = await federation.subscriptions.subscribe(requestContext(request, portal), portal, request.body);
      return reply.code(201).header('location', `/api/v1/portals/${portal.slug}/subscriptions/${sub.id}`).send(sub);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/subscriptions',
    {
      schema: {
        tags: ['federation'],
        summary: 'Sources this portal subscribes to, with cursor, last contact and last error (members)',
        security: bearer,
        params: SlugParams,
        response: { 200: Type.Object({ items: Type.Array(SubscriptionS) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      return { items: await federation.subscriptions.list(portal) };
    },
  );

  app.get<{ Params: { slug: string; id: number } }>(
    '/api/v1/portals/:slug/subscriptions/:id',
    { schema: { tags: ['federation'], summary: 'One subscription (members)', security: bearer, params: SlugIdParams, response: { 200: SubscriptionS, ...errors(401, 403, 404) } } },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      return federation.subscriptions.get(portal, request.params.id);
    },
  );

  app.delete<{ Params: { slug: string; id: number } }>(
    '/api/v1/portals/:slug/subscriptions/:id',
    { schema: { tags: ['federation'], summary: 'Stop following a source (copies already received stay)', security: bearer, params: SlugIdParams, response: { 204: Type.Null(), ...errors(401, 403, 404) } } },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      await federation.subscriptions.remove(requestContext(request, portal), portal, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/subscribers',
    {
      schema: {
        tags: ['federation'],
        summary: 'Portals that subscribe to this one, and how pushes to them fare (admins)',
        security: bearer,
        params: SlugParams,
        response: { 200: Type.Object({ items: Type.Array(SubscriberS) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      return { items: await federation.subscriptions.subscribers(portal) };
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { decision: 'approve' | 'reject' } }>(
    '/api/v1/portals/:slug/subscribers/:id/decision',
    {
      schema: {
        tags: ['federation'],
        summary: 'Approve or reject a portal waiting to subscribe (when the portal requires approval); an approved one becomes active at its next request',
        security: bearer,
        params: SlugIdParams,
        body: Type.Object({ decision: StringEnum(['approve', 'reject'] as const) }, { additionalProperties: false }),
        response: { 200: SubscriberS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      const subscriber = await federation.subscriptions.decideSubscriber(requestContext(request, portal), portal, request.params.id, request.body.decision);
      return subscriber;
    },
  );

  const FederationSettingsS = Type.Object({ subscribersNeedApproval: Type.Boolean({ description: 'a portal that asks to subscribe waits for an admin to approve it (default false)' }) }, { additionalProperties: false });

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/federation-settings',
    { schema: { tags: ['federation'], summary: "The portal's federation rules (admins)", security: bearer, params: SlugParams, response: { 200: FederationSettingsS, ...errors(401, 403, 404) } } },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      return federation.subscriptions.settingsOf(portal);
    },
  );

  app.put<{ Params: { slug: string }; Body: { subscribersNeedApproval: boolean } }>(
    '/api/v1/portals/:slug/federation-settings',
    {
      schema: {
        tags: ['federation'],
        summary: "Changes the portal's federation rules (admins)",
        security: bearer,
        params: SlugParams,
        body: FederationSettingsS,
        response: { 200: FederationSettingsS, ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      const settings = await federation.subscriptions.updateSettings(requestContext(request, portal), portal, request.body);
      return settings;
    },
  );

  // ---------- network directory ----------

  app.get(
    '/api/v1/network/portals',
    {
      schema: {
        tags: ['federation'],
        summary: "Every portal of the network: this deployment's, and the approved members of its central portal, with kind, URL and last contact",
        response: { 200: Type.Object({ items: Type.Array(NetworkPortalS) }) },
      },
    },
    async () => ({ items: await federation.network.networkPortals() }),
  );

  app.post<{ Params: { slug: string }; Body: { directory: string } }>(
    '/api/v1/portals/:slug/network/join',
    {
      schema: {
        tags: ['federation'],
        summary: "Ask a central portal to admit this portal to its network; a central admin approves, which pins this portal's keys there",
        security: bearer,
        params: SlugParams,
        body: Type.Object({ directory: Type.String({ minLength: 1, maxLength: 500, description: 'URL of the central portal' }) }, { additionalProperties: false }),
        response: { 202: MembershipS, ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      const view = await federation.network.join(requestContext(request, portal), portal, request.body.directory);
      return reply.code(202).send(view);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/network',
    {
      schema: {
        tags: ['federation'],
        summary: 'Networks this portal asked to join, and their answers (admins)',
        security: bearer,
        params: SlugParams,
        response: { 200: Type.Object({ items: Type.Array(MembershipS) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      return { items: await federation.network.networks(portal) };
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { status?: string } }>(
    '/api/v1/portals/:slug/members',
    {
      schema: {
        tags: ['federation'],
        summary: "Join requests and members of this (central) portal's network directory (admins)",
        security: bearer,
        params: SlugParams,
        querystring: Type.Object({ status: Type.Optional(StringEnum(['pending', 'approved', 'rejected'] as const)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(MemberS) }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      return { items: await federation.network.members(portal, request.query.status) };
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { decision: 'approve' | 'reject'; note?: string } }>(
    '/api/v1/portals/:slug/members/:id/decision',
    {
      schema: {
        tags: ['federation'],
        summary: 'Approve (pin its keys; it may push from now on) or reject a join request; the portal is told',
        security: bearer,
        params: SlugIdParams,
        body: Type.Object({ decision: StringEnum(['approve', 'reject'] as const), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: MemberS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      const actor = authorize(request, 'federation.manage', { portal });
      const member = await federation.network.decide(requestContext(request, portal), portal, actor, request.params.id, request.body);
      return member;
    },
  );

  // ---------- upward proposals ----------

  app.post<{ Params: { id: number }; Body: { to?: string; note?: string } }>(
    '/api/v1/articles/:id/proposals',
    {
      schema: {
        tags: ['federation'],
        summary: "Propose a published item to a central portal (by default the network this portal joined); it lands in that portal's review queue",
        security: bearer,
        params: IdParams,
        body: Type.Object({ to: Type.Optional(Type.String({ maxLength: 500 })), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 202: ProposalS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const item = await content.find(request.params.id);
      if (!item) {
        requireAccount(request);
        throw new NotFoundError(`No item ${request.params.id}.`);
      }
      const portal = await portals.require(item.portal);
      const actor = actorIn(request, portal.id, portal.slug);
      const proposal = await federation.network.propose(requestContext(request, portal), item, actor, request.body ?? {});
      return reply.code(202).send(proposal);
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { direction?: string; status?: string } }>(
    '/api/v1/portals/:slug/proposals',
    {
      schema: {
        tags: ['federation'],
        summary: 'Proposals this portal made (outgoing) and received (incoming), newest first (members)',
        security: bearer,
        params: SlugParams,
        querystring: Type.Object({ direction: Type.Optional(StringEnum(['outgoing', 'incoming'] as const)), status: Type.Optional(StringEnum(['pending', 'accepted', 'declined', 'failed'] as const)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ProposalS) }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      return { items: await federation.network.proposals(portal, request.query) };
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { decision: 'accept' | 'decline'; note?: string } }>(
    '/api/v1/portals/:slug/proposals/:id/decision',
    {
      schema: {
        tags: ['federation'],
        summary: 'Accept (publish) or decline (send back, with a note) an incoming proposal; the proposing portal is told',
        security: bearer,
        params: SlugIdParams,
        body: Type.Object({ decision: StringEnum(['accept', 'decline'] as const), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: ProposalS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      const actor = actorIn(request, portal.id, portal.slug);
      const proposal = await federation.network.decideProposal(requestContext(request, portal), portal, actor, request.params.id, request.body);
      return proposal;
    },
  );

  // ---------- local notes and keys ----------

  app.put<{ Params: { id: number }; Body: { note: string } }>(
    '/api/v1/articles/:id/local-note',
    {
      schema: {
        tags: ['federation'],
        summary: 'A local note on an item received from another portal (its content follows the origin and cannot be edited here); empty text removes it',
        security: bearer,
        params: IdParams,
        body: Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: ItemS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const item = await content.find(request.params.id);
      if (!item) {
        requireAccount(request);
        throw new NotFoundError(`No item ${request.params.id}.`);
      }
      const portal = await portals.require(item.portal);
      actorIn(request, portal.id, portal.slug); // 403 without a role in the item's portal
      return content.setLocalNote(item, requestContext(request, portal), request.body.note);
    },
  );

  app.post<{ Params: { slug: string }; Body: { graceSeconds?: number } }>(
    '/api/v1/portals/:slug/keys/rotate',
    {
      schema: {
        tags: ['federation'],
        summary: 'Make a new signing key current; the old one keeps verifying for graceSeconds (default 7 days) and endorses the new one',
        security: bearer,
        params: SlugParams,
        body: Type.Object({ graceSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7_776_000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ keyId: Type.String(), previous: Nullable(Type.Object({ keyId: Type.String(), expiresAt: Type.String() })) }), ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'federation.manage', { portal });
      return federation.rotateKey(requestContext(request, portal), portal, request.body?.graceSeconds);
    },
  );
}

function sendRejection(reply: FastifyReply, request: FastifyRequest, r: InboxRejection) {
  const body = { ...problem(r.status, r.message, { reason: r.reason, ...r.extra }), type: `https://lantoa.dev/problems/federation/${r.reason}`, instance: request.url };
  return sendProblem(reply, body);
}
