import type { Clock } from '../../lib/time.ts';

// A fixed-window counter per key, in memory: enough to keep a stranger from
// turning one node into a scanner or a mail relay. Keys are bounded, so a
// flood of distinct keys costs memory up to a cap, not without limit.

const MAX_KEYS = 10_000;

export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one event for `key`; the seconds to wait when it is over the limit, else 0. */
  take(key: string): number {
    const now = this.clock().getTime();
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= MAX_KEYS) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.limit) return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    w.count++;
    return 0;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    // all still current: the oldest go (a flood of keys must not grow the map)
    for (const k of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(k);
    }
  }
}
