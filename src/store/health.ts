import { isConnectionError } from './errors.ts';

// What this process knows about its database: reachable, or not since when and why.
// Connection errors seen anywhere (a pooled client's `error` event, a failed connect, a
// query that timed out) turn it to "down"; from then on a probe runs every second until
// one answers. Paths that can do without the store (cached pages, the portal list) ask
// here first and skip it at once while it is down, instead of each waiting for a timeout.

export interface StoreHealthState {
  reachable: boolean;
  /** When it went down (ms since epoch), while down. */
  downSince?: number;
  /** The error that took it down, while down. */
  error?: string;
}

export class StoreHealth {
  private down: { since: number; error: string } | undefined;
  /** When the store was last seen back after being down. */
  private upSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;
  private readonly listeners = new Set<(state: StoreHealthState) => void>();

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly probeEveryMs = 1000,
    private readonly logger?: { warn(obj: object, msg?: string): void; info(obj: object, msg?: string): void },
  ) {}

  get reachable(): boolean {
    return this.down === undefined;
  }

  state(): StoreHealthState {
    return this.down ? { reachable: false, downSince: this.down.since, error: this.down.error } : { reachable: true };
  }

  /** Calls `fn` on each change between up and down. */
  onChange(fn: (state: StoreHealthState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Records a failure; only connection-class errors count (a wrong query says nothing about
   * the database), and only of work begun since the store was last seen back (`startedAt`):
   * a query stuck on a dead connection since the outage times out long after it is over.
   */
  failed(err: unknown, startedAt?: number): void {
    if (this.closed || !isConnectionError(err)) return;
    if (this.down) return;
    if (startedAt !== undefined && startedAt < this.upSince) return;
    this.down = { since: Date.now(), error: err instanceof Error ? err.message : String(err) };
    this.logger?.warn({ err: this.down.error }, 'database unreachable; serving what can be served without it, and probing');
    this.emit();
    this.schedule();
  }

  succeeded(): void {
    if (!this.down) return;
    const downMs = Date.now() - this.down.since;
    this.down = undefined;
    this.upSince = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.logger?.info({ downMs }, 'database reachable again');
    this.emit();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit() {
    const state = this.state();
    for (const fn of this.listeners) {
      try {
        fn(state);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  private schedule() {
    if (this.timer || this.closed || !this.down) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runProbe();
    }, this.probeEveryMs);
    this.timer.unref();
  }

  private async runProbe() {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      await this.probe();
      this.succeeded();
    } catch {
      this.schedule();
    } finally {
      this.probing = false;
    }
  }
}
