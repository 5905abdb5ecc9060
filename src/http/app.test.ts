import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Writable } from 'node:stream';
import { createLogger } from '../observability/logger.ts';
import { BotMetrics } from '../observability/metrics.ts';
import { buildApp } from './app.ts';

const quiet = createLogger('silent', new Writable({ write: (_chunk, _enc, done) => done() }));

test('/readyz answers 200 when chat, database and cache are up, 503 naming what is down otherwise', async () => {
  let cacheUp = true;
  const app = await buildApp({
    logger: quiet,
    registry: new BotMetrics({ defaultMetrics: false }).registry,
    checks: {
      chat: () => true,
      database: async () => undefined,
      cache: async () => {
        if (!cacheUp) throw new Error('connection refused');
      },
    },
  });
  assert.equal((await app.inject('/healthz')).statusCode, 200);
  const ready = await app.inject('/readyz');
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ready', down: [], checks: { chat: 'ok', database: 'ok', cache: 'ok' } });
  cacheUp = false;
  const down = await app.inject('/readyz');
  assert.equal(down.statusCode, 503);
  assert.deepEqual(down.json(), { status: 'unavailable', down: ['cache'], checks: { chat: 'ok', database: 'ok', cache: 'connection refused' } });
  await app.close();
});

test('a check that hangs counts as down after its timeout instead of hanging /readyz', async () => {
  const app = await buildApp({ logger: quiet, registry: new BotMetrics({ defaultMetrics: false }).registry, checks: { database: () => new Promise(() => undefined) } });
  const started = Date.now();
  const response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  assert.match(response.json().checks.database, /no answer within/);
  assert.ok(Date.now() - started < 3_000);
  await app.close();
});

test('/metrics is Prometheus text and unknown routes get the error body shape', async () => {
  const metrics = new BotMetrics({ defaultMetrics: false });
  metrics.commandRan('chan', 'core:help');
  const app = await buildApp({ logger: quiet, registry: metrics.registry, checks: {} });
  const response = await app.inject('/metrics');
  assert.match(response.headers['content-type'] as string, /^text\/plain/);
  assert.match(response.body, /^utb_command_uses_total\{command="core:help"\} 1$/m);
  const missing = await app.inject('/nope');
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(missing.json(), { error: { code: 'not_found', message: 'no route for GET /nope' } });
  await app.close();
});
