import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, OutboxTable } from '../../store/schema.ts';
import { type Store, claimUnlocked } from '../../store/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';

// The transactional outbox. A change and the jobs it causes are written in
// one transaction (`enqueue`/`emit` take the caller's transaction), so a job
// exists exactly when its cause was committed. Workers claim due jobs, run
// their handler, and retry with exponential backoff until `max_attempts`,
// after which the job is parked as `dead` for an operator to look at.
// Delivery is at-least-once: handlers must be idempotent.

export type Executor = Kysely<Database> | Transaction<Database>;
// a job's payload is the JSON its enqueuer wrote for that topic: the handler names its shape
export type JobHandler<P = unknown> = (payload: P, job: ClaimedJob) => Promise<void>;

export interface ClaimedJob {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface EnqueueOptions {
  runAfter?: Date;
  maxAttempts?: number;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * How long a running job is leased to its worker when its topic names no lease. A worker
 * renews the lease while the job runs (every third of it), so the lease only says how soon
 * a job whose worker died is taken over: it is based on how long one run of the job may
 * take without a word from its worker, not on how long the longest run takes.
 */
export const DEFAULT_LEASE_MS = 30_000;
/** Unstarted jobs of a claimed batch are held this long, renewed with the running job's lease. */
export const DEFAULT_CLAIM_MS = 15_000;

export interface HandlerOptions {
  /** The job's lease (see DEFAULT_LEASE_MS): a little more than one run is expected to take between two renewals. */
  leaseMs?: number;
}

/**
 * Thrown by a handler that knows when to try again (a platform's Retry-After,
 * a rate-limit reset): the job waits that long, with a little jitter so jobs
 * held back together do not all return in the same instant.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 1 h, with ±20 % jitter. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Outbox {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly leases = new Map<string, number>();
  private readonly subscribers = new Map<string, string[]>();

  constructor(private readonly clock: Clock = systemClock) {}

  /** Registers the handler of a job topic. */
  handle<P>(topic: string, handler: JobHandler<P>, opts: HandlerOptions = {}): void {
    if (this.handlers.has(topic)) throw new Error(`outbox topic ${topic} already has a handler`);
    this.handlers.set(topic, handler as JobHandler);
    if (opts.leaseMs !== undefined) this.leases.set(topic, Math.max(1000, opts.leaseMs));
  }

  /** How long a worker holds a running job of `topic` between two renewals. */
  leaseFor(topic: string): number {
    return this.leases.get(topic) ?? DEFAULT_LEASE_MS;
  }

