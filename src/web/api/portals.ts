import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { langPrefix } from '../../lib/lang.ts';
import { PortalS, SectionS, SlugParams, Problem } from './schemas.ts';

export function portalRoutes(app: FastifyInstance, { portals }: Services) {
  app.get(
    '/api/v1/portals',
    {
      schema: {
        tags: ['portals'],
        summary: 'The portals of this deployment',
        response: { 200: Type.Object({ items: Type.Array(PortalS), nextCursor: Type.Null() }) },
      },
    },
    async () => {
      const items = (await portals.list()).map(({ id: _id, ...p }) => p);
      return { items, nextCursor: null };
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/portals/:slug', { schema: { tags: ['portals'], summary: 'One portal', params: SlugParams, response: { 200: PortalS, 404: Problem } } }, async (request) => {
    const { id: _id, ...p } = await portals.require(request.params.slug);
    return p;
  });

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/sections',
    {
      schema: {
        tags: ['portals'],
        summary: 'Sections and sub-sites (chuyên trang) of a portal',
        params: SlugParams,
        response: { 200: Type.Object({ items: Type.Array(SectionS), nextCursor: Type.Null() }), 404: Problem },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      const sections = await portals.sections(portal.id);
      return {
        items: sections.map(({ id: _id, portalId: _p, position: _pos, ...s }) => ({ ...s, url: `${portal.url}${langPrefix('vi')}/${s.slug}` })),
        nextCursor: null,
      };
    },
  );
}
