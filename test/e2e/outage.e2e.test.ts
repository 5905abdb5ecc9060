// PostgreSQL and Redis going away while the bot runs: chat keeps flowing, commands that need the
// database answer with an error instead of hanging, and everything recovers when they come back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../src/db/test-db.ts';
import { control, startBot, waitForSent, type RunningBot, type SentMessage } from './bot.harness.ts';
import { TcpProxy } from './tcp-proxy.ts';

const { DATABASE_URL, REDIS_URL } = process.env;
const skip = !DATABASE_URL || !REDIS_URL ? 'DATABASE_URL and REDIS_URL not set' : false;

let database: ThrowawayDatabase;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let bot: RunningBot;

before(async () => {
  if (skip) return;
  database = await createThrowawayDatabase(DATABASE_URL!);
  const pg = new URL(database.url);
  const redis = new URL(REDIS_URL!);
  pgProxy = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port || 5432) });
  redisProxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
  const viaProxy = (url: URL, port: number) => Object.assign(new URL(url), { host: `127.0.0.1:${port}` }).toString();
  bot = await startBot({ env: { DATABASE_URL: viaProxy(pg, pgProxy.port), REDIS_URL: viaProxy(redis, redisProxy.port) } });
});
after(async () => {
  if (skip) return;
  await bot?.stop();
  await pgProxy?.cut();
  await redisProxy?.cut();
  await database?.drop();
});

async function say(login: string, text: string): Promise<SentMessage> {
  const last = (await control<SentMessage[]>(bot, 'GET', '/control/sent')).at(-1)?.seq ?? 0;
  await control(bot, 'POST', '/control/chat', { channel: 'utbot', login, text });
  const sent = await waitForSent(bot, (s) => s.length > 0, 15_000, `?after=${last}`);
  return sent[0]!;
}

test('runs on PostgreSQL and Redis, and survives both going away', { skip, timeout: 120_000 }, async () => {
  assert.match(bot.lines['database']!, /^postgres 127\.0\.0\.1:\d+\/utb_test_/);
  assert.match(bot.lines['cache']!, /^redis 127\.0\.0\.1:\d+$/);
  assert.equal((await say('healthy', '!commands')).text.split(':')[0], 'Commands');

  await pgProxy.cut();
  await redisProxy.cut();
  const started = Date.now();
  const join = await say('newchannel', '!join');
  assert.equal(join.text, 'Sorry, !join failed. Please try again later.');
  assert.ok(Date.now() - started < 12_000, `answered in ${Date.now() - started} ms, not hanging`);
  assert.match((await say('still_chatting', '!commands')).text, /^Commands:/, 'chat keeps flowing without the database and Redis');
  const ready = await fetch(`${bot.http}/readyz`);
  assert.equal(ready.status, 503);
  const body = (await ready.json()) as { down: string[] };
  assert.deepEqual(body.down.sort(), ['cache', 'database']);

  await pgProxy.restore();
  await redisProxy.restore();
  const deadline = Date.now() + 30_000;
  while ((await fetch(`${bot.http}/readyz`)).status !== 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal((await fetch(`${bot.http}/readyz`)).status, 200, 'ready again once both are back');
  assert.match((await say('newchannel2', '!join')).text, /^Joined #newchannel2\./);
});
