// tmi.js is CommonJS without types; this is the slice of it the end-to-end tests use.
// It is an independent Twitch client: the tests see the bot the way a viewer's chat client does.
import { createRequire } from 'node:module';

export type Userstate = Record<string, unknown>;

export interface TmiClient {
  on(event: 'message', listener: (channel: string, tags: Userstate, message: string, self: boolean) => void): void;
  on(event: 'join', listener: (channel: string, username: string, self: boolean) => void): void;
  connect(): Promise<unknown>;
  disconnect(): Promise<unknown>;
  say(channel: string, message: string): Promise<unknown>;
}

const tmi = createRequire(import.meta.url)('tmi.js') as { Client: new (options: object) => TmiClient };

/** A tmi.js client logged in as `login`, joined to `channels` over the sandbox's WebSocket. */
export async function connectTmi(port: number, login: string, channels: string[]): Promise<TmiClient> {
  const client = new tmi.Client({
    options: { skipMembership: true, skipUpdatingEmotesets: true },
    connection: { server: '127.0.0.1', port, secure: false, reconnect: false },
    identity: { username: login, password: `oauth:sandbox-${login}` },
    channels,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  const joined = new Promise<void>((resolve) => {
    let waiting = channels.length;
    client.on('join', (_channel, _user, self) => self && --waiting === 0 && resolve());
  });
  await client.connect();
  await joined;
  return client;
}

/** Resolves with the next message `from` says in `channel`, as tmi.js parsed it. */
export function nextMessageFrom(client: TmiClient, from: string, match: (text: string) => boolean = () => true): Promise<{ tags: Userstate; text: string; channel: string }> {
  return new Promise((resolve) => {
    client.on('message', (channel, tags, text) => {
      if (tags['username'] === from && match(text)) resolve({ tags, text, channel });
    });
  });
}
