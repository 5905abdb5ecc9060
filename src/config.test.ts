import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig, sandboxMode } from './config.ts';

const noFile = '/nonexistent/.env';

test('defaults give sandbox mode with PGlite and the in-process cache', () => {
  const config = loadConfig({}, noFile);
  assert.equal(sandboxMode(config), true);
  assert.equal(config.PORT, 3000);
  assert.equal(config.DATA_DIR, './data');
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.REDIS_URL, undefined);
  assert.deepEqual(config.TWITCH_CHANNELS, []);
});

test('a bad value stops start-up with a message that names the key', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }, noFile), (e: unknown) => e instanceof ConfigError && /PORT:/.test(e.message));
  assert.throws(() => loadConfig({ TWITCH_CHANNELS: 'good,bad channel!' }, noFile), /TWITCH_CHANNELS/);
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }, noFile), /LOG_LEVEL/);
});

test('a secret in a bad value is never echoed back', () => {
  const secret = 'hunter2 is not a url';
  assert.throws(
    () => loadConfig({ DATABASE_URL: secret }, noFile),
    (e: unknown) => e instanceof ConfigError && /DATABASE_URL/.test(e.message) && !e.message.includes('hunter2'),
  );
});

test('a bot token makes Twitch mode, which needs a client id and the bot login', () => {
  assert.throws(() => loadConfig({ TWITCH_BOT_ACCESS_TOKEN: 'abc' }, noFile), (e: unknown) => e instanceof ConfigError && /TWITCH_CLIENT_ID/.test(e.message) && /TWITCH_BOT_LOGIN/.test(e.message) && !e.message.includes('abc'));
  const config = loadConfig({ TWITCH_BOT_ACCESS_TOKEN: 'abc', TWITCH_CLIENT_ID: 'id', TWITCH_BOT_LOGIN: 'MyBot' }, noFile);
  assert.equal(sandboxMode(config), false);
  assert.equal(config.TWITCH_BOT_LOGIN, 'mybot');
  assert.deepEqual(config.TWITCH_CHANNELS, ['mybot'], 'the bot joins its own channel by default');
});

test('.env fills keys the environment leaves unset; the environment wins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'utb-env-'));
  try {
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nHOST=0.0.0.0\nTWITCH_CHANNELS="#One, two"\n');
    const config = loadConfig({ HOST: '127.0.0.2' }, file);
    assert.equal(config.PORT, 4000);
    assert.equal(config.HOST, '127.0.0.2');
    assert.deepEqual(config.TWITCH_CHANNELS, ['one', 'two']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Perspective is off without a key; its settings are checked and the key is never echoed', () => {
  const off = loadConfig({}, noFile);
  assert.equal(off.PERSPECTIVE_API_KEY, undefined);
  assert.equal(off.PERSPECTIVE_API_URL, 'https://commentanalyzer.googleapis.com');
  assert.equal(off.PERSPECTIVE_TIMEOUT_MS, 800);
  assert.equal(off.PERSPECTIVE_QPS, 1);
  assert.equal(loadConfig({ PERSPECTIVE_API_KEY: '  ' }, noFile).PERSPECTIVE_API_KEY, undefined, 'blank is unset');
  const on = loadConfig({ PERSPECTIVE_API_KEY: ' AIzaSyA-good_key_123 ', PERSPECTIVE_TIMEOUT_MS: '500', PERSPECTIVE_QPS: '0.5' }, noFile);
  assert.deepEqual([on.PERSPECTIVE_API_KEY, on.PERSPECTIVE_TIMEOUT_MS, on.PERSPECTIVE_QPS], ['AIzaSyA-good_key_123', 500, 0.5]);
  assert.throws(
    () => loadConfig({ PERSPECTIVE_API_KEY: 'AIza secret&x=1' }, noFile),
    (e: unknown) => e instanceof ConfigError && /PERSPECTIVE_API_KEY/.test(e.message) && !e.message.includes('secret'),
  );
  assert.throws(() => loadConfig({ PERSPECTIVE_TIMEOUT_MS: '0' }, noFile), /PERSPECTIVE_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ PERSPECTIVE_QPS: '0' }, noFile), /PERSPECTIVE_QPS/);
  assert.throws(() => loadConfig({ PERSPECTIVE_API_URL: 'not a url' }, noFile), /PERSPECTIVE_API_URL/);
});
