// The module inside the real message pipeline, with fakes for Twitch and chat and PGlite for the log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OutgoingMessage } from '../../core/chat.ts';
import { CommandRegistry } from '../../core/command-registry.ts';
import { defaultChannelConfig, type ChannelConfig } from '../../core/module.ts';
import { MessagePipeline } from '../../core/pipeline.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { moderationModule } from './index.ts';
import { moderationMigrations } from './moderation.migrations.ts';
import { moderationSettings } from './moderation.settings.ts';
import { chatMessage, FakeBus, FakeChat, FakeTwitch, ManualClock, silentLogger } from './moderation.testing.ts';

describe('moderation module in the pipeline', () => {
  let database: Database;
  before(async () => {
    database = await createTestDb(moderationMigrations);
  });
  after(async () => {
    await database.close();
  });

  function setup(settings: unknown = {}) {
    const twitch = new FakeTwitch();
    const chat = new FakeChat();
    const bus = new FakeBus();
    const clock = new ManualClock();
    const module = moderationModule({
      db: database.db,
      twitch,
      chat,
      bus,
      logger: silentLogger,
      clock,
      settingsStore: { load: async () => ({}), save: async () => true },
    });
    const registry = new CommandRegistry();
    registry.add(module);
    const config: ChannelConfig = { ...defaultChannelConfig('sandbox'), moduleSettings: new Map([['moderation', moderationSettings.parse(settings)]]) };
    const replies: OutgoingMessage[] = [];
    const pipeline = new MessagePipeline({
      modules: [module],
      registry,
      channels: { get: () => config },
      rateLimiter: { consume: async () => ({ allowed: true, retryAfterMs: 0 }) },
      send: async (message) => void replies.push(message),
      observer: { stageTimed() {}, moduleFailed() {}, commandRan() {} },
      logger: silentLogger,
    });
    return { module, twitch, chat, bus, clock, pipeline, replies };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('a link from a viewer stops the pipeline, is deleted through Helix and logged; a mod\'s is not', async () => {
    const { module, twitch, pipeline, bus } = setup();
    const outcome = await pipeline.handle(chatMessage('buy at cheap-followers.xyz', { id: 'bad-1', channel: 'sandbox' }));
    assert.equal(outcome.stoppedBy?.module, 'moderation');
    assert.match(outcome.stoppedBy?.reason ?? '', /^links: /);
    const modOutcome = await pipeline.handle(chatMessage('buy at cheap-followers.xyz', { roles: ['moderator'], login: 'mod' }));
    assert.equal(modOutcome.stoppedBy, undefined);
    await settle();
    assert.deepEqual(twitch.calls, [{ method: 'deleteMessage', args: ['1000', 'bad-1'] }]);
    assert.equal(bus.published.length, 1);
    const log = await module.service.listLog({ channel: 'sandbox' });
    assert.equal(log[0]?.messageId, 'bad-1');
    await module.close?.();
  });

  test('!permit from a mod lets one link through; viewers cannot permit', async () => {
    const { module, pipeline, replies, twitch } = setup();
    await pipeline.handle(chatMessage('!permit friend', { login: 'someone' }));
    assert.equal(replies.length, 0, 'a viewer cannot permit');
    await pipeline.handle(chatMessage('!permit @Friend', { login: 'mod', roles: ['moderator'] }));
    assert.equal(replies[0]?.text, '@friend may post one link in the next 60 s.');
    assert.equal((await pipeline.handle(chatMessage('my stream: friend-stream.tv', { login: 'friend' }))).stoppedBy, undefined);
    assert.ok((await pipeline.handle(chatMessage('again friend-stream.tv', { login: 'friend' }))).stoppedBy);
    await settle();
    assert.equal(twitch.calls.length, 1);
    await module.close?.();
  });

  test('!nuke times out everyone who said the phrase recently, not mods and not older messages', async () => {
    const { module, pipeline, replies, twitch, clock } = setup({ spam: { copypasta: { enabled: false } } });
    await pipeline.handle(chatMessage('Free V-Bucks at my channel', { login: 'old' }));
    clock.advance(120_000);
    for (const login of ['a', 'b', 'c']) {
      await pipeline.handle(chatMessage(`omg FREE v-bucks at my channel ${login}`, { login }));
      clock.advance(1_000);
    }
    await pipeline.handle(chatMessage('free v-bucks at my channel lol', { login: 'mod2', roles: ['moderator'] }));
    await pipeline.handle(chatMessage('unrelated', { login: 'd' }));
    await pipeline.handle(chatMessage('!nuke free v-bucks 60 300', { login: 'mod', roles: ['moderator'] }));
    assert.equal(replies.at(-1)?.text, 'Nuked 3 chatters who said "free v-bucks" (timeout 300 s).');
    await settle();
    assert.deepEqual(twitch.calls.map((c) => [c.method, c.args[1], c.args[3]]), [['banUser', 'u-c', 300], ['banUser', 'u-b', 300], ['banUser', 'u-a', 300]]);
    const log = await module.service.listLog({ channel: 'sandbox', limit: 3 });
    assert.ok(log.every((e) => e.actor === 'mod' && e.rule === 'nuke'));

    await pipeline.handle(chatMessage('!nuke /(a+/', { login: 'mod', roles: ['moderator'] }));
    assert.match(replies.at(-1)?.text ?? '', /^That pattern cannot be used: moderation\.pattern_invalid/);
    await pipeline.handle(chatMessage('!nuke /v-?bucks/ 600', { login: 'mod', roles: ['moderator'] }));
    assert.equal(replies.at(-1)?.text, 'Nuked 4 chatters who said /v-?bucks/ (timeout 600 s).');
    await module.close?.();
  });

  test('closing flushes log entries whose Helix calls are still running', async () => {
    const { module, pipeline, twitch } = setup();
    let release: () => void = () => {};
    twitch.deleteMessage = () => new Promise<void>((resolve) => (release = resolve));
    await pipeline.handle(chatMessage('late link at cheap-followers.xyz', { login: 'late', channel: 'sandbox' }));
    setTimeout(() => release(), 20);
    await module.close?.();
    const log = await module.service.listLog({ channel: 'sandbox', login: 'late' });
    assert.equal(log.length, 1);
  });
});
