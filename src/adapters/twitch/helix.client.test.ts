import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { HelixClient, HelixRequestError } from './helix.client.ts';
import { recordingLogger } from './twitch.testing.ts';

interface HelixCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0, channels: ['streamer'], moderators: { streamer: ['utbot'] } });
});
after(() => sandbox.close());

function client(overrides: Partial<ConstructorParameters<typeof HelixClient>[0]> = {}): HelixClient {
  const helix: HelixClient = new HelixClient({
    baseUrl: `${sandbox.httpUrl}/mock`,
    clientId: 'sandbox-client',
    getToken: async () => 'sandbox-utbot',
    botUserId: async () => (await helix.getUserByLogin('utbot'))!.id,
    logger: recordingLogger(),
    ...overrides,
  });
  return helix;
}

async function helixCalls(): Promise<HelixCall[]> {
  return (await (await fetch(`${sandbox.httpUrl}/control/helix`)).json()) as HelixCall[];
}

test('reads users and streams in Helix shapes', async () => {
  const helix = client();
  const streamer = await helix.getUserByLogin('streamer');
  assert.equal(streamer?.login, 'streamer');
  assert.ok(streamer!.createdAt instanceof Date && !Number.isNaN(streamer!.createdAt.getTime()));
  assert.equal(await helix.getStream(streamer!.id), null, 'offline');
  await fetch(`${sandbox.httpUrl}/control/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'streamer', live: true, title: 'Raid night', game: 'Escape from Tarkov', viewers: 321 }),
  });
  const stream = await helix.getStream(streamer!.id);
  assert.deepEqual({ ...stream, startedAt: undefined }, { title: 'Raid night', gameName: 'Escape from Tarkov', viewers: 321, startedAt: undefined });
});

test('bans, timeouts, unbans and deletes go to Helix with the bot as moderator', async () => {
  const helix = client();
  const streamer = (await helix.getUserByLogin('streamer'))!;
  const troll = (await helix.getUserByLogin('troll'))!;
  const bot = (await helix.getUserByLogin('utbot'))!;
  const sentMessage = (await (await fetch(`${sandbox.httpUrl}/control/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'streamer', login: 'troll', text: 'spam' }) })).json()) as { id: string };

  await helix.banUser(streamer.id, troll.id, 'links: not allowed', 600);
  await helix.unbanUser(streamer.id, troll.id);
  await helix.banUser(streamer.id, troll.id, 'hate speech');
  await helix.deleteMessage(streamer.id, sentMessage.id);

  const calls = (await helixCalls()).filter((c) => c.path.startsWith('/mock/moderation'));
  assert.deepEqual(
    calls.map((c) => [c.method, c.path, c.status]),
    [
      ['POST', '/mock/moderation/bans', 200],
      ['DELETE', '/mock/moderation/bans', 204],
      ['POST', '/mock/moderation/bans', 200],
      ['DELETE', '/mock/moderation/chat', 204],
    ],
  );
  assert.deepEqual(calls[0]!.body, { data: { user_id: troll.id, reason: 'links: not allowed', duration: 600 } });
  assert.equal(calls[0]!.query.moderator_id, bot.id);
  assert.equal(calls[0]!.query.broadcaster_id, streamer.id);
  assert.deepEqual(calls[2]!.body, { data: { user_id: troll.id, reason: 'hate speech' } });
  assert.equal(calls[3]!.query.message_id, sentMessage.id);
});

test('a 401 refreshes the token once and retries', async () => {
  let token = 'stale-token';
  let refreshes = 0;
  const helix = client({ getToken: async () => token, refreshToken: async () => void (refreshes++, (token = 'sandbox-utbot')) });
  assert.equal((await helix.getUserByLogin('streamer'))?.login, 'streamer');
  assert.equal(refreshes, 1);
});

test('an error Helix keeps answering becomes a HelixRequestError with the status and message', async () => {
  const helix = client({ getToken: async () => 'stale-token' });
  await assert.rejects(helix.getUserByLogin('streamer'), (error: unknown) => error instanceof HelixRequestError && error.status === 401);
});

test('429 and 5xx answers are retried with backoff; 4xx are not', async () => {
  const answers = [503, 429, 200];
  let calls = 0;
  const server = createServer((_request, response) => {
    const status = answers[calls++] ?? 400;
    response.writeHead(status, { 'content-type': 'application/json', 'ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
    response.end(JSON.stringify(status === 200 ? { data: [{ id: '1', login: 'x', display_name: 'X', created_at: '2020-01-01T00:00:00Z' }] } : { error: 'x', status, message: 'try later' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const helix = client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    assert.equal((await helix.getUserByLogin('x'))?.id, '1');
    assert.equal(calls, 3);
    await assert.rejects(helix.getUserByLogin('x'), (error: unknown) => error instanceof HelixRequestError && error.status === 400);
    assert.equal(calls, 4, 'a 400 is not retried');
  } finally {
    server.close();
  }
});

test('follow dates and whispers, in Helix shapes', async () => {
  const helix = client();
  const streamer = (await helix.getUserByLogin('streamer'))!;
  const fan = (await helix.getUserByLogin('fan'))!;
  assert.equal(await helix.followedAt(streamer.id, fan.id), null);
  await fetch(`${sandbox.httpUrl}/control/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'channel.follow', channel: 'streamer', event: { user_login: 'fan' } }) });
  const followed = await helix.followedAt(streamer.id, fan.id);
  assert.ok(followed instanceof Date && Math.abs(followed.getTime() - Date.now()) < 60_000, String(followed));
  await helix.whisper(fan.id, 'psst');
  const whisper = (await helixCalls()).find((c) => c.path === '/mock/whispers')!;
  assert.equal(whisper.status, 204);
  assert.equal(whisper.query.to_user_id, fan.id);
  assert.deepEqual(whisper.body, { message: 'psst' });
});
