import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { cacheContract } from '../contracts/cache.contract.ts';
import { RedisCache } from './redis.cache.ts';
import { closeRedis, connectRedis } from './redis.client.ts';

const url = process.env.REDIS_URL;

describe('RedisCache', () => {
  if (!url) {
    test('contract', { skip: 'REDIS_URL not set' }, () => {});
    return;
  }
  cacheContract(async () => {
    const client = connectRedis(url);
    const cache = new RedisCache(client, { prefix: `utb-test:${randomBytes(6).toString('hex')}:` });
    return Object.assign(cache, { close: () => closeRedis(client) });
  });
});
