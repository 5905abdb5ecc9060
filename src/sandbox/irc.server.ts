/** The chat server: one IrcClient per connection (TCP or WebSocket), speaking irc.chat.twitch.tv's dialect. */
import { VIOLATION_TEXT, type MessageViolation } from './limits.ts';
import { parseIrcLine, type IrcMessage } from './irc.parser.ts';
import * as lines from './irc.lines.ts';
import type { OutLine } from './irc.lines.ts';
import type { SandboxState } from './sandbox.state.ts';
import { formatTags } from './tags.ts';
import { normalizeLogin } from './users.registry.ts';

export interface IrcConnection {
  readonly transport: 'tcp' | 'ws';
  send(data: string): void;
  /** Ends the connection politely. */
  close(): void;
  /** Cuts the connection without a goodbye. */
  destroy(): void;
}

export interface PrivmsgRequest {
  login: string;
  channel: string;
  text: string;
  replyParentId: string | null;
  clientNonce: string | null;
}

export type PrivmsgResult = { ok: true; id: string } | { ok: false; kind: MessageViolation };

const CAPABILITIES = ['twitch.tv/membership', 'twitch.tv/tags', 'twitch.tv/commands'];
const ANONYMOUS = /^justinfan\d+$/;
const SERVER_PING_MS = 5 * 60_000;

export class IrcClient {
  login: string | null = null;
  token: string | null = null;
  registered = false;
  readonly caps = new Set<string>();
  readonly channels = new Set<string>();
  /** Set by CAP LS: registration then waits for CAP END, as IRCv3 asks. */
  negotiating = false;

  constructor(readonly id: number, private readonly connection: IrcConnection) {}

  get transport(): 'tcp' | 'ws' {
    return this.connection.transport;
  }

  get anonymous(): boolean {
    return this.login !== null && ANONYMOUS.test(this.login);
  }

  write(line: OutLine | string): void {
    if (typeof line === 'string') return this.connection.send(`${line}\r\n`);
    if (line.needs && !this.caps.has(line.needs)) return;
    const tags = this.caps.has('twitch.tv/tags') ? formatTags(line.tags) : '';
    this.connection.send(`${tags}${line.text}\r\n`);
  }

  close(): void {
    this.connection.close();
  }

  destroy(): void {
    this.connection.destroy();
  }
}

export class IrcServer {
  private readonly clients = new Set<IrcClient>();
  private nextId = 1;
  private readonly pinger: NodeJS.Timeout;

  constructor(
    private readonly state: SandboxState,
    private readonly onPrivmsg: (request: PrivmsgRequest, from: IrcClient) => PrivmsgResult,
    private readonly log: (line: string) => void,
  ) {
    this.pinger = setInterval(() => this.each((c) => c.registered, `PING :${lines.SERVER}`), SERVER_PING_MS).unref();
  }

  accept(connection: IrcConnection): IrcClient {
    const client = new IrcClient(this.nextId++, connection);
    this.clients.add(client);
    return client;
  }

  /** Handles one line from a client; a bad line is dropped and never affects anyone else. */
  receive(client: IrcClient, raw: string): void {
    const message = parseIrcLine(raw);
    if (!message) {
      if (raw.trim() !== '') this.log(`irc: client ${client.id} sent a malformed line, ignored`);
      return;
    }
    try {
      this.handle(client, message);
    } catch (error) {
      this.log(`irc: client ${client.id} line failed: ${(error as Error).message}`);
    }
  }

  disconnect(client: IrcClient): void {
    if (!this.clients.delete(client)) return;
    for (const channel of client.channels) this.announce(client, 'PART', channel);
  }

  /** Sends a line to every client joined to a channel (except one, usually the sender). */
  toChannel(channel: string, line: OutLine | string, except?: IrcClient): number {
    return this.each((c) => c !== except && c.channels.has(channel), line);
  }

  toAll(line: string): number {
    return this.each(() => true, line);
  }

  /** Sends RECONNECT to every client; the clients are expected to hang up and dial again. */
  reconnectAll(): number {
    return this.toAll(`:${lines.SERVER} RECONNECT`);
  }

  dropAll(): number {
    const count = this.clients.size;
    for (const client of this.clients) client.destroy();
    return count;
  }

  clientsIn(channel: string): IrcClient[] {
    return [...this.clients].filter((c) => c.registered && c.channels.has(channel));
  }

  list(): IrcClient[] {
    return [...this.clients];
  }

  close(): void {
    clearInterval(this.pinger);
    for (const client of this.clients) client.destroy();
    this.clients.clear();
  }

  /** Tells the channel's other members (those with twitch.tv/membership) that a logged-in user came or went. */
  private announce(client: IrcClient, command: 'JOIN' | 'PART', channel: string): void {
    if (!client.login || client.anonymous) return;
    const line: OutLine = { tags: {}, text: lines.membership(command, client.login, channel), needs: 'twitch.tv/membership' };
    this.toChannel(channel, line, client);
  }

  private each(filter: (c: IrcClient) => boolean, line: OutLine | string): number {
    let count = 0;
    for (const client of this.clients) {
      if (!filter(client)) continue;
      client.write(line);
      count++;
    }
    return count;
  }

