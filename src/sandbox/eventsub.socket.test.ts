import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox } from './sandbox.ts';
import { call, LineClient, postJson, tagsOf } from './sandbox.testing.ts';

const AUTH = { authorization: 'Bearer sandbox-sandbox', 'client-id': 'test-client' };

interface EventSubMessage {
  metadata: { message_id: string; message_type: string; message_timestamp: string; subscription_type?: string; subscription_version?: string };
  payload: {
    session?: { id: string; status: string; keepalive_timeout_seconds: number | null; reconnect_url: string | null; connected_at: string };
    subscription?: { id: string; type: string; version: string; status: string; cost: number; condition: Record<string, string>; transport: { method: string; session_id: string } };
    event?: Record<string, unknown>;
  };
}

/** An EventSub socket that queues what it receives, so a test can take messages in order. */
class EventSubClient {
  private readonly queue: EventSubMessage[] = [];
  private readonly waiting: ((m: EventSubMessage) => void)[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as EventSubMessage;
      const next = this.waiting.shift();
      if (next) next(message);
      else this.queue.push(message);
    });
  }

  static open(url: string): Promise<EventSubClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new EventSubClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  next(ms = 3_000): Promise<EventSubMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no EventSub message within ${ms} ms`)), ms);
      this.waiting.push((m) => (clearTimeout(timer), resolve(m)));
    });
  }
}

async function withSandbox(run: (sandbox: Sandbox, sockets: EventSubClient[]) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  const sockets: EventSubClient[] = [];
  try {
    await run(sandbox, sockets);
  } finally {
    sockets.forEach((s) => s.ws.terminate());
    await sandbox.close();
  }
}

async function broadcasterId(sandbox: Sandbox): Promise<string> {
  const { body } = await call(sandbox.httpUrl, '/mock/users?login=sandbox', { headers: AUTH });
  return (body as { data: { id: string }[] }).data[0]?.id ?? '';
}

test('a session gets its welcome, subscribes, and receives notifications with the chat line Twitch sends', () =>
  withSandbox(async (sandbox, sockets) => {
    const es = await EventSubClient.open(`${sandbox.httpUrl.replace('http', 'ws')}/ws`);
    sockets.push(es);
    const welcome = await es.next();
    assert.equal(welcome.metadata.message_type, 'session_welcome');
    const session = welcome.payload.session;
    assert.equal(session?.status, 'connected');
    assert.equal(session?.keepalive_timeout_seconds, 10);
    assert.equal(session?.reconnect_url, null);

    const channelId = await broadcasterId(sandbox);
    const transport = { method: 'websocket', session_id: session?.id };
    const created = await postJson(sandbox.httpUrl, '/eventsub/subscriptions', { type: 'channel.subscribe', version: '1', condition: { broadcaster_user_id: channelId }, transport }, AUTH);
    assert.equal(created.status, 202);
    const sub = (created.body as { data: { id: string; status: string; transport: object }[]; total: number }).data[0];
    assert.equal(sub?.status, 'enabled');
    assert.deepEqual(sub?.transport, transport);
    const duplicate = await postJson(sandbox.httpUrl, '/eventsub/subscriptions', { type: 'channel.subscribe', version: '1', condition: { broadcaster_user_id: channelId }, transport }, AUTH);
    assert.equal(duplicate.status, 409);
    const dead = await postJson(sandbox.httpUrl, '/mock/eventsub/subscriptions', { type: 'channel.follow', version: '2', condition: { broadcaster_user_id: channelId, moderator_user_id: channelId }, transport: { method: 'websocket', session_id: 'gone' } }, AUTH);
    assert.equal(dead.status, 400);
    const viaMock = await postJson(sandbox.httpUrl, '/mock/eventsub/subscriptions', { type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: channelId }, transport }, AUTH);
    assert.equal(viaMock.status, 202);
    const listed = (await call(sandbox.httpUrl, '/eventsub/subscriptions', { headers: AUTH })).body as { data: { type: string }[]; total: number };
    assert.deepEqual(listed.data.map((s) => s.type), ['channel.subscribe', 'channel.raid']);

    const chat = await LineClient.login(sandbox.ircPort, 'watcher');
    try {
      chat.send('JOIN #sandbox');
      await chat.waitFor((l) => l.endsWith('ROOMSTATE #sandbox'));

      const fired = await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.subscribe', channel: 'sandbox', event: { user_login: 'newsub' } });
      assert.deepEqual(fired.body, { ok: true, delivered: 1 });
      const notification = await es.next();
      assert.equal(notification.metadata.message_type, 'notification');
      assert.equal(notification.metadata.subscription_type, 'channel.subscribe');
      assert.equal(notification.metadata.subscription_version, '1');
      assert.equal(notification.payload.subscription?.id, sub?.id);
      const event = notification.payload.event ?? {};
      assert.equal(event.user_login, 'newsub');
      assert.equal(event.user_name, 'newsub');
      assert.match(String(event.user_id), /^\d+$/);
      assert.equal(event.broadcaster_user_id, channelId);
      assert.equal(event.broadcaster_user_login, 'sandbox');
      assert.equal(event.tier, '1000');
      assert.equal(event.is_gift, false);
      const usernotice = await chat.waitFor((l) => l.includes('USERNOTICE #sandbox'));
      const tags = tagsOf(usernotice);
      assert.equal(tags['msg-id'], 'sub');
      assert.equal(tags['system-msg'], 'newsub subscribed at Tier 1.');
      assert.equal(tags['msg-param-sub-plan'], '1000');
      assert.equal(tags['user-id'], event.user_id);

      const raid = await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.raid', channel: 'sandbox', event: { from_broadcaster_user_login: 'bigstreamer', viewers: 250 } });
      assert.deepEqual(raid.body, { ok: true, delivered: 1 });
      const raidEvent = (await es.next()).payload.event ?? {};
      assert.equal(raidEvent.to_broadcaster_user_id, channelId);
      assert.equal(raidEvent.from_broadcaster_user_login, 'bigstreamer');
      const raidLine = await chat.waitFor((l) => l.includes('USERNOTICE') && l.includes('msg-id=raid'));
      assert.equal(tagsOf(raidLine)['system-msg'], '250 raiders from bigstreamer have joined!');

      const cheer = await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.cheer', channel: 'sandbox', event: { user_login: 'cheerer', bits: 300, message: 'cheer300 nice' } });
      assert.deepEqual(cheer.body, { ok: true, delivered: 0 });
      const cheerLine = await chat.waitFor((l) => l.endsWith('PRIVMSG #sandbox :cheer300 nice'));
      assert.equal(tagsOf(cheerLine).bits, '300');

      assert.equal((await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.nope', channel: 'sandbox' })).status, 400);
      assert.equal((await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.follow', channel: 'sandbox', event: { user_login: 'Not A Login' } })).status, 400);
    } finally {
      chat.close();
    }

    assert.equal((await call(sandbox.httpUrl, `/eventsub/subscriptions?id=${sub?.id}`, { method: 'DELETE', headers: AUTH })).status, 204);
    const after = await postJson(sandbox.httpUrl, '/control/events', { type: 'channel.subscribe', channel: 'sandbox', event: {} });
    assert.deepEqual(after.body, { ok: true, delivered: 0 });
  }));

test('session_reconnect hands the subscriptions to the new connection', () =>
  withSandbox(async (sandbox, sockets) => {
    const first = await EventSubClient.open(`${sandbox.httpUrl.replace('http', 'ws')}/ws`);
    sockets.push(first);
    const oldSession = (await first.next()).payload.session?.id;
    const channelId = await broadcasterId(sandbox);
    await postJson(sandbox.httpUrl, '/eventsub/subscriptions', {
      type: 'channel.chat.message', version: '1', condition: { broadcaster_user_id: channelId, user_id: channelId }, transport: { method: 'websocket', session_id: oldSession },
    }, AUTH);

    await postJson(sandbox.httpUrl, '/control/reconnect', {});
    const reconnect = await first.next();
    assert.equal(reconnect.metadata.message_type, 'session_reconnect');
    assert.equal(reconnect.payload.session?.status, 'reconnecting');
    const url = reconnect.payload.session?.reconnect_url ?? '';
    assert.match(url, /^ws:\/\//);

    const second = await EventSubClient.open(url);
    sockets.push(second);
    const welcome = await second.next();
    assert.equal(welcome.metadata.message_type, 'session_welcome');
    assert.notEqual(welcome.payload.session?.id, oldSession);
    first.ws.close();

    await postJson(sandbox.httpUrl, '/control/chat', { channel: 'sandbox', login: 'viewer1', roles: ['vip'], text: 'hi Kappa' });
    const notification = await second.next();
    assert.equal(notification.payload.subscription?.transport.session_id, welcome.payload.session?.id);
    const event = notification.payload.event ?? {};
    assert.equal(event.chatter_user_login, 'viewer1');
    assert.deepEqual(event.message, {
      text: 'hi Kappa',
      fragments: [
        { type: 'text', text: 'hi ', cheermote: null, emote: null, mention: null },
        { type: 'emote', text: 'Kappa', cheermote: null, emote: { id: '25', emote_set_id: '0', owner_id: '0', format: ['static'] }, mention: null },
      ],
    });
    assert.deepEqual(event.badges, [{ set_id: 'vip', id: '1', info: '' }]);
  }));
