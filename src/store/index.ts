import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { startCheckpointer } from './checkpointer.ts';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  SqliteDriver,
  CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
  type Dialect,
  type Migration,
  type MigrationProvider,
  sql,
} from 'kysely';
import type { Database } from './schema.ts';
import { StoreHealth } from './health.ts';
import { DEFAULT_STORE_TIMEOUTS, type StoreTimeouts } from '../config.ts';
import type { Engine } from './engine.ts';
import { coreMigration } from './migrations/001_core.ts';
import { siteMigration } from './migrations/002_site.ts';
import { searchMigration } from './migrations/003_search.ts';
import { adminMigration } from './migrations/004_admin.ts';
import { federationMigration } from './migrations/005_federation.ts';
import { socialMigration } from './migrations/006_social.ts';
import { feedbackMigration } from './migrations/007_feedback.ts';
import { uptimeMigration } from './migrations/011_uptime.ts';
import { networkMigration } from './migrations/012_network.ts';
import { feedbackFederationMigration } from './migrations/009_feedback_federation.ts';
import { analyticsMigration } from './migrations/008_analytics.ts';
import { adminMoreMigration } from './migrations/010_admin_more.ts';
import { itemTagsMigration } from './migrations/013_item_tags.ts';
import { searchMarksMigration } from './migrations/014_search_marks.ts';
import { accountSecurityMigration } from './migrations/015_account_security.ts';
import { federationTrustMigration } from './migrations/016_federation_trust.ts';
import { idempotencyMigration } from './migrations/019_idempotency.ts';
import { homeMigration } from './migrations/023_home.ts';

export { type Engine, isEngine, engineFor } from './engine.ts';
export { byEngine, contains, lockForUpdate, lockForShare, claimUnlocked, concurrentWriters, jsonObjectArray, refreshStatistics, withoutParallelWorkers } from './dialect.ts';
export type DB = Kysely<Database>;

export interface Store {
  db: DB;
  engine: Engine;
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file?: string;
  /**
   * Marks an SQL text as one run again and again with different parameters (the public
   * site's lists and pages). On PostgreSQL each connection then prepares it once and the
   * server stops planning it on every run; SQLite keeps every statement compiled anyway.
   */
  prepare?(sqlText: string): void;
  /** Whether the database answers, as this process last saw it (always reachable on SQLite). */
  health: StoreHealth;
  close(): Promise<void>;
}

export { StoreError, isConnectionError, isStoreUnavailable, isBusyError } from './errors.ts';
export { StoreHealth, type StoreHealthState } from './health.ts';
import { StoreError, isBusyError } from './errors.ts';

export interface StoreLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

// SQLite's default BEGIN is DEFERRED: a transaction that reads and then
// writes can fail with SQLITE_BUSY when another process wrote in between.
// BEGIN IMMEDIATE takes the write lock up front, so a `lantoa worker` and a
// `lantoa serve` on the same file simply wait for each other.
//
// SQLite's own wait for that lock (busy_timeout) sleeps inside the call, on the event
// loop: a worker holding the lock for seconds froze every request of the web process,
// cached pages and /healthz included. SQLite here waits only a moment synchronously
// (BUSY_SLICE_MS); past it the write is tried again after an asynchronous pause, with the
// connection handed to other queries meanwhile, until SQLITE_BUSY_TIMEOUT_MS has passed.
const BUSY_SLICE_MS = 5;
const BUSY_PAUSE_MAX_MS = 50;

class ImmediateSqliteDriver extends SqliteDriver {
  // Kysely's SQLite lock wakes every waiter on each release (they all re-check
  // and all but one wait again): with 50 requests in flight that is thousands
  // of wake-ups per query. Hand the one connection to waiters in turn instead.
  #connection: DatabaseConnection | undefined;
  #held = false;
  readonly #waiters: Array<() => void> = [];
  /** Between BEGIN IMMEDIATE and its end: the turn is never handed away then. */
  #inTransaction = false;

  constructor(
    cfg: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly busyBudgetMs: number,
  ) {
    super(cfg);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#takeTurn();
    // the base class's lock is taken once, here, and kept: ours does the queueing
    this.#connection ??= new BusyRetryingConnection(await super.acquireConnection(), this);
    return this.#connection;
  }

  override async releaseConnection(): Promise<void> {
    this.#giveTurn();
  }

  async #takeTurn(): Promise<void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#held = true;
  }

  #giveTurn(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }

  /**
   * Runs `attempt` until it does not fail with SQLITE_BUSY or the budget is spent. Between
   * tries, outside a transaction, the connection serves others (reads never need the lock).
   */
  async retryBusy<T>(attempt: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let pause = 1; ; pause = Math.min(pause * 2, BUSY_PAUSE_MAX_MS)) {
      try {
        return await attempt();
      } catch (err) {
        if (!isBusyError(err) || this.#inTransaction || Date.now() - started >= this.busyBudgetMs) throw err;
      }
      this.#giveTurn();
      await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
      await this.#takeTurn();
    }
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    this.#inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      this.#inTransaction = false;
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      this.#inTransaction = false;
    }
  }
}

