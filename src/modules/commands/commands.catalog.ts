import type { ChannelConfig, CommandSource, RegisteredCommand } from '../../core/module.ts';
import type { Logger } from '../../core/ports.ts';
import { CommandsError } from './commands.errors.ts';
import type { StoredCommand } from './commands.repository.ts';
import type { LiveCommand } from './commands.runner.ts';
import { compileTrigger, type TriggerMatcher } from './commands.triggers.ts';
import type { TemplateCache } from './template/template.cache.ts';

/** A custom command as the pipeline and the trigger hook see it. */
export interface CatalogEntry extends LiveCommand {
  registered: RegisteredCommand;
  trigger?: TriggerMatcher;
}

interface ChannelCommands {
  byName: Map<string, CatalogEntry>;
  list: RegisteredCommand[];
  triggered: CatalogEntry[];
}

const EMPTY: ChannelCommands = { byName: new Map(), list: [], triggered: [] };

/** The namespaced id of a custom command: cooldowns and overrides key on it. */
export function customCommandId(name: string): string {
  return `commands:custom:${name}`;
}

/**
 * Every channel's enabled custom commands in memory, with parsed templates and compiled triggers,
 * so that routing a message never touches the database. `replace` swaps a channel's set at once.
 */
export class CommandCatalog implements CommandSource {
  private readonly channels = new Map<string, ChannelCommands>();

  constructor(
    private readonly templates: TemplateCache,
    private readonly toRegistered: (entry: LiveCommand) => RegisteredCommand,
    private readonly logger: Logger,
  ) {}

  resolve(name: string, channel: ChannelConfig): RegisteredCommand | undefined {
    return this.channels.get(channel.login)?.byName.get(name)?.registered;
  }

  list(channel: ChannelConfig): readonly RegisteredCommand[] {
    return this.channels.get(channel.login)?.list ?? EMPTY.list;
  }

  /** The channel's commands that run on a keyword or pattern, in name order. */
  triggered(channel: string): readonly CatalogEntry[] {
    return this.channels.get(channel)?.triggered ?? EMPTY.triggered;
  }

  /** Replaces what a channel has. A stored command that no longer parses is left out, loudly. */
  replace(channel: string, rows: readonly StoredCommand[]): void {
    const next: ChannelCommands = { byName: new Map(), list: [], triggered: [] };
    for (const stored of rows) {
      if (!stored.enabled) continue;
      let entry: CatalogEntry;
      try {
        const template = this.templates.parse(stored.template);
        const live: LiveCommand = { stored, template };
        entry = { ...live, registered: this.toRegistered(live) };
        if (stored.triggerKind && stored.trigger) entry.trigger = compileTrigger(stored.triggerKind, stored.trigger);
      } catch (error) {
        if (!(error instanceof CommandsError)) throw error;
        this.logger.warn({ channel, command: stored.name, code: error.code }, 'a stored custom command is invalid; it is left out');
        continue;
      }
      next.list.push(entry.registered);
      if (entry.trigger) next.triggered.push(entry);
      for (const name of [stored.name, ...stored.aliases]) next.byName.set(name, entry);
    }
    if (next.list.length === 0) this.channels.delete(channel);
    else this.channels.set(channel, next);
  }
}
