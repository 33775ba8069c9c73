import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { postgresClientOptions, type Store } from '../../store/index.ts';
import { DEFAULT_STORE_TIMEOUTS, type StoreTimeouts } from '../../config.ts';

// How one process tells the others which cached pages to drop. On
// PostgreSQL it is LISTEN/NOTIFY on a channel of the store's schema, so every
// app node on one database hears every publish within milliseconds. On the
// embedded SQLite store there is one web process, and the bus is local.

/** Keys to drop, or 'all': messages may have been missed (the listener was away), any page may be outdated. */
export type InvalidationMessage = string[] | 'all';

/** Whether this process hears other processes' invalidations (for /readyz). */
export interface ListenerStatus {
  connected: boolean;
  /** Since when it is connected, or disconnected (ms since epoch). */
  since: number;
  /** The last time the LISTEN connection answered a heartbeat. */
  lastHeartbeatAt?: number;
  error?: string;
}
export type InvalidationHandler = (message: InvalidationMessage) => void;

export interface InvalidationBus {
  /** Applies `keys` here and tells every other process. */
  publish(keys: string[]): Promise<void>;
  onMessage(handler: InvalidationHandler): void;
  /** Begins listening for other processes' messages (web roles only). */
  listen(): Promise<void>;
  /** Undefined when there is nothing to listen to (one process on the embedded store) or listen() was not called. */
  status(): ListenerStatus | undefined;
  close(): Promise<void>;
}

export interface BusLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export class LocalBus implements InvalidationBus {
  private readonly handlers: InvalidationHandler[] = [];
  async publish(keys: string[]): Promise<void> {
    for (const h of this.handlers) h(keys);
  }
  onMessage(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }
  async listen(): Promise<void> {}
  status(): ListenerStatus | undefined {
    return undefined;
  }
  async close(): Promise<void> {}
}

/** NOTIFY payloads must stay under 8000 bytes; keys are sent in chunks well below that. */
const MAX_PAYLOAD = 7000;

export class PostgresBus implements InvalidationBus {
  private readonly origin = randomUUID();
  private readonly handlers: InvalidationHandler[] = [];
  private client: pg.Client | undefined;
  private channel: string | undefined;
  private closed = false;
  private listening = false;
  private retryMs = 100;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private state: ListenerStatus = { connected: false, since: Date.now() };

  constructor(
    private readonly store: Store,
    private readonly databaseUrl: string,
    private readonly logger?: BusLogger,
    private readonly timeouts: StoreTimeouts = DEFAULT_STORE_TIMEOUTS,
  ) {}

  status(): ListenerStatus | undefined {
    return this.listening ? { ...this.state } : undefined;
  }

  onMessage(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  private deliver(message: InvalidationMessage) {
    for (const h of this.handlers) {
      try {
        h(message);
      } catch {
        // one failing handler must not stop the others
      }
    }
  }

  /** One channel per schema, so test suites (and deployments) sharing a database stay apart. */
  private async channelName(): Promise<string> {
    if (this.channel) return this.channel;
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.store.db);
    const schema = (rows[0]?.schema ?? 'public').toLowerCase().replace(/[^a-z0-9_]/g, '_');
    this.channel = `lantoa_pages_${schema}`.slice(0, 63);
    return this.channel;
  }

  async publish(keys: string[]): Promise<void> {
    this.deliver(keys);
    const channel = await this.channelName();
    for (const chunk of chunks(keys)) {
      const payload = JSON.stringify({ o: this.origin, k: chunk });
      await sql`select pg_notify(${channel}, ${payload})`.execute(this.store.db);
    }
  }

  async listen(): Promise<void> {
    if (this.listening) return;
    this.listening = true;
    await this.connect(false);
  }

