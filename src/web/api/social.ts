import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.ts';
import { NotFoundError } from '../../lib/errors.ts';
import type { ChannelInput } from '../../modules/social/index.ts';
import { PLATFORMS } from '../../modules/social/index.ts';
import { actorIn, authorize, requireAccount } from '../auth.ts';
import { IdParams, Problem, SlugParams } from './schemas.ts';
import { requestContext } from '../request-context.ts';

// Social channels of a portal and the deliveries of its items to them.
// Channel settings hold credentials: only the portal's admins change them,
// and no answer ever carries a credential's value.

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const bearer = [{ bearerAuth: [] }];
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const SlugIdParams = Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

const ChannelS = Type.Object({
  id: Type.Integer(),
  portal: Type.String(),
  platform: Type.String({ enum: [...PLATFORMS] }),
  name: Type.String(),
  apiBaseUrl: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  contentTypes: Type.Array(Type.String()),
  sections: Nullable(Type.Array(Type.String())),
  autoPublish: Type.Boolean(),
  status: Type.String({ enum: ['active', 'needs-reauth'] }),
  statusReason: Nullable(Type.String()),
  credentialsSet: Type.Array(Type.String(), { description: 'names of the credential fields holding a value; values are never returned' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const channelFields = {
  name: Type.String({ maxLength: 500 }),
  apiBaseUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: "replaces the platform's documented base URL, version segment included (an emulator, a regional proxy)" }))),
  credentials: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
    description:
      'facebook: pageId, pageAccessToken · youtube: accessToken, refreshToken, clientId, clientSecret · x: accessToken, refreshToken, clientId, clientSecret? · zalo: accessToken, refreshToken, appId, appSecret · viber: authToken',
  }),
  languages: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 10 }),
  contentTypes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  sections: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200, description: 'section slugs to carry; null or absent for every section' }))),
  autoPublish: Type.Optional(Type.Boolean({ description: 'post every matching publication (default true); false: only when an editor picks the channel' })),
};
const NewChannelBody = Type.Object({ platform: Type.String({ maxLength: 40 }), ...channelFields }, { additionalProperties: false });
const PatchChannelBody = Type.Partial(Type.Object({ platform: Type.String({ maxLength: 40 }), ...channelFields }), { additionalProperties: false });

const DeliveryS = Type.Object({
  id: Type.Integer(),
  channel: Type.Integer(),
  channelName: Type.String(),
  platform: Type.String(),
  itemId: Type.Integer(),
  status: Type.String({ enum: ['queued', 'delivered', 'failed', 'needs-reauth'] }),
  remoteId: Nullable(Type.String()),
  remoteUrl: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
  removedAt: Nullable(Type.String()),
});

const MetricPoint = Type.Object({ at: Type.String(), value: Type.Number(), deliveryId: Nullable(Type.Integer()) });

