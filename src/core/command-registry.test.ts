import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandRegistry, parseCommandLine } from './command-registry.ts';
import { defaultChannelConfig, defineModule, type ChannelConfig, type CommandSource, type RegisteredCommand } from './module.ts';

const mod = defineModule({
  name: 'demo',
  description: 'demo',
  commands: [{ name: 'ping', aliases: ['p'], description: 'pong', userLevel: 'vip', userCooldownSeconds: 5, run: () => 'pong' }],
});

test('parses prefix, name (case-insensitive) and arguments, ignoring invisible characters', () => {
  assert.deepEqual(parseCommandLine('!Ping  a  b', '!'), { name: 'ping', args: ['a', 'b'], argsText: 'a  b' });
  assert.deepEqual(parseCommandLine('!ping \u{e0000}', '!'), { name: 'ping', args: [], argsText: '' });
  assert.deepEqual(parseCommandLine('?? go', '??'), { name: 'go', args: [], argsText: '' });
  assert.equal(parseCommandLine('ping', '!'), null);
  assert.equal(parseCommandLine('!', '!'), null);
  assert.equal(parseCommandLine('! ping', '!')?.name, 'ping');
});

test('resolves names and aliases, and applies per-channel overrides and aliases', () => {
  const registry = new CommandRegistry();
  registry.add(mod);
  const plain = defaultChannelConfig('a');
  assert.equal(registry.resolve('p', plain)?.id, 'demo:ping');
  assert.equal(registry.resolve('pp', plain), undefined);
  assert.equal(registry.effective(registry.resolve('ping', plain)!, plain).userLevel, 'vip');

  const custom: ChannelConfig = {
    ...plain,
    commandOverrides: new Map([
      ['demo:ping', { enabled: true, userLevel: 'everyone', userCooldownSeconds: 0, aliases: ['pp'], allowUsers: new Set(), denyUsers: new Set(['x']) }],
    ]),
  };
  const command = registry.resolve('pp', custom)!;
  const effective = registry.effective(command, custom);
  assert.equal(effective.userLevel, 'everyone');
  assert.equal(effective.userCooldownSeconds, 0);
  assert.ok(effective.denyUsers.has('x'));
  assert.equal(registry.resolve('pp', plain), undefined, 'one channel\'s alias does not leak into another');
  assert.equal(registry.effective(command, { ...plain, disabledModules: new Set(['demo']) }).enabled, false);
});

test('a name taken twice and an invalid name fail at start-up', () => {
  const registry = new CommandRegistry();
  registry.add(mod);
  assert.throws(() => registry.add(defineModule({ name: 'other', description: '', commands: [{ name: 'p', description: '', run: () => '' }] })), /already used by demo:ping/);
  assert.throws(() => defineModule({ name: 'bad', description: '', commands: [{ name: 'no spaces', description: '', run: () => '' }] }), /must match/);
  assert.throws(() => defineModule({ name: 'Bad Name', description: '' }), /module name/);
});

test('a command source adds per-channel commands at run time; registered names and aliases win over them', () => {
  const perChannel = new Map<string, RegisteredCommand[]>([
    ['a', [
      { id: 'dyn:hello', module: 'dyn', name: 'hello', aliases: ['hi'], description: 'greets', run: () => 'hello' },
      { id: 'dyn:ping', module: 'dyn', name: 'ping', description: 'shadowed', run: () => 'dyn pong' },
    ]],
  ]);
  const source: CommandSource = {
    resolve: (name, channel) => perChannel.get(channel.login)?.find((c) => c.name === name || c.aliases?.includes(name)),
    list: (channel) => perChannel.get(channel.login) ?? [],
  };
  const registry = new CommandRegistry();
  registry.add(mod);
  registry.add(defineModule({ name: 'dyn', description: '', commandSource: source }));
  const a = defaultChannelConfig('a');
  const b = defaultChannelConfig('b');

  assert.equal(registry.resolve('hi', a)?.id, 'dyn:hello');
  assert.equal(registry.resolve('hello', b), undefined, 'a channel sees only its own run-time commands');
  assert.equal(registry.resolve('ping', a)?.id, 'demo:ping', 'the registered command wins');
  assert.equal(registry.isReserved('ping', a), true);
  assert.equal(registry.isReserved('p', a), true);
  assert.equal(registry.isReserved('hello', a), false, 'run-time commands do not reserve names');
  assert.deepEqual(registry.listFor(a).map((c) => c.id), ['demo:ping', 'dyn:hello']);
  assert.deepEqual(registry.listFor(b).map((c) => c.id), ['demo:ping']);

  const aliased: ChannelConfig = {
    ...a,
    commandOverrides: new Map([['demo:ping', { enabled: true, aliases: ['hello'], allowUsers: new Set(), denyUsers: new Set() }]]),
  };
  assert.equal(registry.isReserved('hello', aliased), true, 'a channel alias of a registered command reserves the name too');
  assert.equal(registry.resolve('hello', aliased)?.id, 'demo:ping');
  assert.deepEqual(registry.listFor(aliased).map((c) => c.id), ['demo:ping']);
});
