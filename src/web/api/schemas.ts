import { Type, type TSchema } from '@sinclair/typebox';
import { CONTENT_TYPES, GalleryMeta, LegalDocumentMeta, ProcedureMeta, VideoMeta } from '../../modules/content/index.ts';
import { ACTIONS, STATES } from '../../modules/workflow/index.ts';
import { PORTAL_KINDS } from '../../modules/portals/index.ts';
import { StringEnum } from '../../lib/validate.ts';

// Request and response schemas of the JSON API. Fastify validates requests
// against them and the OpenAPI document is generated from them, so the docs
// cannot drift from what the server accepts.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Lang = StringEnum(['vi', 'en', 'zh'] as const);
const Localized = Type.Object({ vi: Type.String(), en: Type.Optional(Type.String()), zh: Type.Optional(Type.String()) }, { additionalProperties: false });
const ContentTypeS = StringEnum(CONTENT_TYPES);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const PortalS = Type.Object({
  slug: Type.String(),
  name: Localized,
  languages: Type.Array(Lang),
  hosts: Type.Array(Type.String()),
  kind: StringEnum(PORTAL_KINDS),
  parent: Nullable(Type.String()),
  url: Type.String({ format: 'uri' }),
  contact: Type.Object({ unit: Type.String(), responsible: Type.String(), address: Type.String(), phone: Type.String(), email: Type.String() }),
});

export const SectionS = Type.Object({
  slug: Type.String(),
  kind: Type.Union([Type.Literal('section'), Type.Literal('subsite')], { description: 'subsite = chuyên trang, a sub-site with its own home and menu' }),
  parent: Nullable(Type.String()),
  name: Localized,
  description: Type.Record(Type.String(), Type.String()),
  themeColor: Nullable(Type.String()),
  menu: Type.Array(Type.Object({ label: Type.Record(Type.String(), Type.String()), href: Type.String() })),
  url: Type.String(),
});

const ChangeNoteS = Type.Object({ at: Type.String(), note: Type.String(), kind: Type.Union([Type.Literal('major'), Type.Literal('minor')]) });

const itemFields = {
  id: Type.Integer(),
  portal: Type.String(),
  type: ContentTypeS,
  lang: Lang,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  url: Type.String({ format: 'uri' }),
  section: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  status: StringEnum(STATES),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  firstPublishedAt: Nullable(Type.String()),
  publicUpdatedAt: Nullable(Type.String()),
  scheduledAt: Nullable(Type.String()),
  translations: Type.Record(Type.String(), Type.Integer(), { description: '{lang: id} of the other translations (published ones only on public reads)' }),
  meta: Type.Record(Type.String(), Type.Unknown(), { description: 'type-specific fields; see the LegalDocumentMeta, ProcedureMeta, VideoMeta and GalleryMeta schemas' }),
  unpublished: Nullable(Type.Object({ kind: Type.String(), reason: Type.String() })),
  origin: Type.Unknown({ description: 'federation provenance {portal, url, sequence}, or null' }),
};

export const ItemS = Type.Object({ ...itemFields, body: Type.String({ description: 'sanitized HTML' }), changeNotes: Type.Array(ChangeNoteS) });
export const ItemSummaryS = Type.Object(itemFields);

export const Paged = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const ListQuery = Type.Object(
  {
    lang: Type.Optional(Lang),
    type: Type.Optional(ContentTypeS),
    section: Type.Optional(Type.String({ maxLength: 200 })),
    tag: Type.Optional(Type.String({ maxLength: 100 })),
    q: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(StringEnum(STATES, { description: 'members of the portal only: list items in this state' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const NewItemBody = Type.Object(
  {
    type: ContentTypeS,
    lang: Lang,
    title: Type.String({ minLength: 1, maxLength: 500 }),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    body: Type.Optional(Type.String({ description: 'HTML; sanitized on save' })),
    section: Type.Optional(Nullable(Type.String())),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 })),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 })),
    translationOf: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'id of the item this translates' })),
    meta: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const PatchItemBody = Type.Object(
  {
    version: Type.Integer({ description: 'the version you edited; 409 when the item has moved on' }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    body: Type.Optional(Type.String()),
    section: Type.Optional(Nullable(Type.String())),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 })),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 })),
    meta: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'replaces the whole meta object' })),
    changeNote: Type.Optional(Type.String({ maxLength: 2000, description: 'required when changing a published item, unless minorChange' })),
    minorChange: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WorkflowBody = Type.Object(
  {
    action: StringEnum(ACTIONS),
    at: Type.Optional(Type.String({ description: 'ISO 8601 time, for schedule' })),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    kind: Type.Optional(StringEnum(['withdrawn', 'gone'] as const, { description: 'for unpublish; default withdrawn' })),
    translations: Type.Optional(
      StringEnum(['same', 'keep'] as const, {
        description: 'for unpublish of an original: `same` (default) unpublishes its published translations too, with the same kind and reason; `keep` leaves them live',
      }),
    ),
    version: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/** Ids fit PostgreSQL's `integer`: a larger number is a client mistake, not a server fault. */
const MAX_ID = 2_147_483_647;
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

export const metaSchemas = { LegalDocumentMeta, ProcedureMeta, VideoMeta, GalleryMeta };

// ---- curated home (src/modules/home)
const IsoTime = (description: string) => Type.String({ maxLength: 40, description });
const HomeFeaturedS = Type.Array(
  Type.Object(
    {
      id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'a published item of this portal in this language' }),
      until: Type.Optional(Nullable(IsoTime('ISO 8601 time after which the pin lapses; absent or null: until removed'))),
    },
    { additionalProperties: false },
  ),
  { maxItems: 12, description: 'pinned top stories (tin nổi bật), in the order shown; unpinned slots fill with the newest news' },
);
const HomeBreakingIn = Nullable(
  Type.Object(
    {
      itemId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'a published item of this portal and language; the banner links to it' }))),
      text: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'the banner text (default: the item title)' }))),
      url: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'http(s) address or a path of this portal; with text, when there is no itemId' }))),
      from: Type.Optional(Nullable(IsoTime('ISO 8601 start (default: now)'))),
      until: IsoTime('ISO 8601 end'),
    },
    { additionalProperties: false, description: 'the breaking-news banner (tin nóng), shown on every page of the portal in this language while from ≤ now < until' },
  ),
);
export const HomeQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });
export const HomeBody = Type.Object({ featured: HomeFeaturedS, breaking: HomeBreakingIn }, { additionalProperties: false });
export const HomeS = Type.Object({
  lang: Lang,
  featured: Type.Array(Type.Object({ id: Type.Integer(), until: Nullable(Type.String()) })),
  breaking: Nullable(Type.Object({ itemId: Nullable(Type.Integer()), text: Nullable(Type.String()), url: Nullable(Type.String()), from: Type.String(), until: Type.String() })),
  items: Type.Array(ItemSummaryS, { description: 'the top stories the home shows now: live pins, then the newest news (as the list API gives items)' }),
});