  /**
   * Subscribes a named consumer to a domain event. `emit` then writes one job
   * per subscriber, so a failing consumer (say, one social channel) retries
   * alone without replaying the others.
   */
  subscribe<P>(event: string, subscriber: string, handler: JobHandler<P>, opts: HandlerOptions = {}): void {
    const topic = `${event}>${subscriber}`;
    this.handle(topic, handler, opts);
    this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), topic]);
  }

  handlerFor(topic: string): JobHandler | undefined {
    return this.handlers.get(topic);
  }

  async enqueue(db: Executor, topic: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number> {
    const now = this.clock();
    const row = await db
      .insertInto('outbox')
      .values({
        topic,
        payload: JSON.stringify(payload ?? null),
        status: 'pending',
        attempts: 0,
        max_attempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        run_after: iso(opts.runAfter ?? now),
        created_at: iso(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Writes one job for each subscriber of `event`; returns how many. */
  /** Enqueues a job unless one of `topic` is already waiting or running (a recurring job, each run enqueuing the next); null when one was. */
  async enqueueUnlessWaiting(db: Executor, topic: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number | null> {
    const waiting = await db.selectFrom('outbox').select('id').where('topic', '=', topic).where('status', 'in', ['pending', 'running']).executeTakeFirst();
    return waiting ? null : this.enqueue(db, topic, payload, opts);
  }

  async emit(db: Executor, event: string, payload: unknown): Promise<number> {
    const topics = this.subscribers.get(event) ?? [];
    for (const topic of topics) await this.enqueue(db, topic, payload);
    return topics.length;
  }
}

export interface WorkerOptions {
  workerId?: string;
  pollMs?: number;
  batchSize?: number;
  /** How long a claim on a job not started yet holds before another worker may take it over (running jobs hold their topic's lease). */
  lockMs?: number;
  /** How often a running job's lease is renewed; a third of the lease when absent. */
  heartbeatMs?: number;
  clock?: Clock;
  logger?: Logger;
}

export interface OutboxCounts {
  pending: number;
  running: number;
  done: number;
  dead: number;
}

export class OutboxWorker {
  readonly workerId: string;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly lockMs: number;
  private readonly heartbeatMs: number | undefined;
  private readonly clock: Clock;
  private readonly logger?: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  /** Jobs claimed by this worker that have not been started yet. */
  private claimed: number[] = [];

  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    opts: WorkerOptions = {},
  ) {
    this.workerId = opts.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? 250;
    this.batchSize = opts.batchSize ?? 20;
    this.lockMs = opts.lockMs ?? DEFAULT_CLAIM_MS;
    this.heartbeatMs = opts.heartbeatMs;
    this.clock = opts.clock ?? systemClock;
    this.logger = opts.logger;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const tick = async () => {
      if (!this.running) return;
      try {
        const n = await this.runOnce();
        if (this.running)
          this.timer = setTimeout(
            () => {
              this.loop = tick();
            },
            n > 0 ? 0 : this.pollMs,
          );
      } catch (err) {
        this.logger?.error({ err }, 'outbox worker tick failed');
        if (this.running)
          this.timer = setTimeout(() => {
            this.loop = tick();
          }, this.pollMs * 4);
      }
    };
    this.loop = tick();
  }

  /** Stops after the job in hand, and hands unstarted claims back to the queue. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loop?.catch(() => {});
    await this.releaseClaims();
  }

  /** Claims a batch of due jobs and runs them; returns how many were run. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim();
    this.claimed = jobs.map((j) => j.id);
    let ran = 0;
    for (const job of jobs) {
      if (this.stopping) break;
      this.claimed = this.claimed.filter((id) => id !== job.id);
      await this.execute(job);
      ran++;
    }
    return ran;
  }

  private async claim(): Promise<Selectable<OutboxTable>[]> {
    const { db } = this.store;
    const now = this.clock();
    const lockedUntil = new Date(now.getTime() + this.lockMs);
    const due = db
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_after', '<=', iso(now))]),
          // a worker that died mid-job: its claim expires and the job is taken over
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', iso(now))]),
        ]),
      )
      .orderBy('run_after')
      .orderBy('id')
      .limit(this.batchSize);
    return db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'running',
        locked_by: this.workerId,
        locked_until: iso(lockedUntil),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', claimUnlocked(this.store, due))
      .returningAll()
      .execute()
      .then((rows) => rows.sort((a, b) => (a.run_after < b.run_after ? -1 : a.run_after > b.run_after ? 1 : a.id - b.id)));
  }

  /**
   * Extends this worker's lease on a job it runs, and its hold on the batch's unstarted jobs.
   * False when the job is no longer ours (our claim expired and another worker took it).
   */
  private async renewLease(id: number, leaseMs: number): Promise<boolean> {
    const { db } = this.store;
    const now = this.clock().getTime();
    const res = await db
      .updateTable('outbox')
      .set({ locked_until: iso(new Date(now + leaseMs)) })
      .where('id', '=', id)
      .where('locked_by', '=', this.workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (this.claimed.length) {
      await db
        .updateTable('outbox')
        .set({ locked_until: iso(new Date(now + this.lockMs)) })
        .where('id', 'in', this.claimed)
        .where('locked_by', '=', this.workerId)
        .where('status', '=', 'running')
        .execute();
    }
    return Number(res.numUpdatedRows) > 0;
  }

  private async execute(row: Selectable<OutboxTable>): Promise<void> {
    const leaseMs = this.outbox.leaseFor(row.topic);
    // a job whose claim expired while earlier jobs of the batch ran may be another worker's now
    if (!(await this.renewLease(row.id, leaseMs))) {
      this.logger?.warn({ job: row.id, topic: row.topic }, 'outbox job taken over by another worker before it started; skipped here');
      return;
    }
    const heartbeat = setInterval(
      () => {
        this.renewLease(row.id, leaseMs).catch((err: unknown) => this.logger?.warn({ err, job: row.id }, 'could not renew an outbox job lease'));
      },
      this.heartbeatMs ?? Math.max(250, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await this.run(row);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async run(row: Selectable<OutboxTable>): Promise<void> {
    const { db } = this.store;
    const handler = this.outbox.handlerFor(row.topic);
    const job: ClaimedJob = {
      id: row.id,
      topic: row.topic,
      payload: JSON.parse(row.payload),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
    };
    try {
      if (!handler) throw new Error(`no handler for topic ${row.topic}`);
      await handler(job.payload, job);
      await db
        .updateTable('outbox')
        .set({ status: 'done', finished_at: iso(this.clock()), locked_by: null, locked_until: null, last_error: null })
        .where('id', '=', row.id)
        .where('locked_by', '=', this.workerId)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = row.attempts >= row.max_attempts || !handler;
      const delay = err instanceof RetryLater ? Math.round(Math.max(0, err.delayMs) * (1 + 0.1 * Math.random())) : backoffMs(row.attempts);
      const runAfter = new Date(this.clock().getTime() + delay);
      await db
        .updateTable('outbox')
        .set({
          status: dead ? 'dead' : 'pending',
          run_after: iso(runAfter),
          locked_by: null,
          locked_until: null,
          last_error: message.slice(0, 2000),
          finished_at: dead ? iso(this.clock()) : null,
        })
        .where('id', '=', row.id)
        .where('locked_by', '=', this.workerId)
        .execute();
      const log = { job: row.id, topic: row.topic, attempt: row.attempts, error: message };
      if (dead) this.logger?.error(log, 'outbox job moved to dead-letter');
      else this.logger?.warn(log, 'outbox job failed; will retry');
    }
  }

  private async releaseClaims(): Promise<void> {
    if (this.claimed.length === 0) return;
    const ids = this.claimed;
    this.claimed = [];
    await this.store.db
      .updateTable('outbox')
      .set((eb) => ({ status: 'pending', locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
      .where('id', 'in', ids)
      .where('locked_by', '=', this.workerId)
      .where('status', '=', 'running')
      .execute();
  }
}

/** Jobs by state; with `topicPrefix`, only the jobs whose topic starts with it (say `federation.`). */
export async function outboxCounts(store: Store, topicPrefix?: string): Promise<OutboxCounts> {
  let q = store.db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]);
  // the prefixes are our own topic names ('federation.'), never input: their '_' and '%' need no escaping
  if (topicPrefix !== undefined) q = q.where('topic', 'like', `${topicPrefix}%`);
  const rows = await q.groupBy('status').execute();
  const counts: OutboxCounts = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as keyof OutboxCounts] = Number(r.n);
  return counts;
}

export interface DeadJob {
  id: number;
  topic: string;
  attempts: number;
  lastError: string | null;
  finishedAt: string | null;
}

/** The latest jobs given up on, newest first, with their last error (for an operator). */
export async function deadJobs(store: Store, limit = 50): Promise<DeadJob[]> {
  const rows = await store.db.selectFrom('outbox').select(['id', 'topic', 'attempts', 'last_error', 'finished_at']).where('status', '=', 'dead').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, topic: r.topic, attempts: r.attempts, lastError: r.last_error, finishedAt: r.finished_at }));
}

/** Re-queues a dead job (operator action). */
export async function retryDead(store: Store, id: number, clock: Clock = systemClock): Promise<boolean> {
  const res = await store.db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, run_after: iso(clock()), finished_at: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
