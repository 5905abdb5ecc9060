import { randomUUID } from 'node:crypto';
import { defineModule, type BotModule, type ChannelDirectory, type CommandContext, type RegisteredCommand } from '../../core/module.ts';
import { systemClock, type Cache, type ChatSender, type Clock, type EventBus, type Logger, type RateLimiter, type TwitchApi } from '../../core/ports.ts';
import type { AppDb } from '../../db/database.ts';
import { CommandCatalog, customCommandId } from './commands.catalog.ts';
import { commandsMigrations } from './commands.migrations.ts';
import { CommandsRepository } from './commands.repository.ts';
import { CommandRunner, type CommandCosts, type LiveCommand, type Whisperer } from './commands.runner.ts';
import { CustomCommandsService } from './commands.service.ts';
import { commandsRoutes, extrasRoutes } from './commands.routes.ts';
import { commandsSettings, settingsOf } from './commands.settings.ts';
import { triggerHook } from './commands.trigger-hook.ts';
import { manageCommands } from './commands/manage.commands.ts';
import { quoteCommands } from './commands/quote.commands.ts';
import { CountersRepository } from './counters.repository.ts';
import { QuotesRepository } from './quotes.repository.ts';
import { QuotesService } from './quotes.service.ts';
import { RecentChatters } from './recent-chatters.ts';
import { StreamInfo } from './stream-info.ts';
import { TemplateCache } from './template/template.cache.ts';
import { builtinVariables } from './template/variables/builtin.variables.ts';
import type { FollowLookup } from './template/variables/stream.variables.ts';
import { VariableRegistry } from './template/variables.registry.ts';
import { TimerScheduler } from './timers.scheduler.ts';
import { TimersRepository } from './timers.repository.ts';
import { TimersService } from './timers.service.ts';
import { CachedUrlFetch } from './urlfetch/urlfetch.cache.ts';
import { UrlFetcher } from './urlfetch/urlfetch.client.ts';

export { CommandsError, type CommandsErrorCode } from './commands.errors.ts';
export type { CommandChanges, CommandFields, CommandResult, NewCommandInput, CustomCommandsService } from './commands.service.ts';
export type { CommandCosts, Whisperer } from './commands.runner.ts';
export type { FollowLookup } from './template/variables/stream.variables.ts';
export type { VariableReference } from './template/variables.registry.ts';
export { formatQuote, type QuotesService } from './quotes.service.ts';
export type { TimersService, TimerFields } from './timers.service.ts';
export { UrlFetcher, type UrlFetcherOptions } from './urlfetch/urlfetch.client.ts';

export interface CommandsModuleDeps {
  db: AppDb;
  cache: Cache;
  rateLimiter: RateLimiter;
  bus: EventBus;
  twitch: TwitchApi;
  chat: ChatSender;
  channels: ChannelDirectory;
  logger: Logger;
  /** True when a module's own command (or a channel's alias of one) holds this name, e.g. `!commands`. */
  isReservedName(name: string, channel: string): boolean;
  /** Whether this instance speaks in a channel; timers post only there. Default: every channel. */
  servesChannel?(channel: string): boolean;
  /** Loyalty points for commands with a cost; without it, every command is free. */
  costs?: CommandCosts;
  /** Without it, the `whisper` response mode is refused. */
  whisperer?: Whisperer;
  /** Without it, `$(followage)` is not offered. */
  followers?: FollowLookup;
  clock?: Clock;
  /** Tests replace these: a fetcher that may reach a local server, a fixed random source, a fast timer tick. */
  urlFetcher?: UrlFetcher;
  random?: () => number;
  timerTickMs?: number;
}

/** The commands module and the services the HTTP API exposes. */
export interface CommandsFeature {
  module: BotModule;
  commands: CustomCommandsService;
  quotes: QuotesService;
  counters: CountersRepository;
  timers: TimersService;
  /** The variable reference for the dashboard. */
  variables: VariableRegistry;
  /** Loads every channel's commands and starts the timers; call after the migrations ran. */
  start(): Promise<void>;
}