export function socialRoutes(app: FastifyInstance, services: Services) {
  const { portals, social, content } = services;

  app.post<{ Params: { slug: string }; Body: ChannelInput }>(
    '/api/v1/portals/:slug/channels',
    {
      schema: {
        tags: ['social'],
        summary: 'Connect a social channel (Facebook Page, YouTube, X, Zalo OA, Viber channel) to the portal (admins). Credentials are stored encrypted and never returned.',
        security: bearer,
        params: SlugParams,
        body: NewChannelBody,
        response: { 201: ChannelS, ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'channels.manage', { portal });
      const channel = await social.channels.create(requestContext(request, portal), portal, request.body);
      return reply.code(201).header('location', `/api/v1/portals/${portal.slug}/channels/${channel.id}`).send(channel);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/channels',
    { schema: { tags: ['social'], summary: "The portal's social channels (members)", security: bearer, params: SlugParams, response: { 200: Type.Object({ items: Type.Array(ChannelS) }), ...errors(401, 403, 404) } } },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      return { items: await social.channels.list(portal) };
    },
  );

  app.get<{ Params: { slug: string; id: number } }>(
    '/api/v1/portals/:slug/channels/:id',
    { schema: { tags: ['social'], summary: 'One channel (members)', security: bearer, params: SlugIdParams, response: { 200: ChannelS, ...errors(401, 403, 404, 422) } } },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      return social.channels.get(portal, request.params.id);
    },
  );

  app.patch<{ Params: { slug: string; id: number }; Body: ChannelInput }>(
    '/api/v1/portals/:slug/channels/:id',
    {
      schema: {
        tags: ['social'],
        summary: 'Change a channel (admins). Credentials given are merged into the stored ones ("" removes one); new credentials reconnect a channel that needed it and resume its waiting deliveries.',
        security: bearer,
        params: SlugIdParams,
        body: PatchChannelBody,
        response: { 200: ChannelS, ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'channels.manage', { portal });
      const { channel } = await social.channels.update(requestContext(request, portal), portal, request.params.id, request.body);
      return channel;
    },
  );

  app.delete<{ Params: { slug: string; id: number } }>(
    '/api/v1/portals/:slug/channels/:id',
    { schema: { tags: ['social'], summary: 'Disconnect a channel (admins); posts already made stay on the platform', security: bearer, params: SlugIdParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 422) } } },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'channels.manage', { portal });
      await social.channels.remove(requestContext(request, portal), portal, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { slug: string; id: number }; Querystring: { metric?: string; since?: string } }>(
    '/api/v1/portals/:slug/channels/:id/metrics',
    {
      schema: {
        tags: ['social'],
        summary: "A channel's samples of one metric over time: followers (default), or views, reach, likes, shares, comments of its posts (members)",
        security: bearer,
        params: SlugIdParams,
        querystring: Type.Object({ metric: Type.Optional(Type.String({ enum: ['followers', 'views', 'reach', 'likes', 'shares', 'comments'] })), since: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ metric: Type.String(), points: Type.Array(MetricPoint) }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      const channel = await social.channels.get(portal, request.params.id);
      const metric = request.query.metric ?? 'followers';
      return { metric, points: await social.deliveries.series(channel.id, metric, request.query.since) };
    },
  );

  async function memberItem(request: FastifyRequest, id: number) {
    const item = await content.find(id);
    if (!item) {
      requireAccount(request);
      throw new NotFoundError(`No item ${id}.`);
    }
    const portal = await portals.require(item.portal);
    return { item, portal, actor: actorIn(request, portal.id, portal.slug) };
  }

  app.get<{ Params: { id: number } }>(
    '/api/v1/articles/:id/deliveries',
    {
      schema: {
        tags: ['social'],
        summary: "Where the item was posted: one entry per channel, with the platform's id and address (members)",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(DeliveryS) }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { item } = await memberItem(request, request.params.id);
      return { items: await social.deliveries.forItem(item.id) };
    },
  );

  app.post<{ Params: { id: number }; Body: { channels: number[] } }>(
    '/api/v1/articles/:id/deliveries',
    {
      schema: {
        tags: ['social'],
        summary: 'Post a published item to channels picked by hand (also channels that do not post automatically); a channel that already carries it is left alone (editors and above)',
        security: bearer,
        params: IdParams,
        body: Type.Object({ channels: Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ items: Type.Array(DeliveryS) }), ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const { item, portal } = await memberItem(request, request.params.id);
      authorize(request, 'channels.retry', { portal });
      const items = await social.deliveries.sendTo(requestContext(request, portal), portal, item, [...new Set(request.body.channels)]);
      return reply.code(202).send({ items });
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/v1/deliveries/:id/retry',
    { schema: { tags: ['social'], summary: 'Try a failed delivery again, from where it stopped (editors and above)', security: bearer, params: IdParams, response: { 202: DeliveryS, ...errors(401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      requireAccount(request);
      const found = await social.deliveries.get(request.params.id).catch(() => undefined);
      const portal = found ? await portals.byId(found.portalId) : undefined;
      if (!found || !portal) throw new NotFoundError(`No delivery ${request.params.id}.`);
      authorize(request, 'channels.retry', { portal });
      const delivery = await social.deliveries.retry(requestContext(request, portal), found.id);
      return reply.code(202).send(delivery);
    },
  );
}