  /**
   * Connects and LISTENs. Whenever the connection is lost, messages may have been missed:
   * every cached page is then marked as possibly outdated ('all'), at the loss and again
   * once listening resumes. Possibly outdated pages are rendered again before they are
   * served, and served as they are while the store cannot render them (stale-if-error);
   * nothing is thrown away, so an outage of the database does not empty the cache.
   */
  private async connect(afterFailure: boolean): Promise<void> {
    if (this.closed) return;
    let channel: string;
    try {
      channel = await this.channelName();
    } catch (err) {
      this.logger?.warn({ err: (err as Error).message }, 'page cache invalidation listener could not reach the store; retrying');
      this.scheduleReconnect();
      return;
    }
    // the heartbeat watches this connection; a query time limit would only duplicate it
    const client = new pg.Client({ connectionString: this.databaseUrl, ...postgresClientOptions({ ...this.timeouts, queryMs: 0 }) });
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const { o, k } = JSON.parse(msg.payload) as { o: string; k: string[] | 'all' };
        if (o !== this.origin) this.deliver(k);
      } catch {
        // a malformed payload is not ours to act on
      }
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.stopHeartbeat();
      this.state = { connected: false, since: Date.now(), lastHeartbeatAt: this.state.lastHeartbeatAt, error: err?.message ?? 'connection ended' };
      client.removeAllListeners('end');
      // a half-open socket never finishes a polite goodbye: cut it
      destroy(client);
      if (this.closed) return;
      this.logger?.warn({ err: err?.message }, 'page cache invalidation listener lost its connection; reconnecting');
      this.deliver('all');
      this.scheduleReconnect();
    };
    // errors after a failed connect() land here too, with this.client not yet set: ignored
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`listen "${channel}"`);
      if (this.closed) {
        destroy(client);
        return;
      }
      this.client = client;
      this.retryMs = 100;
      this.state = { connected: true, since: Date.now(), lastHeartbeatAt: Date.now() };
      this.startHeartbeat(client, lost);
      if (afterFailure) {
        this.logger?.info({}, 'page cache invalidation listener reconnected');
        this.deliver('all');
      }
    } catch (err) {
      client.removeAllListeners('end');
      destroy(client);
      if (this.closed) return;
      this.state = { ...this.state, connected: false, error: (err as Error).message };
      this.logger?.warn({ err: (err as Error).message }, 'page cache invalidation listener could not connect; retrying');
      this.scheduleReconnect();
    }
  }

  /**
   * A LISTEN connection only ever receives: behind a partition that drops packets without
   * closing anything it would wait for notifications forever. Every heartbeatMs it must
   * answer a query within heartbeatMs, or it is replaced.
   */
  private startHeartbeat(client: pg.Client, lost: (err?: Error) => void) {
    this.stopHeartbeat();
    const every = this.timeouts.heartbeatMs;
    let inFlight = false;
    this.heartbeatTimer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no answer to the listener's heartbeat within ${every} ms`), { code: 'ETIMEDOUT' })), every);
      });
      Promise.race([client.query('select 1'), timeout])
        .then(() => {
          if (this.client === client) this.state.lastHeartbeatAt = Date.now();
        })
        .catch((err: Error) => {
          // most likely the database itself is out of reach: serve from the cache until the store's probe says otherwise
          this.store.health.failed(err);
          lost(err);
        })
        .finally(() => {
          clearTimeout(timer);
          inFlight = false;
        });
    }, every);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat() {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect(true);
    }, delay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopHeartbeat();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('end');
      // a connection that stopped answering would keep end() waiting for ever
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([c.end().catch(() => {}), new Promise<void>((r) => (timer = setTimeout(r, 1000)))]);
      clearTimeout(timer);
      destroy(c);
    }
  }
}

/** Closes a client's socket at once, without the goodbye a dead peer would never answer. */
function destroy(client: pg.Client) {
  client.on('error', () => {});
  const stream = (client as unknown as { connection?: { stream?: { destroy(err?: Error): void } } }).connection?.stream;
  stream?.destroy();
}

function* chunks(keys: string[]): Generator<string[]> {
  let chunk: string[] = [];
  let size = 0;
  for (const k of keys) {
    if (size + k.length + 3 > MAX_PAYLOAD && chunk.length) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(k);
    size += k.length + 3;
  }
  if (chunk.length) yield chunk;
}
