import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Role } from '../../core/chat.ts';
import type { UserLevel } from '../../core/permissions.ts';
import { createTestDb } from '../../db/test-db.ts';
import type { Database } from '../../db/database.ts';
import { CommandsError } from './commands.errors.ts';
import { commandsMigrations } from './commands.migrations.ts';
import { fakeBus, moduleHarness } from './commands.testing.ts';

type Harness = Awaited<ReturnType<typeof moduleHarness>>;
const MOD: Role[] = ['moderator'];

describe('custom commands from chat', () => {
  let h: Harness;
  before(async () => {
    h = await moduleHarness({ channels: ['chan', 'other'] });
  });
  after(() => h.close());
  // Each test starts with a fresh budget of command changes.
  beforeEach(() => {
    h.clock.ms += 61_000;
  });

  test('a mod adds a command; everyone can use it; it counts its uses', async () => {
    await h.say('!addcom !hello Hello $(user), used $(count) times', 'mod', MOD);
    assert.equal(h.lastText(), 'Added !hello.');
    assert.deepEqual(await h.say('!hello', 'alice'), { command: { id: 'commands:custom:hello', result: 'ran' } });
    assert.equal(h.lastText(), 'Hello Alice, used 1 times');
    await h.say('!HELLO', 'bob');
    assert.equal(h.lastText(), 'Hello Bob, used 2 times');
    assert.deepEqual(await h.say('!hello', 'alice', [], 'other'), {}, 'another channel does not have it');
    const stored = await h.feature.commands.get('chan', 'hello');
    assert.equal(stored.useCount, 2);
    assert.equal(stored.createdBy, 'mod');
    assert.ok(stored.createdAt instanceof Date);
  });

  test('options: user level, cooldowns, aliases and response mode', async () => {
    await h.say('!addcom -ul=vip -cd=30 -ucd=10 -a=g1,g2 -mode=say !greet hi $(touser)', 'mod', MOD);
    assert.equal(h.lastText(), 'Added !greet.');
    const stored = await h.feature.commands.get('chan', 'greet');
    assert.deepEqual(
      [stored.userLevel, stored.globalCooldownS, stored.userCooldownS, stored.aliases, stored.responseMode],
      ['vip', 30, 10, ['g1', 'g2'], 'say'],
    );
    await h.say('!g2 @zed', 'v', ['vip']);
    assert.equal(h.lastText(), 'hi zed');
    assert.equal(h.replies.at(-1)?.replyTo, undefined, 'say mode does not thread the reply');
  });

  test('!editcom changes text and options, renames, and !delcom deletes', async () => {
    await h.say('!addcom !edit1 first', 'mod', MOD);
    await h.say('!editcom !edit1 second $(user)', 'mod', MOD);
    assert.equal(h.lastText(), 'Changed !edit1.');
    await h.say('!edit1', 'alice');
    assert.equal(h.lastText(), 'second Alice');
    await h.say('!editcom -ul=mod !edit1', 'mod', MOD);
    assert.equal((await h.say('!edit1', 'alice')).command?.result, 'denied');
    await h.say('!editcom -name=edit2 !edit1', 'mod', MOD);
    assert.equal(h.lastText(), 'Changed !edit2.');
    assert.deepEqual(await h.say('!edit1', 'mod', MOD), {});
    assert.equal((await h.say('!edit2', 'mod', MOD)).command?.result, 'ran');
    await h.say('!delcom !edit2', 'mod', MOD);
    assert.equal(h.lastText(), 'Deleted !edit2.');
    assert.deepEqual(await h.say('!edit2', 'mod', MOD), {});
    await h.say('!delcom !edit2', 'mod', MOD);
    assert.equal(h.lastText(), 'There is no custom command !edit2.');
  });

  test('!addalias adds a name; names stay unique across commands and aliases', async () => {
    await h.say('!addcom !discord join us', 'mod', MOD);
    await h.say('!addalias !dc !discord', 'mod', MOD);
    assert.equal(h.lastText(), '!dc now runs !discord.');
    await h.say('!dc', 'alice');
    assert.equal(h.lastText(), 'join us');
    await h.say('!addcom !dc other', 'mod', MOD);
    assert.equal(h.lastText(), '!dc is already an alias of !discord.');
    await h.say('!addcom !discord other', 'mod', MOD);
    assert.equal(h.lastText(), '!discord already exists.');
    await h.say('!addcom !commands mine', 'mod', MOD);
    assert.equal(h.lastText(), '!commands is a built-in command.');
    await h.say('!addalias !quote !discord', 'mod', MOD);
    assert.equal(h.lastText(), '!quote is a built-in command.');
  });

  test('bad names, options and usage get a clear answer', async () => {
    await h.say('!addcom !bad.name text', 'mod', MOD);
    assert.match(h.lastText()!, /not a valid command name/);
    await h.say(`!addcom !${'n'.repeat(33)} text`, 'mod', MOD);
    assert.match(h.lastText()!, /not a valid command name/);
    await h.say('!addcom -ul=king !x text', 'mod', MOD);
    assert.match(h.lastText()!, /-ul=king: use everyone/);
    await h.say('!addcom -ul=constructor !x text', 'mod', MOD);
    assert.match(h.lastText()!, /-ul=constructor: use everyone/, 'a name of an Object.prototype member is no user level');
    await h.say('!addcom -cd=-5 !x text', 'mod', MOD);
    assert.match(h.lastText()!, /-cd=-5: use a whole number/);
    await h.say('!addcom -cd=999999 !x text', 'mod', MOD);
    assert.match(h.lastText()!, /cooldown must be a whole number of seconds from 0 to 86400/);
    await h.say('!addcom -mode=whisper !x text', 'mod', MOD);
    assert.equal(h.lastText(), 'This bot cannot send whispers; use reply or say.');
    await h.say('!addcom -zzz=1 !x text', 'mod', MOD);
    assert.match(h.lastText()!, /Unknown option -zzz/);
    await h.say('!addcom !x', 'mod', MOD);
    assert.match(h.lastText()!, /^Usage: !addcom/);
    await h.say('!addcom !x $(time Mars/Olympus)', 'mod', MOD);
    assert.equal(h.lastText(), '$(time): "Mars/Olympus" is not a time zone; use a name like Europe/Berlin');
    await h.say('!addcom !x hi $(nosuch)', 'mod', MOD);
    assert.equal(h.lastText(), 'Added !x. Note: $(nosuch) is not a known variable; it is shown as written.');
  });

  test('viewers cannot manage commands', async () => {
    assert.equal((await h.say('!addcom !mine text', 'alice')).command?.result, 'denied');
    assert.equal((await h.say('!delcom !hello', 'vip', ['vip'])).command?.result, 'denied');
  });

  test('hostile templates from chat are refused and the pipeline keeps going', async () => {
    const started = performance.now();
    await h.say(`!addcom !deep ${'$(touser '.repeat(50)}`, 'mod', MOD);
    assert.match(h.lastText()!, /nest too deep/);
    await h.say('!addcom !ssrf $(urlfetch http://127.0.0.1:8080/admin)', 'mod', MOD);
    assert.equal(h.lastText(), '$(urlfetch): 127.0.0.1 is not a public address');
    await h.say('!addcom !meta $(urlfetch http://169.254.169.254/latest/meta-data/)', 'mod', MOD);
    assert.equal(h.lastText(), '$(urlfetch): 169.254.169.254 is not a public address');
    await h.say('!addcom !lan $(urlfetch http://10.0.0.1/)', 'mod', MOD);
    assert.equal(h.lastText(), '$(urlfetch): 10.0.0.1 is not a public address');
    await h.say('!addcom !v6 $(urlfetch http://[::ffff:127.0.0.1]/)', 'mod', MOD);
    assert.equal(h.lastText(), '$(urlfetch): ::ffff:7f00:1 is not a public address');
    assert.ok(performance.now() - started < 5_000);
    await assert.rejects(h.feature.commands.create('chan', { name: 'huge', template: 'x'.repeat(100_000), createdBy: 'api' }), (e: unknown) => e instanceof CommandsError && e.code === 'commands.template_too_long');
    await h.say('!hello', 'carol');
    assert.match(h.lastText()!, /^Hello Carol/);
  });

  test('!addcom spam: changes per channel are rate-limited, mods included', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) {
      await h.say(`!addcom !spam${i} spam`, 'mod', MOD, 'other');
      answers.push(h.lastText()!);
    }
    assert.equal(answers.filter((a) => a.startsWith('Added')).length, 20);
    assert.match(answers.at(-1)!, /^Too many command changes; try again in \d+s\.$/);
    h.clock.ms += 61_000;
    await h.say('!delcom !spam0', 'mod', MOD, 'other');
    assert.equal(h.lastText(), 'Deleted !spam0.');
  });

  test('!commands lists the custom commands the caller may use', async () => {
    await h.say('!addcom -ul=mod !modsonly secret', 'mod', MOD);
    await h.say('!commands', 'dave');
    const viewerList = h.lastText()!;
    assert.match(viewerList, /!hello/);
    assert.doesNotMatch(viewerList, /!modsonly|!addcom/);
    await h.say('!commands', 'mod', MOD);
    assert.match(h.lastText()!, /!addcom.*!modsonly/);
  });
});

