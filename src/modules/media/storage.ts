import fs from 'node:fs/promises';
import path from 'node:path';

// Where media files live. Local files under DATA_DIR by default; an
// S3-compatible store would implement the same four calls.

export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The file's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/** Keys the media service makes: portal/yyyy/mm/hash[-width].ext. Anything else is refused before touching the disk. */
export const MEDIA_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\/\d{2}\/[a-f0-9]{16}(?:-\d{2,5})?\.(?:webp|avif|jpg|png|pdf)$/;

export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!MEDIA_KEY.test(key)) throw new Error(`not a media key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // write then rename: a reader never sees half a file
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    if (!MEDIA_KEY.test(key)) return undefined;
    try {
      return await fs.readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}
