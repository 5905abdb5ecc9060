import type { ChatEvent, ChatMessage, OutgoingMessage } from './chat.ts';

/** The connection to chat: real Twitch IRC or the sandbox. */
export interface ChatTransport {
  /** Connects and keeps the connection alive (reconnecting on drops) until `close()`. */
  connect(): Promise<void>;
  join(channel: string): Promise<void>;
  part(channel: string): Promise<void>;
  /** Queues a message under Twitch's rate limits; resolves when it was written to the wire. */
  send(message: OutgoingMessage): Promise<void>;
  onMessage(handler: (message: ChatMessage) => void): void;
  onEvent(handler: (event: ChatEvent) => void): void;
  onStateChange(handler: (state: ConnectionState) => void): void;
  readonly state: ConnectionState;
  readonly channels: ReadonlySet<string>;
  /** Messages waiting in the send queue. */
  readonly queueDepth: number;
  close(): Promise<void>;
}

/** The chat connection's state. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Says something in a channel outside of a command's reply (timers, alerts); text is sanitised on the way. */
export interface ChatSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** Twitch's Helix API, reduced to what modules need. */
export interface TwitchApi {
  getUserByLogin(login: string): Promise<TwitchUser | null>;
  getStream(channelId: string): Promise<TwitchStream | null>;
  deleteMessage(channelId: string, messageId: string): Promise<void>;
  /** Bans when `durationSeconds` is undefined, times out otherwise. */
  banUser(channelId: string, userId: string, reason: string, durationSeconds?: number): Promise<void>;
  unbanUser(channelId: string, userId: string): Promise<void>;
  sendAnnouncement(channelId: string, text: string): Promise<void>;
}

/** A Twitch user as Helix describes it. */
export interface TwitchUser {
  id: string;
  login: string;
  displayName: string;
  createdAt: Date;
}

/** A live stream as Helix describes it. */
export interface TwitchStream {
  title: string;
  gameName: string;
  viewers: number;
  startedAt: Date;
}

/** A string cache with time-to-live, in-process or Redis. */
export interface Cache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Sets only if absent; true when this call set it. Used for locks across instances. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  ping(): Promise<void>;
}

/** The outcome of a rate-limit or cooldown check. */
export interface RateLimitResult {
  allowed: boolean;
  /** When not allowed: milliseconds until the next attempt can pass. */
  retryAfterMs: number;
}

/** Rate limits and cooldowns, in-process or Redis. */
export interface RateLimiter {
  /** Consumes one point of `key` in a bucket of `points` per `durationSeconds`. */
  consume(key: string, points: number, durationSeconds: number): Promise<RateLimitResult>;
}

/** Typed publish/subscribe for real-time events, across instances when Redis is used. */
export interface EventBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe<T>(topic: string, handler: (payload: T) => void): Promise<() => Promise<void>>;
}

/** Measures calls to outside APIs (Helix, tarkov.dev, …) for the per-service latency and error metrics. */
export interface ExternalCallObserver {
  observe(service: string, seconds: number, outcome: 'ok' | 'error'): void;
}

/** The time source; tests replace it. */
export interface Clock {
  now(): number;
}

/** The logging surface modules get; pino satisfies it. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };
