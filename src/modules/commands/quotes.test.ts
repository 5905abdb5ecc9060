import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { moduleHarness } from './commands.testing.ts';

describe('quotes', () => {
  let h: Awaited<ReturnType<typeof moduleHarness>>;
  before(async () => {
    h = await moduleHarness({ channels: ['chan', 'other'] });
  });
  after(() => h.close());

  test('!addquote stores the game being played and the date; !quote N shows it', async () => {
    h.clock.ms = Date.UTC(2024, 4, 1, 12);
    h.twitch.streams.set('c-chan', { title: 't', gameName: 'Celeste', viewers: 1, startedAt: new Date(h.clock.ms) });
    await h.say('!addquote I never miss a jump', 'mod', ['moderator']);
    assert.equal(h.lastText(), 'Added quote #1.');
    h.twitch.streams.clear();
    h.clock.ms += 60_000;
    await h.say('!addquote   offline   and   spaced  ', 'mod', ['moderator']);
    assert.equal(h.lastText(), 'Added quote #2.');
    await h.say('!quote 1', 'viewer');
    assert.match(h.lastText()!, /^#1: I never miss a jump \(Celeste, \d{4}-\d{2}-\d{2}\)$/);
    await h.say('!quote #2', 'viewer2');
    assert.match(h.lastText()!, /^#2: offline and spaced \(\d{4}-\d{2}-\d{2}\)$/);
    const stored = await h.feature.quotes.list('chan');
    assert.deepEqual(stored.map((q) => [q.number, q.game, q.createdBy]), [[1, 'Celeste', 'mod'], [2, null, 'mod']]);
  });

  test('!quote searches, picks at random, and answers clearly when nothing matches', async () => {
    await h.say('!quote jump', 'v3');
    assert.match(h.lastText()!, /^#1: I never miss a jump/);
    await h.say('!quote search SPACED', 'v4');
    assert.match(h.lastText()!, /^#2: offline and spaced/);
    await h.say('!quote 100%_', 'v5');
    assert.equal(h.lastText(), 'There is no quote matching "100%_".', '% and _ are not wildcards');
    await h.say('!quote', 'v6');
    assert.match(h.lastText()!, /^#[12]: /);
    await h.say('!quote', 'v7', [], 'other');
    assert.equal(h.lastText(), 'There are no quotes yet.');
    await h.say('!quote 99', 'v8');
    assert.equal(h.lastText(), 'There is no quote #99.');
  });

  test('!delquote removes one; numbers are not reused; viewers cannot add or delete', async () => {
    assert.equal((await h.say('!addquote mine', 'viewer')).command?.result, 'denied');
    assert.equal((await h.say('!delquote 1', 'viewer')).command?.result, 'denied');
    await h.say('!delquote 2', 'mod', ['moderator']);
    assert.equal(h.lastText(), 'Deleted quote #2.');
    await h.say('!addquote third', 'mod2', ['moderator']);
    assert.equal(h.lastText(), 'Added quote #3.');
    await h.say('!delquote x', 'mod', ['moderator']);
    assert.equal(h.lastText(), 'Usage: !delquote N');
    await h.say(`!addquote ${'q'.repeat(301)}`, 'mod3', ['moderator']);
    assert.equal(h.lastText(), 'A quote needs 1 to 300 characters.');
  });
});
