import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaStorageSettings, S3Settings } from './settings.ts';

// Where media files live: local files under DATA_DIR by default, or an
// S3-compatible object store (MEDIA_STORAGE=s3) behind the same three calls.

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

export type { S3Settings } from './settings.ts';

/**
 * Media in S3-compatible object storage, for deployments that run several web
 * processes on several machines (local files would exist on one only). The
 * store's own keys are the media keys, under an optional prefix.
 */
export class S3MediaStorage implements MediaStorage {
  private client: Promise<{ s3: import('@aws-sdk/client-s3').S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;

  constructor(private readonly settings: S3Settings) {}

  /** The SDK is loaded at the first file, so deployments on local files never load it. */
  private connect() {
    return (this.client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const s = this.settings;
      const s3 = new sdk.S3Client({
        region: s.region,
        endpoint: s.endpoint,
        forcePathStyle: s.forcePathStyle,
        credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
      });
      return { s3, sdk };
    }));
  }

  private objectKey(key: string): string {
    if (!MEDIA_KEY.test(key)) throw new Error(`not a media key: ${key}`);
    return this.settings.prefix ? `${this.settings.prefix.replace(/\/+$/, '')}/${key}` : key;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const { s3, sdk } = await this.connect();
    await s3.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key), Body: data, ContentLength: data.length }));
  }

  async get(key: string): Promise<Buffer | undefined> {
    if (!MEDIA_KEY.test(key)) return undefined;
    const { s3, sdk } = await this.connect();
    try {
      const out = await s3.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const { s3, sdk } = await this.connect();
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }
}

/** The storage the settings ask for: S3-compatible object storage, or local files under DATA_DIR/media. */
export function mediaStorage(settings: MediaStorageSettings, localRoot: string): MediaStorage {
  return settings.kind === 's3' ? new S3MediaStorage(settings.s3) : new LocalMediaStorage(localRoot);
}
