import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { deviceTokens, recordingLogger } from './twitch.testing.ts';
import { TokenError, UserToken } from './user-token.ts';

let sandbox: Sandbox;
let authUrl: string;
before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  authUrl = `${sandbox.httpUrl}/auth`;
});
after(() => sandbox.close());

test('validates a token and reports the account it belongs to', async () => {
  const tokens = await deviceTokens(authUrl, 'mybot');
  const token = new UserToken({ authUrl, clientId: 'test-client', ...tokens, logger: recordingLogger() });
  const info = await token.validate();
  assert.equal(info.login, 'mybot');
  assert.match(info.userId, /^\d+$/);
  assert.ok(info.scopes.includes('chat:edit'));
  assert.ok(info.expiresInSeconds > 0);
});

test('a refused token is refreshed once, persisted through onRefresh, and never logged', async () => {
  const tokens = await deviceTokens(authUrl, 'mybot');
  const logger = recordingLogger();
  const refreshed: { accessToken: string; refreshToken?: string }[] = [];
  // An access token Twitch no longer knows (expired), with a refresh token that is still good.
  const token = new UserToken({ authUrl, clientId: 'test-client', accessToken: 'expired-token', refreshToken: tokens.refreshToken, logger, onRefresh: (t) => void refreshed.push(t) });

  assert.equal((await token.validate()).login, 'mybot');
  assert.equal(refreshed.length, 1);
  assert.notEqual(await token.get(), 'expired-token');
  assert.notEqual(refreshed[0]!.refreshToken, tokens.refreshToken, 'the sandbox rotates refresh tokens, as Twitch does for public clients');
  assert.equal(refreshed[0]!.accessToken, await token.get());
  const logged = logger.lines.join('\n');
  for (const secret of [tokens.accessToken, tokens.refreshToken, refreshed[0]!.accessToken, refreshed[0]!.refreshToken!]) assert.ok(!logged.includes(secret));
});

test('concurrent refreshes share one exchange', async () => {
  const tokens = await deviceTokens(authUrl, 'mybot');
  let exchanges = 0;
  const counting: typeof fetch = (input, init) => {
    if (String(input).endsWith('/token')) exchanges++;
    return fetch(input, init);
  };
  const token = new UserToken({ authUrl, clientId: 'test-client', ...tokens, logger: recordingLogger(), fetch: counting });
  await Promise.all([token.refresh(), token.refresh(), token.refresh()]);
  assert.equal(exchanges, 1);
});

test('without a refresh token an expired token is a clear TokenError', async () => {
  const token = new UserToken({ authUrl, clientId: 'test-client', accessToken: 'not-a-token', logger: recordingLogger() });
  await assert.rejects(token.validate(), (error: unknown) => error instanceof TokenError && /no refresh token/.test(error.message));
});

test('a refresh token Twitch refuses is a clear TokenError', async () => {
  const token = new UserToken({ authUrl, clientId: 'test-client', accessToken: 'not-a-token', refreshToken: 'not-a-refresh-token', logger: recordingLogger() });
  await assert.rejects(token.validate(), /token refresh refused \(HTTP 400\)/);
});
