import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from './logger.ts';

test('tokens, secrets and authorization headers are redacted wherever they appear', () => {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
  logger.info({ token: 't0k3n', auth: { accessToken: 'a1', refreshToken: 'r1' }, clientSecret: 'cs', req: { headers: { authorization: 'Bearer b1', cookie: 'sid=c1' } } }, 'login');
  const out = lines.join('');
  for (const secret of ['t0k3n', 'a1', 'r1', 'cs', 'Bearer b1', 'sid=c1']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
  assert.match(out, /\[redacted\]/);
});
