import assert from 'node:assert/strict';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { RedisCache } from './redis.cache.ts';
import { closeRedis, connectRedis } from './redis.client.ts';
import { RedisRateLimiter } from './redis.rate-limiter.ts';

// Nothing listens on port 1; the tier runs only where a real Redis is configured.
const deadUrl = 'redis://127.0.0.1:1';

describe('Redis outage', () => {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    test('outage', { skip: 'REDIS_URL not set' }, () => {});
    return;
  }

  test('after a connection drop, calls fail at once and work again once Redis is back', async () => {
    const target = new URL(redisUrl);
    const proxy = await startProxy(target.hostname, Number(target.port || 6379));
    const client = connectRedis(`redis://127.0.0.1:${proxy.port}`, { onError: () => {} });
    try {
      const cache = new RedisCache(client, { prefix: `utb-test:${proxy.port}:` });
      await cache.set('k', 'v', 10);
      await proxy.stop();
      const started = Date.now();
      await assert.rejects(cache.get('k'));
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);

      await proxy.start();
      const deadline = Date.now() + 5000;
      while (client.status !== 'ready' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(await cache.get('k'), 'v');
    } finally {
      await closeRedis(client);
      await proxy.stop();
    }
  });

  test('cache calls fail within 2 s instead of hanging, errors go to onError', async () => {
    const errors: Error[] = [];
    const client = connectRedis(deadUrl, { onError: (err) => errors.push(err) });
    try {
      const cache = new RedisCache(client);
      const started = Date.now();
      await assert.rejects(cache.get('k'));
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.ok(errors.length > 0);
    } finally {
      await closeRedis(client);
    }
  });

  test('the rate limiter falls back to in-memory limits', async () => {
    const client = connectRedis(deadUrl, { onError: () => {} });
    try {
      const limiter = new RedisRateLimiter(client);
      assert.equal((await limiter.consume('k', 2, 10)).allowed, true);
      assert.equal((await limiter.consume('k', 2, 10)).allowed, true);
      const refused = await limiter.consume('k', 2, 10);
      assert.equal(refused.allowed, false);
      assert.ok(refused.retryAfterMs > 0);
    } finally {
      await closeRedis(client);
    }
  });
});

/** A TCP proxy to Redis that can be taken down and brought back on the same port. */
async function startProxy(host: string, port: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let proxyPort = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = createConnection(port, host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('error', () => s.destroy());
          s.on('close', () => sockets.delete(s));
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(proxyPort, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') proxyPort = address.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server?.listening) return resolve();
      server.close(() => resolve());
    });
  await start();
  return { port: proxyPort, start, stop };
}
