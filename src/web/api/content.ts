import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ItemPatch, ListQuery as ListQueryT, NewItem, WorkflowRequest } from '../../modules/content/index.ts';
import type { Services } from '../../services.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { actorIn, optionalActor, requireAccount } from '../auth.ts';
import { requestContext } from '../request-context.ts';
import type { ItemCache } from './item-cache.ts';
import { IdParams, ItemS, ItemSummaryS, ListQuery, NewItemBody, Paged, PatchItemBody, Problem, SlugParams, WorkflowBody } from './schemas.ts';

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const bearer = [{ bearerAuth: [] }];

export function contentRoutes(app: FastifyInstance, { portals, content, config }: Services, itemCache: ItemCache) {
  /** Writes per token (or address): generous for newsrooms, a brake on runaway scripts. */
  const writeLimit = {
    max: config.apiWriteLimit,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => request.headers.authorization ?? request.ip,
  };

  app.get<{ Params: { slug: string }; Querystring: ListQueryT }>(
    '/api/v1/portals/:slug/articles',
    {
      schema: {
        tags: ['content'],
        summary: 'Published items of a portal, newest first (body omitted; fetch the item for it)',
        params: SlugParams,
        querystring: ListQuery,
        response: { 200: Paged(ItemSummaryS), ...errors(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      const query = request.query;
      if (!request.account && itemCache.enabled() && query.q === undefined && (query.status === undefined || query.status === 'published')) {
        const { page, outcome } = await itemCache.lookupList(portal.id, portal.slug, { ...query }, () => content.list(portal, query));
        reply.hijack();
        itemCache.write(request.raw, reply.raw, page, outcome.toUpperCase());
        return reply;
      }
      return content.list(portal, query, optionalActor(request, portal.id));
    },
  );

  app.post<{ Params: { slug: string }; Body: NewItem }>(
    '/api/v1/portals/:slug/articles',
    {
      config: { rateLimit: writeLimit },
      schema: {
        tags: ['content'],
        summary: 'Create a draft',
        security: bearer,
        params: SlugParams,
        body: NewItemBody,
        response: { 201: ItemS, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      actorIn(request, portal.id, portal.slug);
      const item = await content.create(portal, requestContext(request, portal), request.body);
      return reply.code(201).header('location', `/api/v1/articles/${item.id}`).send(item);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/articles/:id',
    {
      schema: {
        tags: ['content'],
        summary: 'One item. Public callers see published items only (410 for unpublished ones); members of its portal see every state.',
        params: IdParams,
        response: { 200: ItemS, ...errors(401, 404, 410, 422) },
      },
    },
    async (request, reply) => {
      if (!request.account && itemCache.enabled()) {
        const { page, outcome } = await itemCache.lookup(request.params.id);
        reply.hijack();
        itemCache.write(request.raw, reply.raw, page, outcome.toUpperCase());
        return reply;
      }
      const item = request.account ? await content.getFor(request.params.id, (portalId) => optionalActor(request, portalId)) : await content.getPublic(request.params.id);
      if (item.status === 'published' && !request.account) reply.header('cache-control', 'public, max-age=30');
      else reply.header('cache-control', 'private, no-store');
      return item;
    },
  );

  app.patch<{ Params: { id: number }; Body: ItemPatch }>(
    '/api/v1/articles/:id',
    {
      config: { rateLimit: writeLimit },
      schema: {
        tags: ['content'],
        summary: 'Edit an item; send the version you edited (409 when stale). Editing a published item keeps it live and needs a change note.',
        security: bearer,
        params: IdParams,
        body: PatchItemBody,
        response: { 200: ItemS, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const { item, ctx } = await memberItem(request, request.params.id);
      return content.update(item, ctx, request.body);
    },
  );

  app.post<{ Params: { id: number }; Body: WorkflowRequest }>(
    '/api/v1/articles/:id/workflow',
    {
      config: { rateLimit: writeLimit },
      schema: {
        tags: ['content'],
        summary: 'Move an item through the workflow. 409 lists the actions allowed in its state.',
        security: bearer,
        params: IdParams,
        body: WorkflowBody,
        response: { 200: ItemS, ...errors(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const { item, ctx } = await memberItem(request, request.params.id);
      return content.act(item, ctx, request.body);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/articles/:id/history',
    {
      schema: {
        tags: ['content'],
        summary: 'Revisions (every save) and workflow transitions of an item (members only)',
        security: bearer,
        params: IdParams,
        response: {
          200: Type.Object({
            revisions: Type.Array(Type.Object({ version: Type.Integer(), title: Type.String(), authorId: Type.Union([Type.Integer(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), at: Type.String() })),
            transitions: Type.Array(Type.Object({ action: Type.String(), from: Type.String(), to: Type.String(), actorId: Type.Union([Type.Integer(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), at: Type.String() })),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { item } = await memberItem(request, request.params.id);
      const [revisions, transitions] = await Promise.all([content.revisions(item.id), content.history(item.id)]);
      return {
        revisions: revisions.map((r) => ({ version: r.version, title: r.title, authorId: r.author_id, note: r.note, at: r.created_at })),
        transitions: transitions.map((t) => ({ action: t.action, from: t.from_status, to: t.to_status, actorId: t.actor_id, note: t.note, at: t.at })),
      };
    },
  );

  /** Loads an item for a write: 404 when unknown, 403 when the caller has no role in its portal. */
  async function memberItem(request: FastifyRequest, id: number) {
    const item = await content.find(id);
    if (!item) {
      // still insist on a token first, so anonymous probing learns nothing
      requireAccount(request);
      throw new NotFoundError(`No item ${id}.`);
    }
    const portal = await portals.require(item.portal);
    actorIn(request, portal.id, portal.slug);
    return { item, ctx: requestContext(request, portal) };
  }
}
