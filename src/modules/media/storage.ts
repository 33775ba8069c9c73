import fs from 'node:fs/promises';
import path from 'node:path';

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

export interface S3Settings {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's object storage); unset: AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Bucket in the path rather than the hostname, as most self-hosted stores want. */
  forcePathStyle: boolean;
  /** Put every key under this folder of the bucket (one bucket for several deployments). */
  prefix: string;
}

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

/**
 * The storage the environment asks for: MEDIA_STORAGE=s3 with S3_BUCKET (and
 * S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
 * S3_FORCE_PATH_STYLE, S3_PREFIX), else local files under DATA_DIR/media.
 */
export function mediaStorageFromEnv(env: NodeJS.ProcessEnv, localRoot: string): MediaStorage {
  const kind = (env.MEDIA_STORAGE ?? 'local').toLowerCase();
  if (kind === 'local' || kind === '') return new LocalMediaStorage(localRoot);
  if (kind !== 's3') throw new Error(`MEDIA_STORAGE must be "local" or "s3", not "${env.MEDIA_STORAGE}"`);
  if (!env.S3_BUCKET) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET');
  return new S3MediaStorage({
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true' || Boolean(env.S3_ENDPOINT),
    prefix: env.S3_PREFIX ?? '',
  });
}