describe('service layer for the API', () => {
  let h: Harness;
  before(async () => {
    h = await moduleHarness();
  });
  after(() => h.close());

  test('template checks, warnings, listing, counters', async () => {
    const check = h.feature.commands.checkTemplate('$(user) $(wat) $(counter deaths +1)');
    assert.deepEqual(check.variables, ['user', 'counter']);
    assert.deepEqual(check.warnings.map((w) => [w.code, w.at]), [['commands.unknown_variable', 8]]);
    assert.throws(() => h.feature.commands.checkTemplate('$(1 '.repeat(6)), (e: unknown) => e instanceof CommandsError && e.code === 'commands.template_too_deep');
    const { command, warnings } = await h.feature.commands.create('chan', {
      name: 'Api',
      template: 'hi $(wat)',
      aliases: ['!API2'],
      trigger: { kind: 'keyword', value: 'hello there' },
      createdBy: 'dashboard:owner',
    });
    assert.deepEqual([command.name, command.aliases, command.triggerKind, command.trigger], ['api', ['api2'], 'keyword', 'hello there']);
    assert.equal(warnings.length, 1);
    assert.deepEqual((await h.feature.commands.list('chan')).map((c) => c.name), ['api']);
    await h.feature.commands.update('chan', 'api', { trigger: null });
    assert.equal((await h.feature.commands.get('chan', 'api')).trigger, null);
    await assert.rejects(h.feature.commands.update('chan', 'nope', { enabled: false }), (e: unknown) => e instanceof CommandsError && e.code === 'commands.not_found');
    await assert.rejects(h.feature.commands.create('chan', { name: 'x', template: 'x', aliases: ['bad alias'], createdBy: 't' }), /not a valid alias/);
    await assert.rejects(h.feature.commands.create('chan', { name: 'y', template: 'y', aliases: ['y'], createdBy: 't' }), /listed twice/);

    await h.feature.counters.add('chan', 'wins', 2);
    assert.deepEqual(await h.feature.counters.list('chan'), [{ name: 'wins', value: 2 }]);
    assert.equal(await h.feature.counters.remove('chan', 'wins'), true);
    assert.equal(await h.feature.counters.get('chan', 'wins'), 0);
  });
});

