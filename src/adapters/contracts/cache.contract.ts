import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cache } from '../../core/ports.ts';

export type ClosableCache = Cache & { close(): Promise<void> | void };

/** What every Cache must do; `open` gives a cache that shares no keys with other tests. */
export function cacheContract(open: () => Promise<ClosableCache>): void {
  async function withCache(fn: (cache: Cache) => Promise<void>): Promise<void> {
    const cache = await open();
    try {
      await fn(cache);
    } finally {
      await cache.close();
    }
  }

  test('set, get, overwrite and delete', () =>
    withCache(async (cache) => {
      assert.equal(await cache.get('missing'), null);
      await cache.set('k', 'v1', 60);
      assert.equal(await cache.get('k'), 'v1');
      await cache.set('k', 'v2', 60);
      assert.equal(await cache.get('k'), 'v2');
      await cache.delete('k');
      assert.equal(await cache.get('k'), null);
      await cache.delete('k');
      await cache.ping();
    }));

  test('entries expire after their TTL', () =>
    withCache(async (cache) => {
      await cache.set('short', 'v', 0.2);
      await cache.set('long', 'v', 60);
      assert.equal(await cache.get('short'), 'v');
      await sleep(350);
      assert.equal(await cache.get('short'), null);
      assert.equal(await cache.get('long'), 'v');
    }));

  test('setIfAbsent sets only once until the entry expires', () =>
    withCache(async (cache) => {
      assert.equal(await cache.setIfAbsent('lock', 'first', 0.2), true);
      assert.equal(await cache.setIfAbsent('lock', 'second', 0.2), false);
      assert.equal(await cache.get('lock'), 'first');
      await sleep(350);
      assert.equal(await cache.setIfAbsent('lock', 'third', 60), true);
      assert.equal(await cache.get('lock'), 'third');
    }));

  test('concurrent setIfAbsent calls let exactly one win', () =>
    withCache(async (cache) => {
      const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => cache.setIfAbsent('race', String(i), 60)));
      assert.equal(wins.filter(Boolean).length, 1);
    }));

  test('a TTL that is not positive is refused', () =>
    withCache(async (cache) => {
      await assert.rejects(cache.set('k', 'v', 0), RangeError);
      await assert.rejects(cache.setIfAbsent('k', 'v', -1), RangeError);
    }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
