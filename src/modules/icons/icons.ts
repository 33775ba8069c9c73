import { createHash } from 'node:crypto';
import sharp from 'sharp';

// A portal's favicon and app icons, drawn from its logo (or the emblem when it has none):
// PNGs for browsers, home screens and the web app manifest, and a /favicon.ico. Each set is
// named by what it is drawn from (the logo's media key is itself a content hash), so pages can
// link it before it exists, browsers keep it for a year, and a new logo is a new name.
// A set is drawn once per process (about 100 ms) and kept in memory.

/** `any`: the picture on a transparent square; `touch` and `maskable`: on white with room around it. */
export const ICON_VARIANTS = {
  '32': { size: 32, padded: false },
  '180': { size: 180, padded: true },
  '192': { size: 192, padded: false },
  '512': { size: 512, padded: false },
  'maskable-512': { size: 512, padded: true },
} as const;
export type IconVariant = keyof typeof ICON_VARIANTS;
export const isIconVariant = (v: string): v is IconVariant => Object.hasOwn(ICON_VARIANTS, v);

const ICO_SIZES = [16, 32, 48];
// bump when the drawing changes, so browsers holding the old pictures for a year get new names
const DRAWING_VERSION = 'v1';

/** The name of the icon set drawn from a logo (its media address) or, with none, the emblem. */
export function iconSetId(logoSrc: string | undefined): string {
  return createHash('sha256')
    .update(`${DRAWING_VERSION}|${logoSrc ?? 'emblem'}`)
    .digest('hex')
    .slice(0, 12);
}

export interface IconSet {
  id: string;
  png: Map<IconVariant, Buffer>;
  ico: Buffer;
}

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

async function draw(image: Buffer, size: number, padded: boolean): Promise<Buffer> {
  // SVG is rasterised at the density the largest icon needs; bitmaps are scaled down
  const source = () => sharp(image, { density: 600, limitInputPixels: 40_000_000 });
  if (!padded) return source().resize(size, size, { fit: 'contain', background: TRANSPARENT }).png().toBuffer();
  // home-screen icons: the picture in the middle 80% (the safe zone of maskable icons), on white
  const inner = Math.round(size * 0.8);
  const picture = await source().resize(inner, inner, { fit: 'contain', background: TRANSPARENT }).png().toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: '#ffffff' } })
    .composite([{ input: picture, gravity: 'center' }])
    .png()
    .toBuffer();
}

/** An ICO file holding PNG images (allowed since Windows Vista, read by every browser). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

export async function drawIconSet(id: string, image: Buffer): Promise<IconSet> {
  const png = new Map<IconVariant, Buffer>();
  for (const [name, v] of Object.entries(ICON_VARIANTS) as [IconVariant, { size: number; padded: boolean }][]) png.set(name, await draw(image, v.size, v.padded));
  const small = await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await draw(image, size, false) })));
  return { id, png, ico: ico(small) };
}

/** Icon sets by name, drawn once (concurrent askers share the drawing); a bounded number kept. */
export class IconSets {
  private readonly sets = new Map<string, Promise<IconSet>>();
  constructor(private readonly limit = 200) {}

  get(id: string, load: () => Promise<Buffer>): Promise<IconSet> {
    let set = this.sets.get(id);
    if (!set) {
      if (this.sets.size >= this.limit) this.sets.delete(this.sets.keys().next().value!);
      set = load().then((image) => drawIconSet(id, image));
      this.sets.set(id, set);
      // a failed drawing (unreadable logo) is tried again by the next request, not kept
      set.catch(() => this.sets.delete(id));
    }
    return set;
  }
}
