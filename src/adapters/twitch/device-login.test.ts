import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { BOT_SCOPES, requestDeviceCode, waitForDeviceTokens } from './device-login.ts';

let sandbox: Sandbox;
before(async () => (sandbox = await startSandbox({ ircPort: 0, httpPort: 0 })));
after(() => sandbox.close());

test('the device code flow yields tokens with the bot scopes', async () => {
  const authUrl = `${sandbox.httpUrl}/auth`;
  const code = await requestDeviceCode(authUrl, 'test-client', BOT_SCOPES);
  assert.ok(code.userCode && code.verificationUri);
  const tokens = await waitForDeviceTokens(authUrl, 'test-client', code, BOT_SCOPES, async () => undefined);
  assert.ok(tokens.accessToken && tokens.refreshToken);
  assert.deepEqual([...tokens.scopes].sort(), [...BOT_SCOPES].sort());
});

test('an unknown device code is a clear error, not an endless wait', async () => {
  const code = { deviceCode: 'bogus', userCode: 'X', verificationUri: '', intervalSeconds: 0, expiresInSeconds: 5 };
  await assert.rejects(waitForDeviceTokens(`${sandbox.httpUrl}/auth`, 'test-client', code, BOT_SCOPES, async () => undefined), /Twitch refused the device code \(HTTP 400/);
});

test('npm run twitch:login prints the .env lines for the authorized account', async () => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/twitch-login.ts'], {
    env: { PATH: process.env.PATH, TWITCH_CLIENT_ID: 'test-client', TWITCH_AUTH_URL: `${sandbox.httpUrl}/auth` },
  });
  assert.match(stderr, /enter the code [0-9A-F]{8}/);
  assert.match(stdout, /^TWITCH_BOT_LOGIN=sandbox\nTWITCH_BOT_ACCESS_TOKEN=\S+\nTWITCH_BOT_REFRESH_TOKEN=\S+\n$/);
});
