import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeTagValue, IrcParseError, parseIrcLine, unescapeTagValue } from './irc.parser.ts';

const PRIVMSG =
  '@badge-info=subscriber/5;badges=moderator/1,subscriber/3;color=#FF0000;display-name=Some\\sOne;emotes=25:0-4;' +
  'first-msg=0;id=b34ccfc7;mod=1;room-id=1337;subscriber=1;tmi-sent-ts=1642696567751;user-id=7;user-type=mod ' +
  ':someone!someone@someone.tmi.twitch.tv PRIVMSG #chan :Kappa hello there';

test('parses a Twitch PRIVMSG with tags, prefix, command and trailing text', () => {
  const irc = parseIrcLine(PRIVMSG);
  assert.equal(irc.command, 'PRIVMSG');
  assert.equal(irc.nick, 'someone');
  assert.equal(irc.prefix, 'someone!someone@someone.tmi.twitch.tv');
  assert.deepEqual(irc.params, ['#chan', 'Kappa hello there']);
  assert.equal(irc.tags['display-name'], 'Some One');
  assert.equal(irc.tags['badges'], 'moderator/1,subscriber/3');
  assert.equal(irc.tags['user-type'], 'mod');
});

test('unescapes every IRCv3 escape and drops a lone trailing backslash', () => {
  assert.equal(unescapeTagValue('a\\sb\\:c\\\\d\\re\\nf\\x'), 'a b;c\\d\re\nfx');
  assert.equal(unescapeTagValue('end\\'), 'end');
  assert.equal(unescapeTagValue(escapeTagValue('semi; space \\ back\r\n')), 'semi; space \\ back\r\n');
});

test('keeps empty and valueless tags, and hostile keys stay inert', () => {
  const irc = parseIrcLine('@a=;b;__proto__=x;constructor=y :tmi.twitch.tv NOTICE * :hi');
  assert.equal(irc.tags['a'], '');
  assert.equal(irc.tags['b'], '');
  assert.equal(irc.tags['__proto__'], 'x');
  assert.equal(irc.tags['constructor'], 'y');
  // Nothing inherited: a tag Twitch did not send reads as absent, whatever its name.
  assert.equal(irc.tags['toString'], undefined);
  assert.equal(irc.tags['hasOwnProperty'], undefined);
  assert.equal(Object.getPrototypeOf(Object.getPrototypeOf(irc.tags)), null);
  assert.equal(({} as Record<string, unknown>)['x'], undefined);
});

test('parses lines without tags or prefix, numerics, and middle params', () => {
  assert.deepEqual(parseIrcLine('PING :tmi.twitch.tv').params, ['tmi.twitch.tv']);
  const welcome = parseIrcLine(':tmi.twitch.tv 001 bot :Welcome, GLHF!\r\n');
  assert.equal(welcome.command, '001');
  assert.deepEqual(welcome.params, ['bot', 'Welcome, GLHF!']);
  assert.deepEqual(parseIrcLine(':tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands').params, ['*', 'ACK', 'twitch.tv/tags twitch.tv/commands']);
  assert.deepEqual(parseIrcLine(':bot!bot@bot.tmi.twitch.tv JOIN #chan').params, ['#chan']);
  assert.equal(parseIrcLine(':tmi.twitch.tv RECONNECT').command, 'RECONNECT');
});

test('keeps a trailing parameter verbatim: colons, spaces, emoji and zero-width characters', () => {
  const text = ': leading colon  two spaces 👋🏽 zero\u200bwidth';
  assert.equal(parseIrcLine(`:a!a@a PRIVMSG #c :${text}`).params[1], text);
});

test('rejects malformed lines with an IrcParseError', () => {
  for (const bad of ['', '@only-tags', ':prefix-only', '\\x01bad', '@a=b :p 12', 'PRIV MSG'.replace(' ', '\u0000'), `PRIVMSG #c :${'x'.repeat(20_000)}`]) {
    assert.throws(() => parseIrcLine(bad), IrcParseError, JSON.stringify(bad.slice(0, 20)));
  }
});

test('parses a 10,000-character message', () => {
  const irc = parseIrcLine(`:a!a@a PRIVMSG #c :${'y'.repeat(10_000)}`);
  assert.equal(irc.params[1]!.length, 10_000);
});
