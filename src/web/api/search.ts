import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SearchRequest } from '../../modules/search/index.ts';
import { MAX_QUERY_CHARS } from '../../modules/search/index.ts';
import { CONTENT_TYPES, EFFECT_STATUSES } from '../../modules/content/index.ts';
import type { Services } from '../../services.ts';
import { Problem } from './schemas.ts';

// GET /api/v1/search and /api/v1/search/suggest. The query string is taken
// as typed — any length, any characters — and reduced by the search module;
// only the filters are validated here.

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Lang = Type.Union([Type.Literal('vi'), Type.Literal('en'), Type.Literal('zh')]);
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Vietnam time (UTC+7)' });

// Longer than any sensible query so that a pasted page still gets an answer
// rather than a 422; the module reads the first MAX_QUERY_CHARS characters.
const Q = Type.String({
  maxLength: 100_000,
  description: `free text: words, "quoted phrases", -exclusions; with or without diacritics; legal numbers such as 42/2022/NĐ-CP or "nd 42/2022". Characters after the first ${MAX_QUERY_CHARS} are ignored.`,
});

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Q),
    portal: Type.Optional(Type.String({ maxLength: 100, description: 'portal slug; absent: every portal of the deployment (network-wide search)' })),
    lang: Type.Optional(Lang),
    type: Type.Optional(Type.String({ maxLength: 200, description: `one or more of ${CONTENT_TYPES.join(', ')}, comma-separated` })),
    section: Type.Optional(Type.String({ maxLength: 200, description: 'section slug within `portal`; a sub-site includes its own sections' })),
    from: Type.Optional({ ...DateParam, description: 'published on or after this day (YYYY-MM-DD)' }),
    to: Type.Optional({ ...DateParam, description: 'published on or before this day (YYYY-MM-DD)' }),
    documentType: Type.Optional(Type.String({ maxLength: 100, description: 'legal documents: hình thức văn bản, e.g. Nghị định (diacritics optional)' })),
    issuingBody: Type.Optional(Type.String({ maxLength: 300, description: 'legal documents: cơ quan ban hành, e.g. Chính phủ (diacritics optional)' })),
    effectStatus: Type.Optional(
      Type.Union(
        EFFECT_STATUSES.map((s) => Type.Literal(s)),
        { description: 'legal documents: tình trạng hiệu lực' },
      ),
    ),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200, description: 'legal documents: year issued' })),
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('newest'), Type.Literal('oldest')], { default: 'relevance' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const SearchHitS = Type.Object({
  id: Type.Integer(),
  portal: Type.String(),
  type: Type.Union(CONTENT_TYPES.map((t) => Type.Literal(t))),
  lang: Lang,
  title: Type.String(),
  summary: Type.String(),
  url: Type.String({ format: 'uri' }),
  section: Nullable(Type.String()),
  publishedAt: Type.String(),
  meta: Type.Record(Type.String(), Type.Unknown(), { description: 'a few type-specific fields: number, documentType, issuingBody, issuedDate, effectStatus of a legal document; code of a procedure' }),
  highlight: Type.Object(
    {
      title: Type.String({ description: 'the title as HTML-escaped text with <mark> around matching words' }),
      snippet: Type.String({ description: 'a passage around the matches, HTML-escaped, with <mark>' }),
    },
    { description: 'the only markup is <mark>; everything else is escaped' },
  ),
  numberMatch: Type.Boolean({ description: 'a legal document the query names by its number (these lead the results)' }),
});

export const SearchResultS = Type.Object({
  items: Type.Array(SearchHitS),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer({ description: 'matching items, counted up to 500 (relevance) or 1,000 (date)' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when there are more than `total`' }),
  query: Type.Object({
    text: Type.String({ description: 'the query as read (normalised, capped)' }),
    folded: Type.String({ description: 'the query without diacritics' }),
    corrected: Nullable(Type.String({ description: 'when the query matched nothing and a one-letter correction did: the query the results are for' })),
    relaxed: Type.Boolean({ description: 'true when no item holds every word and the results hold most of them (queries of three words or more)' }),
  }),
});

export const SuggestQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100_000, description: 'what has been typed so far; the last word counts as a prefix unless followed by a space' })),
    portal: Type.Optional(Type.String({ maxLength: 100 })),
    lang: Type.Optional(Lang),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
  },
  { additionalProperties: false },
);

const SuggestionS = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  highlight: Type.String({ description: 'the title, HTML-escaped, with <mark> around what was typed' }),
  url: Type.String({ format: 'uri' }),
  portal: Type.String(),
  lang: Lang,
  type: Type.String(),
});

/** Searches are the dearest public read: a brake on scripts, far above what a person types. */
const searchLimit = { max: 1200, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.headers.authorization ?? request.ip };

export function searchRoutes(app: FastifyInstance, { search }: Services) {
  app.get<{ Querystring: SearchRequest }>(
    '/api/v1/search',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags: ['search'],
        summary: 'Search published items across portals, with or without diacritics',
        description:
          'Free text with "quoted phrases" and -exclusions, Vietnamese with or without diacritics (typed diacritics rank exact spellings first), Chinese, English. ' +
          'A legal number (42/2022/NĐ-CP, 42/2022/ND-CP, nd 42/2022, 42/2022) puts that document first. When nothing matches, a one-letter spelling correction is tried (see `query.corrected`). ' +
          'Sort by relevance (default: the newest 500 matches are ranked, which keeps a common word as fast as a rare one; `totalIsLowerBound` says when there were more) or by date (newest, oldest: pages reach every match). An empty query with at least one filter lists the newest matching items; with none, it returns no items.',
        querystring: SearchQuery,
        response: { 200: SearchResultS, ...errors(422, 429) },
      },
    },
    async (request) => search.search(request.query),
  );

  app.get<{ Querystring: { q?: string; portal?: string; lang?: string; limit?: number } }>(
    '/api/v1/search/suggest',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags: ['search'],
        summary: 'As-you-type suggestions: titles holding every word typed, the last one as a prefix',
        querystring: SuggestQuery,
        response: { 200: Type.Object({ items: Type.Array(SuggestionS) }), ...errors(422, 429) },
      },
    },
    async (request) => ({ items: await search.suggest(request.query) }),
  );
}
