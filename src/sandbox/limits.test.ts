import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatLimits } from './limits.ts';

test('a viewer waits 1 s between messages in a channel and may not repeat itself within 30 s', () => {
  const limits = new ChatLimits();
  assert.equal(limits.message('bot', 'a', 'hi', false, 0), null);
  assert.equal(limits.message('bot', 'a', 'ho', false, 999), 'msg_ratelimit');
  assert.equal(limits.message('bot', 'b', 'ho', false, 999), null, 'the gap is per channel');
  assert.equal(limits.message('bot', 'a', 'hi', false, 1_000), 'msg_duplicate');
  assert.equal(limits.message('bot', 'a', 'hi', false, 30_000), null);
  assert.equal(limits.message('bot', 'a', 'hi', true, 30_100), 'msg_duplicate', 'duplicates apply to moderators too');
});

test('20 messages per 30 s where not a moderator, 100 in all, windows scaled', () => {
  const limits = new ChatLimits(0.5);
  for (let i = 0; i < 20; i++) assert.equal(limits.message('bot', `c${i}`, 'x', false, i), null);
  assert.equal(limits.message('bot', 'c99', 'x', false, 20), 'msg_ratelimit');
  for (let i = 0; i < 80; i++) assert.equal(limits.message('bot', 'mine', `m${i}`, true, 21 + i), null);
  assert.equal(limits.message('bot', 'mine', 'one more', true, 200), 'msg_ratelimit');
  assert.equal(limits.message('bot', 'mine', 'one more', true, 15_000), null, '30 s at scale 0.5');
  assert.equal(limits.message('other', 'mine', 'x', false, 200), null, 'limits are per login');
});

test('more than 20 joins in 10 s are refused', () => {
  const limits = new ChatLimits();
  for (let i = 0; i < 20; i++) assert.equal(limits.join('bot', i), true);
  assert.equal(limits.join('bot', 20), false);
  assert.equal(limits.join('bot', 10_000), true);
});
