// Starts the whole bot as a user would (`src/main.ts` in a child process) in sandbox mode on free
// ports, and talks to the sandbox's control API.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../src/config.ts';

export interface RunningBot {
  http: string;
  /** The sandbox's address; empty when the bot talks to a Twitch of the test's own. */
  sandbox: string;
  /** IRC over WebSocket, what tmi.js dials. */
  sandboxPort: number;
  channels: string[];
  lines: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

export interface BotOptions {
  dataDir?: string;
  env?: Record<string, string>;
}

/** A data folder that outlives one bot process (for restart tests); removed by `cleanup`. */
export function tempDataDir(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'utb-e2e-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startBot(options: BotOptions = {}): Promise<RunningBot> {
  const temp = options.dataDir ? undefined : tempDataDir();
  // Only what the test sets: settings from the developer's shell or a .env file must not leak in.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in configSchema.shape)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: '0',
    SANDBOX_PORT: '0',
    SANDBOX_IRC_PORT: '0',
    DATA_DIR: options.dataDir ?? temp!.path,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot not ready within 60 s:\n${stdout}\n${stderr.slice(-2000)}`)), 60_000);
    const check = () => {
      if (/^ready$/m.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before ready:\n${stdout}\n${stderr.slice(-2000)}`));
    });
  });
  const lines = Object.fromEntries(
    stdout
      .split('\n')
      .map((l) => /^(\w+): (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const sandbox = lines['sandbox'] ?? '';
  return {
    http: lines['http']!,
    sandbox,
    sandboxPort: sandbox ? Number(new URL(sandbox).port) : 0,
    channels: lines['channels']!.split(', '),
    lines,
    output: () => `${stdout}\n${stderr}`,
    stop: async () => {
      await stopProcess(child);
      temp?.cleanup();
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A JSON call to the sandbox's control API. */
export async function control<T = unknown>(bot: RunningBot, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${bot.sandbox}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface SentMessage {
  seq: number;
  channel: string;
  text: string;
  replyParentId: string | null;
  via: string;
  at: number;
}

/** Polls until `predicate` holds for what the bot said, or fails after `timeoutMs`. */
export async function waitForSent(bot: RunningBot, predicate: (sent: SentMessage[]) => boolean, timeoutMs = 10_000, query = ''): Promise<SentMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = await control<SentMessage[]>(bot, 'GET', `/control/sent${query}`);
    if (predicate(sent)) return sent;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; the bot said: ${JSON.stringify(sent.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls until `predicate` holds. */
export async function waitUntil(predicate: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
