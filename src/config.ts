import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  loadDemo: boolean;
  /** Base of every public URL; each portal is served at `<slug>.<host of publicUrl>`. */
  publicUrl: URL;
  logLevel: string;
  /** Writes a token (or address) may make per minute on the API before 429. */
  apiWriteLimit: number;
  /** Request-body bytes all uploads in progress may hold at once (UPLOADS_IN_FLIGHT_MB); past it, 503 with Retry-After. */
  uploadsInFlightBytes: number;
}

export class ConfigError extends Error {}

/** Reads the environment variables of CONTRACT.md; anything malformed is a one-line ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  let publicUrl: URL;
  try {
    publicUrl = new URL(env.PUBLIC_URL || `http://localhost:${port}`);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: "${env.PUBLIC_URL}"`);
  }
  const apiWriteLimit = env.API_WRITE_LIMIT ? Number(env.API_WRITE_LIMIT) : 600;
  if (!Number.isInteger(apiWriteLimit) || apiWriteLimit < 1) throw new ConfigError(`API_WRITE_LIMIT must be a positive whole number, got "${env.API_WRITE_LIMIT}"`);
  const uploadsMb = env.UPLOADS_IN_FLIGHT_MB ? Number(env.UPLOADS_IN_FLIGHT_MB) : 32;
  if (!Number.isInteger(uploadsMb) || uploadsMb < 1) throw new ConfigError(`UPLOADS_IN_FLIGHT_MB must be a positive whole number, got "${env.UPLOADS_IN_FLIGHT_MB}"`);
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    loadDemo: env.LANTOA_DEMO !== '0',
    publicUrl,
    logLevel: env.LOG_LEVEL || 'info',
    apiWriteLimit,
    uploadsInFlightBytes: uploadsMb * 1024 * 1024,
  };
}
