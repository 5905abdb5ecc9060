import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSandbox } from './sandbox.ts';
import { call, eventually, LineClient, postJson, tagsOf } from './sandbox.testing.ts';

test('the control API refuses bad input with 400 {error} and keeps running', async () => {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  try {
    const bad = [
      await call(sandbox.httpUrl, '/control/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }),
      await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'x' }),
      await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'has space', text: 'hi' }),
      await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'x', text: 'hi', roles: ['king'] }),
      await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'x', text: 'hi', replyTo: 'no-such-message' }),
      await postJson(sandbox.httpUrl, '/control/events', { channel: 'sandbox' }),
      await postJson(sandbox.httpUrl, '/control/moderators', { channel: 'sandbox', login: 'x' }),
      await call(sandbox.httpUrl, '/control/sent?after=abc'),
    ];
    for (const response of bad) {
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(typeof (response.body as { error: unknown }).error, 'string');
    }
    assert.match((bad[4]?.body as { error: string }).error, /replyTo/);
    assert.equal((await call(sandbox.httpUrl, '/control/nothing')).status, 404);
    assert.equal((await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'x', text: 'still fine' })).status, 200);
  } finally {
    await sandbox.close();
  }
});

test('moderators, /me, replies and the state a test waits on', async () => {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0, channels: ['sandbox', 'other'] });
  const bot = await LineClient.login(sandbox.ircPort, 'helperbot');
  try {
    const modded = await postJson(sandbox.httpUrl, '/control/moderators', { channel: '#sandbox', login: 'HelperBot', moderator: true });
    assert.deepEqual(modded.body, { ok: true, moderators: ['helperbot'] });
    bot.send('JOIN #sandbox');
    assert.equal(tagsOf(await bot.waitFor((l) => l.includes('USERSTATE #sandbox'))).mod, '1');

    const state = await eventually(
      async () => (await call(sandbox.httpUrl, '/control/state')).body as { clients: { login: string; channels: string[] }[]; channels: { login: string }[] },
      (s) => s.clients.some((c) => c.login === 'helperbot' && c.channels.includes('sandbox')),
    );
    assert.deepEqual(state.channels.map((c) => c.login), ['sandbox', 'other']);

    const first = await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'viewer1', text: '/me dances' });
    const firstId = (first.body as { id: string }).id;
    await bot.waitFor((l) => l.endsWith(':viewer1!viewer1@viewer1.tmi.twitch.tv PRIVMSG #sandbox :\x01ACTION dances\x01'));
    const reply = await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'viewer2', text: '@viewer1 nice', replyTo: firstId });
    const replyId = (reply.body as { id: string }).id;
    await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'viewer3', text: 'agreed', replyTo: replyId });
    const nested = tagsOf(await bot.waitFor((l) => l.endsWith('PRIVMSG #sandbox :agreed')));
    assert.equal(nested['reply-parent-msg-id'], replyId);
    assert.equal(nested['reply-parent-user-login'], 'viewer2');
    assert.equal(nested['reply-thread-parent-msg-id'], firstId);
    assert.equal(nested['reply-thread-parent-user-login'], 'viewer1');
  } finally {
    bot.close();
    await sandbox.close();
  }
});
