// The whole bot against the sandbox: viewers and mods talk through tmi.js, an independent client.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { control, startBot, waitForSent, waitUntil, type RunningBot } from './bot.harness.ts';
import { connectTmi, nextMessageFrom, type TmiClient } from './tmi.client.ts';

interface SandboxState {
  clients: { login: string; registered: boolean; channels: string[] }[];
}

async function botJoined(bot: RunningBot, channel: string): Promise<boolean> {
  const state = await control<SandboxState>(bot, 'GET', '/control/state');
  return state.clients.some((c) => c.login === 'utbot' && c.registered && c.channels.includes(channel));
}

describe('bot in the sandbox', { timeout: 120_000 }, () => {
  let bot: RunningBot;
  const clients: TmiClient[] = [];

  before(async () => {
    // Twitch's limit windows shrink 20-fold in this run (bot and sandbox alike), so 500 replies take seconds, not minutes.
    bot = await startBot({ env: { CHAT_LIMIT_TIME_SCALE: '0.05' } });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
    await bot?.stop();
  });

  test('prints every start-up line and serves health, readiness and metrics', async () => {
    for (const key of ['http', 'database', 'cache', 'chat', 'sandbox', 'channels']) assert.ok(bot.lines[key], `start-up line ${key}`);
    assert.match(bot.lines['database']!, /^pglite /);
    assert.equal(bot.lines['cache'], 'memory');
    assert.match(bot.lines['chat']!, /^sandbox irc:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(bot.channels, ['sandbox', 'utbot']);
    assert.equal((await fetch(`${bot.http}/healthz`)).status, 200);
    const ready = await fetch(`${bot.http}/readyz`);
    assert.equal(ready.status, 200, await ready.clone().text());
    assert.deepEqual(((await ready.json()) as { checks: object }).checks, { chat: 'ok', database: 'ok', cache: 'ok' });
    const metrics = await (await fetch(`${bot.http}/metrics`)).text();
    assert.match(metrics, /^# TYPE utb_chat_messages_received_total counter$/m);
    assert.match(metrics, /^utb_chat_connection_state\{state="connected"\} 1$/m);
  });

  test('a viewer and a mod talk to the bot through tmi.js and get threaded replies', async () => {
    await control(bot, 'POST', '/control/moderators', { channel: 'sandbox', login: 'mod_one', moderator: true });
    const viewer = await connectTmi(bot.sandboxPort, 'viewer_one', ['sandbox']);
    const mod = await connectTmi(bot.sandboxPort, 'mod_one', ['sandbox']);
    clients.push(viewer, mod);

    const viewerReply = nextMessageFrom(viewer, 'utbot');
    await viewer.say('#sandbox', '!commands');
    const { tags, text } = await viewerReply;
    assert.match(text, /^Commands: !commands, !help, !join, !part\b/);
    assert.equal(tags['reply-parent-user-login'], 'viewer_one');
    assert.ok(String(tags['badges'] ? JSON.stringify(tags['badges']) : '').includes('moderator'), 'the bot is a moderator in #sandbox');

    const modReply = nextMessageFrom(mod, 'utbot', (t) => t.startsWith('!join'));
    await mod.say('#sandbox', '!help join');
    assert.match((await modReply).text, /^!join: Used in #utbot: the bot joins your channel\. Cooldown 10s per user\.$/);
  });

  test('500 replies are forced through with zero rate-limit violations', { timeout: 90_000 }, async () => {
    await control(bot, 'POST', '/control/reset');
    for (let i = 0; i < 500; i++) {
      await control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: `burst_${i}`, text: '!help help' });
    }
    const sent = await waitForSent(bot, (s) => s.length >= 500, 60_000, '?channel=sandbox');
    assert.equal(sent.length, 500);
    assert.ok(sent.every((s) => s.text.startsWith('!help <command>: Explains one command.')), 'every reply is the help text');
    assert.deepEqual(await control(bot, 'GET', '/control/violations'), []);
  });

  test('malformed lines, a 10,000-character message and hostile names leave the bot running', async () => {
    await control(bot, 'POST', '/control/raw', {
      lines: [
        '\\x01bad',
        '@@@',
        ':only-a-prefix',
        `@id=x;user-id=1 :long!long@long.tmi.twitch.tv PRIVMSG #sandbox :${'z'.repeat(10_000)}`,
        '@display-name=\u200b😈\u202e;id=y;user-id=2 :weird!weird@weird.tmi.twitch.tv PRIVMSG #sandbox :!nothing',
      ],
    });
    const { seq } = (await control<{ seq: number }[]>(bot, 'GET', '/control/sent')).at(-1) ?? { seq: 0 };
    await control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: 'after_garbage', text: '!commands' });
    await waitForSent(bot, (s) => s.some((m) => m.text.startsWith('Commands:')), 10_000, `?after=${seq}`);
  });

  for (const [how, path] of [
    ['RECONNECT', '/control/reconnect'],
    ['a dropped socket', '/control/drop'],
  ] as const) {
    test(`rejoins every channel and answers again after ${how}`, async () => {
      await control(bot, 'POST', path);
      await waitUntil(async () => (await botJoined(bot, 'sandbox')) && (await botJoined(bot, 'utbot')), 'bot rejoined both channels', 15_000);
      const { seq } = (await control<{ seq: number }[]>(bot, 'GET', '/control/sent')).at(-1) ?? { seq: 0 };
      await control(bot, 'POST', '/control/chat', { channel: 'utbot', login: `after_${path.split('/')[2]}`, text: '!commands' });
      await waitForSent(bot, (s) => s.some((m) => m.channel === 'utbot' && m.text.startsWith('Commands:')), 10_000, `?after=${seq}`);
    });
  }
});
