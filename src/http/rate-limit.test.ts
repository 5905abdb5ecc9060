import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.ts';
import { createTestDb } from '../db/test-db.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import { buildTestApp, loginAs, type TestApp } from './http.testing.ts';

let sandbox: Sandbox;
let database: Database;
let t: TestApp;
before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  database = await createTestDb();
  t = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, rateLimits: { perIpPerMinute: 1000, perUserPerMinute: 5, authPerIpPerMinute: 1000 } });
  await t.channels.join('streamer');
});
after(async () => {
  await t.app.close();
  await database.close();
  await sandbox.close();
});

test('a user over the limit gets 429 with Retry-After; another user is unaffected', async () => {
  const alice = (await loginAs(t.app, 'streamer')).accessToken;
  const bob = (await loginAs(t.app, 'bob')).accessToken;
  const call = (token: string) => t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  for (let i = 0; i < 5; i++) assert.equal((await call(alice)).statusCode, 200);
  const limited = await call(alice);
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'rate_limited');
  const retryAfter = Number(limited.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal((await call(bob)).statusCode, 200);
});

test('security headers are set and bodies are size-limited', async () => {
  const response = await t.app.inject('/api/me');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(response.headers['access-control-allow-origin'], undefined, 'no CORS for other origins');
  const big = await t.app.inject({ method: 'POST', url: '/api/channels', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ channel: 'x'.repeat(100_000) }) });
  assert.equal(big.statusCode, 413);
});
