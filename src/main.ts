// Composition root: reads the configuration, builds the adapters, registers the modules and starts chat and HTTP.
// The only file that knows every adapter and every module.
import { builtinsModule } from './core/builtins.ts';
import { CommandRegistry } from './core/command-registry.ts';
import type { BotModule } from './core/module.ts';
import { MessagePipeline } from './core/pipeline.ts';
import { systemClock, type Cache, type EventBus, type RateLimiter } from './core/ports.ts';
import { ConfigError, loadConfig, sandboxMode, type Config } from './config.ts';
import { IrcChatTransport } from './adapters/twitch/irc-chat.transport.ts';
import { twitchChatLimits } from './adapters/twitch/send-scheduler.ts';
import { UserToken } from './adapters/twitch/user-token.ts';
import { HelixClient } from './adapters/twitch/helix.client.ts';
import { sanitizeOutgoing } from './core/outgoing.ts';
import type { ChatSender } from './core/ports.ts';
import { MemoryCache } from './adapters/memory/memory.cache.ts';
import { MemoryEventBus } from './adapters/memory/memory.event-bus.ts';
import { MemoryRateLimiter } from './adapters/memory/memory.rate-limiter.ts';
import { connectRedis, describeRedis } from './adapters/redis/redis.client.ts';
import { RedisCache } from './adapters/redis/redis.cache.ts';
import { RedisEventBus } from './adapters/redis/redis.event-bus.ts';
import { RedisRateLimiter } from './adapters/redis/redis.rate-limiter.ts';
import { openDatabase } from './db/database.ts';
import { BotTokensRepository } from './db/bot-tokens.repository.ts';
import { loadOrCreateKeyFile, parseKeys, SecretBox } from './security/secret-box.ts';
import { join } from 'node:path';
import { applyMigrations } from './db/migrations.ts';
import { coreMigrations } from './db/core.migrations.ts';
import { ChannelsRepository } from './db/channels.repository.ts';
import { CommandConfigRepository } from './db/command-config.repository.ts';
import { UsersRepository } from './db/users.repository.ts';
import { SeenUserTracker } from './db/users.tracker.ts';
import { buildApp } from './http/app.ts';
import { runHealthChecks } from './http/health.routes.ts';
import { AccessTokens } from './http/auth/access-tokens.ts';
import { RefreshTokens } from './http/auth/refresh-tokens.ts';
import { SecurityEvents } from './http/security-events.ts';
import { FeedPublisher } from './http/feed.publisher.ts';
import { AccessRepository } from './db/access.repository.ts';
import { ChannelTokensRepository } from './db/channel-tokens.repository.ts';
import { fileURLToPath } from 'node:url';
import { channelsModule, ChannelsService } from './modules/channels/index.ts';
import { eftModule } from './modules/eft/index.ts';
import { commandsModule } from './modules/commands/index.ts';
import { moderationModule, PerspectiveToxicityProvider } from './modules/moderation/index.ts';
import { createLogger } from './observability/logger.ts';
import { BotMetrics } from './observability/metrics.ts';
import { createErrorTracker } from './observability/error-tracker.ts';
import { startSandbox, type Sandbox } from './sandbox/sandbox.ts';

