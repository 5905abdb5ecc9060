import type { ChatEvent, ChatMessage, OutgoingMessage } from '../../core/chat.ts';
import type { ChatTransport, Clock, ConnectionState, Logger } from '../../core/ports.ts';
import { readLine } from './irc.chat-line.ts';
import { channelName, rolesFromTags, toChatEvent } from './irc.external.ts';
import { escapeTagValue, type IrcMessage } from './irc.parser.ts';
import { openLineSocket, type LineSocket } from './line-socket.ts';
import { SendScheduler, type ChatLimits } from './send-scheduler.ts';

export interface IrcChatOptions {
  /** `irc://`, `ircs://`, `ws://` or `wss://` address of Twitch chat or the sandbox. */
  url: string;
  login: string;
  /** The bot account's current access token (without `oauth:`); called on every (re)connect. */
  getToken: () => Promise<string>;
  /** Called when Twitch refuses the token, so the auth layer can refresh it before the next try. */
  onAuthFailure?: () => Promise<void>;
  limits: ChatLimits;
  clock: Clock;
  logger: Logger;
  reconnect?: { initialDelayMs: number; maxDelayMs: number };
  /** How long to wait for a JOIN to be confirmed (ROOMSTATE) before join() rejects. */
  joinTimeoutMs?: number;
  /** Idle time after which a PING checks that the connection is alive. */
  keepaliveMs?: number;
  /** Counts lines that could not be parsed (they are logged and skipped). */
  onMalformedLine?: () => void;
}

interface JoinWaiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A thin Twitch chat client over IRC (TCP or WebSocket), chosen over twurple's ChatClient because
 * that one fixes the port (tests run sandboxes on free ports in parallel) and holds one connection.
 * It registers, joins with Twitch's join limit, releases replies through the SendScheduler, answers
 * PING, and reconnects with exponential backoff after a drop or a RECONNECT, rejoining every channel.
 */
