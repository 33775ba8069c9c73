import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import type { Lang } from '../../lib/lang.ts';
import { ValidationError } from '../../lib/errors.ts';
import { type HomeInput } from '../../modules/home/index.ts';
import type { Portal } from '../../modules/portals/index.ts';
import { authorize } from '../auth.ts';
import { requestContext } from '../request-context.ts';
import { HomeBody, HomeQuery, HomeS, Problem, SlugParams } from './schemas.ts';

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));

/** The curated home of a portal in one language: GET for apps' first screen, PUT for editors-in-chief and admins. */
export function homeRoutes(app: FastifyInstance, { portals, home, config }: Services) {
  const langOf = (portal: Portal, lang: Lang | undefined): Lang => {
    const l = lang ?? 'vi';
    if (!portal.languages.includes(l)) throw new ValidationError([{ path: '/lang', message: `${portal.slug} does not publish in ${l}` }]);
    return l;
  };
  const answer = async (portal: Portal, lang: Lang) => {
    const [settings, items] = await Promise.all([home.get(portal, lang), home.topStorySummaries(portal, lang)]);
    return { lang, ...settings, items };
  };

  app.get<{ Params: { slug: string }; Querystring: { lang?: Lang } }>(
    '/api/v1/portals/:slug/home',
    {
      schema: {
        tags: ['portals'],
        summary: "A portal's home in one language: pinned top stories, the breaking-news banner, and the top stories shown now",
        params: SlugParams,
        querystring: HomeQuery,
        response: { 200: HomeS, ...errors(404, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      const lang = langOf(portal, request.query.lang);
      // pins lapse with time: a short shared life, like the item lists
      reply.header('cache-control', request.account ? 'private, no-store' : 'public, max-age=30');
      return answer(portal, lang);
    },
  );

  app.put<{ Params: { slug: string }; Querystring: { lang?: Lang }; Body: HomeInput }>(
    '/api/v1/portals/:slug/home',
    {
      config: { rateLimit: { max: config.apiWriteLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['portals'],
        summary: "Replace a portal's pinned top stories and breaking-news banner in one language (editor-in-chief or admin of the portal)",
        security: [{ bearerAuth: [] }],
        params: SlugParams,
        querystring: HomeQuery,
        body: HomeBody,
        response: { 200: HomeS, ...errors(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'home.edit', { portal });
      const lang = langOf(portal, request.query.lang);
      await home.set(portal, lang, request.body, requestContext(request, portal));
      reply.header('cache-control', 'private, no-store');
      return answer(portal, lang);
    },
  );
}
