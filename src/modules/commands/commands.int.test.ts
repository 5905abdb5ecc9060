import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { createTestPostgres } from '../../db/test-db.ts';
import { commandsMigrations } from './commands.migrations.ts';
import { moduleHarness } from './commands.testing.ts';
import { TimersRepository } from './timers.repository.ts';

const serverUrl = process.env.DATABASE_URL;

describe('commands module on PostgreSQL', () => {
  if (!serverUrl) {
    test('commands, counters, quotes and timers', { skip: 'DATABASE_URL not set' }, () => {});
    return;
  }
  let database: Database;
  let h: Awaited<ReturnType<typeof moduleHarness>>;
  before(async () => {
    database = await createTestPostgres(serverUrl, commandsMigrations);
    h = await moduleHarness({ db: database });
  });
  after(async () => {
    await h.close();
    await database.close();
  });

  test('a command counts concurrent uses exactly and renames keep the count', async () => {
    await h.feature.commands.create('chan', { name: 'hit', template: '$(count)', createdBy: 't' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.say('!hit', `user${i}`)));
    await h.feature.commands.update('chan', 'hit', { name: 'hits' });
    assert.equal((await h.feature.commands.get('chan', 'hits')).useCount, 20);
  });

  test('counters add concurrently without losing a step', async () => {
    await Promise.all(Array.from({ length: 25 }, () => h.feature.counters.add('chan', 'deaths', 1)));
    assert.equal(await h.feature.counters.get('chan', 'deaths'), 25);
    assert.equal(await h.feature.counters.set('chan', 'deaths', -3), -3);
  });

  test('concurrent quotes get distinct numbers, never reused after a delete', async () => {
    const added = await Promise.all(Array.from({ length: 10 }, (_, i) => h.feature.quotes.add('chan', '', `quote ${i}`, 'mod')));
    assert.deepEqual(added.map((q) => q.number).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await h.feature.quotes.remove('chan', 10);
    assert.equal((await h.feature.quotes.add('chan', '', 'eleventh', 'mod')).number, 11);
    assert.match((await h.feature.quotes.find('chan', { search: 'ELEVENTH' })).text, /eleventh/);
  });

  test('a timer rotates through its messages in the database', async () => {
    const timer = await h.feature.timers.create('chan', { name: 'rot', messages: ['a', 'b', 'c'], intervalMinutes: 5, createdBy: 't' });
    const repository = new TimersRepository(database.db);
    for (let i = 0; i < 4; i++) await repository.markPosted(timer.id, new Date());
    const [stored] = (await repository.list('chan')).filter((t) => t.id === timer.id);
    assert.equal(stored!.nextIndex, 1);
    assert.ok(stored!.lastPostedAt instanceof Date);
  });
});
