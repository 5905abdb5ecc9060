// Moderation end to end: the whole bot in the sandbox, chatters on tmi.js (an independent client)
// and the sandbox's control API, actions checked in the sandbox's record of Helix calls, and the
// moderation log read from the bot's database after it shut down.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { control, startBot, tempDataDir, waitForSent, type RunningBot } from './bot.harness.ts';
import { connectTmi, nextMessageFrom, type TmiClient } from './tmi.client.ts';

interface HelixCall {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: { data?: { user_id?: string; duration?: number; reason?: string } } | null;
  status: number;
}

async function helixCalls(bot: RunningBot, after = 0): Promise<HelixCall[]> {
  return control<HelixCall[]>(bot, 'GET', `/control/helix?after=${after}`);
}

async function waitForHelix(bot: RunningBot, predicate: (call: HelixCall) => boolean, after = 0, timeoutMs = 10_000): Promise<HelixCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await helixCalls(bot, after)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such Helix call within ${timeoutMs} ms; calls: ${JSON.stringify((await helixCalls(bot, after)).slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function lastHelixSeq(bot: RunningBot): Promise<number> {
  return (await helixCalls(bot)).at(-1)?.seq ?? 0;
}

const isDelete = (call: HelixCall) => call.method === 'DELETE' && call.path.endsWith('/moderation/chat');
const isBan = (call: HelixCall) => call.method === 'POST' && call.path.endsWith('/moderation/bans');

describe('moderation in the sandbox', { timeout: 120_000 }, () => {
  const data = tempDataDir();
  let bot: RunningBot;
  let viewer: TmiClient;
  let mod: TmiClient;
  // What the mod's client sees: text -> message id and user id, to match Helix calls to messages.
  const seen = new Map<string, { id: string; userId: string; login: string }>();

  before(async () => {
    bot = await startBot({ dataDir: data.path, env: { CHAT_LIMIT_TIME_SCALE: '0.05' } });
    await control(bot, 'POST', '/control/moderators', { channel: 'sandbox', login: 'mod_one', moderator: true });
    viewer = await connectTmi(bot.sandboxPort, 'link_viewer', ['sandbox']);
    mod = await connectTmi(bot.sandboxPort, 'mod_one', ['sandbox']);
    const watcher = await connectTmi(bot.sandboxPort, 'watcher', ['sandbox']);
    watcher.on('message', (_channel, tags, text) => {
      seen.set(text, { id: String(tags['id']), userId: String(tags['user-id']), login: String(tags['username']) });
    });
    clients.push(viewer, mod, watcher);
  });
  const clients: TmiClient[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
    await bot?.stop();
    data.cleanup();
  });

  async function said(text: string): Promise<{ id: string; userId: string; login: string }> {
    const deadline = Date.now() + 5_000;
    while (!seen.has(text)) {
      if (Date.now() > deadline) throw new Error(`the watcher never saw "${text}"`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return seen.get(text)!;
  }

  test('a viewer posts a link: the message is deleted through Helix and the viewer is warned, naming the rule', async () => {
    const from = await lastHelixSeq(bot);
    const text = 'check out cheap-followers.xyz now';
    await viewer.say('#sandbox', text);
    const message = await said(text);
    const call = await waitForHelix(bot, (c) => isDelete(c) && c.query['message_id'] === message.id, from);
    assert.equal(call.status, 204);
    await waitForSent(bot, (sent) => sent.some((s) => s.text.startsWith('@link_viewer,') && s.text.includes('links')), 10_000, '?channel=sandbox');
  });

  test('after !permit one link passes; the next one is deleted again', async () => {
    const reply = nextMessageFrom(mod, 'utbot', (t) => t.includes('may post one link'));
    await mod.say('#sandbox', '!permit link_viewer');
    assert.match((await reply).text, /^@link_viewer may post one link in the next 60 s\.$/);

    const from = await lastHelixSeq(bot);
    const permitted = 'my own site: my-stream-site.com';
    await viewer.say('#sandbox', permitted);
    const permittedMessage = await said(permitted);
    // The viewer is no moderator: Twitch (scaled 20-fold here) drops a second message within 1 s.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const again = 'and again my-stream-site.com/again';
    await viewer.say('#sandbox', again);
    const againMessage = await said(again);
    await waitForHelix(bot, (c) => isDelete(c) && c.query['message_id'] === againMessage.id, from);
    const deletes = (await helixCalls(bot, from)).filter(isDelete).map((c) => c.query['message_id']);
    assert.ok(!deletes.includes(permittedMessage.id), 'the permitted link stays');
  });

  test('a flood gets a timeout through Helix', async () => {
    const from = await lastHelixSeq(bot);
    for (let i = 1; i <= 7; i++) await control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: 'flooder', text: `flood line number ${i}` });
    const flooder = await said('flood line number 1');
    const ban = await waitForHelix(bot, (c) => isBan(c) && c.body?.data?.user_id === flooder.userId, from);
    assert.equal(ban.status, 200);
    assert.equal(ban.body?.data?.duration, 60);
    assert.match(ban.body?.data?.reason ?? '', /^\[flood\] /);
  });

  test('a moderator is exempt from every filter', async () => {
    const from = await lastHelixSeq(bot);
    await mod.say('#sandbox', 'official merch at cheap-followers.xyz');
    await mod.say('#sandbox', 'EVERYONE PLEASE READ THE RULES RIGHT NOW');
    const modMessage = await said('official merch at cheap-followers.xyz');
    // A viewer's link afterwards is the marker: once it is handled, the mod's messages were too.
    const marker = 'marker link at cheap-followers.xyz';
    await control(bot, 'POST', '/control/chat', { channel: 'sandbox', login: 'marker_viewer', text: marker });
    const markerMessage = await said(marker);
    await waitForHelix(bot, (c) => isDelete(c) && c.query['message_id'] === markerMessage.id, from);
    const calls = await helixCalls(bot, from);
    assert.ok(!calls.some((c) => c.query['message_id'] === modMessage.id || c.body?.data?.user_id === modMessage.userId), 'no action against the mod');
  });

  test('the moderation log, written before shutdown, shows all of it', async () => {
    await bot.stop();
    const db = new PGlite(`${data.path}/pg`);
    try {
      const { rows } = await db.query<{ user_login: string; rule: string; action: string; duration_seconds: number | null; actor: string; status: string; message_text: string }>(
        'select user_login, rule, action, duration_seconds, actor, status, message_text from moderation_log order by created_at',
      );
      const summary = rows.map((r) => `${r.user_login} ${r.rule} ${r.action}${r.duration_seconds ? ` ${r.duration_seconds}` : ''} ${r.actor} ${r.status}`);
      assert.deepEqual(summary, [
        'link_viewer links warn bot done',
        'link_viewer links delete bot done',
        'flooder flood timeout 60 bot done',
        'marker_viewer links warn bot done',
      ]);
      assert.equal(rows[0]!.message_text, 'check out cheap-followers.xyz now');
      assert.ok(!rows.some((r) => r.user_login === 'mod_one'));
    } finally {
      await db.close();
    }
  });
});
