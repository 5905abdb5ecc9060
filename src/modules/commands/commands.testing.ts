// Fakes of the ports for the commands module's tests.
import type { ChatMessage, OutgoingMessage, Role } from '../../core/chat.ts';
import { builtinsModule } from '../../core/builtins.ts';
import { CommandRegistry } from '../../core/command-registry.ts';
import { defaultChannelConfig, type ChannelConfig } from '../../core/module.ts';
import { MessagePipeline } from '../../core/pipeline.ts';
import type { Cache, ChatSender, EventBus, Logger, RateLimiter, TwitchApi, TwitchStream, TwitchUser } from '../../core/ports.ts';
import { ChannelsRepository } from '../../db/channels.repository.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { commandsMigrations } from './commands.migrations.ts';
import { commandsModule } from './index.ts';
import type { UrlFetcher } from './urlfetch/urlfetch.client.ts';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A settable clock. */
export function fakeClock(start = Date.UTC(2024, 4, 1, 12, 0, 0)) {
  const clock = { ms: start, now: () => clock.ms };
  return clock;
}

/** A Cache on a settable clock that counts its calls. */
export function fakeCache(clock: { now(): number }) {
  const entries = new Map<string, { value: string; until: number }>();
  const calls = { get: 0, set: 0, setIfAbsent: 0 };
  const live = (key: string) => {
    const entry = entries.get(key);
    return entry && entry.until > clock.now() ? entry : undefined;
  };
  const cache: Cache & { calls: typeof calls; entries: typeof entries } = {
    calls,
    entries,
    get: async (key) => {
      calls.get++;
      return live(key)?.value ?? null;
    },
    set: async (key, value, ttl) => {
      calls.set++;
      entries.set(key, { value, until: clock.now() + ttl * 1000 });
    },
    delete: async (key) => void entries.delete(key),
    setIfAbsent: async (key, value, ttl) => {
      calls.setIfAbsent++;
      if (live(key)) return false;
      entries.set(key, { value, until: clock.now() + ttl * 1000 });
      return true;
    },
    ping: async () => undefined,
  };
  return cache;
}

/** One point per key per duration, on a settable clock. */
export function fakeRateLimiter(clock: { now(): number }): RateLimiter {
  const used = new Map<string, { count: number; until: number }>();
  return {
    consume: async (key, points, seconds) => {
      const now = clock.now();
      let bucket = used.get(key);
      if (!bucket || bucket.until <= now) used.set(key, (bucket = { count: 0, until: now + seconds * 1000 }));
      if (bucket.count >= points) return { allowed: false, retryAfterMs: bucket.until - now };
      bucket.count++;
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}

/** An EventBus shared by several "instances" in one test. */
export function fakeBus(): EventBus {
  const topics = new Map<string, Set<(payload: unknown) => void>>();
  return {
    publish: async (topic, payload) => {
      for (const handler of topics.get(topic) ?? []) handler(JSON.parse(JSON.stringify(payload)));
    },
    subscribe: async (topic, handler) => {
      const set = topics.get(topic) ?? new Set();
      topics.set(topic, set);
      const own = (payload: unknown) => handler(payload as never);
      set.add(own);
      return async () => void set.delete(own);
    },
  };
}

/** A TwitchApi with settable streams and users that records the look-ups. */
export function fakeTwitch() {
  const streams = new Map<string, TwitchStream>();
  const users = new Map<string, TwitchUser>();
  const calls: string[] = [];
  const twitch: TwitchApi & { streams: typeof streams; users: typeof users; calls: typeof calls } = {
    streams,
    users,
    calls,
    getUserByLogin: async (login) => {
      calls.push(`user:${login}`);
      return users.get(login) ?? null;
    },
    getStream: async (channelId) => {
      calls.push(`stream:${channelId}`);
      return streams.get(channelId) ?? null;
    },
    deleteMessage: async () => undefined,
    banUser: async () => undefined,
    unbanUser: async () => undefined,
    sendAnnouncement: async () => undefined,
  };
  return twitch;
}

/** A ChatSender that records, also into `outbox` when given (to keep one order with replies). */
export function recordingSender(outbox?: OutgoingMessage[]): ChatSender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
      outbox?.push(message);
    },
  };
}

let nextId = 0;
/** A chat message in `channel` (channel id `c-<channel>`) from `login` (user id `u-<login>`). */
export function chatMessage(text: string, login = 'viewer', roles: Role[] = [], channel = 'chan'): ChatMessage {
  return {
    id: `m${++nextId}`,
    channel,
    channelId: `c-${channel}`,
    userId: `u-${login}`,
    login,
    displayName: login[0]!.toUpperCase() + login.slice(1),
    text,
    action: false,
    roles: new Set(roles),
    emotes: [],
    bits: 0,
    firstMessage: false,
    sentAt: 0,
  };
}

/** The whole module on PGlite in memory with fakes of every port, behind the real pipeline. */
export async function moduleHarness(options: { channels?: string[]; urlFetcher?: UrlFetcher; random?: () => number; configs?: Record<string, ChannelConfig>; bus?: EventBus; db?: Database } = {}) {
  const database = options.db ?? (await createTestDb(commandsMigrations));
  const channelsRepo = new ChannelsRepository(database.db);
  for (const channel of options.channels ?? ['chan']) await channelsRepo.join(channel);
  const clock = fakeClock();
  const cache = fakeCache(clock);
  const rateLimiter = fakeRateLimiter(clock);
  const bus = options.bus ?? fakeBus();
  const twitch = fakeTwitch();
  // Replies through the pipeline and messages through the ChatSender, in the order they were sent.
  const outbox: OutgoingMessage[] = [];
  const chat = recordingSender(outbox);
  const registry = new CommandRegistry();
  const directory = { get: (c: string) => options.configs?.[c] ?? defaultChannelConfig(c) };
  const feature = commandsModule({
    db: database.db,
    cache,
    rateLimiter,
    bus,
    twitch,
    chat,
    channels: directory,
    logger: silentLogger,
    clock,
    isReservedName: (name, channel) => registry.isReserved(name, directory.get(channel)),
    urlFetcher: options.urlFetcher,
    random: options.random,
    timerTickMs: 60_000,
  });
  const modules = [builtinsModule(registry), feature.module];
  for (const module of modules) registry.add(module);
  await feature.start();
  const replies: OutgoingMessage[] = [];
  const pipeline = new MessagePipeline({
    modules,
    registry,
    channels: directory,
    rateLimiter,
    send: async (message) => {
      replies.push(message);
      outbox.push(message);
    },
    observer: { stageTimed: () => undefined, moduleFailed: () => undefined, commandRan: () => undefined },
    logger: silentLogger,
  });
  /** Runs a message through the pipeline and waits for what it sent. */
  const say = async (text: string, login = 'viewer', roles: Role[] = [], channel = 'chan') => {
    const before = outbox.length;
    const outcome = await pipeline.handle(chatMessage(text, login, roles, channel));
    for (let i = 0; i < 20 && outbox.length === before; i++) await new Promise((resolve) => setImmediate(resolve));
    return outcome;
  };
  const lastText = () => outbox.at(-1)?.text;
  const close = async () => {
    await feature.module.close?.();
    if (!options.db) await database.close();
  };
  return { database, feature, pipeline, registry, clock, cache, twitch, chat, replies, outbox, say, lastText, close };
}
