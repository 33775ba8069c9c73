import type { MediaService } from '../media/index.ts';
import { mediaUrl, pictureRef, type PictureRef } from '../media/index.ts';
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
/** How many cover designs the demo draws; items take them in turn, so neighbours on a page differ. */
export const COVER_DESIGNS = 8;
const COVER_PALETTES: [string, string, string][] = [
  ['#a3161d', '#f2c14e', '#fff4e0'],
  ['#0b4f8a', '#5fb0e6', '#e8f3fb'],
  ['#17663a', '#9bd16c', '#eef8e6'],
  ['#5b2a86', '#d99be8', '#f6ecfa'],
  ['#8a4b0b', '#f0a35e', '#fcf1e6'],
  ['#0f5e63', '#6fd0c4', '#e6f7f5'],
  ['#343a63', '#f26d6d', '#eef0fa'],
  ['#5c6b12', '#e3d25a', '#f8f7e2'],
];

/**
 * Cover design `n` of the demo: an abstract pattern (bands, rings, tiles or
 * peaks, by n) in palette n, shapes placed by a seeded generator. No text:
 * the card and the page say the title.
 */
export async function drawCoverDesign(n: number): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const [deep, bright, pale] = COVER_PALETTES[n % COVER_PALETTES.length];
  const rnd = seeded(`cover-${n}`);
  const W = COVER_WIDTH;
  const H = COVER_HEIGHT;
  const pick = () => (rnd() < 0.5 ? bright : pale);
  let shapes = '';
  switch (n % 4) {
    case 0: // diagonal bands
      for (let i = 0; i < 9; i++) shapes += `<polygon points="${Math.round(rnd() * W - 200)},0 ${Math.round(rnd() * W)},0 ${Math.round(rnd() * W + 200)},${H} ${Math.round(rnd() * W - 100)},${H}" fill="${pick()}" opacity="${(0.15 + rnd() * 0.35).toFixed(2)}"/>`;
      break;
    case 1: // rings
      for (let i = 0; i < 8; i++) shapes += `<circle cx="${Math.round(rnd() * W)}" cy="${Math.round(rnd() * H)}" r="${Math.round(40 + rnd() * 180)}" fill="none" stroke="${pick()}" stroke-width="${Math.round(8 + rnd() * 30)}" opacity="${(0.25 + rnd() * 0.4).toFixed(2)}"/>`;
      break;
    case 2: // tiles
      for (let x = 0; x < W; x += 100) for (let y = 0; y < H; y += 90) if (rnd() < 0.45) shapes += `<rect x="${x + 6}" y="${y + 6}" width="88" height="78" rx="10" fill="${pick()}" opacity="${(0.2 + rnd() * 0.5).toFixed(2)}"/>`;
      break;
    default: // peaks
      for (let i = 0; i < 6; i++) {
        const base = H - i * 30;
        const points = Array.from({ length: 9 }, (_, k) => `${k * 100},${Math.round(base - 60 - rnd() * 200)}`).join(' ');
        shapes += `<polygon points="0,${H} ${points} ${W},${H}" fill="${pick()}" opacity="${(0.2 + rnd() * 0.3).toFixed(2)}"/>`;
      }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="#1d2733"/></linearGradient></defs>
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

/** Runs `work` over `inputs`, `width` at a time (sharp's threads are few on a 2-core machine). */
async function pool<T>(inputs: T[], width: number, work: (input: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, async () => {
    while (next < inputs.length) await work(inputs[next++]);
  }));
}

/** Draws (or finds in the cache) the cover designs and puts them in one portal's library, as covers items can carry. */
export async function placeDemoCovers(media: MediaService, portal: { id: number; slug: string }, cache: DemoPictureCache, alt: string): Promise<PictureRef[]> {
  const refs: PictureRef[] = new Array(COVER_DESIGNS);
  await pool(Array.from({ length: COVER_DESIGNS }, (_, n) => n), 2, async (n) => {
    const data = await cache.drawn({ cover: n, version: 1 }, () => drawCoverDesign(n));
    const item = await media.upload(portal, null, { data, filename: `minh-hoa-${n + 1}.jpg`, mime: 'image/jpeg', alt }, { variantCache: cache });
    refs[n] = pictureRef(item);
  });
  return refs;
}

/** Draws and uploads every placeholder file of one portal's items; returns where each now lives. */
export async function placeDemoAssets(media: MediaService, portal: { id: number; slug: string; name: string }, demo: DemoPortal, colour: string, cache?: DemoPictureCache): Promise<Map<string, PlacedAsset>> {
  const placed = new Map<string, PlacedAsset>();
  const wanted = [...wantedAssets(demo.items)];
  await pool(wanted, 2, async ([path, want]) => {
    const file = path.split('/').pop()!;
    if (want.kind === 'image') {
      const draw = () => drawDemoPicture(path, want.label, colour);
      const data = cache ? await cache.drawn({ path, label: want.label, colour, version: 1 }, draw) : await draw();
      const item = await media.upload(portal, null, { data, filename: file.replace(/\.\w+$/, '.jpg'), mime: 'image/jpeg', alt: want.label || file, caption: want.label, credit: want.credit }, { variantCache: cache });
      const fallback = item.variants.find((v) => v.format === 'jpg') ?? item.variants[item.variants.length - 1];
      const webp = item.variants.filter((v) => v.format === 'webp');
      placed.set(path, { url: mediaUrl(fallback.key), size: fallback.size, width: fallback.width ?? undefined, height: fallback.height ?? undefined, srcset: webp.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', ') });
    } else {
      const data = writeDemoPdf(want.label, portal.name);
      const item = await media.upload(portal, null, { data, filename: file.replace(/\.\w+$/, '.pdf'), mime: 'application/pdf', alt: want.label || file });
      placed.set(path, { url: mediaUrl(item.variants[0].key), size: item.size });
    }
  });
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
