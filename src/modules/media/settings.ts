// Where media are kept, parsed from the environment by the configuration loader (src/config.ts).

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

export type MediaStorageSettings = { kind: 'local' } | { kind: 's3'; s3: S3Settings };

/**
 * MEDIA_STORAGE=s3 with S3_BUCKET (and S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX), else local files.
 */
export function mediaStorageSettings(env: NodeJS.ProcessEnv): MediaStorageSettings {
  const kind = (env.MEDIA_STORAGE ?? 'local').toLowerCase();
  if (kind === 'local' || kind === '') return { kind: 'local' };
  if (kind !== 's3') throw new Error(`MEDIA_STORAGE must be "local" or "s3", not "${env.MEDIA_STORAGE}"`);
  if (!env.S3_BUCKET) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET');
  return {
    kind: 's3',
    s3: {
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true' || Boolean(env.S3_ENDPOINT),
      prefix: env.S3_PREFIX ?? '',
    },
  };
}
