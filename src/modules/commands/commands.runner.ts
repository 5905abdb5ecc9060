import type { ChatMessage } from '../../core/chat.ts';
import type { ChannelConfig } from '../../core/module.ts';
import type { Logger } from '../../core/ports.ts';
import type { CommandsRepository, StoredCommand } from './commands.repository.ts';
import { settingsOf } from './commands.settings.ts';
import { renderTemplate } from './template/template.render.ts';
import type { ParsedTemplate } from './template/template.types.ts';

/** Takes loyalty points for a command; the games module provides it. False when the chatter cannot pay. */
export interface CommandCosts {
  charge(channel: string, userId: string, points: number): Promise<boolean>;
}

/** Sends a whisper to a user (Helix `POST /whispers`). */
export interface Whisperer {
  whisper(toUserId: string, text: string): Promise<void>;
}

/** A custom command ready to run: its stored row and its parsed template. */
export interface LiveCommand {
  stored: StoredCommand;
  template: ParsedTemplate;
}

/** How a run wants its text delivered; undefined text means nothing to say. */
export interface RunOutcome {
  text?: string;
  mode: StoredCommand['responseMode'];
}

export interface CommandRunnerDeps {
  repository: Pick<CommandsRepository, 'recordUse'>;
  logger: Logger;
  /** Without it every command is free. */
  costs?: CommandCosts;
}

/** Runs a custom command for one message: charges its cost, counts the use, expands its text. */
export class CommandRunner {
  constructor(private readonly deps: CommandRunnerDeps) {}

  async run(command: LiveCommand, message: ChatMessage, channel: ChannelConfig, args: readonly string[], argsText: string): Promise<RunOutcome> {
    const { stored } = command;
    if (stored.cost > 0 && this.deps.costs && !(await this.deps.costs.charge(message.channel, message.userId, stored.cost))) {
      return { text: `@${message.displayName} ${channel.prefix}${stored.name} costs ${stored.cost} points.`, mode: 'reply' };
    }
    const count = await this.deps.repository.recordUse(stored.id);
    if (count === undefined) return { mode: stored.responseMode };
    const text = await renderTemplate(
      command.template,
      {
        channel: message.channel,
        channelId: message.channelId,
        user: { id: message.userId, login: message.login, displayName: message.displayName || message.login },
        args,
        argsText,
        count,
        urlfetchCacheSeconds: settingsOf(channel).urlfetchCacheSeconds,
      },
      (variable, error) => this.deps.logger.warn({ err: error, variable, command: stored.name, channel: message.channel }, 'a template variable failed'),
    );
    return { text: text || undefined, mode: stored.responseMode };
  }
}
