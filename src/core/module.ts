import type { ZodType } from 'zod';
import type { ChatEvent, ChatMessage } from './chat.ts';
import type { UserLevel } from './permissions.ts';
import type { ModuleRoute } from './routes.ts';

/** What a command handler gets. */
export interface CommandContext {
  message: ChatMessage;
  /** The command's name or alias as the chatter typed it, lowercase, without prefix. */
  invokedAs: string;
  args: string[];
  /** Everything after the command name, trimmed. */
  argsText: string;
  channel: ChannelConfig;
  /** Answers in a reply thread to the chatter's message; resolves once sent (a failure is logged, never thrown). */
  reply(text: string): Promise<void>;
  /** Says something in the channel, not threaded; resolves once sent. */
  say(text: string): Promise<void>;
}

/** A chat command a module brings. */
export interface CommandDefinition {
  name: string;
  aliases?: string[];
  description: string;
  /** Shown by `!help`, e.g. `!join` or `!help <command>`. */
  usage?: string;
  userLevel?: UserLevel;
  globalCooldownSeconds?: number;
  userCooldownSeconds?: number;
  /** A returned string is sent as a reply. */
  run(ctx: CommandContext): void | string | Promise<void | string>;
}

/** A command as registered: its module and namespaced id (`module:name`) resolved. */
export interface RegisteredCommand extends CommandDefinition {
  id: string;
  module: string;
}

/**
 * Commands a module finds per channel at run time (e.g. custom commands stored in a database), from
 * an in-memory map the module keeps warm; synchronous, so the pipeline never waits on I/O to route.
 */
export interface CommandSource {
  /** Finds a command by lowercase name or alias in this channel, or undefined. */
  resolve(name: string, channel: ChannelConfig): RegisteredCommand | undefined;
  /** The channel's commands, in the order `!commands` lists them. */
  list(channel: ChannelConfig): readonly RegisteredCommand[];
}

/** A message hook's verdict; `stop` ends the pipeline for that message (e.g. it was deleted). */
export interface HookVerdict {
  stop: boolean;
  reason?: string;
}

/** Runs for every chat message before commands, in module order. */
export type MessageHook = (message: ChatMessage, channel: ChannelConfig) => HookVerdict | void | Promise<HookVerdict | void>;

/** A versioned SQL migration a module brings; ids are namespaced (`module:0001_name`). */
export interface ModuleMigration {
  id: string;
  sql: string;
}

/** The contract every feature module fulfils. */
export interface BotModule {
  /** Lowercase id, also the namespace of the module's commands and settings. */
  name: string;
  description: string;
  /** False for modules a channel cannot switch off (the core built-ins). */
  canDisable?: boolean;
  commands?: CommandDefinition[];
  /** Commands that exist per channel at run time; static commands and their aliases win over them. */
  commandSource?: CommandSource;
  onMessage?: MessageHook;
  onEvent?: (event: ChatEvent) => void | Promise<void>;
  migrations?: ModuleMigration[];
  /** Validates the module's per-channel settings; its defaults apply to channels that set nothing. */
  settings?: ZodType;
  /** HTTP routes, mounted at `/api/channels/:channel/<name>/…` behind authentication and RBAC. */
  routes?: readonly ModuleRoute[];
  /** Called once the bot is shutting down. */
  close?: () => void | Promise<void>;
}

const MODULE_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;

/** Checks a module's shape once at start-up, so that mistakes fail loudly and early. */
export function defineModule<M extends BotModule>(module: M): M {
  if (!MODULE_NAME.test(module.name)) throw new Error(`module name "${module.name}" must match ${MODULE_NAME}`);
  for (const command of module.commands ?? []) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      if (!COMMAND_NAME.test(name)) throw new Error(`module ${module.name}: command name "${name}" must match ${COMMAND_NAME}`);
    }
  }
  for (const migration of module.migrations ?? []) {
    if (!migration.id.startsWith(`${module.name}:`)) throw new Error(`module ${module.name}: migration id "${migration.id}" must start with "${module.name}:"`);
  }
  return module;
}

/** A per-channel override of one command's defaults (from the dashboard or chat). */
export interface CommandOverride {
  enabled: boolean;
  userLevel?: UserLevel;
  globalCooldownSeconds?: number;
  userCooldownSeconds?: number;
  aliases: string[];
  allowUsers: ReadonlySet<string>;
  denyUsers: ReadonlySet<string>;
}

/** A channel's configuration as the pipeline reads it: held in memory, never read from the database per message. */
export interface ChannelConfig {
  login: string;
  prefix: string;
  language: string;
  disabledModules: ReadonlySet<string>;
  commandOverrides: ReadonlyMap<string, CommandOverride>;
  /** Parsed settings per module name. */
  moduleSettings: ReadonlyMap<string, unknown>;
}

/** Looks up a channel's configuration synchronously. */
export interface ChannelDirectory {
  get(channel: string): ChannelConfig;
}

/** The configuration of a channel that has set nothing. */
export function defaultChannelConfig(login: string): ChannelConfig {
  return {
    login,
    prefix: '!',
    language: 'en',
    disabledModules: new Set(),
    commandOverrides: new Map(),
    moduleSettings: new Map(),
  };
}
