import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage, OutgoingMessage, Role } from './chat.ts';
import { builtinsModule } from './builtins.ts';
import { CommandRegistry } from './command-registry.ts';
import { defaultChannelConfig, defineModule, type BotModule, type ChannelConfig, type RegisteredCommand } from './module.ts';
import { MessagePipeline, type PipelineObserver } from './pipeline.ts';
import type { RateLimiter } from './ports.ts';

/** A rate limiter fake on a settable clock: one point per key per duration is all the tests need. */
function fakeLimiter(clock: { now: number }): RateLimiter {
  const until = new Map<string, number>();
  return {
    consume: async (key, _points, seconds) => {
      const free = until.get(key) ?? 0;
      if (free > clock.now) return { allowed: false, retryAfterMs: free - clock.now };
      until.set(key, clock.now + seconds * 1000);
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}

let nextId = 0;
function message(text: string, login = 'viewer', roles: Role[] = [], channel = 'chan'): ChatMessage {
  return {
    id: `m${++nextId}`,
    channel,
    channelId: '1',
    userId: `u-${login}`,
    login,
    displayName: login,
    text,
    action: false,
    roles: new Set(roles),
    emotes: [],
    bits: 0,
    firstMessage: false,
    sentAt: 0,
  };
}

function setup(modules: BotModule[], configs: Record<string, ChannelConfig> = {}) {
  const clock = { now: 0 };
  const sent: OutgoingMessage[] = [];
  const failures: string[] = [];
  const observer: PipelineObserver = { stageTimed: () => undefined, moduleFailed: (m, where) => failures.push(`${m}:${where}`), commandRan: () => undefined };
  const registry = new CommandRegistry();
  const all = [builtinsModule(registry), ...modules];
  for (const m of all) registry.add(m);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const pipeline = new MessagePipeline({
    modules: all,
    registry,
    channels: { get: (c) => configs[c] ?? defaultChannelConfig(c) },
    rateLimiter: fakeLimiter(clock),
    send: async (m) => void sent.push(m),
    observer,
    logger: silent,
  });
  return { pipeline, sent, failures, clock };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

const demo = defineModule({
  name: 'demo',
  description: 'demo',
  commands: [
    { name: 'hi', description: 'greets', userCooldownSeconds: 30, run: ({ message }) => `hi ${message.displayName}` },
    { name: 'modonly', description: 'mods', userLevel: 'moderator', run: () => 'ok mod' },
    { name: 'boom', description: 'throws', run: () => { throw new Error('boom'); } },
    { name: 'echo', description: 'echo', run: ({ argsText }) => argsText },
  ],
});

test('a command replies in a thread to the message that called it', async () => {
  const { pipeline, sent } = setup([demo]);
  const m = message('!hi');
  assert.deepEqual(await pipeline.handle(m), { command: { id: 'demo:hi', result: 'ran' } });
  await settle();
  assert.deepEqual(sent, [{ channel: 'chan', text: 'hi viewer', replyTo: m.id }]);
});

test('per-user cooldown: the second use by the same viewer is ignored, another viewer and a mod still pass', async () => {
  const { pipeline, sent, clock } = setup([demo]);
  assert.equal((await pipeline.handle(message('!hi', 'a'))).command?.result, 'ran');
  assert.equal((await pipeline.handle(message('!hi', 'a'))).command?.result, 'cooldown');
  assert.equal((await pipeline.handle(message('!hi', 'b'))).command?.result, 'ran');
  assert.equal((await pipeline.handle(message('!hi', 'a', ['moderator']))).command?.result, 'ran');
  clock.now = 31_000;
  assert.equal((await pipeline.handle(message('!hi', 'a'))).command?.result, 'ran');
  await settle();
  assert.equal(sent.length, 4);
});

test('permissions: a viewer is denied a moderator command without an answer', async () => {
  const { pipeline, sent } = setup([demo]);
  assert.equal((await pipeline.handle(message('!modonly'))).command?.result, 'denied');
  assert.equal((await pipeline.handle(message('!modonly', 'm', ['moderator']))).command?.result, 'ran');
  await settle();
  assert.deepEqual(sent.map((s) => s.text), ['ok mod']);
});

test('a throwing command or hook is counted and the other modules still run', async () => {
  const badHook = defineModule({ name: 'badhook', description: '', onMessage: () => { throw new Error('hook broke'); } });
  const { pipeline, sent, failures } = setup([badHook, demo]);
  assert.equal((await pipeline.handle(message('!boom'))).command?.result, 'failed');
  assert.equal((await pipeline.handle(message('!echo still here'))).command?.result, 'ran');
  await settle();
  assert.deepEqual(failures, ['badhook:onMessage', 'demo:command demo:boom', 'badhook:onMessage']);
  assert.deepEqual(sent.map((s) => s.text), ['Sorry, !boom failed. Please try again later.', 'still here']);
});

test('a hook that stops a message keeps it away from commands', async () => {
  const filter = defineModule({ name: 'filter', description: '', onMessage: (m) => (m.text.includes('bad') ? { stop: true, reason: 'bad word' } : undefined) });
  const { pipeline, sent } = setup([filter, demo]);
  assert.deepEqual(await pipeline.handle(message('!echo bad')), { stoppedBy: { module: 'filter', reason: 'bad word' } });
  await settle();
  assert.equal(sent.length, 0);
});

test('channels are independent: prefix, disabled modules and cooldowns of one do not touch another', async () => {
  const other: ChannelConfig = { ...defaultChannelConfig('other'), prefix: '?', disabledModules: new Set(['demo']) };
  const { pipeline } = setup([demo], { other });
  assert.equal((await pipeline.handle(message('!hi', 'a', [], 'chan'))).command?.result, 'ran');
  assert.equal((await pipeline.handle(message('?hi', 'a', [], 'other'))).command?.result, 'disabled');
  assert.deepEqual(await pipeline.handle(message('!hi', 'a', [], 'other')), {});
  assert.equal((await pipeline.handle(message('?commands', 'a', [], 'other'))).command?.result, 'ran');
});

test('!commands lists what the caller may use and !help explains one command', async () => {
  const { pipeline, sent } = setup([demo]);
  await pipeline.handle(message('!commands'));
  await pipeline.handle(message('!help hi'));
  await pipeline.handle(message('!help nothing', 'other'));
  await settle();
  assert.equal(sent[0]!.text, 'Commands: !commands, !help, !hi, !boom, !echo');
  assert.equal(sent[1]!.text, '!hi: greets Cooldown 30s per user.');
  assert.match(sent[2]!.text, /There is no command !nothing/);
});

test('a reply cannot become a Twitch command, however the argument is crafted', async () => {
  const { pipeline, sent } = setup([demo]);
  await pipeline.handle(message('!echo /ban streamer'));
  await settle();
  assert.equal(sent[0]!.text, '\u200b/ban streamer');
});

test('commands from a command source run through the same permissions, cooldowns and !commands list', async () => {
  const custom: RegisteredCommand[] = [
    { id: 'custom:lurk', module: 'custom', name: 'lurk', description: 'lurks', userCooldownSeconds: 10, run: ({ message }) => `${message.login} lurks` },
    { id: 'custom:secret', module: 'custom', name: 'secret', description: 'mods', userLevel: 'moderator', run: () => 'psst' },
  ];
  const dynamic = defineModule({
    name: 'custom',
    description: 'run-time commands',
    commandSource: {
      resolve: (name, channel) => (channel.login === 'chan' ? custom.find((c) => c.name === name) : undefined),
      list: (channel) => (channel.login === 'chan' ? custom : []),
    },
  });
  const { pipeline, sent, clock } = setup([demo, dynamic]);
  assert.deepEqual(await pipeline.handle(message('!lurk', 'a')), { command: { id: 'custom:lurk', result: 'ran' } });
  assert.equal((await pipeline.handle(message('!lurk', 'a'))).command?.result, 'cooldown');
  assert.equal((await pipeline.handle(message('!lurk', 'b'))).command?.result, 'ran');
  assert.equal((await pipeline.handle(message('!secret', 'a'))).command?.result, 'denied');
  assert.equal((await pipeline.handle(message('!secret', 'm', ['moderator']))).command?.result, 'ran');
  assert.deepEqual(await pipeline.handle(message('!lurk', 'a', [], 'elsewhere')), {});
  clock.now = 11_000;
  await pipeline.handle(message('!commands', 'c'));
  await pipeline.handle(message('!commands', 'm', ['moderator']));
  await pipeline.handle(message('!help lurk', 'c'));
  await settle();
  assert.deepEqual(sent.map((s) => s.text), [
    'a lurks',
    'b lurks',
    'psst',
    'Commands: !commands, !help, !hi, !boom, !echo, !lurk',
    'Commands: !commands, !help, !hi, !modonly, !boom, !echo, !lurk, !secret',
    '!lurk: lurks Cooldown 10s per user.',
  ]);

  const off: ChannelConfig = { ...defaultChannelConfig('chan'), disabledModules: new Set(['custom']) };
  const switchedOff = setup([dynamic], { chan: off });
  assert.equal((await switchedOff.pipeline.handle(message('!lurk'))).command?.result, 'disabled');
});