const SANDBOX_BOT_LOGIN = 'utbot';
const SANDBOX_CHANNEL = 'sandbox';
const SANDBOX_CLIENT_ID = 'sandbox-client';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const errorTracker = await createErrorTracker(config.SENTRY_DSN, logger);
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled rejection');
    errorTracker.capture(reason);
  });
  const closers: (() => Promise<unknown> | unknown)[] = [];
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    for (const close of closers.reverse()) await Promise.resolve().then(close).catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const metrics = new BotMetrics();
  closers.push(() => errorTracker.close());

  // Database
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    onError: (err) => logger.error({ err }, 'database connection error'),
  });
  closers.push(() => database.close());
  await applyMigrations(database.db, coreMigrations);
  // Tokens at rest (the bot's, broadcasters') are sealed with this box.
  const box = new SecretBox(config.ENCRYPTION_KEYS ? parseKeys(config.ENCRYPTION_KEYS) : loadOrCreateKeyFile(join(config.DATA_DIR, 'secret.key')));

  // Cache, rate limits, pub/sub
  let cache: Cache & { close(): Promise<void> | void };
  let rateLimiter: RateLimiter;
  let bus: EventBus & { close(): Promise<void> | void };
  let cacheDescription: string;
  if (config.REDIS_URL) {
    const redis = connectRedis(config.REDIS_URL, { onError: (err) => logger.warn({ err }, 'redis error') });
    cache = new RedisCache(redis);
    rateLimiter = new RedisRateLimiter(redis);
    bus = new RedisEventBus(redis, { onError: (err) => logger.warn({ err }, 'redis pub/sub error') });
    cacheDescription = describeRedis(config.REDIS_URL);
    closers.push(() => redis.quit());
  } else {
    cache = new MemoryCache();
    rateLimiter = new MemoryRateLimiter();
    bus = new MemoryEventBus();
    cacheDescription = 'memory';
  }
  closers.push(() => bus.close(), () => cache.close());

  // Chat: the sandbox when no bot token is configured, Twitch otherwise
  let sandbox: Sandbox | undefined;
  let chatUrl = config.TWITCH_IRC_URL;
  let botLogin = config.TWITCH_BOT_LOGIN ?? SANDBOX_BOT_LOGIN;
  let initialChannels = config.TWITCH_CHANNELS;
  let getToken: () => Promise<string>;
  let onAuthFailure: (() => Promise<void>) | undefined;
  let helixUrl = config.TWITCH_HELIX_URL;
  const clientId = config.TWITCH_CLIENT_ID ?? SANDBOX_CLIENT_ID;
  let botUserIdFromToken: string | undefined;
  if (sandboxMode(config)) {
    if (initialChannels.length === 0) initialChannels = [SANDBOX_CHANNEL, botLogin];
    sandbox = await startSandbox({
      ircPort: config.SANDBOX_IRC_PORT,
      httpPort: config.SANDBOX_PORT,
      channels: initialChannels,
      moderators: Object.fromEntries(initialChannels.map((c) => [c, [botLogin]])),
      limitTimeScale: config.CHAT_LIMIT_TIME_SCALE,
      log: (line) => logger.debug({ sandbox: line }),
    });
    closers.push(() => sandbox?.close());
    chatUrl = sandbox.ircUrl;
    helixUrl = `${sandbox.httpUrl}/mock`;
    getToken = async () => 'sandbox-bot-token';
  } else {
    const tokenStore = new BotTokensRepository(database.db, box);
    const configured = { accessToken: config.TWITCH_BOT_ACCESS_TOKEN!, refreshToken: config.TWITCH_BOT_REFRESH_TOKEN };
    const token = new UserToken({
      authUrl: config.TWITCH_AUTH_URL,
      clientId: config.TWITCH_CLIENT_ID!,
      clientSecret: config.TWITCH_CLIENT_SECRET,
      ...(await tokenStore.current(botLogin, configured)),
      logger,
      onRefresh: (tokens) => tokenStore.save(botLogin, configured, tokens),
    });
    const info = await token.validate();
    botLogin = info.login || botLogin;
    botUserIdFromToken = info.userId || undefined;
    token.startHourlyValidation();
    closers.push(() => token.stop());
    getToken = () => token.get();
    onAuthFailure = () => token.refresh();
  }

  const transport = new IrcChatTransport({
    url: chatUrl,
    login: botLogin,
    getToken,
    onAuthFailure,
    limits: twitchChatLimits(config.CHAT_LIMIT_TIME_SCALE),
    clock: systemClock,
    logger,
    reconnect: { initialDelayMs: 500, maxDelayMs: 60_000 },
    onMalformedLine: () => metrics.malformedLines.inc(),
  });
  closers.push(() => transport.close());
  const feed = new FeedPublisher(bus, logger);
  transport.onStateChange((state) => {
    metrics.setConnectionState(state);
    for (const channel of transport.channels) feed.publish(channel, { type: 'connection', state, at: Date.now() });
    logger.info({ state }, 'chat connection');
  });

  let botUserId: string | undefined = botUserIdFromToken;
  const twitch: HelixClient = new HelixClient({
    baseUrl: helixUrl,
    clientId,
    getToken,
    refreshToken: onAuthFailure,
    botUserId: async (): Promise<string> => {
      if (botUserId) return botUserId;
      const user = await twitch.getUserByLogin(botLogin);
      if (!user) throw new Error(`Helix knows no user ${botLogin}`);
      return (botUserId = user.id);
    },
    logger,
    observer: metrics.external,
  });
  /** For modules that speak unprompted (timers, alerts). */
  const chatSender: ChatSender = {
    send: async (message) => {
      const text = sanitizeOutgoing(message.text);
      if (text) await transport.send({ ...message, text });
    },
  };

  // Modules
  const repos = {
    channels: new ChannelsRepository(database.db),
    commandConfig: new CommandConfigRepository(database.db),
    users: new UsersRepository(database.db),
  };
  const seenUsers = new SeenUserTracker(repos.users, { onError: (err) => logger.warn({ err }, 'recording chatters failed; will retry') });
  closers.push(() => seenUsers.close());
  const registry = new CommandRegistry();
  const channels = new ChannelsService({
    channels: repos.channels,
    commandConfig: repos.commandConfig,
    chat: transport,
    bus,
    logger,
  });
  closers.push(() => channels.stop());
  const eft = eftModule({
    db: database.db,
    cache,
    chat: chatSender,
    logger,
    apiUrl: config.TARKOV_API_URL,
    observer: metrics.external,
    refreshIntervalMs: config.TARKOV_REFRESH_SECONDS * 1000,
    saveSettings: (channel, settings) => channels.setModuleSetting(channel, 'eft', settings),
  });
  const perspective = config.PERSPECTIVE_API_KEY
    ? new PerspectiveToxicityProvider({
        url: config.PERSPECTIVE_API_URL,
        key: config.PERSPECTIVE_API_KEY,
        timeoutMs: config.PERSPECTIVE_TIMEOUT_MS,
        qps: config.PERSPECTIVE_QPS,
        logger,
        observer: metrics.external,
      })
    : undefined;
  const moderation = moderationModule({
    db: database.db,
    toxicityProvider: perspective,
    twitch,
    onAction: (rule, action) => metrics.moderationActions.labels(rule, action).inc(),
    chat: chatSender,
    bus,
    logger,
    settingsStore: {
      load: async (channel) => {
        const current = await channels.getSettings(channel);
        return current ? (current.moduleSettings['moderation'] ?? {}) : null;
      },
      save: (channel, settings) => channels.setModuleSetting(channel, 'moderation', settings),
    },
  });
  const commands = commandsModule({
    db: database.db,
    cache,
    rateLimiter,
    bus,
    twitch,
    chat: chatSender,
    channels,
    logger,
    isReservedName: (name, channel) => registry.isReserved(name, channels.get(channel)),
    followers: twitch,
    whisperer: twitch,
    servesChannel: (channel) => transport.channels.has(channel),
  });
  const modules: BotModule[] = [builtinsModule(registry), channelsModule({ service: channels, seenUsers, botLogin }), moderation, eft, commands.module];
  for (const module of modules) registry.add(module);
  await applyMigrations(database.db, [...coreMigrations, ...modules.flatMap((m) => m.migrations ?? [])]);
  eft.start();
  await commands.start();
  closers.push(...modules.flatMap((m) => (m.close ? [m.close] : [])));

  const pipeline = new MessagePipeline({
    modules,
    registry,
    channels,
    rateLimiter,
    send: async (message) => {
      try {
        await transport.send(message);
        metrics.messagesOut.inc();
        feed.reply(message.channel, message.text, message.replyTo);
      } catch (error) {
        metrics.sendFailures.inc();
        throw error;
      }
    },
    observer: {
      stageTimed: (stage, seconds) => metrics.stageTimed(stage, seconds),
      commandRan: (channel, commandId) => metrics.commandRan(channel, commandId),
      moduleFailed: (module, where, error) => {
        metrics.moduleFailed(module);
        errorTracker.capture(error, { module, where });
      },
    },
    logger,
  });
  transport.onMessage((message) => {
    metrics.messagesIn.inc();
    feed.chat(message);
    pipeline.handle(message).catch((err: unknown) => logger.error({ err, channel: message.channel }, 'pipeline failed'));
  });
  transport.onEvent((event) => {
    feed.event(event);
    pipeline.handleEvent(event).catch((err: unknown) => logger.error({ err }, 'event handling failed'));
  });
  const queueGauge = setInterval(() => metrics.sendQueueDepth.set(transport.queueDepth), 5_000);
  queueGauge.unref();
  closers.push(() => clearInterval(queueGauge));

  // HTTP
  const healthChecks = {
    chat: () => transport.state === 'connected',
    database: () => database.ping(),
    cache: () => cache.ping(),
  };
  const healthGauge = setInterval(() => void runHealthChecks(healthChecks).then((results) => metrics.setDependencyHealth(results)), 15_000);
  healthGauge.unref();
  closers.push(() => clearInterval(healthGauge));
  const security = new SecurityEvents(logger, metrics.securityEvents);
  const access = new AccessRepository(database.db);
  const oauth = {
    authUrl: sandbox ? `${sandbox.httpUrl}/auth` : config.TWITCH_AUTH_URL,
    clientId,
    clientSecret: config.TWITCH_CLIENT_SECRET,
    publicUrl: config.PUBLIC_URL ?? '',
  };
  const jwtSecret = config.JWT_SECRET ? Buffer.from(config.JWT_SECRET) : loadOrCreateKeyFile(join(config.DATA_DIR, 'jwt.key'))[0]!;
  const app = await buildApp({
    logger,
    errorTracker,
    registry: metrics.registry,
    checks: healthChecks,
    api: {
      cache,
      bus,
      rateLimiter,
      access,
      channelTokens: new ChannelTokensRepository(database.db, box),
      accessTokens: new AccessTokens(jwtSecret),
      refreshTokens: new RefreshTokens(cache),
      admins: new Set(config.ADMIN_LOGINS),
      oauth,
      channels,
      isJoined: (channel) => repos.channels.isJoined(channel),
      isConnected: (channel) => transport.channels.has(channel),
      modules,
      security,
      corsOrigins: config.CORS_ORIGINS,
      dashboardDir: fileURLToPath(new URL('../dashboard/dist', import.meta.url)),
      sandboxUrl: sandbox?.httpUrl,
    },
  });
  closers.push(() => app.close());
  const httpUrl = await app.listen({ host: config.HOST, port: config.PORT });
  oauth.publicUrl ||= httpUrl;

  await withTimeout(transport.connect(), 15_000).catch(() => logger.warn({ url: chatUrl }, 'chat is not connected yet; retrying in the background'));
  const settingsSchemas = new Map(modules.flatMap((m) => (m.settings ? [[m.name, m.settings] as const] : [])));
  const joined = await channels.start(initialChannels, settingsSchemas);

  console.log(`http: ${httpUrl}`);
  console.log(`database: ${database.describe}`);
  console.log(`cache: ${cacheDescription}`);
  console.log(sandbox ? `chat: sandbox ${sandbox.ircUrl}` : `chat: twitch as ${botLogin}`);
  if (sandbox) console.log(`sandbox: ${sandbox.httpUrl}`);
  console.log(`channels: ${joined.join(', ')}`);
  if (perspective) console.log(`toxicity: ${perspective.describe()}`);
  console.log('ready');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
