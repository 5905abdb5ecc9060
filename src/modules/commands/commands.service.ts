import { randomUUID } from 'node:crypto';
import type { EventBus, Logger } from '../../core/ports.ts';
import { USER_LEVELS, type UserLevel } from '../../core/permissions.ts';
import type { CommandCatalog } from './commands.catalog.ts';
import { CommandsError } from './commands.errors.ts';
import type { CommandPatch, CommandsRepository, StoredCommand } from './commands.repository.ts';
import type { CommandsSettings } from './commands.settings.ts';
import type { ResponseMode, TriggerKind } from './commands.tables.ts';
import { compileTrigger } from './commands.triggers.ts';
import type { TemplateCache } from './template/template.cache.ts';
import type { TemplateWarning } from './template/template.types.ts';

/** A custom command name: letters, digits, `_` or `-`, 1-32 characters, compared in lowercase. */
export const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;
export const MAX_ALIASES = 10;
export const MAX_COOLDOWN_SECONDS = 86_400;
export const MAX_COST = 1_000_000_000;
export const MAX_TRIGGERED_PER_CHANNEL = 50;
const RESPONSE_MODES: readonly ResponseMode[] = ['reply', 'say', 'whisper'];

/** The fields of a custom command that can be set when it is made or changed. */
export interface CommandFields {
  template: string;
  aliases: string[];
  enabled: boolean;
  userLevel: UserLevel;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  cost: number;
  responseMode: ResponseMode;
  /** A keyword or RE2 pattern that also runs it from anywhere in a message; null for none. */
  trigger: { kind: TriggerKind; value: string } | null;
}

export type NewCommandInput = Partial<CommandFields> & { name: string; template: string; createdBy: string };
export type CommandChanges = Partial<CommandFields> & { name?: string };

/** A stored command and what its text may do unexpectedly (unknown variables, an unclosed `$(`). */
export interface CommandResult {
  command: StoredCommand;
  warnings: TemplateWarning[];
}

export interface CustomCommandsServiceDeps {
  repository: CommandsRepository;
  catalog: CommandCatalog;
  templates: TemplateCache;
  bus: EventBus;
  logger: Logger;
  /** True when a module's own command (or a channel's alias of one) holds this name in the channel. */
  isReservedName(name: string, channel: string): boolean;
  settings(channel: string): CommandsSettings;
  /** Whether `whisper` is an available response mode. */
  canWhisper: boolean;
}

const CHANGED = 'commands:changed';

/** Normalises a name as chatters type it (`!Hello` → `hello`). */
export function normalizeName(raw: string): string {
  return raw.trim().replace(/^!/, '').toLowerCase();
}

/**
 * Custom commands per channel: the one place that changes them (chat and API alike), validates every
 * field, and keeps the in-memory catalog warm, here and (through the EventBus) on every instance.
 */
