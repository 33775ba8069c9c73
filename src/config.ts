import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { OutboundConfigError, OutboundPolicy } from './lib/outbound.ts';
import { pageCacheSettings, type PageCacheSettings } from './modules/pagecache/settings.ts';
import { analyticsSettings, type AnalyticsSettings } from './modules/analytics/settings.ts';
import { uptimeSettings, type UptimeSettings } from './modules/uptime/settings.ts';
import { federationSettings, type FederationSettings } from './modules/federation/settings.ts';
import { mailSettings, type MailSettings } from './modules/mail/settings.ts';
import { mediaStorageSettings, type MediaStorageSettings } from './modules/media/settings.ts';
import { adminSessionSettings, type AdminSessionSettings } from './modules/sessions/signin-settings.ts';

// The one place that reads the process environment. `loadConfig` reads what
// every command needs (port, store, public URL…); `loadSettings` reads the
// modules' settings when the services are built, so a command that builds no
// services is not stopped by a malformed setting it does not use. Each
// module's parser lives next to the module (its settings.ts) and takes the
// environment as an argument; tests hand a literal one through loadConfig and
// BuildOptions.env instead of changing process.env.

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
  /** LANTOA_SECRET, checked when first used (lib/secrets.ts); unset: DATA_DIR/secret.key. */
  secret: string | undefined;
  /** MEDIA_STORAGE as the backup sees it: whether media live in DATA_DIR or in a bucket. */
  mediaStorage: 'local' | 's3';
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
  const cidrs = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
    secret: env.LANTOA_SECRET || undefined,
    mediaStorage: (env.MEDIA_STORAGE ?? 'local').toLowerCase() === 's3' ? 's3' : 'local',
  };
}

/** The modules' settings, read when the services are built (createServices). */
export interface Settings {
  pageCache: PageCacheSettings;
  analytics: AnalyticsSettings;
  uptime: UptimeSettings;
  federation: FederationSettings;
  mail: MailSettings;
  media: MediaStorageSettings;
  admin: AdminSessionSettings;
  social: {
    /** LANTOA_SOCIAL_TIMEOUT_MS: how long a platform may take to answer (15 s). */
    timeoutMs: number;
    /** LANTOA_SOCIAL_METRICS_MINUTES: how often followers and post reach are pulled (60). */
    metricsEveryMinutes: number;
  };
  feedback: {
    /** FEEDBACK_IP_LIMIT: submissions of the feedback form per address every ten minutes (30). */
    perAddressLimit: number;
    /** LANTOA_FEEDBACK_FORWARDS_PER_PEER_HOUR: cases one peer deployment may forward to us an hour (the module's default when unset). */
    forwardsPerPeerPerHour: number | undefined;
  };
  /** NETWORK_REPORT_SECONDS: how often this deployment reports to the central portal (the module's default when unset). */
  networkReportEveryMs: number | undefined;
}

/** Reads the modules' settings; each falls back to its default when unset or malformed, except those that say otherwise (MEDIA_STORAGE, OIDC_ISSUER). */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const positive = (v: string | undefined) => (Number(v) > 0 ? Number(v) : undefined);
  return {
    pageCache: pageCacheSettings(env),
    analytics: analyticsSettings(env),
    uptime: uptimeSettings(env),
    federation: federationSettings(env),
    mail: mailSettings(env),
    media: mediaStorageSettings(env),
    admin: adminSessionSettings(env),
    social: {
      timeoutMs: positive(env.LANTOA_SOCIAL_TIMEOUT_MS) ?? 15_000,
      metricsEveryMinutes: positive(env.LANTOA_SOCIAL_METRICS_MINUTES) ?? 60,
    },
    feedback: {
      perAddressLimit: positive(env.FEEDBACK_IP_LIMIT) ? Math.floor(Number(env.FEEDBACK_IP_LIMIT)) : 30,
      forwardsPerPeerPerHour: positive(env.LANTOA_FEEDBACK_FORWARDS_PER_PEER_HOUR),
    },
    networkReportEveryMs: positive(env.NETWORK_REPORT_SECONDS) ? Number(env.NETWORK_REPORT_SECONDS) * 1000 : undefined,
  };
}

/** The environment a child tool (pg_dump, pg_restore) runs in: this process's, with `extra` over it. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** SOCIAL_EMULATOR_PORT: where `lantoa social-emulator` and `serve --demo-social` listen (4010). */
export function socialEmulatorPort(env: NodeJS.ProcessEnv = process.env): string {
  return env.SOCIAL_EMULATOR_PORT ?? '4010';
}

/** LANTOA_DEMO_CACHE_DIR: where the demo keeps the pictures it drew (a folder under the system's temporary directory). */
export function demoPictureCacheDir(version: number, env: NodeJS.ProcessEnv = process.env): string {
  return env.LANTOA_DEMO_CACHE_DIR || path.join(os.tmpdir(), `lantoa-demo-pictures-v${version}`);
}
