import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRedis } from './redis.client.ts';

test('describeRedis never shows credentials', () => {
  assert.equal(describeRedis('redis://user:s3cret@cache.internal:6380/2'), 'redis cache.internal:6380');
  assert.equal(describeRedis('rediss://:s3cret@cache.internal'), 'redis cache.internal:6379');
});
