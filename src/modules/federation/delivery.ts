import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { iso } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import { describeFailure, problemReason, type FederationDeps } from './messenger.ts';
import type { Subscriptions } from './subscriptions.ts';
import { type FedDB, type SubscriberTable } from './tables.ts';
import type { LogFilter } from './log.ts';

// Pushing the log to subscribers (source side). Each subscriber has a
// delivery pointer in the store — how far it has the log, as it last told us —
// and a loop that sends what lies beyond it, in order, in batches, then moves
// the pointer to the cursor the subscriber answers with. A slow or absent
// subscriber holds up no one else; one that fell behind gets bigger batches,
// so it catches up with fewer requests. Nothing is lost when a worker stops:
// the pointer is durable, and whichever worker runs next resumes from it.
//
// Several workers (PostgreSQL) share the work through a short lease per
// subscriber; failures back off per subscriber (1 s doubling to a minute),
// recorded in the store so every worker honours them.

type SubscriberRow = Selectable<SubscriberTable>;

const MAX_BATCH_ENTRIES = 50;
const MAX_BATCH_BYTES = 2 * 1024 * 1024;
const LEASE_MS = 60_000;
const MAX_IN_FLIGHT = 32;
const SCAN_EVERY_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

export class Deliverer {
  private readonly db: FedDB;
  private readonly workerId = `deliverer-${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private rescan = false;
  private stopped = true;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly d: FederationDeps,
    private readonly subscriptions: Pick<Subscriptions, 'recordRefusals'>,
  ) {
    this.db = d.store.db;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.scanning;
    await Promise.all(this.running.values());
  }

  /** Something was logged (or a subscriber came back): look for work now rather than at the next scan. */
  wake(): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.scanning = this.scan()
      .catch((err) => this.d.logger.error({ err }, 'federation delivery scan failed'))
      .finally(() => {
        this.scanning = undefined;
        if (this.stopped) return;
        if (this.rescan) {
          this.rescan = false;
          this.wake();
        } else this.timer = setTimeout(() => this.wake(), SCAN_EVERY_MS);
      });
  }

  /** Starts a loop for every subscriber with entries to receive, not backing off, not leased elsewhere. */
  private async scan(): Promise<void> {
    const now = iso(this.d.clock());
    const due = await this.db
      .selectFrom('federation_subscribers as s')
      .innerJoin('federation_log_heads as h', 'h.portal_id', 's.portal_id')
      .select('s.id')
      .where('s.status', '=', 'active')
      .whereRef('s.delivered_sequence', '<', 'h.last_sequence')
      .where((eb) => eb.or([eb('s.retry_at', 'is', null), eb('s.retry_at', '<=', now)]))
      .where((eb) => eb.or([eb('s.lease_until', 'is', null), eb('s.lease_until', '<', now)]))
      .execute();
    for (const { id } of due) {
      if (this.running.has(id)) continue;
      const loop = this.deliver(id)
        .catch((err) => this.d.logger.error({ err, subscriber: id }, 'federation delivery failed'))
        .finally(() => this.running.delete(id));
      this.running.set(id, loop);
    }
  }

  private async acquire(id: number): Promise<SubscriberRow | undefined> {
    const now = this.d.clock();
    return this.db
      .updateTable('federation_subscribers')
      .set({ lease_until: iso(new Date(now.getTime() + LEASE_MS)), leased_by: this.workerId })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', iso(now)), eb('leased_by', '=', this.workerId)]))
      .where((eb) => eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', iso(now))]))
      .returningAll()
      .executeTakeFirst();
  }

  private async release(id: number): Promise<void> {
    await this.db.updateTable('federation_subscribers').set({ lease_until: null, leased_by: null }).where('id', '=', id).where('leased_by', '=', this.workerId).execute();
  }

  /** Sends batches to one subscriber until it has everything, or until it fails (then backs off). */
  private async deliver(id: number): Promise<void> {
    for (;;) {
      const s = await this.acquire(id);
      if (!s) return;
      let more = true;
      try {
        while (more && !this.stopped) more = await this.sendNext(s);
      } finally {
        await this.release(id);
      }
      if (this.stopped || more) return;
      // an entry logged while we held the lease, by a worker that could not take it, is ours to send
      const pending = await this.db
        .selectFrom('federation_subscribers as s')
        .innerJoin('federation_log_heads as h', 'h.portal_id', 's.portal_id')
        .select('s.id')
        .where('s.id', '=', id)
        .whereRef('s.delivered_sequence', '<', 'h.last_sequence')
        .executeTakeFirst();
      if (!pending) return;
    }
  }

  /**
   * Sends the next batch. Returns true when more may follow at once, false
   * when the subscriber is up to date or has to wait (failure, gap).
   */
  private async sendNext(s: SubscriberRow): Promise<boolean> {
    const portal = await this.d.portals.byId(s.portal_id);
    if (!portal) return false;
    const head = await this.d.log.head(portal.id);
    const delivered = Number(s.delivered_sequence);
    if (delivered >= head) return false;
    const filter = JSON.parse(s.filter) as LogFilter;
    const batch = await this.d.log.batchFor(portal.id, delivered, head, filter, MAX_BATCH_ENTRIES, MAX_BATCH_BYTES);
    if (batch.entries.length === 0) {
      // nothing up to the head concerns this subscriber
      await this.setDelivered(s, head);
      return false;
    }
    const first = batch.sequences[0];
    const last = batch.sequences[batch.sequences.length - 1];
    const previous = await this.d.log.previousFor(portal.id, first, Number(s.start_sequence), filter);
    const body = `{"type":"entries","from":${JSON.stringify(portal.url)},"to":${JSON.stringify(s.subscriber_url)},"previous":${previous},"entries":[${batch.entries.join(',')}]}`;
    await this.acquireInFlight();
    let outcome: Outcome;
    try {
      outcome = await this.push(portal, s, body, last);
    } finally {
      this.releaseInFlight();
    }
    const now = iso(this.d.clock());
    switch (outcome.kind) {
      case 'delivered':
        await this.db
          .updateTable('federation_subscribers')
          .set({ delivered_sequence: Math.max(delivered, Math.min(outcome.cursor, head)), failures: 0, retry_at: null, last_contact_at: now, last_error: null })
          .where('id', '=', s.id)
          .execute();
        s.delivered_sequence = Math.max(delivered, Math.min(outcome.cursor, head));
        // no progress means the subscriber is waiting for a pull of its own (a gap): give it a moment
        if (Number(s.delivered_sequence) < last) {
          await this.db
            .updateTable('federation_subscribers')
            .set({ retry_at: iso(new Date(Date.now() + 2_000)) })
            .where('id', '=', s.id)
            .execute();
          return false;
        }
        return true;
      case 'too-large':
        // one entry larger than the inbox takes: the subscriber's pull (no such limit) fetches it
        await this.setDelivered(s, first);
        return true;
      case 'ended':
        await this.db.updateTable('federation_subscribers').set({ status: 'ended', ended_at: now }).where('id', '=', s.id).execute();
        return false;
      case 'failed': {
        const failures = Number(s.failures) + 1;
        const wait = Math.min(1000 * 2 ** (failures - 1), MAX_BACKOFF_MS);
        await this.db
          .updateTable('federation_subscribers')
          .set({ failures, retry_at: iso(new Date(Date.now() + wait)), last_error: outcome.error.slice(0, 1000) })
          .where('id', '=', s.id)
          .execute();
        if (failures === 1 || failures % 10 === 0) this.d.logger.warn({ subscriber: s.subscriber_url, failures, error: outcome.error }, 'federation push failed; backing off');
        return false;
      }
    }
  }

  private async setDelivered(s: SubscriberRow, sequence: number): Promise<void> {
    s.delivered_sequence = Math.max(Number(s.delivered_sequence), sequence);
    await this.db.updateTable('federation_subscribers').set({ delivered_sequence: s.delivered_sequence }).where('id', '=', s.id).execute();
  }

  private async push(portal: Portal, s: SubscriberRow, body: string, last: number): Promise<Outcome> {
    const where = `push to ${s.inbox_url}`;
    try {
      const res = await this.d.messenger.send(portal, s.inbox_url, body, 30_000);
      const answer = (): { cursor?: unknown } => {
        try {
          return res.json<{ cursor?: unknown }>() ?? {};
        } catch {
          return {};
        }
      };
      const cursorOf = () => {
        const c = Number(answer().cursor);
        return Number.isSafeInteger(c) && c >= 0 ? c : undefined;
      };
      if (res.status >= 200 && res.status < 300) {
        // entries the subscriber went past because they are not valid items there
        const refused = (answer() as { rejected?: unknown }).rejected;
        if (refused !== undefined) await this.subscriptions.recordRefusals(portal, s.subscriber_url, refused).catch((err: unknown) => this.d.logger.warn({ err }, 'could not record refused entries'));
        return { kind: 'delivered', cursor: cursorOf() ?? last };
      }
      // it had them all already (a pull got there first, or an earlier answer was lost)
      if (res.status === 409 && problemReason(res) === 'replayed') return { kind: 'delivered', cursor: cursorOf() ?? last };
      if (res.status === 410) return { kind: 'ended' };
      if (res.status === 413) return { kind: 'too-large' };
      return { kind: 'failed', error: `${where}: ${describeFailure(res)}` };
    } catch (err) {
      return { kind: 'failed', error: `${where}: ${(err as Error).message}` };
    }
  }

  private async acquireInFlight(): Promise<void> {
    if (this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
  }

  private releaseInFlight(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

type Outcome = { kind: 'delivered'; cursor: number } | { kind: 'too-large' } | { kind: 'ended' } | { kind: 'failed'; error: string };
