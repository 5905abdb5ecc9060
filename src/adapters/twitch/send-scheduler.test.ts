import assert from 'node:assert/strict';
import { beforeEach, afterEach, mock, test } from 'node:test';
import type { OutgoingMessage } from '../../core/chat.ts';
import { SendQueueFullError, SendScheduler, twitchChatLimits } from './send-scheduler.ts';

const limits = twitchChatLimits();
let sent: { at: number; message: OutgoingMessage }[];
let writable: boolean;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
  sent = [];
  writable = true;
});
afterEach(() => mock.timers.reset());

function scheduler(): SendScheduler {
  const s = new SendScheduler({
    limits,
    clock: { now: () => Date.now() },
    write: (message) => {
      if (writable) sent.push({ at: Date.now(), message });
      return writable;
    },
  });
  s.resume();
  return s;
}

/** The most messages inside any window of `windowMs` (the check Twitch applies). */
function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

test('where the bot is not moderator: one message per second per channel and 20 per 30 s', () => {
  const s = scheduler();
  for (let i = 0; i < 45; i++) void s.enqueue({ channel: 'a', text: `m${i}` });
  for (let t = 0; t < 120; t++) mock.timers.tick(1_000);
  assert.equal(sent.length, 45);
  const times = sent.map((x) => x.at);
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 1_000, 'gap of one second');
  assert.ok(maxInWindow(times, 30_000) <= 20, `at most 20 in 30 s, saw ${maxInWindow(times, 30_000)}`);
  assert.equal(s.depth, 0);
});

test('where the bot is moderator: 100 per 30 s with no per-channel gap', () => {
  const s = scheduler();
  s.setModerator('a', true);
  for (let i = 0; i < 250; i++) void s.enqueue({ channel: 'a', text: `m${i}` });
  assert.equal(sent.length, 100, 'the first 100 go out at once');
  for (let t = 0; t < 32; t++) mock.timers.tick(1_000);
  assert.equal(sent.length, 200);
  for (let t = 0; t < 32; t++) mock.timers.tick(1_000);
  assert.equal(sent.length, 250);
  assert.ok(maxInWindow(sent.map((x) => x.at), 30_000) <= 100);
});

test('channels take turns, so a busy channel does not starve another', () => {
  const s = scheduler();
  s.setModerator('busy', true);
  s.setModerator('quiet', true);
  for (let i = 0; i < 150; i++) void s.enqueue({ channel: 'busy', text: `b${i}` });
  void s.enqueue({ channel: 'quiet', text: 'hello' });
  for (let t = 0; t < 32; t++) mock.timers.tick(1_000);
  const position = sent.findIndex((x) => x.message.channel === 'quiet');
  assert.ok(position !== -1 && position <= 101, `quiet channel served at position ${position}`);
});

test('a message repeated within 30 s is varied so Twitch does not drop it as a duplicate', () => {
  const s = scheduler();
  s.setModerator('a', true);
  for (let i = 0; i < 3; i++) void s.enqueue({ channel: 'a', text: 'same' });
  assert.equal(sent.length, 3);
  assert.equal(sent[0]!.message.text, 'same');
  assert.notEqual(sent[1]!.message.text, 'same');
  assert.equal(sent[2]!.message.text, 'same');
  mock.timers.tick(40_000);
  void s.enqueue({ channel: 'a', text: 'same' });
  assert.equal(sent[3]!.message.text, 'same', 'after 30 s the plain text is no duplicate');
});

test('paused while disconnected; nothing is lost and it resumes in order', async () => {
  const s = scheduler();
  s.setModerator('a', true);
  s.pause();
  const done = [s.enqueue({ channel: 'a', text: 'one' }), s.enqueue({ channel: 'a', text: 'two' })];
  mock.timers.tick(5_000);
  assert.equal(sent.length, 0);
  assert.equal(s.depth, 2);
  s.resume();
  await Promise.all(done);
  assert.deepEqual(sent.map((x) => x.message.text), ['one', 'two']);
});

test('a write the socket refuses keeps the message queued', () => {
  const s = scheduler();
  s.setModerator('a', true);
  writable = false;
  void s.enqueue({ channel: 'a', text: 'kept' });
  assert.equal(s.depth, 1);
  writable = true;
  s.resume();
  assert.deepEqual(sent.map((x) => x.message.text), ['kept']);
});

test('a full channel queue rejects loudly instead of dropping silently, and close rejects the rest', async () => {
  const s = new SendScheduler({ limits, clock: { now: () => Date.now() }, write: () => true, maxQueuePerChannel: 2 });
  const first = s.enqueue({ channel: 'a', text: '1' });
  const second = s.enqueue({ channel: 'a', text: '2' });
  await assert.rejects(s.enqueue({ channel: 'a', text: '3' }), SendQueueFullError);
  s.close('shutting down');
  await assert.rejects(first, /shutting down/);
  await assert.rejects(second, /shutting down/);
});