export class CustomCommandsService {
  private readonly origin = randomUUID();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly deps: CustomCommandsServiceDeps) {}

  /** Loads every channel's commands and follows changes made by other instances. */
  async start(): Promise<void> {
    const byChannel = new Map<string, StoredCommand[]>();
    for (const row of await this.deps.repository.listAll()) {
      const list = byChannel.get(row.channel) ?? [];
      list.push(row);
      byChannel.set(row.channel, list);
    }
    for (const [channel, rows] of byChannel) this.deps.catalog.replace(channel, rows);
    this.unsubscribe = await this.deps.bus.subscribe<{ channel?: unknown; origin?: unknown }>(CHANGED, ({ channel, origin }) => {
      if (origin === this.origin || typeof channel !== 'string' || channel.length === 0) return;
      this.reload(channel).catch((err: unknown) => this.deps.logger.error({ err, channel }, 'reloading custom commands failed'));
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  list(channel: string): Promise<StoredCommand[]> {
    return this.deps.repository.listForChannel(channel);
  }

  async get(channel: string, name: string): Promise<StoredCommand> {
    const found = await this.deps.repository.get(channel, normalizeName(name));
    if (!found) throw notFound(name);
    return found;
  }

  /** Parses a text as a command would, for the API's preview: its warnings, or a CommandsError. */
  checkTemplate(text: string): { warnings: TemplateWarning[]; variables: string[] } {
    const parsed = this.deps.templates.parse(text);
    return { warnings: parsed.warnings, variables: parsed.variables };
  }

  async create(channel: string, input: NewCommandInput): Promise<CommandResult> {
    const name = this.checkName(input.name, channel);
    const fields = this.checkFields(input);
    const warnings = this.deps.templates.parse(input.template).warnings;
    const existing = await this.deps.repository.listForChannel(channel);
    const limit = this.deps.settings(channel).maxCommands;
    if (existing.length >= limit) throw new CommandsError('commands.limit_reached', `This channel has ${existing.length} commands, the most it may have (${limit}).`);
    this.checkFree(channel, existing, undefined, [name, ...(fields.aliases ?? [])]);
    if (fields.trigger) this.checkTriggerRoom(existing, undefined);
    const command = await this.deps.repository
      .insert({ channel, name, createdBy: input.createdBy, template: input.template, ...toColumns(fields) })
      .catch((error: unknown) => {
        throw uniqueViolation(error) ? taken(name) : error;
      });
    await this.changed(channel);
    return { command, warnings };
  }

  async update(channel: string, rawName: string, changes: CommandChanges): Promise<CommandResult> {
    const name = normalizeName(rawName);
    const existing = await this.deps.repository.listForChannel(channel);
    const current = existing.find((c) => c.name === name);
    if (!current) throw notFound(rawName);
    const fields = this.checkFields(changes);
    const newName = changes.name === undefined ? undefined : this.checkName(changes.name, channel);
    const warnings = changes.template === undefined ? [] : this.deps.templates.parse(changes.template).warnings;
    const names = [...(newName && newName !== name ? [newName] : []), ...(fields.aliases ?? [])];
    this.checkFree(channel, existing, current.id, names);
    if (fields.trigger && !current.trigger) this.checkTriggerRoom(existing, current.id);
    const patch: CommandPatch = { ...toColumns(fields), ...(newName ? { name: newName } : {}), ...(changes.template === undefined ? {} : { template: changes.template }) };
    const command = await this.deps.repository.update(channel, name, patch).catch((error: unknown) => {
      throw uniqueViolation(error) ? taken(newName ?? name) : error;
    });
    if (!command) throw notFound(rawName);
    await this.changed(channel);
    return { command, warnings };
  }

  async remove(channel: string, rawName: string): Promise<void> {
    if (!(await this.deps.repository.remove(channel, normalizeName(rawName)))) throw notFound(rawName);
    await this.changed(channel);
  }

  /** Adds an alias to a command, found by its name or one of its aliases. */
  async addAlias(channel: string, rawName: string, rawAlias: string): Promise<StoredCommand> {
    const existing = await this.deps.repository.listForChannel(channel);
    const target = normalizeName(rawName);
    const command = existing.find((c) => c.name === target || c.aliases.includes(target));
    if (!command) throw notFound(rawName);
    if (command.aliases.length >= MAX_ALIASES) throw new CommandsError('commands.invalid_option', `A command has at most ${MAX_ALIASES} aliases.`);
    const alias = this.checkName(rawAlias, channel);
    this.checkFree(channel, existing, undefined, [alias]);
    return (await this.update(channel, command.name, { aliases: [...command.aliases, alias] })).command;
  }

  /** Reloads one channel from the database into the catalog. */
  async reload(channel: string): Promise<void> {
    this.deps.catalog.replace(channel, await this.deps.repository.listForChannel(channel));
  }

  private async changed(channel: string): Promise<void> {
    await this.reload(channel);
    await this.deps.bus.publish(CHANGED, { channel, origin: this.origin });
  }

  private checkName(raw: string, channel: string): string {
    const name = normalizeName(raw);
    if (!COMMAND_NAME.test(name)) {
      throw new CommandsError('commands.invalid_name', `"${raw.slice(0, 40)}" is not a valid command name: use 1-32 letters, digits, _ or -.`);
    }
    if (this.deps.isReservedName(name, channel)) throw new CommandsError('commands.reserved_name', `!${name} is a built-in command.`);
    return name;
  }

  // A name or alias may belong to one command only; `self` is the command being changed.
  private checkFree(channel: string, existing: readonly StoredCommand[], self: number | undefined, names: readonly string[]): void {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new CommandsError('commands.invalid_option', `!${name} is listed twice.`);
      seen.add(name);
      if (this.deps.isReservedName(name, channel)) throw new CommandsError('commands.reserved_name', `!${name} is a built-in command.`);
      const owner = existing.find((c) => c.id !== self && (c.name === name || c.aliases.includes(name)));
      if (owner) throw owner.name === name ? taken(name) : new CommandsError('commands.name_taken', `!${name} is already an alias of !${owner.name}.`);
    }
  }

  private checkTriggerRoom(existing: readonly StoredCommand[], self: number | undefined): void {
    if (existing.filter((c) => c.trigger && c.id !== self).length >= MAX_TRIGGERED_PER_CHANNEL) {
      throw new CommandsError('commands.invalid_trigger', `A channel has at most ${MAX_TRIGGERED_PER_CHANNEL} keyword or pattern commands.`);
    }
  }

  private checkFields(input: Partial<CommandFields>): Partial<CommandFields> {
    const fields: Partial<CommandFields> = { ...input };
    if (input.aliases !== undefined) {
      if (input.aliases.length > MAX_ALIASES) throw new CommandsError('commands.invalid_option', `A command has at most ${MAX_ALIASES} aliases.`);
      fields.aliases = input.aliases.map((a) => {
        const alias = normalizeName(a);
        if (!COMMAND_NAME.test(alias)) throw new CommandsError('commands.invalid_name', `"${a.slice(0, 40)}" is not a valid alias: use 1-32 letters, digits, _ or -.`);
        return alias;
      });
    }
    if (input.userLevel !== undefined && !USER_LEVELS.includes(input.userLevel)) {
      throw new CommandsError('commands.invalid_option', `The user level must be one of ${USER_LEVELS.join(', ')}.`);
    }
    for (const [key, label] of [['globalCooldownSeconds', 'cooldown'], ['userCooldownSeconds', 'per-user cooldown']] as const) {
      const value = input[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > MAX_COOLDOWN_SECONDS)) {
        throw new CommandsError('commands.invalid_option', `The ${label} must be a whole number of seconds from 0 to ${MAX_COOLDOWN_SECONDS}.`);
      }
    }
    if (input.cost !== undefined && (!Number.isInteger(input.cost) || input.cost < 0 || input.cost > MAX_COST)) {
      throw new CommandsError('commands.invalid_option', `The cost must be a whole number from 0 to ${MAX_COST}.`);
    }
    if (input.responseMode !== undefined) {
      if (!RESPONSE_MODES.includes(input.responseMode)) throw new CommandsError('commands.invalid_option', `The mode must be one of ${RESPONSE_MODES.join(', ')}.`);
      if (input.responseMode === 'whisper' && !this.deps.canWhisper) throw new CommandsError('commands.whisper_unavailable', 'This bot cannot send whispers; use reply or say.');
    }
    if (input.trigger) compileTrigger(input.trigger.kind, input.trigger.value);
    return fields;
  }
}

function toColumns(fields: Partial<CommandFields>): CommandPatch {
  const columns: CommandPatch = {};
  if (fields.aliases !== undefined) columns.aliases = fields.aliases;
  if (fields.enabled !== undefined) columns.enabled = fields.enabled;
  if (fields.userLevel !== undefined) columns.userLevel = fields.userLevel;
  if (fields.globalCooldownSeconds !== undefined) columns.globalCooldownS = fields.globalCooldownSeconds;
  if (fields.userCooldownSeconds !== undefined) columns.userCooldownS = fields.userCooldownSeconds;
  if (fields.cost !== undefined) columns.cost = fields.cost;
  if (fields.responseMode !== undefined) columns.responseMode = fields.responseMode;
  if (fields.trigger !== undefined) {
    columns.triggerKind = fields.trigger?.kind ?? null;
    columns.trigger = fields.trigger?.value.trim() ?? null;
  }
  return columns;
}

function notFound(name: string): CommandsError {
  return new CommandsError('commands.not_found', `There is no custom command !${normalizeName(name).slice(0, 32)}.`);
}

function taken(name: string): CommandsError {
  return new CommandsError('commands.name_taken', `!${name} already exists.`);
}

function uniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}
