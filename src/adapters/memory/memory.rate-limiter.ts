import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimitResult } from '../../core/ports.ts';

/** Rate limits for a single bot instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  consume(key: string, points: number, durationSeconds: number): Promise<RateLimitResult> {
    const id = `${points}:${durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points, duration: durationSeconds });
      this.limiters.set(id, limiter);
    }
    return consumeOne(limiter, key);
  }

  close(): void {
    this.limiters.clear();
  }
}

/** Consumes a point, turning rate-limiter-flexible's rejection with a RateLimiterRes into a refusal. */
export async function consumeOne(limiter: RateLimiterAbstract, key: string): Promise<RateLimitResult> {
  try {
    await limiter.consume(key);
    return { allowed: true, retryAfterMs: 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
    throw rejection;
  }
}
