/** Helpers for the sandbox's own tests: a raw line client over TCP, and JSON calls with bounded waits. */
import { connect, type Socket } from 'node:net';
import { parseTags, type Tags } from './tags.ts';

const WAIT_MS = 3_000;

export class LineClient {
  readonly lines: string[] = [];
  private waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  private pending = '';
  private closed = false;
  private readonly closeWaiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.pending += chunk;
      const parts = this.pending.split('\r\n');
      this.pending = parts.pop() ?? '';
      for (const line of parts) this.push(line);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.closeWaiters.splice(0).forEach((resolve) => resolve());
    });
  }

  static open(port: number): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new LineClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Opens a connection and logs in with every capability; resolves after the 376 line. */
  static async login(port: number, login: string, caps = 'twitch.tv/tags twitch.tv/commands twitch.tv/membership'): Promise<LineClient> {
    const client = await LineClient.open(port);
    client.send(`CAP REQ :${caps}`, 'PASS oauth:sandbox-test', `NICK ${login}`);
    await client.waitFor((l) => l.includes(' 376 '));
    return client;
  }

  send(...lines: string[]): void {
    this.socket.write(lines.map((l) => `${l}\r\n`).join(''));
  }

  /** The first line (already received or still to come) that passes the test. */
  waitFor(test: (line: string) => boolean, ms = WAIT_MS): Promise<string> {
    const seen = this.lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching line within ${ms} ms; got:\n${this.lines.join('\n')}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** Resolves when the server closes the connection. */
  waitClosed(ms = WAIT_MS): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connection still open after ${ms} ms`)), ms);
      this.closeWaiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private push(line: string): void {
    this.lines.push(line);
    for (const waiter of this.waiters.filter((w) => w.test(line))) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(line);
    }
  }
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  return call(base, path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

export async function call(base: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(WAIT_MS) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** Polls until `read` gives a value that passes `ok`. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The tags of a raw IRC line, unescaped. */
export function tagsOf(line: string): Tags {
  return line.startsWith('@') ? parseTags(line.slice(1, line.indexOf(' '))) : {};
}
