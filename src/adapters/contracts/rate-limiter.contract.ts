import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RateLimiter } from '../../core/ports.ts';

export type ClosableRateLimiter = RateLimiter & { close(): Promise<void> | void };

/** What every RateLimiter must do; `open` gives a limiter that shares no keys with other tests. */
export function rateLimiterContract(open: () => Promise<ClosableRateLimiter>): void {
  async function withLimiter(fn: (limiter: RateLimiter) => Promise<void>): Promise<void> {
    const limiter = await open();
    try {
      await fn(limiter);
    } finally {
      await limiter.close();
    }
  }

  test('allows N points, then refuses with the time until the next one', () =>
    withLimiter(async (limiter) => {
      for (let i = 0; i < 3; i++) assert.deepEqual(await limiter.consume('user', 3, 10), { allowed: true, retryAfterMs: 0 });
      const refused = await limiter.consume('user', 3, 10);
      assert.equal(refused.allowed, false);
      assert.ok(refused.retryAfterMs > 0 && refused.retryAfterMs <= 10_000, `retryAfterMs ${refused.retryAfterMs}`);
    }));

  test('keys and bucket sizes are independent', () =>
    withLimiter(async (limiter) => {
      assert.equal((await limiter.consume('cooldown:a', 1, 30)).allowed, true);
      assert.equal((await limiter.consume('cooldown:a', 1, 30)).allowed, false);
      assert.equal((await limiter.consume('cooldown:b', 1, 30)).allowed, true);
      assert.equal((await limiter.consume('cooldown:a', 5, 30)).allowed, true, 'another bucket size is another limit');
    }));

  test('the bucket refills after its duration', () =>
    withLimiter(async (limiter) => {
      assert.equal((await limiter.consume('k', 1, 1)).allowed, true);
      const refused = await limiter.consume('k', 1, 1);
      assert.equal(refused.allowed, false);
      await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
      assert.equal((await limiter.consume('k', 1, 1)).allowed, true);
    }));
}