  private handle(client: IrcClient, m: IrcMessage): void {
    switch (m.command) {
      case 'CAP':
        return this.cap(client, m.params);
      case 'PASS':
        client.token = (m.params[0] ?? '').replace(/^oauth:/, '');
        return;
      case 'NICK':
        return this.nick(client, m.params[0] ?? '');
      case 'USER':
      case 'PONG':
        return;
      case 'PING':
        return client.write(m.params.length === 0 ? `PONG :${lines.SERVER}` : `:${lines.SERVER} PONG ${lines.SERVER} :${m.params.at(-1)}`);
      case 'QUIT':
        return client.close();
    }
    if (!client.registered || !client.login) return;
    switch (m.command) {
      case 'JOIN':
        return this.join(client, client.login, m.params[0] ?? '');
      case 'PART':
        return this.part(client, client.login, m.params[0] ?? '');
      case 'PRIVMSG':
        return this.privmsg(client, client.login, m);
      default:
        client.write(`:${lines.SERVER} 421 ${client.login} ${m.command} :Unknown command`);
    }
  }

  private cap(client: IrcClient, params: string[]): void {
    const [sub = '', ...rest] = params;
    switch (sub.toUpperCase()) {
      case 'LS':
        if (!client.registered) client.negotiating = true;
        return client.write(`:${lines.SERVER} CAP * LS :${CAPABILITIES.join(' ')}`);
      case 'REQ': {
        const requested = (rest.at(-1) ?? '').split(' ').filter((c) => c !== '');
        const known = requested.filter((c) => CAPABILITIES.includes(c.replace(/^-/, '')));
        const unknown = requested.filter((c) => !known.includes(c));
        for (const cap of known) {
          if (cap.startsWith('-')) client.caps.delete(cap.slice(1));
          else client.caps.add(cap);
        }
        if (known.length > 0) client.write(`:${lines.SERVER} CAP * ACK :${known.join(' ')}`);
        if (unknown.length > 0) client.write(`:${lines.SERVER} CAP * NAK :${unknown.join(' ')}`);
        return;
      }
      case 'END':
        client.negotiating = false;
        if (client.login && !client.registered) this.register(client, client.login);
        return;
      case 'LIST':
        return client.write(`:${lines.SERVER} CAP * LIST :${[...client.caps].join(' ')}`);
    }
  }

  private nick(client: IrcClient, nick: string): void {
    if (client.registered) return;
    const login = normalizeLogin(nick);
    if (!login) return this.refuse(client, 'Improperly formatted auth');
    if (!ANONYMOUS.test(login) && !client.token) return this.refuse(client, 'Login authentication failed');
    client.login = login;
    if (!client.negotiating) this.register(client, login);
  }

  private refuse(client: IrcClient, reason: string): void {
    client.write(`:${lines.SERVER} NOTICE * :${reason}`);
    client.close();
  }

  private register(client: IrcClient, login: string): void {
    client.registered = true;
    this.log(`irc: client ${client.id} logged in as ${login} (${client.transport})`);
    for (const line of lines.welcome(login)) client.write(line);
    if (client.anonymous) return;
    if (client.token) this.state.tokens.rememberIrcLogin(client.token, login);
    client.write(lines.globalUserState(this.state.users.user(login)));
  }

  private join(client: IrcClient, login: string, list: string): void {
    for (const channel of channelNames(list)) {
      if (client.channels.has(channel)) continue;
      if (!this.state.limits.join(login)) {
        this.state.violations.add({ kind: 'join_ratelimit', channel, at: Date.now() });
        this.log(`irc: ${login} broke join_ratelimit joining #${channel}`);
        continue;
      }
      const room = this.state.channel(channel);
      client.channels.add(channel);
      client.write(lines.membership('JOIN', login, channel));
      this.announce(client, 'JOIN', channel);
      for (const line of lines.names(login, channel)) client.write(line);
      if (!client.anonymous) client.write(lines.userState(channel, this.state.users.user(login), this.state.standingRoles(login, channel)));
      client.write(lines.roomState(channel, room.owner.id));
    }
  }

  private part(client: IrcClient, login: string, list: string): void {
    for (const channel of channelNames(list)) {
      if (!client.channels.delete(channel)) continue;
      client.write(lines.membership('PART', login, channel));
      this.announce(client, 'PART', channel);
    }
  }

  private privmsg(client: IrcClient, login: string, m: IrcMessage): void {
    const [target = '', text] = m.params;
    const [channel] = channelNames(target);
    if (client.anonymous || !channel || !text) return;
    const result = this.onPrivmsg({
      login,
      channel,
      text,
      replyParentId: m.tags['reply-parent-msg-id'] || null,
      clientNonce: m.tags['client-nonce'] || null,
    }, client);
    if (!result.ok) {
      this.log(`irc: ${login} broke ${result.kind} in #${channel}`);
      return client.write(lines.notice(channel, result.kind, VIOLATION_TEXT[result.kind]));
    }
    client.write(lines.userState(channel, this.state.users.user(login), this.state.standingRoles(login, channel), result.id));
  }
}

/** `#a,#b` to ['a', 'b'], skipping anything that is not a channel name. */
function channelNames(list: string): string[] {
  return list
    .split(',')
    .filter((name) => name.startsWith('#'))
    .map((name) => normalizeLogin(name))
    .filter((name): name is string => name !== null);
}
