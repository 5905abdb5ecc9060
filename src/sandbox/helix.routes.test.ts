import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSandbox, type Sandbox } from './sandbox.ts';
import { call, LineClient, postJson, tagsOf } from './sandbox.testing.ts';

const AUTH = { authorization: 'Bearer sandbox-modbot', 'client-id': 'test-client' };

interface HelixCall {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

async function withSandbox(run: (sandbox: Sandbox, viewer: LineClient) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0, moderators: { sandbox: ['modbot'] } });
  const viewer = await LineClient.login(sandbox.ircPort, 'watcher');
  try {
    viewer.send('JOIN #sandbox');
    await viewer.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'));
    await run(sandbox, viewer);
  } finally {
    viewer.close();
    await sandbox.close();
  }
}

async function userId(sandbox: Sandbox, login: string): Promise<string> {
  const { body } = await call(sandbox.httpUrl, `/mock/users?login=${login}`, { headers: AUTH });
  return (body as { data: { id: string }[] }).data[0]?.id ?? '';
}

test('Helix wants a bearer token and a Client-Id, like Helix, and records refused calls too', () =>
  withSandbox(async (sandbox) => {
    const missing = await call(sandbox.httpUrl, '/mock/users?login=sandbox');
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.body, { error: 'Unauthorized', status: 401, message: 'OAuth token is missing' });
    const noClient = await call(sandbox.httpUrl, '/mock/users?login=sandbox', { headers: { authorization: 'Bearer sandbox-x' } });
    assert.equal(noClient.status, 401);
    const badToken = await call(sandbox.httpUrl, '/mock/users?login=sandbox', { headers: { authorization: 'Bearer nope', 'client-id': 'c' } });
    assert.equal(badToken.status, 401);

    const ok = await call(sandbox.httpUrl, '/mock/users?login=sandbox&login=Modbot', { headers: AUTH });
    assert.equal(ok.status, 200);
    const users = (ok.body as { data: { login: string; display_name: string; id: string }[]; pagination: object }).data;
    assert.deepEqual(users.map((u) => u.login), ['sandbox', 'modbot']);
    const me = await call(sandbox.httpUrl, '/mock/users', { headers: AUTH });
    assert.deepEqual((me.body as { data: { login: string }[] }).data.map((u) => u.login), ['modbot']);

    const calls = (await call(sandbox.httpUrl, '/control/helix')).body as HelixCall[];
    assert.deepEqual(calls.map((c) => [c.method, c.path, c.status]), [
      ['GET', '/mock/users', 401],
      ['GET', '/mock/users', 401],
      ['GET', '/mock/users', 401],
      ['GET', '/mock/users', 200],
      ['GET', '/mock/users', 200],
    ]);
    assert.deepEqual(calls[3]?.query, { login: ['sandbox', 'Modbot'] });
    const later = (await call(sandbox.httpUrl, `/control/helix?after=${calls[3]?.seq}`)).body as HelixCall[];
    assert.equal(later.length, 1);
  }));

