import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChannelsRepository } from '../../db/channels.repository.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { CommandsError } from './commands.errors.ts';
import { commandsMigrations } from './commands.migrations.ts';
import { fakeCache, fakeClock, fakeTwitch, recordingSender, silentLogger } from './commands.testing.ts';
import { StreamInfo } from './stream-info.ts';
import { TemplateCache } from './template/template.cache.ts';
import { VariableRegistry } from './template/variables.registry.ts';
import { whoVariables } from './template/variables/who.variables.ts';
import { TimerScheduler } from './timers.scheduler.ts';
import { TimersRepository } from './timers.repository.ts';
import { TimersService } from './timers.service.ts';

describe('timers', () => {
  let database: Database;
  let service: TimersService;
  let repository: TimersRepository;
  const templates = new TemplateCache(new VariableRegistry(whoVariables()));
  before(async () => {
    database = await createTestDb(commandsMigrations);
    await new ChannelsRepository(database.db).join('chan');
    repository = new TimersRepository(database.db);
    service = new TimersService({ repository, templates });
  });
  after(() => database.close());

  function instances(count: number) {
    const clock = fakeClock(Date.now() + 60_000);
    const cache = fakeCache(clock);
    const twitch = fakeTwitch();
    const chat = recordingSender();
    const lookup = new StreamInfo(twitch, cache, silentLogger);
    const schedulers = Array.from({ length: count }, (_, i) =>
      new TimerScheduler({
        repository,
        cache,
        chat,
        lookup,
        templates,
        channelIdOf: async () => 'c-chan',
        servesChannel: () => true,
        urlfetchCacheSeconds: () => 60,
        clock,
        logger: silentLogger,
        instanceId: `instance-${i}`,
      }),
    );
    return { clock, cache, twitch, chat, schedulers };
  }

  test('posts every N minutes when M lines passed, rotating messages, once per interval across instances', async () => {
    const timer = await service.create('chan', { name: 'socials', messages: ['Follow on $(channel)!', 'Join the discord'], intervalMinutes: 10, minLines: 3, mode: 'both', createdBy: 'mod' });
    const { clock, chat, schedulers } = instances(2);
    const [a, b] = schedulers as [TimerScheduler, TimerScheduler];
    const tickAll = async () => [...(await a.tick()), ...(await b.tick())];
    const lines = (n: number) => {
      for (let i = 0; i < n; i++) {
        a.lineSeen('chan');
        b.lineSeen('chan');
      }
    };

    lines(5);
    assert.deepEqual(await tickAll(), [], 'not before the first interval');
    clock.ms += 10 * 60_000;
    assert.deepEqual(await tickAll(), [timer.id], 'two instances, one post');
    assert.deepEqual(chat.sent.map((m) => m.text), ['Follow on chan!']);

    clock.ms += 10 * 60_000;
    lines(2);
    assert.deepEqual(await tickAll(), [], 'too few chat lines: an empty chat is not spammed');
    lines(1);
    assert.deepEqual(await tickAll(), [timer.id]);
    assert.deepEqual(chat.sent.map((m) => m.text), ['Follow on chan!', 'Join the discord']);

    lines(10);
    clock.ms += 5 * 60_000;
    assert.deepEqual(await tickAll(), [], 'not twice in one interval');
    clock.ms += 5 * 60_000;
    assert.deepEqual(await tickAll(), [timer.id]);
    assert.equal(chat.sent.at(-1)!.text, 'Follow on chan!', 'the rotation wraps around');
    await service.remove('chan', 'socials');
  });

  test('online-only and offline-only timers follow the stream', async () => {
    await service.create('chan', { name: 'live', messages: ['live now'], intervalMinutes: 1, minLines: 0, mode: 'online', createdBy: 'mod' });
    await service.create('chan', { name: 'away', messages: ['offline now'], intervalMinutes: 1, minLines: 0, mode: 'offline', createdBy: 'mod' });
    const { clock, twitch, chat, schedulers } = instances(1);
    const [scheduler] = schedulers as [TimerScheduler];
    clock.ms += 60_000;
    await scheduler.tick();
    assert.deepEqual(chat.sent.map((m) => m.text), ['offline now']);
    twitch.streams.set('c-chan', { title: 't', gameName: 'g', viewers: 1, startedAt: new Date(clock.ms) });
    clock.ms += 61_000;
    await scheduler.tick();
    assert.deepEqual(chat.sent.map((m) => m.text), ['offline now', 'live now']);
    await service.remove('chan', 'live');
    await service.remove('chan', 'away');
  });

  test('a restart does not post early: the stored last post counts', async () => {
    await service.create('chan', { name: 'restart', messages: ['hello'], intervalMinutes: 10, minLines: 0, mode: 'both', createdBy: 'mod' });
    const first = instances(1);
    first.clock.ms += 10 * 60_000;
    await first.schedulers[0]!.tick();
    assert.equal(first.chat.sent.length, 1);
    // A fresh instance with an empty cache (no lock): the database still knows when it last posted.
    const second = instances(1);
    second.clock.ms = first.clock.ms + 60_000;
    assert.deepEqual(await second.schedulers[0]!.tick(), []);
    await service.remove('chan', 'restart');
  });

  test('timer input is validated', async () => {
    const bad = [
      { name: 'x y', messages: ['a'], intervalMinutes: 5 },
      { name: 'ok', messages: [], intervalMinutes: 5 },
      { name: 'ok', messages: ['a'], intervalMinutes: 0 },
      { name: 'ok', messages: ['a'], intervalMinutes: 5, minLines: -1 },
      { name: 'ok', messages: ['$(user '.repeat(10)], intervalMinutes: 5 },
      { name: 'ok', messages: Array(11).fill('a'), intervalMinutes: 5 },
    ];
    for (const input of bad) await assert.rejects(service.create('chan', { ...input, createdBy: 't' }), CommandsError, JSON.stringify(input).slice(0, 60));
    await service.create('chan', { name: 'dupe', messages: ['a'], intervalMinutes: 5, createdBy: 't' });
    await assert.rejects(service.create('chan', { name: 'dupe', messages: ['a'], intervalMinutes: 5, createdBy: 't' }), /already exists/);
    assert.equal((await service.update('chan', 'dupe', { intervalMinutes: 7, enabled: false })).intervalMinutes, 7);
    await assert.rejects(service.update('chan', 'nothing', { enabled: false }), /There is no timer/);
  });
});