/** The one SQLite connection, with writes that met another process's lock tried again asynchronously. */
class BusyRetryingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly driver: ImmediateSqliteDriver,
  ) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.retryBusy(() => this.inner.executeQuery<R>(query));
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * better-sqlite3 compiles SQL on every prepare(), and Kysely's driver prepares
 * every query it runs; compiling costs more than running the short queries of
 * a page. Keep compiled statements by SQL text (parameters are bound, so there
 * are few distinct texts). A statement still being iterated is not shared.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 1000) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): BetterSqlite3.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly busyBudgetMs: number,
  ) {
    super(cfg);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.cfg, this.busyBudgetMs);
  }
  override createAdapter() {
    return new SqliteAdapter();
  }
  override createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  override createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
  /** Keepalive, timeouts and lock waits (config.storeTimeouts); the defaults otherwise. */
  timeouts?: StoreTimeouts;
  /** Where connection losses and recoveries are told. */
  logger?: StoreLogger;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const timeouts = opts.timeouts ?? DEFAULT_STORE_TIMEOUTS;
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, timeouts, opts.logger);
  return openSqlite(opts.dataDir, timeouts);
}

function openSqlite(dataDir: string, timeouts: StoreTimeouts): Store {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch {
    throw new StoreError(`DATA_DIR ${dataDir} is not writable`);
  }
  const file = path.join(dataDir, 'lantoa.sqlite');
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // a moment's synchronous wait; longer waits are asynchronous (ImmediateSqliteDriver.retryBusy)
    sqlite.pragma(`busy_timeout = ${Math.min(BUSY_SLICE_MS, timeouts.sqliteBusyMs)}`);
    // checkpoints run in a worker thread (checkpointer.ts), not inside this connection's commits
    sqlite.pragma('wal_autocheckpoint = 0');
  } catch (err) {
    throw new StoreError(`cannot open the SQLite store ${file}: ${(err as Error).message}`);
  }
  const dialect: Dialect = new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, timeouts.sqliteBusyMs);
  const db = new Kysely<Database>({ dialect });
  const checkpointer = startCheckpointer(file);
  return {
    db,
    engine: 'sqlite',
    file,
    // a file on this machine: nothing to lose a connection to
    health: new StoreHealth(async () => {}),
    close: async () => {
      await checkpointer.close();
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, max: number, timeouts: StoreTimeouts, logger?: StoreLogger): Promise<Store> {
  const options = postgresClientOptions(timeouts);
  const pool = new pg.Pool({ connectionString: url, max, ...options });
  // the probe opens a connection of its own: pooled ones may be dead without knowing it
  const health = new StoreHealth(() => probe(url, options), 1000, logger);
  health.onChange((state) => {
    if (!state.reachable) evictAll(pool);
  });
  // pg's pool emits 'error' for idle clients that lose their server; without a
  // listener that would crash the process instead of failing one query.
  pool.on('error', (err) => health.failed(err));
  watchConnections(pool, health, logger);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    health.close();
    await pool.end().catch(() => {});
    const where = safeUrl(url);
    throw new StoreError(`DATABASE_URL ${where} is unreachable: ${(err as Error).message}`);
  }
  const prepared = preparedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    prepare: prepared.mark,
    health,
    close: async () => {
      health.close();
      await db.destroy();
    },
  };
}

/** The pg client settings every connection of ours uses (the pool's, and the page cache's LISTEN connection). */
export function postgresClientOptions(timeouts: StoreTimeouts): pg.ClientConfig {
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: timeouts.keepAliveMs > 0,
    keepAliveInitialDelayMillis: timeouts.keepAliveMs,
    ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs } : {}),
    ...(timeouts.queryMs > 0 ? { query_timeout: timeouts.queryMs } : {}),
  };
}

/**
 * Every connection of the pool gets an `error` listener of its own for as long as it
 * lives. The pool listens only while a connection is idle in it; one that dropped while
 * checked out (a terminated backend, a reset partition) raised an unhandled `error`
 * event and ended the process. Its query fails instead, the pool drops it on release,
 * and the next query opens a fresh one.
 *
 * A query the client gave up on (query_timeout: no answer, the server may be behind a
 * silent partition) leaves node-postgres's connection in place, still waiting; it is
 * destroyed here, so the pool does not hand the dead connection out again.
 */
function watchConnections(pool: pg.Pool, health: StoreHealth, logger?: StoreLogger) {
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    if (cb) return connect(cb);
    // known to be away: fail at once (503) rather than each request waiting for its own timeout
    const down = health.state();
    if (!down.reachable) return Promise.reject(Object.assign(new Error(`database unreachable since ${new Date(down.downSince ?? Date.now()).toISOString()}: ${down.error}`), { code: 'EDBUNREACHABLE' }));
    return (connect() as Promise<pg.PoolClient>).catch((err: Error) => {
      health.failed(err);
      throw err;
    });
  };
  pool.on('connect', (client) => {
    const connectedAt = Date.now();
    client.on('error', (err) => {
      logger?.warn({ err: err.message }, 'a database connection failed; it is replaced on next use');
      // a connection from before the last outage dying now says nothing new
      health.failed(err, connectedAt);
    });
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const startedAt = Date.now();
      const result = query(...args);
      if (typeof args[args.length - 1] === 'function' || !(result instanceof Promise)) return result;
      return result.then(
        (value: unknown) => {
          health.succeeded();
          return value;
        },
        (err: Error) => {
          if (/Query read timeout/.test(err.message)) destroyConnection(client, err);
          health.failed(err, startedAt);
          throw err;
        },
      );
    };
  });
}

