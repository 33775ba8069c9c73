import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';

// How one process tells the others which cached pages to drop. On
// PostgreSQL it is LISTEN/NOTIFY on a channel of the store's schema, so every
// app node on one database hears every publish within milliseconds. On the
// embedded SQLite store there is one web process, and the bus is local.

export type InvalidationMessage = string[] | 'all';
export type InvalidationHandler = (message: InvalidationMessage) => void;

export interface InvalidationBus {
  /** Applies `keys` here and tells every other process. */
  publish(keys: string[]): Promise<void>;
  onMessage(handler: InvalidationHandler): void;
  /** Begins listening for other processes' messages (web roles only). */
  listen(): Promise<void>;
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

  constructor(
    private readonly store: Store,
    private readonly databaseUrl: string,
    private readonly logger?: BusLogger,
  ) {}

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

  private async connect(afterFailure: boolean): Promise<void> {
    if (this.closed) return;
    const channel = await this.channelName();
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
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
      client.removeAllListeners('end');
      client.end().catch(() => {});
      if (this.closed) return;
      this.logger?.warn({ err: err?.message }, 'page cache invalidation listener lost its connection; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`listen "${channel}"`);
      this.client = client;
      this.retryMs = 100;
      // messages sent while we were away are lost: start from an empty cache
      if (afterFailure) this.deliver('all');
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      if (this.closed) return;
      this.logger?.warn({ err: (err as Error).message }, 'page cache invalidation listener could not connect; retrying');
      if (afterFailure) this.deliver('all');
      this.scheduleReconnect();
    }
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
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
    }
  }
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