test('bans and timeouts send CLEARCHAT, deleting a message sends CLEARMSG', () =>
  withSandbox(async (sandbox, viewer) => {
    const broadcasterId = await userId(sandbox, 'sandbox');
    const moderatorId = await userId(sandbox, 'modbot');
    const spam = await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'spammer', text: 'buy followers; cheap' });
    const messageId = (spam.body as { id: string }).id;
    const spammerId = await userId(sandbox, 'spammer');
    const q = `broadcaster_id=${broadcasterId}&moderator_id=${moderatorId}`;

    const timeout = await postJson(sandbox.httpUrl, `/mock/moderation/bans?${q}`, { data: { user_id: spammerId, duration: 600, reason: 'spam' } }, AUTH);
    assert.equal(timeout.status, 200);
    const [ban] = (timeout.body as { data: { user_id: string; end_time: string | null }[] }).data;
    assert.equal(ban?.user_id, spammerId);
    assert.notEqual(ban?.end_time, null);
    const clearchat = await viewer.waitFor((l) => l.includes('CLEARCHAT #sandbox :spammer'));
    assert.deepEqual({ ...tagsOf(clearchat), 'tmi-sent-ts': undefined }, {
      'ban-duration': '600', 'room-id': broadcasterId, 'target-user-id': spammerId, 'tmi-sent-ts': undefined,
    });

    const permanent = await postJson(sandbox.httpUrl, `/mock/moderation/bans?${q}`, { data: { user_id: spammerId, reason: 'spam' } }, AUTH);
    assert.equal(permanent.status, 200);
    await viewer.waitFor((l) => /^@room-id=\d+;target-user-id=\d+;tmi-sent-ts=\d+ :tmi\.twitch\.tv CLEARCHAT #sandbox :spammer$/.test(l));
    assert.equal((await postJson(sandbox.httpUrl, `/mock/moderation/bans?${q}`, { data: { user_id: spammerId } }, AUTH)).status, 400);
    assert.equal((await call(sandbox.httpUrl, `/mock/moderation/bans?${q}&user_id=${spammerId}`, { method: 'DELETE', headers: AUTH })).status, 204);
    assert.equal((await call(sandbox.httpUrl, `/mock/moderation/bans?${q}&user_id=${spammerId}`, { method: 'DELETE', headers: AUTH })).status, 400);

    const notMod = await postJson(sandbox.httpUrl, `/mock/moderation/bans?broadcaster_id=${broadcasterId}&moderator_id=${spammerId}`, { data: { user_id: moderatorId } }, AUTH);
    assert.equal(notMod.status, 403);
    assert.equal((await postJson(sandbox.httpUrl, `/mock/moderation/bans?${q}`, { data: {} }, AUTH)).status, 400);

    const deleted = await call(sandbox.httpUrl, `/mock/moderation/chat?${q}&message_id=${messageId}`, { method: 'DELETE', headers: AUTH });
    assert.equal(deleted.status, 204);
    const clearmsg = await viewer.waitFor((l) => l.includes('CLEARMSG'));
    assert.match(clearmsg, new RegExp(`^@login=spammer;room-id=;target-msg-id=${messageId};tmi-sent-ts=\\d+ :tmi\\.twitch\\.tv CLEARMSG #sandbox :buy followers; cheap$`));
    assert.equal((await call(sandbox.httpUrl, `/mock/moderation/chat?${q}&message_id=nope`, { method: 'DELETE', headers: AUTH })).status, 404);

    const calls = (await call(sandbox.httpUrl, '/control/helix')).body as HelixCall[];
    const moderation = calls.filter((c) => c.path.startsWith('/mock/moderation/'));
    assert.deepEqual(moderation.map((c) => [c.method, c.path, c.status]), [
      ['POST', '/mock/moderation/bans', 200],
      ['POST', '/mock/moderation/bans', 200],
      ['POST', '/mock/moderation/bans', 400],
      ['DELETE', '/mock/moderation/bans', 204],
      ['DELETE', '/mock/moderation/bans', 400],
      ['POST', '/mock/moderation/bans', 403],
      ['POST', '/mock/moderation/bans', 400],
      ['DELETE', '/mock/moderation/chat', 204],
      ['DELETE', '/mock/moderation/chat', 404],
    ]);
    assert.deepEqual(moderation[0]?.body, { data: { user_id: spammerId, duration: 600, reason: 'spam' } });
    assert.deepEqual(moderation[0]?.query, { broadcaster_id: broadcasterId, moderator_id: moderatorId });
  }));

