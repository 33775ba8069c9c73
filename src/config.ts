import path from 'node:path';
import { OutboundConfigError, OutboundPolicy } from './lib/outbound.ts';

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
  /** Where requests to peer- or user-chosen URLs may go (OUTBOUND_ALLOW over the default deny list). */
  outbound: OutboundPolicy;
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
  let outbound: OutboundPolicy;
  try {
    outbound = OutboundPolicy.fromSettings({ allow: env.OUTBOUND_ALLOW, publicUrl });
  } catch (err) {
    if (err instanceof OutboundConfigError) throw new ConfigError(err.message);
    throw err;
  }
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    loadDemo: env.LANTOA_DEMO !== '0',
    publicUrl,
    logLevel: env.LOG_LEVEL || 'info',
    apiWriteLimit,
    outbound,
  };
}
