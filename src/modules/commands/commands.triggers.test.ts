import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CommandsError } from './commands.errors.ts';
import { compileTrigger } from './commands.triggers.ts';
import { moduleHarness } from './commands.testing.ts';

test('keywords match whole words in any case; patterns are RE2 and run in linear time', () => {
  const keyword = compileTrigger('keyword', 'Discord');
  assert.equal(keyword.matches('whats the discord?'), true);
  assert.equal(keyword.matches('DISCORD'), true);
  assert.equal(keyword.matches('discordia'), false);
  const special = compileTrigger('keyword', 'c++ (lang)');
  assert.equal(special.matches('I like c++ (lang) a lot'), true, 'a keyword is literal text, not a pattern');
  const pattern = compileTrigger('pattern', '(a+)+$');
  const started = performance.now();
  assert.equal(pattern.matches(`${'a'.repeat(20_000)}!`), false);
  assert.ok(performance.now() - started < 2_000, 'no catastrophic backtracking');
  for (const [kind, value] of [['pattern', '(?<=x)y'], ['pattern', 'x'.repeat(201)], ['keyword', ''], ['pattern', '(unclosed']] as const) {
    assert.throws(() => compileTrigger(kind, value), (e: unknown) => e instanceof CommandsError && e.code === 'commands.invalid_trigger', value);
  }
});

describe('commands triggered by a keyword or pattern', () => {
  let h: Awaited<ReturnType<typeof moduleHarness>>;
  before(async () => {
    h = await moduleHarness();
  });
  after(() => h.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('a keyword anywhere in a message runs the command, with its user level and cooldown', async () => {
    await h.say('!addcom -kw=discord -ucd=30 !discord Join at discord.gg/x, $(user)', 'mod', ['moderator']);
    assert.equal(h.lastText(), 'Added !discord.');
    const before = h.chat.sent.length;
    await h.say('is there a Discord?', 'alice');
    await settle();
    assert.deepEqual(h.chat.sent.slice(before).map((m) => m.text), ['Join at discord.gg/x, Alice']);
    assert.ok(h.chat.sent.at(-1)!.replyTo, 'it replies to the message');
    await h.say('discord again', 'alice');
    await h.say('!discord', 'bob');
    await settle();
    assert.equal(h.chat.sent.length, before + 1, 'the cooldown also holds for the keyword, and a command line is left to the router');
    assert.equal(h.lastText(), 'Join at discord.gg/x, Bob');
  });

  test('a pattern trigger, and a user level that keeps viewers out', async () => {
    await h.feature.commands.create('chan', { name: 'gg', template: 'GG!', trigger: { kind: 'pattern', value: '^g+g+$' }, userLevel: 'subscriber', createdBy: 't' });
    const before = h.chat.sent.length;
    await h.say('ggg', 'viewer');
    await h.say('gggg', 'sub', ['subscriber']);
    await h.say('gg wp', 'sub2', ['subscriber']);
    await settle();
    assert.deepEqual(h.chat.sent.slice(before).map((m) => m.text), ['GG!']);
  });

  test('a bad pattern from chat is refused clearly', async () => {
    await h.say('!addcom -re=(a !bad text', 'mod', ['moderator']);
    assert.match(h.lastText()!, /^The pattern does not compile: /);
  });
});
