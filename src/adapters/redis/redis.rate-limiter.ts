import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimitResult } from '../../core/ports.ts';
import { consumeOne } from '../memory/memory.rate-limiter.ts';

export interface RedisRateLimiterOptions {
  /** Default `utb:`. */
  prefix?: string;
}

/**
 * Rate limits shared by every bot instance. While Redis is unreachable each instance falls back to its own
 * in-memory limits rather than failing or letting everything through. The client stays the caller's to close.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();
  private readonly prefix: string;

  constructor(
    private readonly client: Redis,
    opts: RedisRateLimiterOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'utb:';
  }

  consume(key: string, points: number, durationSeconds: number): Promise<RateLimitResult> {
    const id = `${points}:${durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: `${this.prefix}rl:${id}`,
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return consumeOne(limiter, key);
  }

  close(): void {
    this.limiters.clear();
  }
}
