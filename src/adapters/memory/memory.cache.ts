import { systemClock, type Cache, type Clock } from '../../core/ports.ts';

export interface MemoryCacheOptions {
  /** Beyond this many entries the least recently used one is evicted; default 100 000. */
  maxEntries?: number;
  /** How often expired entries are swept; default 60 s. */
  sweepIntervalMs?: number;
  clock?: Clock;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/** An in-process cache for a single bot instance. */
export class MemoryCache implements Cache {
  // A Map iterates in insertion order, so re-inserting on use keeps the least recently used entry first.
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly clock: Clock;
  private readonly sweeper: NodeJS.Timeout;

  constructor(opts: MemoryCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 100_000;
    this.clock = opts.clock ?? systemClock;
    this.sweeper = setInterval(() => this.sweep(), opts.sweepIntervalMs ?? 60_000);
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | null> {
    const entry = this.live(key);
    if (!entry) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.store(key, value, ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.store(key, value, ttlSeconds);
    return true;
  }

  async ping(): Promise<void> {}

  close(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  /** Removes expired entries; runs on a timer, public for tests. */
  sweep(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private store(key: string, value: string, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) throw new RangeError(`ttlSeconds must be positive, got ${ttlSeconds}`);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000 });
  }
}
