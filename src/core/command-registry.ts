import type { BotModule, ChannelConfig, CommandOverride, CommandSource, RegisteredCommand } from './module.ts';
import type { UserLevel } from './permissions.ts';

/** A command as one channel sees it: the module's defaults with the channel's override applied. */
export interface EffectiveCommand {
  command: RegisteredCommand;
  enabled: boolean;
  userLevel: UserLevel;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  allowUsers: ReadonlySet<string>;
  denyUsers: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Every command of every module, looked up by name or alias, with per-channel overrides. */
export class CommandRegistry {
  private readonly byName = new Map<string, RegisteredCommand>();
  private readonly commands: RegisteredCommand[] = [];
  private readonly sources: CommandSource[] = [];
  // Channel aliases come from overrides; the map is rebuilt only when a channel's config object changes.
  private readonly channelAliases = new WeakMap<ChannelConfig, Map<string, RegisteredCommand>>();

  /** Registers a module's commands; a name or alias taken twice is a start-up error. */
  add(module: BotModule): void {
    for (const definition of module.commands ?? []) {
      const command: RegisteredCommand = { ...definition, id: `${module.name}:${definition.name}`, module: module.name };
      for (const name of [definition.name, ...(definition.aliases ?? [])]) {
        const taken = this.byName.get(name);
        if (taken) throw new Error(`command name "${name}" of ${command.id} is already used by ${taken.id}`);
        this.byName.set(name, command);
      }
      this.commands.push(command);
    }
    if (module.commandSource) this.sources.push(module.commandSource);
  }

  /** Finds a command by name or alias for a channel, or undefined. */
  resolve(name: string, channel: ChannelConfig): RegisteredCommand | undefined {
    const fixed = this.byName.get(name) ?? this.aliasesOf(channel).get(name);
    if (fixed) return fixed;
    for (const source of this.sources) {
      const found = source.resolve(name, channel);
      if (found) return found;
    }
    return undefined;
  }

  /** True when a module's own command or a channel's alias of one holds this name, so a run-time command could never be reached by it. */
  isReserved(name: string, channel: ChannelConfig): boolean {
    return this.byName.has(name) || this.aliasesOf(channel).has(name);
  }

  /** The command's settings in this channel. */
  effective(command: RegisteredCommand, channel: ChannelConfig): EffectiveCommand {
    const override: CommandOverride | undefined = channel.commandOverrides.get(command.id);
    return {
      command,
      enabled: !channel.disabledModules.has(command.module) && (override?.enabled ?? true),
      userLevel: override?.userLevel ?? command.userLevel ?? 'everyone',
      globalCooldownSeconds: override?.globalCooldownSeconds ?? command.globalCooldownSeconds ?? 0,
      userCooldownSeconds: override?.userCooldownSeconds ?? command.userCooldownSeconds ?? 0,
      allowUsers: override?.allowUsers ?? EMPTY,
      denyUsers: override?.denyUsers ?? EMPTY,
    };
  }

  /** Every registered command, in registration order. */
  all(): readonly RegisteredCommand[] {
    return this.commands;
  }

  /** What a channel has: the registered commands, then each command source's, without names shadowed by a registered one. */
  listFor(channel: ChannelConfig): RegisteredCommand[] {
    const listed = [...this.commands];
    for (const source of this.sources) {
      for (const command of source.list(channel)) if (!this.isReserved(command.name, channel)) listed.push(command);
    }
    return listed;
  }

  private aliasesOf(channel: ChannelConfig): Map<string, RegisteredCommand> {
    let aliases = this.channelAliases.get(channel);
    if (!aliases) {
      aliases = new Map();
      for (const [id, override] of channel.commandOverrides) {
        const command = this.commands.find((c) => c.id === id);
        if (!command) continue;
        for (const alias of override.aliases) if (!this.byName.has(alias)) aliases.set(alias, command);
      }
      this.channelAliases.set(channel, aliases);
    }
    return aliases;
  }
}

// Zero-width and tag characters that chat clients append to dodge Twitch's duplicate check.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u{e0000}-\u{e007f}]/gu;

/** A chat line split into a command name and arguments, or null when it is not a command. */
export function parseCommandLine(text: string, prefix: string): { name: string; args: string[]; argsText: string } | null {
  if (!text.startsWith(prefix) || text.length === prefix.length) return null;
  const body = text.slice(prefix.length).replace(INVISIBLE, '').trim();
  const space = body.search(/\s/);
  const name = (space === -1 ? body : body.slice(0, space)).toLowerCase();
  if (name.length === 0) return null;
  const argsText = space === -1 ? '' : body.slice(space + 1).trim();
  return { name, args: argsText.length === 0 ? [] : argsText.split(/\s+/), argsText };
}
