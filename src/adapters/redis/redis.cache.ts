import type { Redis } from 'ioredis';
import type { Cache } from '../../core/ports.ts';

export interface RedisCacheOptions {
  /** Default `utb:`. */
  prefix?: string;
}

/** A cache shared by every bot instance. The client stays the caller's to close. */
export class RedisCache implements Cache {
  private readonly prefix: string;

  constructor(
    private readonly client: Redis,
    opts: RedisCacheOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'utb:';
  }

  get(key: string): Promise<string | null> {
    return this.client.get(this.prefix + key);
  }

  // PX rather than EX: Redis takes whole seconds with EX, and cooldown-like TTLs can be fractional.
  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.client.set(this.prefix + key, value, 'PX', toMs(ttlSeconds));
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.set(this.prefix + key, value, 'PX', toMs(ttlSeconds), 'NX')) === 'OK';
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  /** Nothing of its own to release; present so every cache closes alike. */
  close(): void {}
}

function toMs(ttlSeconds: number): number {
  if (!(ttlSeconds > 0)) throw new RangeError(`ttlSeconds must be positive, got ${ttlSeconds}`);
  return Math.ceil(ttlSeconds * 1000);
}
