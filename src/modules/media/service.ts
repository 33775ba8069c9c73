import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Metadata, OutputInfo } from 'sharp';

// sharp (libvips) is loaded on the first upload, not at start-up: every CLI command builds the services.
const loadSharp = async () => (await import('sharp')).default;
import { type Store, contains } from '../../store/index.ts';
import type { Database } from '../../store/schema.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { fold } from '../../lib/text.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { MediaStorage } from './storage.ts';
import type { MediaTable } from './tables.ts';
import type { AuditService } from '../audit/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';

// The media library: photos (JPEG, PNG, WebP, AVIF) and PDF attachments.
// A file is accepted only when its first bytes say it is what its name and
// declared type say. Photos are turned into responsive variants — AVIF and
// WebP at a few widths plus a JPEG (or PNG, when transparent) fallback —
// with EXIF stripped (no GPS position of the photographer leaves the
// newsroom). Every stored name carries the content hash, so files can be
// cached for a year. Alt text is required: portals are read with screen readers.

export type MediaKind = 'image' | 'pdf';
export type DetectedType = 'jpeg' | 'png' | 'webp' | 'avif' | 'pdf';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_BYTES = 30 * 1024 * 1024;
/** Widths of the responsive variants; none wider than the original. */
const WIDTHS = [480, 960, 1600];
/** Encoder settings of the variants. */
const ENCODE = { avif: { quality: 50, effort: 2 }, webp: { quality: 80 }, jpeg: { quality: 82, mozjpeg: true }, png: { compressionLevel: 9 } } as const;
const MAX_PIXELS = 80_000_000;

const EXTENSIONS: Record<DetectedType, string[]> = { jpeg: ['jpg', 'jpeg'], png: ['png'], webp: ['webp'], avif: ['avif'], pdf: ['pdf'] };
const MIME: Record<DetectedType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', pdf: 'application/pdf' };

export interface Variant {
  format: 'avif' | 'webp' | 'jpg' | 'png' | 'pdf';
  width: number | null;
  height: number | null;
  key: string;
  size: number;
}

export interface MediaItem {
  id: number;
  portalId: number;
  kind: MediaKind;
  filename: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  variants: Variant[];
  createdAt: string;
  uploadedBy: number | null;
}

export interface Upload {
  filename: string;
  /** the type the browser declared */
  mime: string;
  data: Buffer;
  alt: string;
  caption?: string;
  credit?: string;
}

/** The file type its first bytes prove, or undefined. */
export function detectType(data: Buffer): DetectedType | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp' && ['avif', 'avis'].includes(data.toString('latin1', 8, 12))) return 'avif';
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return undefined;
}

/**
 * Finished variants of a picture, as a cache keeps them: the source's size and
 * every variant's bytes, named by the suffix its storage key ends in.
 */
export interface CachedVariants {
  width: number;
  height: number;
  files: { suffix: string; format: Variant['format']; width: number | null; height: number | null; data: Buffer }[];
}

/**
 * Somewhere to keep a picture's variants between runs, found by `variantKey`
 * (the source's bytes and the recipe that turns them into variants). Encoding
 * AVIF and WebP at every width takes seconds a picture: the demo network,
 * loaded by every fresh start and many test suites, draws the same pictures
 * each time and keeps their variants in one of these. A miss or a failing
 * cache only means encoding again.
 */
export interface VariantCache {
  get(key: string): Promise<CachedVariants | undefined>;
  put(key: string, value: CachedVariants): Promise<void>;
}

/** Everything that decides what variants a source becomes; a change here is a new cache key. */
const VARIANT_RECIPE = JSON.stringify({ v: 1, widths: WIDTHS, encode: ENCODE });

export function variantKey(data: Buffer): string {
  return createHash('sha256').update(VARIANT_RECIPE).update(data).digest('hex');
}

export class MediaService {
  constructor(
    private readonly store: Store,
    readonly storage: MediaStorage,
    /** Uploads and descriptions are audited in the transaction that writes them. */
    private readonly audit: AuditService,
    private readonly clock: Clock = systemClock,
  ) {}

