import { test } from 'node:test';
import { connectRedis } from '../adapters/redis/redis.client.ts';
import { RedisEventBus } from '../adapters/redis/redis.event-bus.ts';
import { createTestPostgres } from '../db/test-db.ts';
import { feedContract } from './feed.contract.ts';

const { REDIS_URL, DATABASE_URL } = process.env;
if (!REDIS_URL || !DATABASE_URL) {
  test('live feed across two instances on Redis', { skip: 'REDIS_URL and DATABASE_URL not set' }, () => undefined);
} else {
  feedContract(
    'Redis pub/sub',
    async () => {
      const prefix = `utb-test-${process.pid}-${Date.now()}:`;
      const clientA = connectRedis(REDIS_URL);
      const clientB = connectRedis(REDIS_URL);
      const a = new RedisEventBus(clientA, { prefix });
      const b = new RedisEventBus(clientB, { prefix });
      return {
        a,
        b,
        close: async () => {
          await a.close();
          await b.close();
          clientA.disconnect();
          clientB.disconnect();
        },
      };
    },
    () => createTestPostgres(DATABASE_URL),
  );
}
