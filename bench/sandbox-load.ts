// The Twitch side of the sandbox bench, in a process of its own as Twitch would be: runs the
// sandbox, waits for the bot to join #bench, then pours chat in at RATE msg/s through the control
// API. The timed commands are typed by chatters of their own over IRC, as on Twitch: each is timed
// from the chatter's socket write to the bot's reply reaching that chatter.
// Prints `{"ircPort": n}` when listening and `{"latencies": [...], "rate": r}` at the end.
import { connect } from 'node:net';
import { startSandbox } from '../src/sandbox/sandbox.ts';

const RATE = 500;
const SECONDS = 42;
// The first seconds warm up the JIT and connections and are not measured.
const WARMUP_SECONDS = 2;
// Twitch lets a moderator bot send 100 messages per 30 s, so about 3 commands a second get answers.
const COMMANDS_PER_SECOND = 3;

// Moderators, so that Twitch's limits for their own messages (100 per 30 s) allow the command rate.
const COMMANDERS = ['benchmod1', 'benchmod2'];

const sandbox = await startSandbox({ ircPort: 0, httpPort: 0, channels: ['bench'], moderators: { bench: ['utbot', ...COMMANDERS] } });
console.log(JSON.stringify({ ircPort: sandbox.ircPort }));
while (!(await botJoined())) await new Promise((resolve) => setTimeout(resolve, 50));

const sentAt = new Map<string, number>();
const latencies: number[] = [];
const onLine = (line: string) => {
  // `!help cN` answers "There is no command !cN", which names the command it answers.
  const nonce = line.includes(':utbot!') ? /PRIVMSG #bench :.*no command !(c\d+)/.exec(line)?.[1] : undefined;
  const start = nonce === undefined ? undefined : sentAt.get(nonce);
  if (start !== undefined) {
    latencies.push(performance.now() - start);
    sentAt.delete(nonce!);
  }
};
const commanders = await Promise.all(COMMANDERS.map((login) => ircChatter(sandbox.ircPort, login, onLine)));

const interval = 50;
const start = performance.now();
const end = start + SECONDS * 1000;
const measureFrom = start + WARMUP_SECONDS * 1000;
let n = 0;
let commands = 0;
for (let tick = 1; performance.now() < end; tick++) {
  const lines: string[] = [];
  // Catch up with the clock, so that a slow tick does not lower the rate.
  const due = Math.floor(((performance.now() - start) * RATE) / 1000);
  for (; n < due; n++) {
    if (n % Math.round(RATE / COMMANDS_PER_SECOND) === 0 && performance.now() >= measureFrom) {
      sentAt.set(`c${n}`, performance.now());
      commanders[commands++ % commanders.length]!.write(`PRIVMSG #bench :!help c${n}\r\n`);
      continue;
    }
    const login = `viewer${n}`;
    const text = 'just chatting here Kappa';
    lines.push(`@badges=;display-name=${login};id=bench-${n};room-id=1;tmi-sent-ts=${Date.now()};user-id=${n + 10} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #bench :${text}`);
  }
  await fetch(`${sandbox.httpUrl}/control/raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lines }) });
  const wait = start + tick * interval - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
const rate = n / ((performance.now() - start) / 1000);
await new Promise((resolve) => setTimeout(resolve, 500));
for (const commander of commanders) commander.destroy();
await sandbox.close();
console.log(JSON.stringify({ latencies, rate, commands }));

async function botJoined(): Promise<boolean> {
  const state = (await (await fetch(`${sandbox.httpUrl}/control/state`)).json()) as { clients: { login: string; channels: string[] }[] };
  return state.clients.some((c) => c.login === 'utbot' && c.channels.includes('bench'));
}

/** A chatter's IRC connection joined to #bench that hands every line it reads to `onLine`. */
async function ircChatter(port: number, login: string, onLine: (line: string) => void) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  socket.setEncoding('utf8');
  let buffer = '';
  let joined!: () => void;
  const ready = new Promise<void>((resolve) => (joined = resolve));
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\r\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      if (line.includes(' ROOMSTATE #bench')) joined();
      onLine(line);
    }
  });
  socket.write(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nPASS oauth:sandbox-bench\r\nNICK ${login}\r\nJOIN #bench\r\n`);
  await ready;
  return socket;
}
