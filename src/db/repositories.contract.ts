import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChannelsRepository } from './channels.repository.ts';
import { CommandConfigRepository } from './command-config.repository.ts';
import type { Database } from './database.ts';
import { UsersRepository, type SeenUser } from './users.repository.ts';
import { SeenUserTracker } from './users.tracker.ts';

/** The core repositories' behaviour; `open` gives a freshly migrated database per test. */
export function repositoriesContract(open: () => Promise<Database>): void {
  async function withDb(fn: (database: Database) => Promise<void>): Promise<void> {
    const database = await open();
    try {
      await fn(database);
    } finally {
      await database.close();
    }
  }

  test('channels: join creates the channel with default settings, lowercased', () =>
    withDb(async ({ db }) => {
      const channels = new ChannelsRepository(db);
      const channel = await channels.join('SomeStreamer', 'SomeStreamer', '1001');
      assert.equal(channel.login, 'somestreamer');
      assert.equal(channel.joined, true);
      assert.deepEqual(await channels.getSettings('somestreamer'), { prefix: '!', language: 'en', disabledModules: [], moduleSettings: {} });
      assert.equal(await channels.getSettings('nobody'), null);
    }));

  test('channels: part keeps the settings, a later join restores the channel', () =>
    withDb(async ({ db }) => {
      const channels = new ChannelsRepository(db);
      await channels.join('a', 'A', '1');
      await channels.join('b');
      await channels.updateSettings('a', { prefix: '?' });
      assert.equal(await channels.part('a'), true);
      assert.equal(await channels.part('unknown'), false);
      assert.deepEqual((await channels.listJoined()).map((c) => c.login), ['b']);
      assert.equal((await channels.getSettings('a'))?.prefix, '?');

      const rejoined = await channels.join('a');
      assert.equal(rejoined.joined, true);
      assert.equal(rejoined.displayName, 'A', 'a join without display name keeps the known one');
      assert.equal(rejoined.twitchId, '1');
      assert.equal((await channels.getSettings('a'))?.prefix, '?');
      assert.deepEqual((await channels.listJoined()).map((c) => c.login), ['a', 'b']);
    }));

  test('channels: updateSettings changes only the given fields', () =>
    withDb(async ({ db }) => {
      const channels = new ChannelsRepository(db);
      await channels.join('c');
      const updated = await channels.updateSettings('c', { language: 'de', disabledModules: ['eft', 'games'] });
      assert.deepEqual(updated, { prefix: '!', language: 'de', disabledModules: ['eft', 'games'], moduleSettings: {} });
      assert.deepEqual(await channels.getSettings('c'), updated);
      assert.equal(await channels.updateSettings('unknown', { prefix: '?' }), null);
    }));

  test('channels: setModuleSetting replaces one module and keeps the others', () =>
    withDb(async ({ db }) => {
      const channels = new ChannelsRepository(db);
      await channels.join('d');
      assert.equal(await channels.setModuleSetting('d', 'eft', { currency: 'RUB', tiers: [1, 2] }), true);
      await channels.setModuleSetting('d', 'games', { enabled: true });
      await channels.setModuleSetting('d', 'eft', { currency: 'USD' });
      assert.deepEqual((await channels.getSettings('d'))?.moduleSettings, { eft: { currency: 'USD' }, games: { enabled: true } });
      assert.equal(await channels.setModuleSetting('unknown', 'eft', {}), false);
    }));

  test('users: upsertSeen keeps first_seen, moves last_seen forward and follows renames', () =>
    withDb(async ({ db }) => {
      const users = new UsersRepository(db);
      const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
      await users.upsertSeen([seen('1', 'alice', t(10)), seen('2', 'bob', t(10))]);
      await users.upsertSeen([seen('1', 'alice_renamed', t(20))]);
      await users.upsertSeen([seen('1', 'alice_stale', t(15))]);

      const alice = await users.findById('1');
      assert.deepEqual(alice, { twitchId: '1', login: 'alice_renamed', displayName: 'Alice_renamed', firstSeen: t(10), lastSeen: t(20) });
      assert.equal((await users.findByLogin('Alice_Renamed'))?.twitchId, '1');
      assert.equal(await users.findByLogin('alice'), null);
      assert.equal(await users.findById('3'), null);
      await users.upsertSeen([]);
    }));

  test('users: one batch may name a user twice', () =>
    withDb(async ({ db }) => {
      const users = new UsersRepository(db);
      const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
      await users.upsertSeen([seen('1', 'late', t(30)), seen('1', 'early', t(5)), seen('2', 'bob', t(7))]);
      assert.deepEqual(await users.findById('1'), { twitchId: '1', login: 'late', displayName: 'Late', firstSeen: t(5), lastSeen: t(30) });
      assert.equal((await users.findById('2'))?.login, 'bob');
    }));

  test('command config: upsert creates, patches only given fields, remove deletes', () =>
    withDb(async ({ db }) => {
      await new ChannelsRepository(db).join('e');
      const config = new CommandConfigRepository(db);
      const created = await config.upsert('E', 'core:help', { userLevel: 'moderator', aliases: ['h'] });
      assert.deepEqual(created, {
        channel: 'e',
        command: 'core:help',
        enabled: true,
        userLevel: 'moderator',
        globalCooldownS: null,
        userCooldownS: null,
        aliases: ['h'],
        allowUsers: [],
        denyUsers: [],
      });
      const patched = await config.upsert('e', 'core:help', { enabled: false, userCooldownS: 30 });
      assert.deepEqual(patched, { ...created, enabled: false, userCooldownS: 30 });
      assert.deepEqual(await config.upsert('e', 'core:help', {}), patched);
      await config.upsert('e', 'core:ping', { userLevel: null });
      assert.deepEqual((await config.listForChannel('e')).map((c) => c.command), ['core:help', 'core:ping']);

      assert.equal(await config.remove('e', 'core:help'), true);
      assert.equal(await config.remove('e', 'core:help'), false);
      assert.deepEqual((await config.listForChannel('e')).map((c) => c.command), ['core:ping']);
    }));

  test('command config: rejects an unknown user level and an unknown channel', () =>
    withDb(async ({ db }) => {
      await new ChannelsRepository(db).join('f');
      const config = new CommandConfigRepository(db);
      // @ts-expect-error: not a user level
      await assert.rejects(config.upsert('f', 'core:help', { userLevel: 'admin' }));
      await assert.rejects(config.upsert('nobody', 'core:help', { enabled: false }));
    }));

  test('tracker: one write per flush with each user once', () =>
    withDb(async ({ db }) => {
      const users = new UsersRepository(db);
      const batches: SeenUser[][] = [];
      let now = Date.UTC(2025, 0, 1);
      const tracker = new SeenUserTracker(
        { upsertSeen: (batch) => (batches.push(batch), users.upsertSeen(batch)) },
        { flushIntervalMs: 60_000, clock: { now: () => now } },
      );
      tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
      tracker.seen({ twitchId: '2', login: 'bob', displayName: 'Bob' });
      now += 1000;
      tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
      await tracker.flush();
      await tracker.flush();
      assert.equal(batches.length, 1, 'an empty flush writes nothing');
      assert.deepEqual(batches[0]?.map((u) => u.twitchId).sort(), ['1', '2']);
      assert.deepEqual((await users.findById('1'))?.lastSeen, new Date(now));

      tracker.seen({ twitchId: '3', login: 'carol', displayName: 'Carol' });
      await tracker.close();
      assert.equal((await users.findById('3'))?.login, 'carol', 'close flushes');
    }));

  test('tracker: a chatter is written again only after the refresh window or under a new name', () =>
    withDb(async ({ db }) => {
      const users = new UsersRepository(db);
      const written: string[] = [];
      let now = Date.UTC(2025, 0, 1);
      const tracker = new SeenUserTracker(
        { upsertSeen: (batch) => (written.push(...batch.map((u) => `${u.login}@${u.seenAt.getTime() - Date.UTC(2025, 0, 1)}`)), users.upsertSeen(batch)) },
        { flushIntervalMs: 60_000, refreshMs: 10_000, clock: { now: () => now } },
      );
      tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
      await tracker.flush();
      now += 5_000;
      tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
      await tracker.flush();
      assert.deepEqual(written, ['alice@0'], 'within the window nothing new is written');
      tracker.seen({ twitchId: '1', login: 'alicia', displayName: 'Alicia' });
      await tracker.flush();
      now += 10_000;
      tracker.seen({ twitchId: '1', login: 'alicia', displayName: 'Alicia' });
      await tracker.close();
      assert.deepEqual(written, ['alice@0', 'alicia@5000', 'alicia@15000'], 'a rename at once, the same name after the window');
      assert.deepEqual((await users.findById('1'))?.lastSeen, new Date(now));
    }));

  test('tracker: a chatter already in the batch being written is not queued again', async () => {
    let release!: () => void;
    let started!: () => void;
    const batches: string[][] = [];
    const tracker = new SeenUserTracker(
      {
        upsertSeen: (batch) => {
          batches.push(batch.map((u) => u.login));
          started();
          return new Promise<void>((resolve) => (release = resolve));
        },
      },
      { flushIntervalMs: 60_000 },
    );
    tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
    let writeStarted = new Promise<void>((resolve) => (started = resolve));
    const writing = tracker.flush();
    await writeStarted;
    tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
    tracker.seen({ twitchId: '2', login: 'bob', displayName: 'Bob' });
    assert.equal(tracker.pendingCount, 1, 'only bob waits for the next flush');
    release();
    await writing;
    writeStarted = new Promise<void>((resolve) => (started = resolve));
    const next = tracker.flush();
    await writeStarted;
    release();
    await next;
    await tracker.close();
    assert.deepEqual(batches, [['alice'], ['bob']]);
  });

  test('tracker: a failed flush keeps the batch for the next one', () =>
    withDb(async ({ db }) => {
      const users = new UsersRepository(db);
      let failNext = true;
      const errors: unknown[] = [];
      const tracker = new SeenUserTracker(
        {
          upsertSeen: async (batch) => {
            if (failNext) {
              failNext = false;
              throw new Error('database down');
            }
            await users.upsertSeen(batch);
          },
        },
        { flushIntervalMs: 20, onError: (err) => errors.push(err) },
      );
      tracker.seen({ twitchId: '1', login: 'alice', displayName: 'Alice' });
      tracker.seen({ twitchId: '2', login: 'bob', displayName: 'Bob' });
      await waitFor(async () => (await users.findById('2')) !== null);
      assert.equal(errors.length, 1);
      assert.match(String(errors[0]), /database down/);
      assert.equal((await users.findById('1'))?.login, 'alice');
      assert.equal(tracker.pendingCount, 0);
      await tracker.close();
    }));
}

function seen(twitchId: string, login: string, seenAt: Date): SeenUser {
  return { twitchId, login, displayName: login[0]!.toUpperCase() + login.slice(1), seenAt };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