  private get db(): Kysely<Database> {
    return this.store.db;
  }

  async upload(portal: { id: number; slug: string }, ctx: RequestContext, upload: Upload, opts: { variantCache?: VariantCache } = {}): Promise<MediaItem> {
    const errors: FieldError[] = [];
    const filename = (upload.filename ?? '').normalize('NFC').replace(/[\\/]/g, '_').trim().slice(0, 200);
    const alt = (upload.alt ?? '').normalize('NFC').trim();
    const caption = (upload.caption ?? '').normalize('NFC').trim();
    const credit = (upload.credit ?? '').normalize('NFC').trim();
    if (!upload.data?.length) errors.push({ path: '/file', message: 'choose a file' });
    if (!alt) errors.push({ path: '/alt', message: 'describe the picture for readers who cannot see it' });
    else if (alt.length > 500) errors.push({ path: '/alt', message: 'must be at most 500 characters' });
    if (caption.length > 1000) errors.push({ path: '/caption', message: 'must be at most 1000 characters' });
    if (credit.length > 300) errors.push({ path: '/credit', message: 'must be at most 300 characters' });
    const type = upload.data?.length ? detectType(upload.data) : undefined;
    if (upload.data?.length) {
      const ext = filename.toLowerCase().split('.').pop() ?? '';
      if (!type) errors.push({ path: '/file', message: 'only JPEG, PNG, WebP, AVIF pictures and PDF documents are accepted' });
      else if (!EXTENSIONS[type].includes(ext)) errors.push({ path: '/file', message: `the file's contents are ${type.toUpperCase()}, but its name ends in .${ext}` });
      else if (upload.mime && upload.mime !== 'application/octet-stream' && upload.mime !== MIME[type]) errors.push({ path: '/file', message: `the file's contents are ${type.toUpperCase()}, but it was sent as ${upload.mime}` });
      else if (upload.data.length > (type === 'pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES)) {
        errors.push({ path: '/file', message: `must be at most ${(type === 'pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES) / 1024 / 1024} MB` });
      }
    }
    if (errors.length || !type) throw new ValidationError(errors);

    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    const now = this.clock();
    const base = `${portal.slug}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${sha256.slice(0, 16)}`;
    let variants: Variant[];
    let width: number | null = null;
    let height: number | null = null;
    if (type === 'pdf') {
      if (!upload.data.subarray(-1024).toString('latin1').includes('%%EOF')) throw new ValidationError([{ path: '/file', message: 'the PDF is truncated or damaged' }]);
      const key = `${base}.pdf`;
      await this.storage.put(key, upload.data);
      variants = [{ format: 'pdf', width: null, height: null, key, size: upload.data.length }];
    } else {
      const cached = opts.variantCache ? await this.fromCache(opts.variantCache, base, upload.data) : undefined;
      ({ variants, width, height } = cached ?? (await this.processImage(base, upload.data, opts.variantCache)));
    }
    const row = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('media')
        .values({
          portal_id: portal.id,
          kind: type === 'pdf' ? 'pdf' : 'image',
          filename,
          mime: MIME[type],
          size: upload.data.length,
          width,
          height,
          alt,
          caption,
          credit,
          storage_key: base,
          variants: JSON.stringify(variants),
          sha256,
          search_text: fold(`${filename} ${alt} ${caption} ${credit}`),
          uploaded_by: ctx.account?.id ?? null,
          created_at: iso(now),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.recordFor({ ...ctx, portalId: portal.id }, 'media-uploaded', `media:${row.id}`, { filename: row.filename, size: row.size, mime: row.mime }, trx);
      return row;
    });
    return toItem(row);
  }

  /** The variants a cache kept for these bytes, stored under `base`; undefined on a miss (or a cache that fails). */
  private async fromCache(cache: VariantCache, base: string, data: Buffer): Promise<{ variants: Variant[]; width: number; height: number } | undefined> {
    const hit = await cache.get(variantKey(data)).catch(() => undefined);
    if (!hit?.files.length) return undefined;
    const variants: Variant[] = [];
    for (const f of hit.files) {
      const key = `${base}${f.suffix}`;
      await this.storage.put(key, f.data);
      variants.push({ format: f.format, width: f.width, height: f.height, key, size: f.data.length });
    }
    return { variants, width: hit.width, height: hit.height };
  }

  private async processImage(base: string, data: Buffer, cache?: VariantCache): Promise<{ variants: Variant[]; width: number; height: number }> {
    const sharp = await loadSharp();
    let meta: Metadata;
    try {
      meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
    } catch {
      throw new ValidationError([{ path: '/file', message: 'the picture cannot be read; it may be damaged' }]);
    }
    if (!meta.width || !meta.height) throw new ValidationError([{ path: '/file', message: 'the picture has no size' }]);
    // EXIF orientation 5–8 means the stored pixels are turned a quarter
    const turned = (meta.orientation ?? 1) >= 5;
    const width = turned ? meta.height : meta.width;
    const height = turned ? meta.width : meta.height;
    const widths = [...new Set(WIDTHS.map((w) => Math.min(w, width)))];
    const fallback: 'jpg' | 'png' = meta.hasAlpha ? 'png' : 'jpg';
    const variants: Variant[] = [];
    const files: CachedVariants['files'] = [];
    try {
      for (const w of widths) {
        const resized = () => sharp(data, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: w, withoutEnlargement: true });
        const outputs: [Variant['format'], () => Promise<{ data: Buffer; info: OutputInfo }>][] = [
          ['avif', () => resized().avif(ENCODE.avif).toBuffer({ resolveWithObject: true })],
          ['webp', () => resized().webp(ENCODE.webp).toBuffer({ resolveWithObject: true })],
        ];
        // one fallback for browsers without AVIF or WebP, at the largest width
        if (w === widths[widths.length - 1]) {
          outputs.push([fallback, () => (fallback === 'png' ? resized().png(ENCODE.png) : resized().jpeg(ENCODE.jpeg)).toBuffer({ resolveWithObject: true })]);
        }
        for (const [format, make] of outputs) {
          const out = await make();
          const suffix = `-${w}.${format}`;
          const key = `${base}${suffix}`;
          await this.storage.put(key, out.data);
          variants.push({ format, width: out.info.width, height: out.info.height, key, size: out.data.length });
          files.push({ suffix, format, width: out.info.width, height: out.info.height, data: out.data });
        }
      }
    } catch (err) {
      if (err instanceof ValidationError) throw err;
      throw new ValidationError([{ path: '/file', message: 'the picture cannot be processed; it may be damaged' }]);
    }
    if (cache) await cache.put(variantKey(data), { width, height, files }).catch(() => undefined);
    return { variants, width, height };
  }