describe('permission and cooldown matrices', () => {
  let h: Harness;
  before(async () => {
    h = await moduleHarness();
  });
  after(() => h.close());

  const ROLES: [string, Role[]][] = [
    ['viewer', []],
    ['sub', ['subscriber']],
    ['founder', ['founder']],
    ['vip', ['vip']],
    ['mod', ['moderator']],
    ['owner', ['broadcaster']],
  ];
  const EXPECTED: Record<UserLevel, string[]> = {
    everyone: ['viewer', 'sub', 'founder', 'vip', 'mod', 'owner'],
    subscriber: ['sub', 'founder', 'vip', 'mod', 'owner'],
    vip: ['vip', 'mod', 'owner'],
    moderator: ['mod', 'owner'],
    broadcaster: ['owner'],
  };

  test('who may run a command at each user level', async () => {
    for (const level of Object.keys(EXPECTED) as UserLevel[]) {
      await h.feature.commands.create('chan', { name: `lvl-${level}`, template: 'ok', userLevel: level, createdBy: 'test' });
      const allowed: string[] = [];
      for (const [login, roles] of ROLES) {
        const outcome = await h.say(`!lvl-${level}`, login, roles);
        if (outcome.command?.result === 'ran') allowed.push(login);
        else assert.equal(outcome.command?.result, 'denied');
      }
      assert.deepEqual(allowed, EXPECTED[level], `level ${level}`);
    }
  });

  test('global and per-user cooldowns; mods and the broadcaster skip them', async () => {
    await h.feature.commands.create('chan', { name: 'cd-user', template: 'u', userCooldownSeconds: 10, createdBy: 'test' });
    await h.feature.commands.create('chan', { name: 'cd-global', template: 'g', globalCooldownSeconds: 30, createdBy: 'test' });
    const run = async (name: string, login: string, roles: Role[] = []) => (await h.say(`!${name}`, login, roles)).command?.result;
    const matrix: [string, string, Role[], string][] = [
      ['cd-user', 'a', [], 'ran'],
      ['cd-user', 'a', [], 'cooldown'],
      ['cd-user', 'b', [], 'ran'],
      ['cd-user', 'm', MOD, 'ran'],
      ['cd-user', 'm', MOD, 'ran'],
      ['cd-global', 'a', [], 'ran'],
      ['cd-global', 'b', [], 'cooldown'],
      ['cd-global', 's', ['subscriber'], 'cooldown'],
      ['cd-global', 'o', ['broadcaster'], 'ran'],
    ];
    for (const [name, login, roles, expected] of matrix) assert.equal(await run(name, login, roles), expected, `${login} on !${name}`);
    h.clock.ms += 11_000;
    assert.equal(await run('cd-user', 'a'), 'ran', 'the per-user cooldown ends');
    assert.equal(await run('cd-global', 'b'), 'cooldown', 'the global one is still running');
    h.clock.ms += 20_000;
    assert.equal(await run('cd-global', 'b'), 'ran');
  });

  test('a disabled command does not run; enabling it brings it back', async () => {
    await h.feature.commands.create('chan', { name: 'toggle', template: 'on', createdBy: 'test' });
    await h.feature.commands.update('chan', 'toggle', { enabled: false });
    assert.deepEqual(await h.say('!toggle', 'a'), {});
    await h.feature.commands.update('chan', 'toggle', { enabled: true });
    assert.equal((await h.say('!toggle', 'a')).command?.result, 'ran');
  });

  test('a cost is charged through the hook when one is wired; free otherwise', async () => {
    await h.feature.commands.create('chan', { name: 'paid', template: 'thanks', cost: 50, createdBy: 'test' });
    await h.say('!paid', 'a');
    assert.equal(h.lastText(), 'thanks', 'without the games module every command is free');
  });
});