test('chat messages sent through Helix reach chat and /control/sent with via helix', () =>
  withSandbox(async (sandbox, viewer) => {
    const broadcasterId = await userId(sandbox, 'sandbox');
    const botId = await userId(sandbox, 'modbot');
    const question = await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'asker', text: '!price salewa' });
    const parentId = (question.body as { id: string }).id;

    const sent = await postJson(sandbox.httpUrl, '/mock/chat/messages', { broadcaster_id: broadcasterId, sender_id: botId, message: 'Salewa: 20k', reply_parent_message_id: parentId }, AUTH);
    assert.equal(sent.status, 200);
    const [result] = (sent.body as { data: { message_id: string; is_sent: boolean }[] }).data;
    assert.equal(result?.is_sent, true);
    const line = await viewer.waitFor((l) => l.endsWith(':modbot!modbot@modbot.tmi.twitch.tv PRIVMSG #sandbox :Salewa: 20k'));
    assert.equal(tagsOf(line).id, result?.message_id);
    assert.equal(tagsOf(line)['reply-parent-msg-id'], parentId);

    const duplicate = await postJson(sandbox.httpUrl, '/mock/chat/messages', { broadcaster_id: broadcasterId, sender_id: botId, message: 'Salewa: 20k' }, AUTH);
    assert.deepEqual((duplicate.body as { data: unknown[] }).data[0], {
      message_id: '', is_sent: false,
      drop_reason: { code: 'msg_duplicate', message: 'Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago.' },
    });

    const records = (await call(sandbox.httpUrl, '/control/sent?channel=sandbox')).body as { text: string; via: string; replyParentId: string | null }[];
    assert.deepEqual(records.map((r) => [r.text, r.via, r.replyParentId]), [['Salewa: 20k', 'helix', parentId]]);

    const announced = await postJson(sandbox.httpUrl, `/mock/chat/announcements?broadcaster_id=${broadcasterId}&moderator_id=${botId}`, { message: 'Giveaway soon!', color: 'purple' }, AUTH);
    assert.equal(announced.status, 204);
    const notice = await viewer.waitFor((l) => l.includes('USERNOTICE #sandbox :Giveaway soon!'));
    assert.equal(tagsOf(notice)['msg-id'], 'announcement');
    assert.equal(tagsOf(notice)['msg-param-color'], 'PURPLE');
    assert.equal(tagsOf(notice).login, 'modbot');

    const unknown = await postJson(sandbox.httpUrl, '/mock/chat/messages', { broadcaster_id: '1', sender_id: botId, message: 'x' }, AUTH);
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as { status: number }).status, 400);
  }));

test('chatters, streams, channels and followers answer in Helix shapes', () =>
  withSandbox(async (sandbox) => {
    const broadcasterId = await userId(sandbox, 'sandbox');
    const botId = await userId(sandbox, 'modbot');
    const chatters = await call(sandbox.httpUrl, `/mock/chat/chatters?broadcaster_id=${broadcasterId}&moderator_id=${botId}`, { headers: AUTH });
    assert.deepEqual((chatters.body as { data: { user_login: string }[]; total: number }).data.map((c) => c.user_login), ['watcher']);

    assert.deepEqual((await call(sandbox.httpUrl, '/mock/streams?user_login=sandbox', { headers: AUTH })).body, { data: [], pagination: {} });
    await postJson(sandbox.httpUrl, '/control/stream', { channel: 'sandbox', live: true, title: 'Raids tonight', game: 'Escape from Tarkov', viewers: 42 });
    const streams = (await call(sandbox.httpUrl, `/mock/streams?user_id=${broadcasterId}`, { headers: AUTH })).body as { data: Record<string, unknown>[] };
    assert.equal(streams.data.length, 1);
    assert.equal(streams.data[0]?.title, 'Raids tonight');
    assert.equal(streams.data[0]?.game_id, '491931');
    assert.equal(streams.data[0]?.viewer_count, 42);
    assert.equal(streams.data[0]?.type, 'live');

    const channels = (await call(sandbox.httpUrl, `/mock/channels?broadcaster_id=${broadcasterId}`, { headers: AUTH })).body as { data: Record<string, unknown>[] };
    assert.equal(channels.data[0]?.broadcaster_login, 'sandbox');
    assert.equal(channels.data[0]?.title, 'Raids tonight');
    assert.equal((await call(sandbox.httpUrl, '/mock/channels', { headers: AUTH })).status, 400);

    await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.follow', channel: 'sandbox', event: { user_login: 'fan' } });
    const followers = (await call(sandbox.httpUrl, `/mock/channels/followers?broadcaster_id=${broadcasterId}`, { headers: AUTH })).body as { data: { user_login: string }[]; total: number };
    assert.deepEqual(followers.data.map((f) => f.user_login), ['fan']);
    assert.equal(followers.total, 1);
  }));
