import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { moduleHarness } from '../../commands.testing.ts';
import { UrlFetcher } from '../../urlfetch/urlfetch.client.ts';
import { formatDuration, formatUptime } from './duration.format.ts';
import { parseCounterOperation } from './counters.variables.ts';
import { parseRange } from './chance.variables.ts';

type Harness = Awaited<ReturnType<typeof moduleHarness>>;

describe('built-in variables', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  let hits = 0;
  let n = 0;
  // A random source that walks a fixed cycle, so picks are predictable.
  const sequence = [0, 0.5, 0.999];
  let draw = 0;

  before(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('fetched\ntext');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await moduleHarness({ urlFetcher: new UrlFetcher({ addressPolicy: (a) => a === '127.0.0.1' }), random: () => sequence[draw++ % sequence.length]! });
  });
  after(async () => {
    await h.close();
    server.close();
  });

  /** Adds a command with this text, runs it with `args` as `login`, and returns the answer. */
  const expand = async (template: string, args = '', login = 'alice') => {
    const name = `v${++n}`;
    await h.feature.commands.create('chan', { name, template, createdBy: 'test' });
    await h.say(`!${name}${args ? ` ${args}` : ''}`, login);
    return h.lastText();
  };

  test('who and where', async () => {
    assert.equal(await expand('$(user) $(channel) $(userid)'), 'Alice chan u-alice');
    assert.equal(await expand('$(touser)', '@Bob extra'), 'Bob');
    assert.equal(await expand('$(touser)'), 'Alice', 'without an argument, the caller');
  });

  test('arguments', async () => {
    assert.equal(await expand('[$(args)] [$(query)] [$(1)] [$(2)] [$(3 none)]', 'a  b'), '[a  b] [a  b] [a] [b] [none]');
    assert.equal(await expand('$(querystring)', 'a b&c'), 'a%20b%26c');
  });

  test('chance: random in a range, pick, randomuser from recent chatters', async () => {
    draw = 0;
    assert.equal(await expand('$(random 1-10) $(random 5) $(random 10-1)'), '1 3 10');
    draw = 0;
    assert.equal(await expand('$(pick heads | tails | edge)'), 'heads');
    h.clock.ms += 16 * 60_000;
    await h.say('hello', 'recent_one');
    await h.say('hi', 'recent_two');
    draw = 0;
    assert.equal(await expand('$(randomuser)', '', 'caller'), 'Recent_one');
    draw = 1;
    assert.equal(await expand('$(randomuser)', '', 'caller'), 'Recent_two');
    h.clock.ms += 16 * 60_000;
    draw = 0;
    assert.equal(await expand('$(randomuser)', '', 'caller2'), 'Caller2', 'those silent for 15 minutes are left out');
  });

  test('time in a zone', async () => {
    h.clock.ms = Date.UTC(2024, 0, 15, 20, 7);
    assert.equal(await expand('$(time Europe/Berlin) / $(time America/New_York) / $(time)'), '21:07 CET / 15:07 GMT-5 / 20:07 UTC');
    await assert.rejects(h.feature.commands.create('chan', { name: 'badzone', template: '$(time Nowhere/City)', createdBy: 't' }), /not a time zone/);
    assert.equal(await expand('$(time $(1))', 'Nowhere/City'), '(unknown time zone Nowhere/City)');
  });

  test('stream variables come from Helix once, then from the cache', async () => {
    h.clock.ms = Date.UTC(2024, 0, 15, 20, 0);
    h.twitch.streams.set('c-chan', { title: 'Speedrun', gameName: 'Celeste', viewers: 42, startedAt: new Date(Date.UTC(2024, 0, 15, 17, 55)) });
    h.twitch.calls.length = 0;
    assert.equal(await expand('$(game) | $(title) | $(viewers) | $(uptime)'), 'Celeste | Speedrun | 42 | 2h 05m');
    await expand('$(game)');
    assert.deepEqual(h.twitch.calls, ['stream:c-chan']);
    h.twitch.streams.clear();
    h.clock.ms += 31_000;
    assert.equal(await expand('$(game) | $(uptime) | $(viewers)'), 'offline | offline | 0');
  });

  test('accountage; followage is not offered without a follow look-up', async () => {
    h.clock.ms = Date.UTC(2024, 0, 15);
    h.twitch.users.set('bob', { id: 'u-bob', login: 'bob', displayName: 'Bob', createdAt: new Date(Date.UTC(2021, 2, 1)) });
    assert.equal(await expand('$(accountage $(touser))', '@bob'), '2 years 10 months');
    assert.equal(await expand('$(accountage)', '', 'nobody'), '(no such user nobody)');
    assert.equal(await expand('$(followage)'), '$(followage)');
  });

  test('counters: get, add, set, per channel; $(count) per command', async () => {
    assert.equal(await expand('$(counter deaths)'), '0');
    const deaths = 'deaths';
    await h.feature.commands.create('chan', { name: 'died', template: `Deaths: $(counter ${deaths} +1)`, createdBy: 't' });
    await h.say('!died');
    await h.say('!died');
    assert.equal(h.lastText(), 'Deaths: 2');
    assert.equal(await expand('$(counter Deaths set 10) then $(counter deaths -3)'), '10 then 7');
    assert.equal(await h.feature.counters.get('chan', 'deaths'), 7);
    assert.equal(await expand('$(count)/$(count)'), '1/1', 'one use counts once');
    await assert.rejects(h.feature.commands.create('chan', { name: 'badc', template: '$(counter bad name here)', createdBy: 't' }), /not a counter use/);
  });

  test('$(urlfetch) answers on one line and from the cache after the first use', async () => {
    const before = hits;
    assert.equal(await expand(`got: $(urlfetch ${base}/a)`), 'got: fetched text');
    assert.equal(await expand(`again: $(urlfetch ${base}/a)`), 'again: fetched text');
    assert.equal(hits - before, 1);
    assert.equal(await expand('$(urlfetch $(1))', 'http://10.0.0.1/'), '(urlfetch: 10.0.0.1 is not a public address)');
  });

  test('the variable reference documents every variable for the dashboard', () => {
    const reference = h.feature.variables.reference();
    const names = reference.map((v) => v.name);
    for (const name of ['user', 'touser', 'channel', 'userid', 'args', 'query', '1', '9', 'count', 'counter', 'random', 'pick', 'randomuser', 'time', 'uptime', 'game', 'title', 'viewers', 'accountage', 'urlfetch']) {
      assert.ok(names.includes(name), name);
    }
    assert.ok(!names.includes('eval'));
    assert.ok(reference.every((v) => v.description.length > 10 && v.usage.startsWith('$(')));
  });
});

test('duration, range and counter parsing', () => {
  assert.equal(formatDuration(90_061_000), '1 day 1 hour');
  assert.equal(formatDuration(59_000), '59 seconds');
  assert.equal(formatDuration(-5), '0 seconds');
  assert.equal(formatUptime(65 * 60_000), '1h 05m');
  assert.equal(formatUptime(59_000), '0m');
  assert.deepEqual(parseRange('1-100'), { min: 1, max: 100 });
  assert.deepEqual(parseRange('-5 - 5'), { min: -5, max: 5 });
  assert.equal(parseRange('1-2-3'), undefined);
  assert.equal(parseRange('0'), undefined);
  assert.deepEqual(parseCounterOperation('Deaths +5'), { name: 'deaths', op: 'add', delta: 5 });
  assert.deepEqual(parseCounterOperation('deaths set -2'), { name: 'deaths', op: 'set', value: -2 });
  assert.equal(parseCounterOperation('deaths +99999999'), undefined);
  assert.equal(parseCounterOperation('de aths'), undefined);
});