  async get(portalId: number, id: number): Promise<MediaItem> {
    const row = await this.db.selectFrom('media').selectAll().where('id', '=', id).where('portal_id', '=', portalId).executeTakeFirst();
    if (!row) throw new NotFoundError(`No media ${id}.`);
    return toItem(row);
  }

  async list(portalId: number, filter: { q?: string; kind?: string; limit?: number; offset?: number } = {}): Promise<MediaItem[]> {
    let q = this.db.selectFrom('media').selectAll().where('portal_id', '=', portalId);
    if (filter.kind === 'image' || filter.kind === 'pdf') q = q.where('kind', '=', filter.kind);
    for (const word of fold(filter.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)) {
      q = q.where(contains(this.store, sql.ref('search_text'), word));
    }
    const rows = await q
      .orderBy('id', 'desc')
      .limit(Math.min(filter.limit ?? 50, 200))
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map(toItem);
  }

  /** The alt text, caption and credit of an item of the library of the context's portal. */
  async describe(ctx: RequestContext, id: number, input: { alt: string; caption?: string; credit?: string }): Promise<MediaItem> {
    const item = await this.get(ctx.portalId, id);
    const alt = (input.alt ?? '').normalize('NFC').trim();
    const caption = (input.caption ?? '').normalize('NFC').trim();
    const credit = (input.credit ?? '').normalize('NFC').trim();
    const errors: FieldError[] = [];
    if (!alt) errors.push({ path: '/alt', message: 'describe the picture for readers who cannot see it' });
    if (alt.length > 500) errors.push({ path: '/alt', message: 'must be at most 500 characters' });
    if (caption.length > 1000) errors.push({ path: '/caption', message: 'must be at most 1000 characters' });
    if (credit.length > 300) errors.push({ path: '/credit', message: 'must be at most 300 characters' });
    if (errors.length) throw new ValidationError(errors);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('media')
        .set({ alt, caption, credit, search_text: fold(`${item.filename} ${alt} ${caption} ${credit}`) })
        .where('id', '=', id)
        .execute();
      await this.audit.recordFor(ctx, 'media-updated', `media:${item.id}`, {}, trx);
    });
    return { ...item, alt, caption, credit };
  }
}