describe('limits and instances', () => {
  let database: Database;
  before(async () => {
    database = await createTestDb(commandsMigrations);
  });
  after(() => database.close());

  test('a channel has at most maxCommands commands (default 500, configurable)', async () => {
    const { defaultChannelConfig } = await import('../../core/module.ts');
    const small = { ...defaultChannelConfig('small'), moduleSettings: new Map([['commands', { maxCommands: 3, urlfetchCacheSeconds: 60 }]]) };
    const h = await moduleHarness({ channels: ['small'], configs: { small }, db: database });
    for (let i = 0; i < 3; i++) await h.feature.commands.create('small', { name: `c${i}`, template: 'x', createdBy: 't' });
    await assert.rejects(
      h.feature.commands.create('small', { name: 'c3', template: 'x', createdBy: 't' }),
      (e: unknown) => e instanceof CommandsError && e.code === 'commands.limit_reached' && /the most it may have \(3\)/.test(e.message),
    );
    await h.close();
  });

  test('a change on one instance reaches the other through the EventBus', async () => {
    const bus = fakeBus();
    const one = await moduleHarness({ channels: ['shared'], bus, db: database });
    const two = await moduleHarness({ channels: [], bus, db: database });
    await one.feature.commands.create('shared', { name: 'sync', template: 'v1', createdBy: 't' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await two.say('!sync', 'a', [], 'shared');
    assert.equal(two.lastText(), 'v1');
    await one.feature.commands.update('shared', 'sync', { template: 'v2' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await two.say('!sync', 'b', [], 'shared');
    assert.equal(two.lastText(), 'v2');
    await one.feature.commands.remove('shared', 'sync');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await two.say('!sync', 'c', [], 'shared'), {});
    await one.close();
    await two.close();
  });

  test('$(count) survives a restart: a new module instance reads the stored count', async () => {
    const first = await moduleHarness({ channels: ['restart'], db: database });
    await first.feature.commands.create('restart', { name: 'cnt', template: '#$(count)', createdBy: 't' });
    await first.say('!cnt', 'a', [], 'restart');
    await first.say('!cnt', 'b', [], 'restart');
    await first.close();
    const second = await moduleHarness({ channels: [], db: database });
    await second.say('!cnt', 'c', [], 'restart');
    assert.equal(second.lastText(), '#3');
    await second.close();
  });
});
