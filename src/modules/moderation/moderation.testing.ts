// Fakes of the ports moderation uses, and a message builder, for the module's tests.
import type { ChatMessage, OutgoingMessage, Role } from '../../core/chat.ts';
import type { ChatSender, Clock, EventBus, Logger, TwitchApi, TwitchStream, TwitchUser } from '../../core/ports.ts';

let counter = 0;

/** A chat message from a viewer in #sandbox, with `overrides` applied. */
export function chatMessage(text: string, overrides: Partial<Omit<ChatMessage, 'roles'>> & { roles?: Role[] } = {}): ChatMessage {
  counter++;
  const login = overrides.login ?? 'viewer';
  const { roles, ...rest } = overrides;
  return {
    id: `m${counter}`,
    channel: 'sandbox',
    channelId: '1000',
    userId: `u-${login}`,
    login,
    displayName: login,
    text,
    action: false,
    emotes: [],
    bits: 0,
    firstMessage: false,
    sentAt: 0,
    ...rest,
    roles: new Set(roles ?? []),
  };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(public time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export type TwitchCall = { method: 'deleteMessage' | 'banUser' | 'unbanUser'; args: unknown[] };

/** Records moderation calls; `failWith` makes the next calls throw (as the Helix client does after its retries). */
export class FakeTwitch implements TwitchApi {
  readonly calls: TwitchCall[] = [];
  failWith: Error | null = null;

  async getUserByLogin(): Promise<TwitchUser | null> {
    return null;
  }
  async getStream(): Promise<TwitchStream | null> {
    return null;
  }
  async deleteMessage(channelId: string, messageId: string): Promise<void> {
    this.record('deleteMessage', [channelId, messageId]);
  }
  async banUser(channelId: string, userId: string, reason: string, durationSeconds?: number): Promise<void> {
    this.record('banUser', [channelId, userId, reason, durationSeconds]);
  }
  async unbanUser(channelId: string, userId: string): Promise<void> {
    this.record('unbanUser', [channelId, userId]);
  }
  async sendAnnouncement(): Promise<void> {}

  private record(method: TwitchCall['method'], args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failWith) throw this.failWith;
  }
}

export class FakeChat implements ChatSender {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

export class FakeBus implements EventBus {
  readonly published: { topic: string; payload: unknown }[] = [];
  async publish<T>(topic: string, payload: T): Promise<void> {
    this.published.push({ topic, payload });
  }
  async subscribe(): Promise<() => Promise<void>> {
    return async () => {};
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
