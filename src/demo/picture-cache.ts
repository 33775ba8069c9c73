import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CachedVariants, VariantCache } from '../modules/media/index.ts';
import { detectType, variantKey } from '../modules/media/index.ts';
import { demoPictureCacheDir } from '../config.ts';

// The demo draws the same pictures on every load; drawing and encoding them
// (AVIF and WebP at every width) takes seconds a picture. This keeps the
// drawn sources and their finished variants on disk, found by content hash,
// so only the first load on a machine pays: later fresh starts and every test
// suite that loads the demo read them back. Entries are written to a private
// temporary name and renamed into place, so processes loading at the same
// time never read half a file. Anything odd (another user's directory, a
// damaged entry) is a miss, never an error: the picture is simply made again.

/** Bump when the drawings change, so old entries are no longer found. */
const CACHE_VERSION = 1;

/** LANTOA_DEMO_CACHE_DIR, else a folder of the system's temporary directory. */
export function demoCacheDir(): string {
  return demoPictureCacheDir(CACHE_VERSION);
}

const FORMATS = new Set(['avif', 'webp', 'jpg', 'png']);
const SUFFIX = /^-\d{1,5}\.(avif|webp|jpg|png)$/;

export class DemoPictureCache implements VariantCache {
  private checked: Promise<boolean> | undefined;

  constructor(readonly dir: string = demoCacheDir()) {}

  /** The directory exists, is ours and nobody else may write to it (it is under the shared temporary directory). */
  private usable(): Promise<boolean> {
    this.checked ??= (async () => {
      try {
        await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
        const st = await fs.stat(this.dir);
        const ownUid = typeof process.getuid === 'function' ? process.getuid() : st.uid;
        return st.isDirectory() && st.uid === ownUid && (st.mode & 0o022) === 0;
      } catch {
        return false;
      }
    })();
    return this.checked;
  }

  private file(key: string, ext: string): string {
    return path.join(this.dir, `${key}.${ext}`);
  }

  private async write(file: string, data: Buffer | string): Promise<void> {
    const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
    await fs.writeFile(temp, data, { mode: 0o600 });
    await fs.rename(temp, file);
  }

  /**
   * The drawn source picture, only when it and its finished variants are both
   * kept: putting it in a library then costs no drawing and no encoding.
   */
  async ready(inputs: unknown): Promise<Buffer | undefined> {
    if (!(await this.usable())) return undefined;
    const data = await fs.readFile(this.file(inputsKey(inputs), 'src')).catch(() => undefined);
    if (!data || !detectType(data)) return undefined;
    const kept = await fs.stat(this.file(variantKey(data), 'variants')).then(
      (st) => st.isFile(),
      () => false,
    );
    return kept ? data : undefined;
  }

  /** A drawn source picture by the inputs that decide it; drawn (and kept) on a miss. */
  async drawn(inputs: unknown, draw: () => Promise<Buffer>): Promise<Buffer> {
    const key = inputsKey(inputs);
    if (await this.usable()) {
      const data = await fs.readFile(this.file(key, 'src')).catch(() => undefined);
      if (data && detectType(data)) return data;
    }
    const data = await draw();
    if (await this.usable()) await this.write(this.file(key, 'src'), data).catch(() => undefined);
    return data;
  }

  async get(key: string): Promise<CachedVariants | undefined> {
    if (!/^[0-9a-f]{64}$/.test(key) || !(await this.usable())) return undefined;
    try {
      const packed = await fs.readFile(this.file(key, 'variants'));
      return unpack(packed);
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: CachedVariants): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(key) || !(await this.usable())) return;
    await this.write(this.file(key, 'variants'), pack(value));
  }
}

const inputsKey = (inputs: unknown) => createHash('sha256').update(JSON.stringify(inputs)).digest('hex');

// One file an entry: a 4-byte length, a JSON header (sizes, formats, lengths), then the files' bytes.
function pack(value: CachedVariants): Buffer {
  const header = Buffer.from(JSON.stringify({ width: value.width, height: value.height, files: value.files.map((f) => ({ suffix: f.suffix, format: f.format, width: f.width, height: f.height, length: f.data.length })) }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  return Buffer.concat([len, header, ...value.files.map((f) => f.data)]);
}

function unpack(packed: Buffer): CachedVariants | undefined {
  if (packed.length < 4) return undefined;
  const headerLength = packed.readUInt32BE(0);
  if (headerLength > 64 * 1024 || 4 + headerLength > packed.length) return undefined;
  const header = JSON.parse(packed.subarray(4, 4 + headerLength).toString('utf8')) as { width: number; height: number; files: { suffix: string; format: string; width: number | null; height: number | null; length: number }[] };
  if (!Number.isInteger(header.width) || !Number.isInteger(header.height) || !Array.isArray(header.files)) return undefined;
  let at = 4 + headerLength;
  const files: CachedVariants['files'] = [];
  for (const f of header.files) {
    if (!SUFFIX.test(String(f.suffix)) || !FORMATS.has(f.format) || !Number.isInteger(f.length) || f.length <= 0 || at + f.length > packed.length) return undefined;
    const data = packed.subarray(at, at + f.length);
    at += f.length;
    // the bytes must be the picture the entry says they are
    const type = detectType(data);
    if ((type === 'jpeg' ? 'jpg' : type) !== f.format) return undefined;
    files.push({ suffix: f.suffix, format: f.format, width: f.width, height: f.height, data });
  }
  return at === packed.length ? { width: header.width, height: header.height, files } : undefined;
}
