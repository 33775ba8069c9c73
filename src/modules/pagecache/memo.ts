import type { InvalidationMessage } from './bus.ts';

// Data that many pages read and that changes rarely (the published answers
// on an article's topics, the newest items of a tag or section that related
// boxes draw on), kept per process for a short while. Each value
// names its surrogate keys, like a cached page, and is dropped by the same
// invalidation messages (this process's and, over the bus, every other's),
// so it is never staler than the pages built from it; the TTL is a safety
// net. Unlike the page cache it also serves with PAGE_CACHE=0: it stands for
// a store query, not for a rendered page.

interface Entry<T> {
  value: T;
  keys: string[];
  at: number;
}

export class KeyedMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byKey = new Map<string, Set<string>>();
  // bumped by every invalidation: a load that started before one is returned but not kept
  private generation = 0;

  constructor(private readonly opts: { ttlMs: number; maxEntries: number; now?: () => number }) {}

  /** The value kept under `id`, or `load`'s; `keys` name what it shows (or are worked out from it). */
  async get(id: string, keys: string[] | ((value: T) => string[]), load: () => Promise<T>): Promise<T> {
    const now = (this.opts.now ?? Date.now)();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < this.opts.ttlMs) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.set(id, { value, keys: typeof keys === 'function' ? keys(value) : keys, at: now });
    return value;
  }

  /** The value kept under `id`, if it is fresh. */
  peek(id: string): T | undefined {
    const hit = this.entries.get(id);
    return hit && (this.opts.now ?? Date.now)() - hit.at < this.opts.ttlMs ? hit.value : undefined;
  }

  /** Runs `load` and keeps each [id, value, keys] that `split` makes of its result (unless an invalidation came in between). */
  async load<R>(load: () => Promise<R>, split: (result: R) => [string, T, string[]][]): Promise<R> {
    const now = (this.opts.now ?? Date.now)();
    const generation = this.generation;
    const result = await load();
    if (generation === this.generation) for (const [id, value, keys] of split(result)) this.set(id, { value, keys, at: now });
    return result;
  }

  /** Applies one invalidation message: drops the values naming any of its keys ('all': everything). */
  apply(message: InvalidationMessage): void {
    this.generation++;
    if (message === 'all') {
      this.entries.clear();
      this.byKey.clear();
      return;
    }
    for (const k of message) {
      const ids = this.byKey.get(k);
      if (ids) for (const id of [...ids]) this.remove(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private set(id: string, entry: Entry<T>) {
    this.remove(id);
    // bounded: the oldest entry goes first (ids come from readers' requests)
    if (this.entries.size >= this.opts.maxEntries) this.remove(this.entries.keys().next().value as string);
    this.entries.set(id, entry);
    for (const k of entry.keys) {
      let ids = this.byKey.get(k);
      if (!ids) this.byKey.set(k, (ids = new Set()));
      ids.add(id);
    }
  }

  private remove(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const k of entry.keys) {
      const ids = this.byKey.get(k);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.byKey.delete(k);
    }
  }
}
