import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ajv, StringEnum, toFieldErrors } from '../../lib/validate.ts';
import type { FieldError } from '../../lib/errors.ts';

// Content types and the `meta` each one carries (field names from CONTRACT.md).

export const CONTENT_TYPES = ['news', 'directive', 'legal-document', 'press-release', 'procedure', 'video', 'gallery'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const isContentType = (v: unknown): v is ContentType => typeof v === 'string' && (CONTENT_TYPES as readonly string[]).includes(v);

export const EFFECT_STATUSES = ['in-force', 'partly-expired', 'expired', 'not-yet-in-force', 'suspended', 'no-longer-applicable'] as const;

/**
 * Số ký hiệu — a document's number: `sequence[/year]/TYPE[-ISSUER]`, no spaces
 * (ND 30/2020, ND 34/2016): 42/2022/NĐ-CP, 25/2013/QĐ-TTg, 1234/QĐ-TTg, 148/2025/QH15.
 */
export const LEGAL_NUMBER = /^\d{1,5}(\/\d{4})?\/[\p{L}\d]+(-[\p{L}\d]+)*$/u;

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const NullableDate = Type.Union([DateStr, Type.Null()]);
const Text = (max = 2000) => Type.String({ maxLength: max });

/**
 * An address a page links to or loads: http(s), or a path of the portal
 * itself (one "/" then not another, nor a backslash, which browsers read as
 * "//" — another host). Nothing else: `javascript:`, `data:` and the like
 * would run or show in the portal's name.
 */
export const LINK_PATTERN = '^(https?://[^\\s]+|/(?![/\\\\])[^\\s]*)$';
const LINK = new RegExp(LINK_PATTERN, 'u');
export const isLink = (v: unknown): v is string => typeof v === 'string' && LINK.test(v);
const Link = (description?: string) => Type.String({ minLength: 1, maxLength: 2000, pattern: LINK_PATTERN, ...(description ? { description } : {}) });

/** Longest social text: X's limit, the strictest of the platforms (the item's link is added after it). */
export const SOCIAL_TEXT_MAX = 280;

/**
 * The item's cover picture, usually from the media library: the page's lead
 * picture and its og:image, and the picture social posts carry. `src` is a
 * path of this portal (/media/…) or, on a copy received from another portal,
 * an absolute http(s) address.
 */
export const Cover = Type.Object(
  {
    mediaId: Type.Optional(Type.Integer({ minimum: 1 })),
    src: Type.String({ minLength: 1, maxLength: 2000, pattern: '^(/media/|https?://)' }),
    srcset: Type.Optional(Type.String({ maxLength: 4000, description: 'WebP candidates, "url 480w, url 960w"' })),
    alt: Type.String({ maxLength: 1000 }),
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    caption: Type.Optional(Type.String({ maxLength: 1000 })),
    credit: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

/** Meta every content type may carry besides its own fields. */
const COMMON_META = {
  cover: Type.Optional(Cover),
  socialText: Type.Optional(Type.String({ maxLength: SOCIAL_TEXT_MAX, description: 'the text of social media posts, instead of the title and summary; the link is added' })),
};

export const Attachment = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), url: Link('http(s) address or a path of this portal'), size: Type.Optional(Type.Integer({ minimum: 0 })), mimeType: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const LegalDocumentMeta = Type.Object(
  {
    number: Type.String({ pattern: LEGAL_NUMBER.source, description: 'số ký hiệu, e.g. 42/2022/NĐ-CP' }),
    documentType: Type.String({ minLength: 1, maxLength: 100, description: 'hình thức văn bản, e.g. Nghị định' }),
    issuingBody: Type.String({ minLength: 1, maxLength: 300 }),
    signer: Type.Optional(Text(200)),
    signerTitle: Type.Optional(Text(200)),
    issuedDate: DateStr,
    effectiveDate: Type.Optional(NullableDate),
    expiryDate: Type.Optional(NullableDate),
    effectStatus: StringEnum(EFFECT_STATUSES),
    field: Type.Optional(Text(200)),
    gazetteDate: Type.Optional(NullableDate),
    abstract: Type.Optional(Text(5000)),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 50 })),
    ...COMMON_META,
  },
  { additionalProperties: false },
);

export const ProcedureMeta = Type.Object(
  {
    code: Type.String({ pattern: '^\\d+\\.\\d{6}$', description: 'mã thủ tục, e.g. 1.001108' }),
    decisionNumber: Type.Optional(Text(100)),
    level: Type.Optional(Text(100)),
    field: Type.String({ minLength: 1, maxLength: 200 }),
    agency: Type.String({ minLength: 1, maxLength: 300 }),
    steps: Type.Optional(Type.Array(Text(5000), { maxItems: 100 })),
    channels: Type.Optional(Type.Array(Text(300), { maxItems: 20 })),
    processingTime: Type.Optional(Text(500)),
    fees: Type.Optional(Text(1000)),
    requiredDocuments: Type.Optional(
      Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 1000 }), quantity: Type.Optional(Type.Union([Type.String(), Type.Integer()])), template: Type.Optional(Link()) }, { additionalProperties: false }), {
        maxItems: 100,
      }),
    ),
    result: Type.Optional(Text(1000)),
    legalBasis: Type.Optional(Type.Array(Text(500), { maxItems: 50 })),
    onlineLevel: StringEnum(['full', 'partial'] as const, { description: 'toàn trình (full) or một phần (partial)' }),
    serviceUrl: Type.Optional(Link('the online service: an http(s) address or a path of this portal')),
    ...COMMON_META,
  },
  { additionalProperties: false },
);