export class IrcChatTransport implements ChatTransport {
  private socket: LineSocket | undefined;
  private currentState: ConnectionState = 'closed';
  private readonly wanted = new Set<string>();
  private readonly joined = new Set<string>();
  private readonly joinWaiters = new Map<string, JoinWaiter[]>();
  private readonly messageHandlers: ((message: ChatMessage) => void)[] = [];
  private readonly eventHandlers: ((event: ChatEvent) => void)[] = [];
  private readonly stateHandlers: ((state: ConnectionState) => void)[] = [];
  private readonly scheduler: SendScheduler;
  private readonly joinTimes: number[] = [];
  private joinQueue: string[] = [];
  private joinTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private lastLineAt = 0;
  private awaitingPong = false;
  private closing = false;
  private firstConnect: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly options: IrcChatOptions) {
    this.scheduler = new SendScheduler({ limits: options.limits, clock: options.clock, write: (m) => this.writePrivmsg(m) });
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  get channels(): ReadonlySet<string> {
    return this.joined;
  }

  get queueDepth(): number {
    return this.scheduler.depth;
  }

  onMessage(handler: (message: ChatMessage) => void): void {
    this.messageHandlers.push(handler);
  }

  onEvent(handler: (event: ChatEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  onStateChange(handler: (state: ConnectionState) => void): void {
    this.stateHandlers.push(handler);
  }

  /** Resolves once registered the first time; later drops are healed in the background. */
  connect(): Promise<void> {
    this.closing = false;
    return new Promise((resolve, reject) => {
      this.firstConnect = { resolve, reject };
      this.open('connecting');
    });
  }

  join(channel: string): Promise<void> {
    const name = channelName(channel);
    this.wanted.add(name);
    if (this.joined.has(name)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settleJoin(name, new Error(`joining #${name} timed out`)), this.options.joinTimeoutMs ?? 10_000);
      const waiters = this.joinWaiters.get(name) ?? [];
      waiters.push({ resolve, reject, timer });
      this.joinWaiters.set(name, waiters);
      if (this.currentState === 'connected') this.queueJoins([name]);
    });
  }

  async part(channel: string): Promise<void> {
    const name = channelName(channel);
    this.wanted.delete(name);
    this.joined.delete(name);
    this.joinQueue = this.joinQueue.filter((c) => c !== name);
    this.socket?.write(`PART #${name}`);
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.scheduler.enqueue({ ...message, channel: channelName(message.channel) });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.joinTimer);
    clearInterval(this.keepaliveTimer);
    this.scheduler.close('chat transport closed');
    for (const name of [...this.joinWaiters.keys()]) this.settleJoin(name, new Error('chat transport closed'));
    this.socket?.write('QUIT');
    this.socket?.close();
    this.socket = undefined;
    this.setState('closed');
  }

  private open(state: ConnectionState): void {
    this.setState(state);
    this.options
      .getToken()
      .then((token) => {
        if (this.closing) return;
        let registered = false;
        const socket = openLineSocket(this.options.url, {
          onOpen: () => {
            socket.write('CAP REQ :twitch.tv/tags twitch.tv/commands');
            socket.write(`PASS oauth:${token}`);
            socket.write(`NICK ${this.options.login}`);
          },
          onLine: (line) => {
            this.lastLineAt = this.options.clock.now();
            this.awaitingPong = false;
            const read = this.read(line);
            if (!read) return;
            if ('message' in read) {
              if (read.message) for (const handler of this.messageHandlers) handler(read.message);
              return;
            }
            const { irc } = read;
            if (!registered && irc.command === '376') {
              registered = true;
              this.registered();
            }
            this.dispatch(irc);
          },
          onClose: (reason) => {
            if (this.socket !== socket) return;
            this.socket = undefined;
            this.dropped(reason);
          },
        });
        this.socket = socket;
      })
      .catch((error: unknown) => this.dropped(`no token: ${error instanceof Error ? error.message : String(error)}`));
  }

  private registered(): void {
    this.attempt = 0;
    this.setState('connected');
    this.scheduler.resume();
    this.startKeepalive();
    this.queueJoins([...this.wanted]);
    this.firstConnect?.resolve();
    this.firstConnect = undefined;
  }

  private dropped(reason: string): void {
    this.scheduler.pause();
    clearInterval(this.keepaliveTimer);
    clearTimeout(this.joinTimer);
    this.joinQueue = [];
    this.joined.clear();
    if (this.closing) return;
    const { initialDelayMs, maxDelayMs } = this.options.reconnect ?? { initialDelayMs: 1_000, maxDelayMs: 60_000 };
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.options.logger.warn({ reason, attempt: this.attempt, delayMs: Math.round(delay) }, 'chat connection lost, reconnecting');
    this.setState('reconnecting');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.open('reconnecting'), delay);
  }

  private read(line: string): ReturnType<typeof readLine> | undefined {
    try {
      return readLine(line);
    } catch (error) {
      this.options.onMalformedLine?.();
      this.options.logger.warn({ err: error, line: line.slice(0, 200) }, 'ignored a malformed chat line');
      return undefined;
    }
  }

  private dispatch(irc: IrcMessage): void {
    switch (irc.command) {
      case 'PING':
        this.socket?.write(`PONG :${irc.params[0] ?? 'tmi.twitch.tv'}`);
        return;
      case 'RECONNECT':
        this.options.logger.info({}, 'chat server asked to reconnect');
        this.socket?.close();
        return;
      case 'ROOMSTATE':
        this.joined.add(channelName(irc.params[0]));
        this.settleJoin(channelName(irc.params[0]));
        break;
      case 'USERSTATE': {
        const roles = rolesFromTags(irc.tags);
        const channel = channelName(irc.params[0]);
        this.scheduler.setModerator(channel, roles.has('moderator') || roles.has('broadcaster') || channel === this.options.login);
        break;
      }
      case 'NOTICE':
        if (/authentication failed|improperly formatted auth/i.test(irc.params[1] ?? '')) {
          this.options.logger.error({}, 'Twitch refused the bot token');
          void this.options.onAuthFailure?.().catch(() => undefined);
          this.socket?.close();
          return;
        }
        break;
    }
    const event = toChatEvent(irc);
    if (event) for (const handler of this.eventHandlers) handler(event);
  }

  private queueJoins(channels: string[]): void {
    for (const channel of channels) if (!this.joinQueue.includes(channel) && !this.joined.has(channel)) this.joinQueue.push(channel);
    this.flushJoins();
  }

  // Twitch allows 20 JOINs per 10 s; the rest wait for room in the window.
  private flushJoins(): void {
    clearTimeout(this.joinTimer);
    const { joinLimit, joinWindowMs } = this.options.limits;
    const now = this.options.clock.now();
    while (this.joinTimes.length > 0 && this.joinTimes[0]! <= now - joinWindowMs) this.joinTimes.shift();
    const room = joinLimit - this.joinTimes.length;
    const batch = this.joinQueue.splice(0, Math.max(0, room));
    if (batch.length > 0) {
      this.socket?.write(`JOIN ${batch.map((c) => `#${c}`).join(',')}`);
      for (let i = 0; i < batch.length; i++) this.joinTimes.push(now);
    }
    if (this.joinQueue.length > 0) {
      const wait = Math.max(1, this.joinTimes[0]! + joinWindowMs - now);
      this.joinTimer = setTimeout(() => this.flushJoins(), wait);
    }
  }

  private settleJoin(channel: string, error?: Error): void {
    const waiters = this.joinWaiters.get(channel);
    if (!waiters) return;
    this.joinWaiters.delete(channel);
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  private writePrivmsg(message: OutgoingMessage): boolean {
    if (!this.socket || this.currentState !== 'connected') return false;
    const tags = message.replyTo ? `@reply-parent-msg-id=${escapeTagValue(message.replyTo)} ` : '';
    return this.socket.write(`${tags}PRIVMSG #${message.channel} :${message.text}`);
  }

  private startKeepalive(): void {
    const interval = this.options.keepaliveMs ?? 60_000;
    clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = setInterval(() => {
      if (this.awaitingPong) {
        this.options.logger.warn({}, 'chat server stopped answering PING');
        this.socket?.close();
        return;
      }
      if (this.options.clock.now() - this.lastLineAt >= interval) {
        this.awaitingPong = true;
        this.socket?.write('PING :tmi.twitch.tv');
      }
    }, interval);
    this.keepaliveTimer.unref();
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const handler of this.stateHandlers) handler(state);
  }
}
