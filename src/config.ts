import net from 'node:net';
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
  /** Request-body bytes all uploads in progress may hold at once (UPLOADS_IN_FLIGHT_MB); past it, 503 with Retry-After. */
  uploadsInFlightBytes: number;
  /** Where requests to peer- or user-chosen URLs may go (OUTBOUND_ALLOW over the default deny list). */
  outbound: OutboundPolicy;
  /** Which hops may tell the client's address in X-Forwarded-For (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Bearer token /metrics asks for (METRICS_TOKEN); unset, /metrics answers only to loopback. */
  metricsToken: string | undefined;
  /** How long the store waits for the database before it gives up (DATABASE_* and SQLITE_BUSY_TIMEOUT_MS). */
  storeTimeouts: StoreTimeouts;
}

/** none: the socket's address counts; hops: the N nearest hops are proxies; cidrs: hops from these networks are proxies. */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: string[] };

/** Reads TRUST_PROXY: unset or `false`, a number of hops, or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return { kind: 'none' };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 100) throw new ConfigError(`TRUST_PROXY: ${hops} hops is not a plausible number of proxies`);
    return { kind: 'hops', hops };
  }
  if (v === 'true') throw new ConfigError('TRUST_PROXY=true would let any client choose its address; give the number of proxies or their addresses (CIDRs)');
  const cidrs = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of cidrs) {
    const [address, bits, extra] = entry.split('/');
    const family = net.isIP(address);
    const max = family === 6 ? 128 : 32;
    const ok = family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max));
    if (!ok) throw new ConfigError(`TRUST_PROXY: "${entry}" is neither an address nor a CIDR (e.g. 10.0.0.0/8, ::1)`);
  }
  return { kind: 'cidrs', cidrs };
}

/**
 * Time limits on the store, in milliseconds (0 turns a limit off). A partition that drops
 * packets without closing the connection is noticed only through these: TCP keepalive for
 * idle connections, the query timeout for a query under way, the heartbeat for the
 * connection that LISTENs for other nodes' cache invalidations.
 */
export interface StoreTimeouts {
  /** DATABASE_CONNECT_TIMEOUT_MS: a new connection must be ready within this. */
  connectMs: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: PostgreSQL cancels a statement running longer (statement_timeout). */
  statementMs: number;
  /** DATABASE_QUERY_TIMEOUT_MS: the client gives up on a query with no answer (the server may be unreachable) and drops the connection. */
  queryMs: number;
  /** DATABASE_KEEPALIVE_MS: idle time before TCP keepalive probes start on a connection. */
  keepAliveMs: number;
  /** DATABASE_HEARTBEAT_MS: how often the LISTEN connection is asked to answer; no answer within as long again and it is replaced. */
  heartbeatMs: number;
  /** SQLITE_BUSY_TIMEOUT_MS: how long a write waits, without blocking the event loop, for another process's write lock. */
  sqliteBusyMs: number;
}

export const DEFAULT_STORE_TIMEOUTS: StoreTimeouts = { connectMs: 5000, statementMs: 30_000, queryMs: 40_000, keepAliveMs: 10_000, heartbeatMs: 10_000, sqliteBusyMs: 5000 };

function storeTimeouts(env: NodeJS.ProcessEnv): StoreTimeouts {
  const ms = (name: string, fallback: number, min = 0) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of milliseconds${min ? ` of at least ${min}` : ''}, got "${raw}"`);
    return n;
  };
  const d = DEFAULT_STORE_TIMEOUTS;
  const statementMs = ms('DATABASE_STATEMENT_TIMEOUT_MS', d.statementMs);
  // the client waits a little longer than the server, so a slow statement is the server's error to report
  const queryMs = ms('DATABASE_QUERY_TIMEOUT_MS', statementMs ? statementMs + 10_000 : d.queryMs);
  return {
    connectMs: ms('DATABASE_CONNECT_TIMEOUT_MS', d.connectMs, 1),
    statementMs,
    queryMs,
    keepAliveMs: ms('DATABASE_KEEPALIVE_MS', d.keepAliveMs),
    heartbeatMs: ms('DATABASE_HEARTBEAT_MS', d.heartbeatMs, 1),
    sqliteBusyMs: ms('SQLITE_BUSY_TIMEOUT_MS', d.sqliteBusyMs),
  };
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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  let outbound: OutboundPolicy;
  try {
    outbound = OutboundPolicy.fromSettings({ allow: env.OUTBOUND_ALLOW, publicUrl });
  } catch (err) {
    if (err instanceof OutboundConfigError) throw new ConfigError(err.message);
    throw err;
  }
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
    trustProxy,
    metricsToken: env.METRICS_TOKEN || undefined,
    outbound,
    uploadsInFlightBytes: uploadsMb * 1024 * 1024,
    storeTimeouts: storeTimeouts(env),
  };
}
