import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cacheContract } from '../contracts/cache.contract.ts';
import { MemoryCache } from './memory.cache.ts';

describe('MemoryCache', () => {
  cacheContract(async () => new MemoryCache());

  test('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new MemoryCache({ maxEntries: 2 });
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.get('a');
    await cache.set('c', '3', 60);
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('b'), null);
    assert.equal(await cache.get('a'), '1');
    assert.equal(await cache.get('c'), '3');
    cache.close();
  });

  test('the sweep drops expired entries nobody reads', async () => {
    let now = 0;
    const cache = new MemoryCache({ clock: { now: () => now } });
    await cache.set('short', 'v', 1);
    await cache.set('long', 'v', 10);
    now = 5000;
    cache.sweep();
    assert.equal(cache.size, 1);
    assert.equal(await cache.get('long'), 'v');
    cache.close();
  });
});