/**
 * Custom commands with variables, permissions, cooldowns and keyword triggers; counters, quotes and
 * timers. Custom commands live in PostgreSQL and reach the router through a command source that
 * keeps every channel's commands in memory.
 */
export function commandsModule(deps: CommandsModuleDeps): CommandsFeature {
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  const random = deps.random ?? Math.random;
  const repository = new CommandsRepository(deps.db);
  const counters = new CountersRepository(deps.db);
  const lookup = new StreamInfo(deps.twitch, deps.cache, deps.logger);
  const chatters = new RecentChatters(clock);
  const urlfetch = new CachedUrlFetch(deps.urlFetcher ?? new UrlFetcher(), deps.cache, deps.logger);
  const variables = new VariableRegistry(builtinVariables({ counters, lookup, chatters, urlfetch, followers: deps.followers, random, now }));
  const templates = new TemplateCache(variables);
  const runner = new CommandRunner({ repository, logger: deps.logger, costs: deps.costs });
  const settings = (channel: string) => settingsOf(deps.channels.get(channel));

  const toRegistered = (live: LiveCommand): RegisteredCommand => ({
    id: customCommandId(live.stored.name),
    module: 'commands',
    name: live.stored.name,
    aliases: live.stored.aliases,
    description: 'A custom command of this channel.',
    userLevel: live.stored.userLevel,
    globalCooldownSeconds: live.stored.globalCooldownS,
    userCooldownSeconds: live.stored.userCooldownS,
    run: async ({ message, channel, args, argsText, say }: CommandContext) => {
      const outcome = await runner.run(live, message, channel, args, argsText);
      if (!outcome.text) return undefined;
      if (outcome.mode === 'say') await say(outcome.text);
      else if (outcome.mode === 'whisper' && deps.whisperer) await deps.whisperer.whisper(message.userId, outcome.text);
      else return outcome.text;
      return undefined;
    },
  });
  const catalog = new CommandCatalog(templates, toRegistered, deps.logger);
  const commands = new CustomCommandsService({
    repository,
    catalog,
    templates,
    bus: deps.bus,
    logger: deps.logger,
    isReservedName: deps.isReservedName,
    settings,
    canWhisper: deps.whisperer !== undefined,
  });
  const quotes = new QuotesService({ repository: new QuotesRepository(deps.db), lookup, logger: deps.logger });
  const timersRepository = new TimersRepository(deps.db);
  const timers = new TimersService({ repository: timersRepository, templates });

  const channelIds = new Map<string, string>();
  const scheduler = new TimerScheduler({
    repository: timersRepository,
    cache: deps.cache,
    chat: deps.chat,
    lookup,
    templates,
    channelIdOf: async (channel) => channelIds.get(channel) ?? (await lookup.user(channel))?.id,
    servesChannel: deps.servesChannel ?? (() => true),
    urlfetchCacheSeconds: (channel) => settings(channel).urlfetchCacheSeconds,
    clock,
    logger: deps.logger,
    tickMs: deps.timerTickMs,
    instanceId: randomUUID(),
  });
  const onTrigger = triggerHook({ catalog, runner, rateLimiter: deps.rateLimiter, chat: deps.chat, whisperer: deps.whisperer, logger: deps.logger });

  const routeDeps = { commands, quotes, counters, timers, variables };
  const module = defineModule({
    name: 'commands',
    description: 'Custom commands with variables, counters, quotes and timers.',
    settings: commandsSettings,
    migrations: commandsMigrations,
    commands: [...manageCommands({ service: commands, rateLimiter: deps.rateLimiter }), ...quoteCommands(quotes)],
    commandSource: catalog,
    routes: [...commandsRoutes(routeDeps), ...extrasRoutes(routeDeps)],
    onMessage: (message, channel) => {
      if (message.channelId) channelIds.set(message.channel, message.channelId);
      chatters.seen(message.channel, message.login, message.displayName);
      scheduler.lineSeen(message.channel);
      onTrigger(message, channel);
    },
    close: async () => {
      await scheduler.stop();
      await commands.stop();
    },
  });

  return {
    module,
    commands,
    quotes,
    counters,
    timers,
    variables,
    start: async () => {
      await commands.start();
      scheduler.start();
    },
  };
}
