import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { eventBusContract } from '../contracts/event-bus.contract.ts';
import { closeRedis, connectRedis } from './redis.client.ts';
import { RedisEventBus } from './redis.event-bus.ts';

const url = process.env.REDIS_URL;

describe('RedisEventBus', () => {
  if (!url) {
    test('contract', { skip: 'REDIS_URL not set' }, () => {});
    return;
  }

  // Two buses with their own connections, as two bot processes would have.
  eventBusContract(async ({ onError }) => {
    const prefix = `utb-test:${randomBytes(6).toString('hex')}:`;
    const clients = [connectRedis(url), connectRedis(url)] as const;
    const first = new RedisEventBus(clients[0], { prefix, onError });
    const second = new RedisEventBus(clients[1], { prefix, onError });
    return {
      first,
      second,
      close: async () => {
        await Promise.all([first.close(), second.close()]);
        await Promise.all(clients.map(closeRedis));
      },
    };
  });

  test('the last handler leaving unsubscribes the channel in Redis', async () => {
    const prefix = `utb-test:${randomBytes(6).toString('hex')}:`;
    const client = connectRedis(url);
    const bus = new RedisEventBus(client, { prefix });
    const subscribers = async () => ((await client.pubsub('NUMSUB', `${prefix}t`)) as [string, number])[1];
    try {
      const stopA = await bus.subscribe('t', () => {});
      const stopB = await bus.subscribe('t', () => {});
      assert.equal(await subscribers(), 1, 'one Redis subscription per topic');
      await stopA();
      assert.equal(await subscribers(), 1);
      await stopB();
      assert.equal(await subscribers(), 0);
    } finally {
      await bus.close();
      await closeRedis(client);
    }
  });
});
