import { systemContext } from '../lib/request-context.ts';
import type { MediaService } from '../modules/media/index.ts';
import { mediaUrl, pictureRef, type PictureRef } from '../modules/media/index.ts';
import type { DemoPictureCache } from './picture-cache.ts';
import type { DemoItem, DemoPortal } from './types.ts';

// The demo's pictures and signed documents. The hand-written content names
// them by placeholder paths (/media/demo/…, /files/…); here each one is drawn
// (a picture: the portal's colours with its caption; a PDF: the document's
// name and number) and put into the portal's media library through the same
// MediaService an editor's upload goes through, so every demo link serves a
// real file with real variants, and the content is rewritten to point at it.

const PLACEHOLDER = /^\/(?:media\/demo|files)\//;
const IMAGE_WIDTH = 960;
const IMAGE_HEIGHT = 640;

interface Wanted {
  kind: 'image' | 'pdf';
  /** caption for a picture, document name for a PDF */
  label: string;
  credit?: string;
}

export interface PlacedAsset {
  url: string;
  size: number;
  width?: number;
  height?: number;
  /** WebP at every width, for a srcset */
  srcset?: string;
}

/** Every placeholder file an item's meta names (its translations' too), keyed by the placeholder path. */
export function wantedAssets(items: DemoItem[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const visit = (meta: Record<string, unknown> | undefined) => {
    if (!meta) return;
    for (const img of Array.isArray(meta.images) ? (meta.images as { src?: unknown; caption?: string; credit?: string }[]) : []) {
      if (typeof img.src === 'string' && PLACEHOLDER.test(img.src) && !wanted.has(img.src)) wanted.set(img.src, { kind: 'image', label: img.caption ?? '', credit: img.credit });
    }
    for (const a of Array.isArray(meta.attachments) ? (meta.attachments as { url?: unknown; name?: string }[]) : []) {
      if (typeof a.url === 'string' && PLACEHOLDER.test(a.url) && !wanted.has(a.url)) wanted.set(a.url, { kind: 'pdf', label: a.name ?? '' });
    }
  };
  for (const it of items) {
    visit(it.meta);
    visit(it.translations?.en?.meta);
    visit(it.translations?.zh?.meta);
  }
  return wanted;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A seeded number in [0, 1) so each picture is different but every load draws the same one. */
function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return () => {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return h / 2 ** 32;
  };
}

/** An abstract picture in the portal's colour with the caption across the bottom, as JPEG. */
export async function drawDemoPicture(seed: string, caption: string, colour: string): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const rnd = seeded(seed);
  const shapes = Array.from({ length: 7 }, () => {
    const cx = Math.round(rnd() * IMAGE_WIDTH);
    const cy = Math.round(rnd() * IMAGE_HEIGHT * 0.8);
    const r = Math.round(60 + rnd() * 220);
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" opacity="${(0.06 + rnd() * 0.14).toFixed(2)}"/>`;
  }).join('');
  // long captions wrap onto two lines of about 48 characters
  const words = caption.split(/\s+/);
  const lines: string[] = [''];
  for (const w of words) {
    if ((lines[lines.length - 1] + ' ' + w).trim().length > 48 && lines.length < 2) lines.push(w);
    else lines[lines.length - 1] = (lines[lines.length - 1] + ' ' + w).trim();
  }
  const text = lines.map((l, i) => `<text x="40" y="${IMAGE_HEIGHT - 40 - (lines.length - 1 - i) * 42}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="32" fill="#ffffff">${escapeXml(l)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#1d2733"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}
<rect y="${IMAGE_HEIGHT - 70 - (lines.length - 1) * 42}" width="100%" height="${70 + (lines.length - 1) * 42}" fill="#000000" opacity="0.35"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const COVER_WIDTH = 800;
const COVER_HEIGHT = 450;

/** Everything that decides an item's cover: the drawing cache finds it by these (bump `v` when the drawing changes). */
export function coverInputs(portal: string, item: { type: string; title: string }): { cover: 'item'; v: number; portal: string; type: string; title: string } {
  return { cover: 'item', v: 2, portal, type: item.type, title: item.title };
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(((h % 360) + 360) % 360)},${Math.round(s)}%,${Math.round(l)}%)`;

/**
 * An item's own cover: an abstract picture whose hue, pattern (bands, rings,
 * tiles, peaks or dots), accent and shapes all come from a generator seeded by
 * `seed` (the portal, type and title), so every item looks different while
 * every load draws the same picture for it. No text: the card and the page
 * say the title, and words baked into a picture are lost to screen readers.
 */
export async function drawItemCover(seed: string): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const rnd = seeded(seed);
  const hue = rnd() * 360;
  // an accent either beside the base hue or across the wheel
  const accentHue = hue + (rnd() < 0.5 ? 25 + rnd() * 40 : 150 + rnd() * 60);
  const deep = hsl(hue, 55 + rnd() * 25, 24 + rnd() * 10);
  const dark = hsl(hue + 200, 25, 12 + rnd() * 6);
  const bright = hsl(accentHue, 65 + rnd() * 25, 55 + rnd() * 12);
  const pale = hsl(hue, 60, 88 + rnd() * 6);
  const W = COVER_WIDTH;
  const H = COVER_HEIGHT;
  const pick = () => (rnd() < 0.55 ? bright : pale);
  const opacity = (lo: number, span: number) => (lo + rnd() * span).toFixed(2);
  let shapes = '';
  const pattern = Math.floor(rnd() * 5);
  switch (pattern) {
    case 0: // diagonal bands
      for (let i = 0, n = 5 + Math.floor(rnd() * 6); i < n; i++)
        shapes += `<polygon points="${Math.round(rnd() * W - 200)},0 ${Math.round(rnd() * W)},0 ${Math.round(rnd() * W + 200)},${H} ${Math.round(rnd() * W - 100)},${H}" fill="${pick()}" opacity="${opacity(0.15, 0.35)}"/>`;
      break;
    case 1: // rings
      for (let i = 0, n = 4 + Math.floor(rnd() * 7); i < n; i++)
        shapes += `<circle cx="${Math.round(rnd() * W)}" cy="${Math.round(rnd() * H)}" r="${Math.round(30 + rnd() * 190)}" fill="none" stroke="${pick()}" stroke-width="${Math.round(6 + rnd() * 32)}" opacity="${opacity(0.25, 0.45)}"/>`;
      break;
    case 2: {
      // tiles of a size of their own
      const size = 60 + Math.floor(rnd() * 70);
      for (let x = 0; x < W; x += size)
        for (let y = 0; y < H; y += size) if (rnd() < 0.45) shapes += `<rect x="${x + 5}" y="${y + 5}" width="${size - 10}" height="${size - 10}" rx="${Math.round(rnd() * size * 0.3)}" fill="${pick()}" opacity="${opacity(0.2, 0.5)}"/>`;
      break;
    }
    case 3: // peaks
      for (let i = 0, n = 3 + Math.floor(rnd() * 4); i < n; i++) {
        const base = H - i * 30;
        const step = 60 + Math.floor(rnd() * 80);
        const points = Array.from({ length: Math.ceil(W / step) + 1 }, (_, k) => `${k * step},${Math.round(base - 50 - rnd() * 210)}`).join(' ');
        shapes += `<polygon points="0,${H} ${points} ${W},${H}" fill="${pick()}" opacity="${opacity(0.2, 0.3)}"/>`;
      }
      break;
    default: // scattered dots
      for (let i = 0, n = 20 + Math.floor(rnd() * 30); i < n; i++) shapes += `<circle cx="${Math.round(rnd() * W)}" cy="${Math.round(rnd() * H)}" r="${Math.round(6 + rnd() * 46)}" fill="${pick()}" opacity="${opacity(0.3, 0.5)}"/>`;
  }
  const angle = Math.round(rnd() * 360);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Diacritics off and đ to d: the PDF's standard Helvetica only has Latin-1. */
const latin = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');

const pdfString = (s: string) => `(${latin(s).replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A one-page PDF 1.4 with the document's name, a well-formed cross-reference table and %%EOF. */
export function writeDemoPdf(title: string, portalName: string): Buffer {
  const lines = [
    { size: 11, text: portalName.toUpperCase() },
    { size: 16, text: title },
    { size: 10, text: 'Ban ve trinh dien (demo) cua Lantoa - khong co gia tri phap ly.' },
    { size: 10, text: 'Demonstration copy generated by Lantoa; it has no legal force.' },
  ];
  const content = ['BT', '/F1 11 Tf', '56 780 Td', ...lines.flatMap((l, i) => [`/F1 ${l.size} Tf`, i ? '0 -28 Td' : '', `${pdfString(l.text.slice(0, 90))} Tj`]).filter(Boolean), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Lantoa demo) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Types whose demo items get a drawn cover of their own; a gallery's cover is its first picture. */
export const COVERED_TYPES = new Set(['news', 'directive', 'press-release', 'video']);

/** A picture the demo draws: a placeholder an item names, or an item's cover. */
export interface DemoPicture {
  /** the placeholder path, or `cover:<index of the item in its portal>` */
  key: string;
  /** what decides the drawing; the cache finds it by these */
  inputs: unknown;
  draw: () => Promise<Buffer>;
  filename: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** days since the newest item showing it was published: drawn later ones first */
  age: number;
}

export const coverKey = (itemIndex: number) => `cover:${itemIndex}`;

/** Every picture one portal's items name or wear, newest items' first. */
export function demoPictures(portalSlug: string, demo: DemoPortal, colour: string): DemoPicture[] {
  const age = new Map<string, number>();
  demo.items.forEach((it, i) => {
    for (const [path, want] of wantedAssets([it])) if (want.kind === 'image') age.set(path, Math.min(age.get(path) ?? Infinity, it.daysAgo));
    if (COVERED_TYPES.has(it.type)) age.set(coverKey(i), it.daysAgo);
  });
  const out: DemoPicture[] = [];
  for (const [path, want] of wantedAssets(demo.items)) {
    if (want.kind !== 'image') continue;
    const file = path.split('/').pop()!;
    out.push({
      key: path,
      inputs: { path, label: want.label, colour, version: 1 },
      draw: () => drawDemoPicture(path, want.label, colour),
      filename: file.replace(/\.\w+$/, '.jpg'),
      alt: want.label || file,
      caption: want.label,
      credit: want.credit,
      age: age.get(path) ?? 0,
    });
  }
  demo.items.forEach((it, i) => {
    if (!COVERED_TYPES.has(it.type)) return;
    const inputs = coverInputs(portalSlug, it);
    out.push({ key: coverKey(i), inputs, draw: () => drawItemCover(JSON.stringify(inputs)), filename: `minh-hoa-${i + 1}.jpg`, alt: 'Hình minh hoạ trừu tượng (ảnh trình diễn)', age: it.daysAgo });
  });
  return out.sort((a, b) => a.age - b.age);
}

/** A drawn picture once in a portal's library: where a page links it, and what an item's cover keeps. */
export interface PlacedPicture {
  asset: PlacedAsset;
  ref: PictureRef;
}

/** Puts a drawn picture into the portal's library (its variants from the cache when kept there). */
export async function placeDemoPicture(media: MediaService, portal: { id: number; slug: string }, picture: DemoPicture, data: Buffer, cache: DemoPictureCache): Promise<PlacedPicture> {
  const item = await media.upload(portal, systemContext(portal.id, 'cli'), { data, filename: picture.filename, mime: 'image/jpeg', alt: picture.alt, caption: picture.caption, credit: picture.credit }, { variantCache: cache });
  const ref = pictureRef(item);
  return { ref, asset: { url: ref.src, size: item.variants.find((v) => mediaUrl(v.key) === ref.src)?.size ?? item.size, width: ref.width ?? undefined, height: ref.height ?? undefined, srcset: ref.srcset } };
}

/**
 * A small plain picture in the portal's colour, in the shape of the demo's
 * pictures (3:2), that stands in for gallery pictures still being drawn, so
 * a gallery never links a file that does not exist. At 96 px it encodes in
 * a blink.
 */
export async function placeWaitingPicture(media: MediaService, portal: { id: number; slug: string }, colour: string): Promise<PlacedAsset> {
  const sharp = (await import('sharp')).default;
  const data = await sharp({ create: { width: 96, height: 64, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  const item = await media.upload(portal, systemContext(portal.id, 'cli'), { data, filename: 'dang-ve.jpg', mime: 'image/jpeg', alt: 'Ảnh đang được chuẩn bị' });
  const ref = pictureRef(item);
  return { url: ref.src, size: item.size, width: IMAGE_WIDTH, height: IMAGE_HEIGHT, srcset: ref.srcset };
}

/** Writes and uploads every signed document one portal's items name (no drawing: cheap); returns where each now lives. */
export async function placeDemoPdfs(media: MediaService, portal: { id: number; slug: string; name: string }, demo: DemoPortal): Promise<Map<string, PlacedAsset>> {
  const placed = new Map<string, PlacedAsset>();
  for (const [path, want] of wantedAssets(demo.items)) {
    if (want.kind !== 'pdf') continue;
    const file = path.split('/').pop()!;
    const item = await media.upload(portal, systemContext(portal.id, 'cli'), { data: writeDemoPdf(want.label, portal.name), filename: file.replace(/\.\w+$/, '.pdf'), mime: 'application/pdf', alt: want.label || file });
    placed.set(path, { url: mediaUrl(item.variants[0].key), size: item.size });
  }
  return placed;
}

/** The item's meta with placeholder paths swapped for the placed files (and their real sizes). */
export function withPlacedAssets(meta: Record<string, unknown> | undefined, placed: Map<string, PlacedAsset>): Record<string, unknown> | undefined {
  if (!meta) return meta;
  const out: Record<string, unknown> = { ...meta };
  if (Array.isArray(meta.images)) {
    out.images = (meta.images as { src: string }[]).map((img) => {
      const p = placed.get(img.src);
      return p ? { ...img, src: p.url, ...(p.width ? { width: p.width, height: p.height } : {}), ...(p.srcset ? { srcset: p.srcset } : {}) } : img;
    });
  }
  if (Array.isArray(meta.attachments)) {
    out.attachments = (meta.attachments as { url: string; size?: number }[]).map((a) => {
      const p = placed.get(a.url);
      return p ? { ...a, url: p.url, size: p.size, mimeType: 'application/pdf' } : a;
    });
  }
  return out;
}
