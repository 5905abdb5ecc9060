// An independent client, tmi.js over WebSocket, reads what the sandbox sends the way it reads Twitch.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { startSandbox } from './sandbox.ts';
import { postJson } from './sandbox.testing.ts';

type Userstate = Record<string, unknown>;
interface TmiClient {
  on(event: 'cheer', listener: (channel: string, tags: Userstate, message: string) => void): void;
  on(event: 'join', listener: (channel: string, username: string, self: boolean) => void): void;
  connect(): Promise<unknown>;
  disconnect(): Promise<unknown>;
}
// tmi.js is CommonJS without types; this is the slice of it the test uses.
const tmi = createRequire(import.meta.url)('tmi.js') as { Client: new (options: object) => TmiClient };

test('tmi.js joins over WebSocket and parses a chatter message as it would from Twitch', { timeout: 15_000 }, async () => {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  const client = new tmi.Client({
    options: { skipMembership: false, skipUpdatingEmotesets: true },
    connection: { server: '127.0.0.1', port: sandbox.httpPort, secure: false, reconnect: false },
    identity: { username: 'tester', password: 'oauth:sandbox-x' },
    channels: ['sandbox'],
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  try {
    const joined = new Promise<void>((resolve) => client.on('join', (_channel, _user, self) => self && resolve()));
    await client.connect();
    await joined;

    // tmi.js reports a message that carries bits as a cheer.
    const received = new Promise<{ channel: string; tags: Userstate; message: string }>((resolve) =>
      client.on('cheer', (channel, tags, message) => resolve({ channel, tags, message })),
    );
    const { body } = await postJson(sandbox.httpUrl, '/control/chat', {
      channel: 'sandbox',
      login: 'cool_mod',
      displayName: 'Cool Mod',
      roles: ['moderator', 'subscriber'],
      text: 'PogChamp 🎉 Kappa cheer50',
      firstMessage: true,
      bits: 50,
    });
    const { channel, tags, message } = await received;
    assert.equal(channel, '#sandbox');
    assert.equal(message, 'PogChamp 🎉 Kappa cheer50');
    assert.deepEqual(tags.badges, { moderator: '1', subscriber: '0' });
    assert.deepEqual(tags['badge-info'], { subscriber: '1' });
    assert.equal(tags['display-name'], 'Cool Mod');
    assert.equal(tags.username, 'cool_mod');
    // Emote positions count code points: the emoji is one, so Kappa starts at 11.
    assert.deepEqual(tags.emotes, { '305954156': ['0-7'], '25': ['11-15'] });
    assert.match(String(tags['user-id']), /^\d+$/);
    assert.equal(tags.mod, true);
    assert.equal(tags.subscriber, true);
    assert.equal(tags['first-msg'], true);
    assert.equal(tags.bits, '50');
    assert.equal(tags.id, (body as { id: string }).id);
    assert.equal(tags['room-id'] !== undefined && tags['room-id'] !== tags['user-id'], true);
  } finally {
    await client.disconnect().catch(() => {});
    await sandbox.close();
  }
});
