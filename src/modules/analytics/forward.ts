// Optional forwarding of page views to a national collector (for example the
// network's monitoring centre). Events wait in a bounded queue and leave in
// batches on a timer of their own: a slow or absent collector costs
// ingestion nothing, and when the queue is full the oldest events are
// dropped and counted rather than kept without end.
//
// The batch is POSTed as JSON: {siteId, events: [{name, url, referrer,
// width, at, visitor, portal, source, device, browser, lang}]}. `visitor` is
// the day's salted hash (the salt never leaves this deployment), so the
// collector can count unique visitors without learning who anyone is.

export interface ForwardedEvent {
  name: string;
  url: string;
  referrer: string | null;
  width: number | null;
  at: string;
  visitor: string;
  portal: string;
  source: string;
  device: string;
  browser: string;
  lang: string;
}

export interface ForwarderOptions {
  url: string;
  siteId: string;
  token?: string;
  everyMs?: number;
  maxQueue?: number;
  batchSize?: number;
  timeoutMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

export interface ForwarderCounters {
  forwarded: number;
  dropped: number;
  failures: number;
}

export class Forwarder {
  private queue: ForwardedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private failuresInRow = 0;
  private closed = false;
  readonly counters: ForwarderCounters = { forwarded: 0, dropped: 0, failures: 0 };

  constructor(private readonly opts: ForwarderOptions) {}

  get queued(): number {
    return this.queue.length;
  }

  push(events: ForwardedEvent[]): void {
    if (this.closed || events.length === 0) return;
    const max = this.opts.maxQueue ?? 100_000;
    for (const e of events) this.queue.push(e);
    if (this.queue.length > max) {
      const excess = this.queue.length - max;
      this.queue.splice(0, excess);
      this.counters.dropped += excess;
    }
    this.schedule();
  }

  private schedule(delay = this.opts.everyMs ?? 1000): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send().finally(() => {
        // after failures, wait longer (up to a minute) before the next try
        if (this.queue.length) this.schedule(Math.min(60_000, (this.opts.everyMs ?? 1000) * 2 ** Math.min(this.failuresInRow, 6)));
      });
    }, delay);
    this.timer.unref();
  }

  /** Sends one batch (at most batchSize events); failed events go back to the front of the queue. */
  send(timeoutMs = this.opts.timeoutMs ?? 5000): Promise<void> {
    this.sending ??= (async () => {
      const batch = this.queue.splice(0, this.opts.batchSize ?? 1000);
      if (batch.length === 0) return;
      try {
        const res = await fetch(this.opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}) },
          body: JSON.stringify({ siteId: this.opts.siteId, events: batch }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          // the collector refuses this batch outright: retrying it would only block the ones behind it
          this.counters.dropped += batch.length;
          this.counters.failures++;
          this.opts.logger?.warn({ status: res.status }, 'analytics collector refused a batch');
          return;
        }
        if (!res.ok) throw new Error(`collector answered ${res.status}`);
        this.counters.forwarded += batch.length;
        this.failuresInRow = 0;
      } catch (err) {
        this.counters.failures++;
        this.failuresInRow++;
        this.queue.unshift(...batch);
        const max = this.opts.maxQueue ?? 100_000;
        if (this.queue.length > max) {
          this.counters.dropped += this.queue.length - max;
          this.queue.length = max;
        }
        this.opts.logger?.warn({ error: (err as Error).message, queued: this.queue.length }, 'analytics forwarding failed; will retry');
      }
    })().finally(() => (this.sending = undefined));
    return this.sending;
  }

  /** Stops the timer and makes one last short attempt per batch; what cannot leave is counted as dropped. */
  async close(timeoutMs = 2000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.sending) await this.sending;
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length && Date.now() < deadline) {
      const before = this.queue.length;
      await this.send(Math.max(100, deadline - Date.now()));
      if (this.queue.length >= before) break;
    }
    this.counters.dropped += this.queue.length;
    this.queue = [];
  }
}
