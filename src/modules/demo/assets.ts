import type { MediaService } from '../media/service.ts';
import { mediaUrl } from '../media/service.ts';
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

/** Draws and uploads every placeholder file of one portal's items; returns where each now lives. */
export async function placeDemoAssets(media: MediaService, portal: { id: number; slug: string; name: string }, demo: DemoPortal, colour: string): Promise<Map<string, PlacedAsset>> {
  const placed = new Map<string, PlacedAsset>();
  const wanted = [...wantedAssets(demo.items)];
  await pool(wanted, 2, async ([path, want]) => {
    const file = path.split('/').pop()!;
    if (want.kind === 'image') {
      const data = await drawDemoPicture(path, want.label, colour);
      const item = await media.upload(portal, null, { data, filename: file.replace(/\.\w+$/, '.jpg'), mime: 'image/jpeg', alt: want.label || file, caption: want.label, credit: want.credit });
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
