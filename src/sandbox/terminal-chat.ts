/**
 * `npm run chat -- --as mod`: chat in the sandbox from a terminal. Each line typed is said by a chatter
 * with the chosen role (through POST /control/chat); the channel, the bot's replies included, is shown
 * by reading the sandbox's IRC over WebSocket as an anonymous viewer.
 *
 *   --as viewer|sub|vip|mod|broadcaster   role (default viewer)
 *   --login NAME                          who speaks (default viewer1, sub1, vip1, mod1, or the channel for broadcaster)
 *   --channel NAME                        default sandbox
 *   --url URL                             the sandbox (default $SANDBOX_URL or http://127.0.0.1:3001)
 *
 * `/event <type> [json]` fires an EventSub event instead, e.g. `/event channel.raid {"from_broadcaster_user_login":"pal","viewers":30}`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { actionText } from './irc.lines.ts';
import { parseIrcLine, type IrcMessage } from './irc.parser.ts';
import type { Role } from './roles.ts';
import { normalizeLogin } from './users.registry.ts';

const PERSONAS: Record<string, { roles: Role[]; login: string }> = {
  viewer: { roles: [], login: 'viewer1' },
  sub: { roles: ['subscriber'], login: 'sub1' },
  vip: { roles: ['vip'], login: 'vip1' },
  mod: { roles: ['moderator'], login: 'mod1' },
  broadcaster: { roles: ['broadcaster'], login: '' },
};

const REPLY_GRACE_MS = 1_000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: { as: { type: 'string', default: 'viewer' }, login: { type: 'string' }, channel: { type: 'string', default: 'sandbox' }, url: { type: 'string' } },
});
const persona = PERSONAS[values.as] ?? fail(`--as must be one of ${Object.keys(PERSONAS).join(', ')}`);
const channel = normalizeLogin(values.channel) ?? fail(`--channel ${values.channel} is not a Twitch login`);
const login = normalizeLogin(values.login ?? (persona.login || channel)) ?? fail(`--login ${values.login ?? ''} is not a Twitch login`);
const base = (values.url ?? process.env.SANDBOX_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) console.error(`! ${response.status}: ${((await response.json()) as { error?: string }).error ?? response.statusText}`);
}

function show(m: IrcMessage): void {
  const name = m.tags['display-name'] || (m.prefix ?? '').split('!')[0] || '?';
  const text = m.params[1] ?? '';
  switch (m.command) {
    case 'PRIVMSG': {
      const badges = (m.tags.badges ?? '').split(',').filter((b) => b !== '').map((b) => b.split('/')[0]);
      const prefix = badges.length > 0 ? `[${badges.join(',')}] ` : '';
      const action = actionText(text);
      const bits = m.tags.bits ? ` (${m.tags.bits} bits)` : '';
      console.log(action === undefined ? `${prefix}${name}: ${text}${bits}` : `${prefix}* ${name} ${action}${bits}`);
      return;
    }
    case 'USERNOTICE':
      console.log(`* ${m.tags['system-msg'] || `${name}:`}${text ? ` ${text}` : ''}`);
      return;
    case 'CLEARCHAT':
      if (!m.params[1]) console.log('* chat was cleared');
      else console.log(m.tags['ban-duration'] ? `* ${m.params[1]} was timed out for ${m.tags['ban-duration']} s` : `* ${m.params[1]} was banned`);
      return;
    case 'CLEARMSG':
      console.log(`* a message from ${m.tags.login} was deleted: ${text}`);
      return;
    case 'NOTICE':
      console.log(`! ${text}`);
      return;
  }
}

try {
  const response = await fetch(`${base}/control/state`, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
} catch (error) {
  fail(`sandbox not reachable at ${base} (${(error as Error).message}); start it with \`npm start\` or \`npm run sandbox\`, or pass --url / set SANDBOX_URL`);
}

/** Sends one typed line: a chat message, or an EventSub event for `/event <type> [json]`. */
async function submit(text: string): Promise<void> {
  const event = /^\/event\s+(\S+)\s*(.*)$/.exec(text);
  if (!event) return post('/control/chat', { channel, login, roles: persona.roles, text });
  let payload: unknown;
  try {
    payload = event[2] ? JSON.parse(event[2]) : {};
  } catch {
    console.error('! /event wants a JSON object after the type');
    return;
  }
  return post('/control/events', { type: event[1], channel, event: payload });
}

/**
 * Reads input only once the reader has joined, so the terminal shows every line it sends. Lines go out
 * one after another, in order; at the end of input the last replies get a moment to arrive.
 */
function startInput(): void {
  console.log(`# in #${channel} as ${login} (${values.as}); type to chat, /event <type> [json] to fire an event, Ctrl-D to leave`);
  let queue = Promise.resolve();
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    queue = queue.then(() => submit(text)).catch((error: unknown) => console.error(`! ${(error as Error).message}`));
  });
  input.on('close', () => {
    void queue.then(() =>
      setTimeout(() => {
        quitting = true;
        reader.close();
      }, REPLY_GRACE_MS),
    );
  });
}

const reader = new WebSocket(`${base.replace(/^http/, 'ws')}/`, 'irc');
let quitting = false;
reader.on('open', () => {
  reader.send(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan${Math.floor(Math.random() * 90_000) + 10_000}\r\nJOIN #${channel}\r\n`);
});
reader.on('message', (data) => {
  for (const line of data.toString().split('\r\n')) {
    const m = parseIrcLine(line);
    if (m?.command === 'PING') reader.send('PONG :tmi.twitch.tv\r\n');
    else if (m?.command === 'ROOMSTATE' && m.params[0] === `#${channel}`) startInput();
    else if (m) show(m);
  }
});
reader.on('error', (error) => fail(`chat connection failed: ${error.message}`));
reader.on('close', () => {
  if (!quitting) fail('disconnected from the sandbox chat');
});