function toItem(r: Selectable<MediaTable>): MediaItem {
  return {
    id: r.id,
    portalId: r.portal_id,
    kind: r.kind as MediaKind,
    filename: r.filename,
    mime: r.mime,
    size: r.size,
    width: r.width,
    height: r.height,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    variants: JSON.parse(r.variants) as MediaItem['variants'],
    createdAt: r.created_at,
    uploadedBy: r.uploaded_by,
  };
}

export const mediaUrl = (key: string) => `/media/${key}`;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The markup to put a library item into an article: a <figure> with a
 * <picture> offering AVIF and WebP at every width and a fallback, its alt
 * text, and a caption ending in the credit ("Ảnh: …", photo by).
 */
export function mediaHtml(item: MediaItem, lang: 'vi' | 'en' | 'zh' = 'vi'): string {
  if (item.kind === 'pdf') return `<p><a href="${escapeAttr(mediaUrl(item.variants[0].key))}">${escapeAttr(item.alt || item.filename)}</a> (PDF, ${Math.max(1, Math.round(item.size / 1024))} KB)</p>`;
  const set = (format: string) =>
    item.variants
      .filter((v) => v.format === format)
      .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
      .join(', ');
  const fallback = item.variants.find((v) => v.format === 'jpg' || v.format === 'png') ?? item.variants[item.variants.length - 1];
  const sizes = '(max-width: 960px) 100vw, 960px';
  const creditLabel = lang === 'vi' ? 'Ảnh' : lang === 'zh' ? '图' : 'Photo';
  const captionText = [item.caption, item.credit ? `${creditLabel}: ${item.credit}` : ''].filter(Boolean).join(' — ');
  return (
    `<figure><picture>` +
    `<source type="image/avif" srcset="${escapeAttr(set('avif'))}" sizes="${sizes}">` +
    `<source type="image/webp" srcset="${escapeAttr(set('webp'))}" sizes="${sizes}">` +
    `<img src="${escapeAttr(mediaUrl(fallback.key))}" alt="${escapeAttr(item.alt)}" width="${fallback.width}" height="${fallback.height}" loading="lazy">` +
    `</picture>${captionText ? `<figcaption>${escapeAttr(captionText)}</figcaption>` : ''}</figure>`
  );
}

/** A picture as other records keep it (an item's cover, a portal's logo): enough to show it without reading the library again. */
export interface PictureRef {
  mediaId: number;
  /** a JPEG or PNG every reader (and every social platform) can take */
  src: string;
  /** WebP candidates, "url 480w, url 960w" */
  srcset?: string;
  alt: string;
  width: number | null;
  height: number | null;
  caption?: string;
  credit?: string;
}

export function pictureRef(item: MediaItem): PictureRef {
  const fallback = item.variants.find((v) => v.format === 'jpg' || v.format === 'png') ?? item.variants[item.variants.length - 1];
  const srcset = item.variants
    .filter((v) => v.format === 'webp')
    .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
    .join(', ');
  return {
    mediaId: item.id,
    src: mediaUrl(fallback.key),
    ...(srcset ? { srcset } : {}),
    alt: item.alt,
    width: fallback.width,
    height: fallback.height,
    ...(item.caption ? { caption: item.caption } : {}),
    ...(item.credit ? { credit: item.credit } : {}),
  };
}
