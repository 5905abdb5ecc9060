// A realistic mix of raw Twitch IRC lines: mostly chat with full tags (subs, mods, emotes, replies),
// some commands (known, unknown, with arguments), and the occasional USERNOTICE, CLEARCHAT and PING.
import { escapeTagValue } from '../src/adapters/twitch/irc.parser.ts';
import { LINES_PER_READ } from './stats.ts';

const WORDS = ['gg', 'lol', 'nice', 'that', 'was', 'insane', 'chat', 'is', 'this', 'real', 'PogChamp', 'Kappa', 'what', 'a', 'play', 'no', 'way', 'KEKW', 'LUL', 'hello', 'streamer', '😂', 'monkaS', 'clip', 'it'];
const COMMANDS = ['!commands', '!help join', '!help', '!uptime', '!followage', '!price ledx', '!so somebody', '!lurk'];
const BADGES = ['', 'subscriber/12', 'subscriber/3,premium/1', 'moderator/1', 'vip/1', 'founder/0', 'glhf-pledge/1'];

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

function privmsg(i: number, channel: string, text: string): string {
  const login = `viewer${i % 5000}`;
  const badges = pick(BADGES, i * 7);
  const emotes = text.startsWith('Kappa') ? '25:0-4' : '';
  const reply = i % 29 === 0 ? `;reply-parent-display-name=Other;reply-parent-msg-body=${escapeTagValue('earlier message here')};reply-parent-msg-id=p${i};reply-parent-user-id=9;reply-parent-user-login=other` : '';
  return (
    `@badge-info=${badges.startsWith('subscriber') ? 'subscriber/12' : ''};badges=${badges};client-nonce=n${i};color=#1E90FF;` +
    `display-name=Viewer${i % 5000};emotes=${emotes};first-msg=${i % 97 === 0 ? 1 : 0};flags=;id=00000000-0000-4000-8000-${String(i).padStart(12, '0')};` +
    `mod=${badges.startsWith('moderator') ? 1 : 0}${reply};returning-chatter=0;room-id=1000;subscriber=${badges.includes('subscriber') ? 1 : 0};` +
    `tmi-sent-ts=${1_700_000_000_000 + i};turbo=0;user-id=${100_000 + (i % 5000)};user-type= :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #${channel} :${text}`
  );
}

/** `count` lines across `channels` channels; about 8% are commands. */
export function chatMix(count: number, channels = 10): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const channel = `channel${i % channels}`;
    if (i % 500 === 0) lines.push('PING :tmi.twitch.tv');
    else if (i % 250 === 0) lines.push(`@badge-info=subscriber/6;badges=subscriber/6;display-name=Sub${i};login=sub${i};msg-id=resub;msg-param-cumulative-months=6;room-id=1000;system-msg=Sub${i}\\ssubscribed\\sat\\sTier\\s1.;tmi-sent-ts=1;user-id=${i} :tmi.twitch.tv USERNOTICE #${channel} :six months!`);
    else if (i % 333 === 0) lines.push(`@ban-duration=600;room-id=1000;target-user-id=5;tmi-sent-ts=1 :tmi.twitch.tv CLEARCHAT #${channel} :troll`);
    else if (i % 13 === 0) lines.push(privmsg(i, channel, pick(COMMANDS, i)));
    else {
      const length = 2 + (i % 11);
      const words: string[] = [];
      for (let w = 0; w < length; w++) words.push(pick(WORDS, i * 31 + w * 7));
      lines.push(privmsg(i, channel, words.join(' ')));
    }
  }
  return lines;
}

/**
 * The lines as the transport gets them from a socket: decoded one read at a time and split, so each
 * is a slice of one flat string. Built up by concatenation, as the mixes are, V8 keeps each line as
 * a tree of its pieces: several times the memory (about 250 MB for 200,000 lines), flattened on first use.
 */
export function asReceived(lines: readonly string[]): string[] {
  const received: string[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_READ) {
    const read = Buffer.from(lines.slice(i, i + LINES_PER_READ).join('\r\n')).toString('utf8');
    for (const raw of read.split('\n')) received.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
  }
  return received;
}
