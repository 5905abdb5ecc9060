import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_MESSAGE_LENGTH, sanitizeOutgoing } from './outgoing.ts';

test('neutralises text that Twitch would read as a chat command', () => {
  assert.equal(sanitizeOutgoing('/ban someone'), '\u200b/ban someone');
  assert.equal(sanitizeOutgoing('  .timeout x 600'), '\u200b.timeout x 600');
  assert.equal(sanitizeOutgoing('hello /ban x'), 'hello /ban x');
});

test('removes line breaks and control characters that would end or corrupt the IRC line', () => {
  assert.equal(sanitizeOutgoing('one\r\nPRIVMSG #other :two\u0000'), 'one PRIVMSG #other :two');
});

test('cuts at 500 characters counted in code points, without splitting an emoji', () => {
  const long = sanitizeOutgoing('😀'.repeat(600));
  assert.equal(Array.from(long).length, MAX_MESSAGE_LENGTH);
  assert.ok(long.endsWith('…'));
  assert.equal(sanitizeOutgoing('😀'.repeat(300)), '😀'.repeat(300), '300 emoji are 600 UTF-16 units but only 300 characters');
});
