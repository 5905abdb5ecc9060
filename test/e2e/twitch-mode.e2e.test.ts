// The bot configured for real Twitch, with every Twitch endpoint pointed at a sandbox the test runs:
// token validation and refresh, chat as the configured account, and refreshed tokens kept across restarts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deviceTokens } from '../../src/adapters/twitch/twitch.testing.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandbox.ts';
import { startBot, tempDataDir, type RunningBot } from './bot.harness.ts';

let twitch: Sandbox;
before(async () => {
  twitch = await startSandbox({ ircPort: 0, httpPort: 0, channels: ['streamer'], moderators: { streamer: ['mybot'] } });
});
after(() => twitch.close());

async function commandsAnswered(bot: RunningBot, sandboxUrl: string): Promise<void> {
  const post = (path: string, body: unknown) => fetch(`${sandboxUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post('/control/reset', {});
  await post('/control/chat', { channel: 'streamer', login: 'viewer', text: '!commands' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const sent = (await (await fetch(`${sandboxUrl}/control/sent?channel=streamer`)).json()) as { text: string }[];
    if (sent.some((m) => m.text.startsWith('Commands:'))) return;
    if (Date.now() > deadline) throw new Error(`no answer to !commands; bot output:\n${bot.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('runs as the configured account, refreshes an expired token and keeps the new one across a restart', { timeout: 120_000 }, async () => {
  const { refreshToken } = await deviceTokens(`${twitch.httpUrl}/auth`, 'mybot');
  const data = tempDataDir();
  const env = {
    TWITCH_CLIENT_ID: 'test-client',
    TWITCH_BOT_LOGIN: 'mybot',
    // Twitch no longer knows this access token; the refresh token is good once (the sandbox rotates it, like Twitch).
    TWITCH_BOT_ACCESS_TOKEN: 'expired-access-token',
    TWITCH_BOT_REFRESH_TOKEN: refreshToken,
    TWITCH_CHANNELS: 'streamer',
    TWITCH_IRC_URL: twitch.ircUrl,
    TWITCH_AUTH_URL: `${twitch.httpUrl}/auth`,
    TWITCH_HELIX_URL: `${twitch.httpUrl}/mock`,
    LOG_LEVEL: 'info',
  };
  try {
    const first = await startBot({ dataDir: data.path, env });
    try {
      assert.equal(first.lines['chat'], 'twitch as mybot');
      assert.equal(first.lines['sandbox'], undefined, 'no sandbox in Twitch mode');
      assert.deepEqual(first.channels, ['streamer']);
      await commandsAnswered(first, twitch.httpUrl);
      assert.match(first.output(), /refreshed the Twitch user token/);
      assert.ok(!first.output().includes(refreshToken), 'the refresh token never reaches the logs');
    } finally {
      await first.stop();
    }
    // The configured refresh token is spent now: only the stored, refreshed pair can start the bot again.
    const second = await startBot({ dataDir: data.path, env });
    try {
      assert.equal(second.lines['chat'], 'twitch as mybot');
      await commandsAnswered(second, twitch.httpUrl);
    } finally {
      await second.stop();
    }
  } finally {
    data.cleanup();
  }
});

test('a token Twitch refuses with nothing to refresh stops start-up with a clear message', { timeout: 60_000 }, async () => {
  await assert.rejects(
    startBot({
      env: {
        TWITCH_CLIENT_ID: 'test-client',
        TWITCH_BOT_LOGIN: 'mybot',
        TWITCH_BOT_ACCESS_TOKEN: 'expired-access-token',
        TWITCH_IRC_URL: twitch.ircUrl,
        TWITCH_AUTH_URL: `${twitch.httpUrl}/auth`,
        TWITCH_HELIX_URL: `${twitch.httpUrl}/mock`,
      },
    }),
    /start-up failed: the token expired and no refresh token is configured/,
  );
});
