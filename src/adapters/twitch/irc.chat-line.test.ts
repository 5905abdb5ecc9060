import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage } from '../../core/chat.ts';
import { seededRandom } from '../../modules/moderation/toxicity/toxicity.training.ts';
import { readChatLine } from './irc.chat-line.ts';
import { toChatMessage } from './irc.external.ts';
import { parseIrcLine } from './irc.parser.ts';

const LINES = [
  '@badge-info=founder/14;badges=vip/1,founder/0;bits=100;display-name=Fan\\s1;emotes=25:0-4,12-16;first-msg=1;id=m1;mod=0;reply-parent-msg-id=p1;reply-parent-user-login=streamer;reply-parent-msg-body=hi\\sall;room-id=9;tmi-sent-ts=1700000000000;user-id=42;vip=1 :fan1!fan1@fan1.tmi.twitch.tv PRIVMSG #Streamer :Kappa cheer Kappa',
  '@badges=moderator/1;color=#1E90FF;display-name=Mod;emotes=;id=m2;mod=1;room-id=9;subscriber=0;tmi-sent-ts=1700000000001;turbo=0;user-id=7;user-type=mod :mod!mod@mod.tmi.twitch.tv PRIVMSG #streamer :\u0001ACTION waves\u0001',
  '@badges=;display-name=;id=m3;room-id=9;tmi-sent-ts=x;user-id=8 :quiet!quiet@quiet.tmi.twitch.tv PRIVMSG #streamer :',
  '@id=m4;id=m5;bits;emotes=1:0-1/2:3-4;display-name=Caf\\:e\\\\;user-id=9 :Caps@host PRIVMSG #streamer :😂 mixed wide text',
];

// What may differ between two reads of one line: the order of roles, and "now" for a missing time.
function comparable(message: ChatMessage | null) {
  if (!message) return message;
  const now = Date.now();
  return { ...message, roles: [...message.roles].sort(), sentAt: message.sentAt > now - 60_000 && message.sentAt <= now ? 'now' : message.sentAt };
}

function general(line: string): ChatMessage | null | 'refused' {
  try {
    return toChatMessage(parseIrcLine(line));
  } catch {
    return 'refused';
  }
}

test('reads the usual chat lines exactly as the general parser does', () => {
  for (const line of LINES) {
    const fast = readChatLine(line);
    assert.ok(fast, `read: ${line.slice(0, 60)}`);
    assert.deepEqual(comparable(fast), comparable(general(line) as ChatMessage));
  }
});

test('on thousands of damaged lines it either agrees with the general parser or leaves the line to it', () => {
  const random = seededRandom(7);
  const pieces = [' ', '  ', ';', ';;', '=', '\\', '\\s', ':', '@', '!', '#', '\r', '\n', '\0', 'x', 'PRIVMSG', 'privmsg', 'id=', 'tmi-sent-ts=', 'badges=', 'broadcaster/1,', 'mod=1;'];
  let read = 0;
  for (let i = 0; i < 5_000; i++) {
    let line = LINES[Math.floor(random() * LINES.length)]!;
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * line.length);
      const piece = pieces[Math.floor(random() * pieces.length)]!;
      line = random() < 0.3 ? line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 4)) : line.slice(0, at) + piece + line.slice(at);
    }
    const fast = readChatLine(line);
    if (fast === undefined) continue;
    read++;
    const expected = general(line);
    assert.notEqual(expected, 'refused', `the general parser refuses what was read: ${JSON.stringify(line)}`);
    assert.deepEqual(comparable(fast), comparable(expected as ChatMessage | null), JSON.stringify(line));
  }
  assert.ok(read > 1_000, `most damaged lines are still chat lines (${read} read)`);
});

test('leaves other commands, other spacing and refused characters to the general parser', () => {
  for (const line of [
    'PING :tmi.twitch.tv',
    ':fan!fan@fan.tmi.twitch.tv PRIVMSG #streamer :no tags',
    '@id=1 :tmi.twitch.tv USERNOTICE #streamer :hi',
    '@id=1 :fan!fan@fan PRIVMSG  #streamer :two spaces',
    '@id=1 :fan!fan@fan PRIVMSG #streamer word',
    '@id=1 :fan!fan@fan privmsg #streamer :lowercase',
    '@id=1 :fan!fan@fan PRIVMSG #streamer :cr\rinside',
    '@id=1 : PRIVMSG #streamer :no nick',
  ]) {
    assert.equal(readChatLine(line), undefined, line);
  }
});
