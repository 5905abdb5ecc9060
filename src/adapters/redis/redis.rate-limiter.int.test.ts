import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { rateLimiterContract } from '../contracts/rate-limiter.contract.ts';
import { closeRedis, connectRedis } from './redis.client.ts';
import { RedisRateLimiter } from './redis.rate-limiter.ts';

const url = process.env.REDIS_URL;

describe('RedisRateLimiter', () => {
  if (!url) {
    test('contract', { skip: 'REDIS_URL not set' }, () => {});
    return;
  }
  rateLimiterContract(async () => {
    const client = connectRedis(url);
    await client.ping();
    const limiter = new RedisRateLimiter(client, { prefix: `utb-test:${randomBytes(6).toString('hex')}:` });
    return Object.assign(limiter, { close: () => closeRedis(client) });
  });
});
