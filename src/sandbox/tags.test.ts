import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emotesTag, findEmotes } from './emotes.ts';
import { parseIrcLine } from './irc.parser.ts';
import { roleTags } from './roles.ts';
import { escapeTagValue, formatTags, parseTags, unescapeTagValue } from './tags.ts';

test('tag values escape and unescape the IRCv3 way', () => {
  const value = 'a b;c\\d\r\ne';
  assert.equal(escapeTagValue(value), 'a\\sb\\:c\\\\d\\r\\ne');
  assert.equal(unescapeTagValue(escapeTagValue(value)), value);
  assert.equal(unescapeTagValue('trailing\\'), 'trailing');
  assert.equal(formatTags({ b: '1', a: 'x y' }), '@a=x\\sy;b=1 ');
  assert.equal(formatTags({}), '');
  assert.deepEqual(parseTags('a=1;b=;c;d=x\\sy'), { a: '1', b: '', c: '', d: 'x y' });
});

test('emotes are whole words, positioned in code points, grouped by id in order of first use', () => {
  assert.equal(emotesTag(findEmotes('Kappa Keepo Kappa')), '25:0-4,12-16/1902:6-10');
  assert.equal(emotesTag(findEmotes('😀 LUL')), '425618:2-4');
  assert.equal(emotesTag(findEmotes('KappaKappa kappa xKappa')), '');
  assert.equal(emotesTag(findEmotes('constructor toString')), '');
});

test('roles become the badge tags Twitch sends', () => {
  assert.deepEqual(roleTags(new Set(['broadcaster', 'subscriber'])), { 'badge-info': 'subscriber/1', badges: 'broadcaster/1,subscriber/0', mod: '0', subscriber: '1', 'user-type': '' });
  assert.deepEqual(roleTags(new Set(['vip', 'founder'])), { 'badge-info': 'founder/1', badges: 'vip/1,founder/0', mod: '0', subscriber: '1', 'user-type': '', vip: '1' });
  assert.deepEqual(roleTags(new Set(['moderator'])), { 'badge-info': '', badges: 'moderator/1', mod: '1', subscriber: '0', 'user-type': 'mod' });
});

test('the line parser reads tags, prefix, command and params, and refuses garbage', () => {
  assert.deepEqual(parseIrcLine('@reply-parent-msg-id=abc :nick!nick@host PRIVMSG #chan :hello there :)\r'), {
    tags: { 'reply-parent-msg-id': 'abc' }, prefix: 'nick!nick@host', command: 'PRIVMSG', params: ['#chan', 'hello there :)'],
  });
  assert.deepEqual(parseIrcLine('join #a,#b'), { tags: {}, prefix: null, command: 'JOIN', params: ['#a,#b'] });
  for (const bad of ['', '@only-tags', ':only-prefix', '!!! x', 'PRIV MSG\0', 'x'.repeat(9000)]) assert.equal(parseIrcLine(bad), null, bad.slice(0, 20));
});