/** One `select 1` over a new connection, within the connect and query time limits. */
async function probe(url: string, options: pg.ClientConfig): Promise<void> {
  const client = new pg.Client({ connectionString: url, ...options, query_timeout: options.connectionTimeoutMillis });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    destroyConnection(client);
  }
}

/**
 * Closes the pool's connections once the database is known to be away (no answer to a
 * heartbeat or within the query timeout, a refused or dropped connection). After a silent
 * partition they are dead without knowing it: an idle one would hold the next query given
 * to it for the whole query timeout, a busy one holds its query (a worker's claim, say)
 * until then. Their queries fail now, as connection errors, and the pool opens fresh
 * connections once the store's probe finds the database again.
 */
function evictAll(pool: pg.Pool) {
  const clients = (pool as unknown as { _clients?: pg.Client[] })._clients ?? [];
  for (const client of [...clients]) destroyConnection(client);
}

/** Closes a client's socket at once, without the goodbye a dead server would never answer. */
export function destroyConnection(client: pg.Client, err?: Error) {
  (client as unknown as { connection?: { stream?: { destroy(err?: Error): void } } }).connection?.stream?.destroy(err);
}

/** Texts marked by Store.prepare, with their statement names; a bound keeps connections' memory bounded. */
const MAX_PREPARED = 500;

/**
 * Planning the public site's article query takes PostgreSQL 1.4 ms, running it 0.4 ms. For
 * texts marked as repeated, every connection of the pool sends a named statement instead
 * (node-postgres prepares it on first use on that connection and reuses it after), so the
 * server parses once and, after a few runs, keeps a generic plan.
 */
function preparedStatements(pool: pg.Pool) {
  const names = new Map<string, string>();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof config === 'string' && callback === undefined ? names.get(config) : undefined;
      if (!name) return query(config, values, callback);
      // a migration that changes a table's columns invalidates statements reading `*`: run it unprepared from then on
      return (query({ name, text: config, values }) as Promise<unknown>).catch((err: Error) => {
        if (!/cached plan must not change result type/.test(err.message)) throw err;
        names.delete(config as string);
        return query(config, values);
      });
    };
  });
  return {
    // an arrow: Store.prepare hands it on without its object
    mark: (sqlText: string): void => {
      if (names.has(sqlText) || names.size >= MAX_PREPARED) return;
      names.set(sqlText, `lantoa_${createHash('sha1').update(sqlText).digest('hex').slice(0, 16)}`);
    },
  };
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001_core': coreMigration(this.engine),
      '002_site': siteMigration(this.engine),
      '003_search': searchMigration(this.engine),
      '004_admin': adminMigration(this.engine),
      '005_federation': federationMigration(this.engine),
      '006_social': socialMigration(this.engine),
      '007_feedback': feedbackMigration(this.engine),
      '011_uptime': uptimeMigration(this.engine),
      '012_network': networkMigration(this.engine),
      '009_feedback_federation': feedbackFederationMigration(this.engine),
      '008_analytics': analyticsMigration(this.engine),
      '010_admin_more': adminMoreMigration(this.engine),
      '013_item_tags': itemTagsMigration(this.engine),
      '014_search_marks': searchMarksMigration(this.engine),
      '015_account_security': accountSecurityMigration(),
      '016_federation_trust': federationTrustMigration(this.engine),
      '019_idempotency': idempotencyMigration(this.engine),
      '023_home': homeMigration(this.engine),
    };
  }
}

/** Applies pending migrations; safe to run any number of times, from several processes. */
export async function migrate(store: Store): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema it can see; naming ours keeps
  // deployments (and concurrent test suites) that share one PostgreSQL database apart.
  const schema = store.engine === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  // Migrations are numbered by the issue that added them, not by when they landed: a store
  // that already ran 003 still takes 002 when it arrives.
  const migrator = new Migrator({ db: store.db, provider: new StaticProvider(store.engine), migrationTableSchema: schema, allowUnorderedMigrations: true });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Kysely's error is whatever a migration threw: printed as it is
    const message = (error as Error).message ?? String(error);
    // Kysely looks for its tables by introspecting every schema of the database before it
    // takes its lock; a schema (or table) that another deployment or test suite drops at
    // that moment fails the look-up. Nothing was migrated then: looking again is safe.
    const vanished = /^(schema|relation) "([^"]+)" does not exist$/.exec(message);
    if (store.engine === 'postgres' && vanished && attempt < 5) {
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      continue;
    }
    throw new StoreError(`migration failed: ${message}`);
  }
}

export async function ping(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}