export const VideoMeta = Type.Object(
  { sourceUrl: Type.String({ format: 'uri', pattern: '^https?://' }), duration: Type.Integer({ minimum: 0, description: 'seconds' }), poster: Type.Optional(Link()), transcript: Type.Optional(Text(100_000)), ...COMMON_META },
  { additionalProperties: false },
);

export const GalleryMeta = Type.Object(
  {
    images: Type.Array(
      Type.Object(
        {
          src: Link(),
          caption: Type.Optional(Text(1000)),
          credit: Type.Optional(Text(300)),
          alt: Type.Optional(Text(1000)),
          width: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
          height: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
          srcset: Type.Optional(Type.String({ maxLength: 4000, description: 'WebP candidates, "url 480w, url 960w"' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    ...COMMON_META,
  },
  { additionalProperties: false },
);

/** News, directives and press releases carry free-form meta (e.g. a directive's number); the common keys are still checked. */
export const FreeMeta = Type.Record(Type.String(), Type.Unknown());
const FreeMetaCommon = Type.Object(COMMON_META, { additionalProperties: true });

export const META_SCHEMAS: Record<ContentType, TSchema> = {
  news: FreeMeta,
  directive: FreeMeta,
  'press-release': FreeMeta,
  'legal-document': LegalDocumentMeta,
  procedure: ProcedureMeta,
  video: VideoMeta,
  gallery: GalleryMeta,
};

export type LegalDocumentMetaT = Static<typeof LegalDocumentMeta>;
export type CoverT = Static<typeof Cover>;

/** The item's cover picture, when its meta holds a valid one. */
export function coverOf(meta: Record<string, unknown>): CoverT | undefined {
  const c = meta.cover as CoverT | undefined;
  return c && typeof c === 'object' && typeof c.src === 'string' && /^(\/media\/|https?:\/\/)/.test(c.src) ? c : undefined;
}

/**
 * The meta a new translation starts from: the original's facts (a decree's
 * number, dates, files, the cover picture), without its social text — that
 * is written for one language's readers and posted without anyone seeing it
 * on the page, so a copy would go out in the wrong language.
 */
export function metaForTranslation(meta: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...meta };
  delete copy.socialText;
  return copy;
}

/** The social text, when the item has one. */
export function socialTextOf(meta: Record<string, unknown>): string | undefined {
  return typeof meta.socialText === 'string' && meta.socialText.trim() ? meta.socialText.trim() : undefined;
}

const validators = Object.fromEntries(Object.entries(META_SCHEMAS).map(([t, s]) => [t, ajv.compile(s === FreeMeta ? FreeMetaCommon : s)])) as Record<ContentType, ReturnType<typeof ajv.compile>>;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates `meta` for `type`; returns field errors under /meta. */
export function checkMeta(type: ContentType, meta: unknown): FieldError[] {
  const validate = validators[type];
  if (!validate(meta)) {
    for (const e of validate.errors ?? []) if (e.keyword === 'pattern' && (e.params as { pattern?: string }).pattern === LINK_PATTERN) e.message = 'must be an http(s) address or a path of this portal';
    return toFieldErrors(validate.errors, '/meta');
  }
  const errors: FieldError[] = [];
  const m = meta as Record<string, unknown>;
  for (const key of ['issuedDate', 'effectiveDate', 'expiryDate', 'gazetteDate']) {
    if (typeof m[key] === 'string' && !isRealDate(m[key])) errors.push({ path: `/meta/${key}`, message: 'is not a real date' });
  }
  // srcset candidates ("url 480w, url 960w") are addresses too
  const srcsets: Array<[string, unknown]> = [['/meta/cover/srcset', (m.cover as { srcset?: unknown } | undefined)?.srcset]];
  if (Array.isArray(m.images)) m.images.forEach((img, i) => srcsets.push([`/meta/images/${i}/srcset`, (img as { srcset?: unknown } | null)?.srcset]));
  for (const [path, srcset] of srcsets) {
    if (typeof srcset === 'string' && !srcset.split(',').every((c) => isLink(c.trim().split(/\s+/)[0]))) errors.push({ path, message: 'must list http(s) addresses or paths of this portal' });
  }
  if (type === 'legal-document' && typeof m.effectiveDate === 'string' && typeof m.expiryDate === 'string' && m.expiryDate < m.effectiveDate) {
    errors.push({ path: '/meta/expiryDate', message: 'is before effectiveDate' });
  }
  return errors;
}
