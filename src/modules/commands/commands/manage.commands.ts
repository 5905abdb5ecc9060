import type { CommandContext, CommandDefinition } from '../../../core/module.ts';
import type { RateLimiter } from '../../../core/ports.ts';
import { answerRefusals } from '../commands.errors.ts';
import type { CustomCommandsService } from '../commands.service.ts';
import type { TemplateWarning } from '../template/template.types.ts';
import { parseManageLine } from './manage.options.ts';

// Even mods, who skip cooldowns, cannot flood the database: this many changes per channel per minute.
const CHANGES_PER_MINUTE = 20;

export interface ManageCommandsDeps {
  service: CustomCommandsService;
  rateLimiter: RateLimiter;
}

/** `!addcom`, `!editcom`, `!delcom` and `!addalias`, for moderators. */
export function manageCommands({ service, rateLimiter }: ManageCommandsDeps): CommandDefinition[] {
  // Every answer is a refusal or a confirmation the mod can read; an unexpected error still reaches the pipeline.
  const guarded =
    (run: (ctx: CommandContext) => Promise<string>) =>
    async (ctx: CommandContext): Promise<string> => {
      const budget = await rateLimiter.consume(`commands:manage:${ctx.message.channel}`, CHANGES_PER_MINUTE, 60);
      if (!budget.allowed) return `Too many command changes; try again in ${Math.ceil(budget.retryAfterMs / 1000)}s.`;
      return answerRefusals(run)(ctx);
    };

  return [
    {
      name: 'addcom',
      description: 'Adds a custom command.',
      usage: 'addcom [-ul=mod] [-cd=30] [-ucd=10] [-a=alias] [-mode=say] !name text',
      userLevel: 'moderator',
      run: guarded(async ({ argsText, message, channel }) => {
        const line = parseManageLine(argsText);
        if (!line.name || !line.text) return `Usage: ${channel.prefix}addcom [-ul=mod] [-cd=30] [-ucd=10] !name text`;
        const { command, warnings } = await service.create(message.channel, { ...line.changes, name: line.name, template: line.text, createdBy: message.login });
        return `Added ${channel.prefix}${command.name}.${note(warnings)}`;
      }),
    },
    {
      name: 'editcom',
      description: 'Changes a custom command: its text, options, or name (-name=).',
      usage: 'editcom [-ul=mod] [-cd=30] [-name=new] !name [new text]',
      userLevel: 'moderator',
      run: guarded(async ({ argsText, message, channel }) => {
        const line = parseManageLine(argsText, true);
        if (!line.name || (!line.text && Object.keys(line.changes).length === 0)) return `Usage: ${channel.prefix}editcom [-ul=mod] [-cd=30] [-name=new] !name [new text]`;
        const { command, warnings } = await service.update(message.channel, line.name, { ...line.changes, ...(line.text ? { template: line.text } : {}) });
        return `Changed ${channel.prefix}${command.name}.${note(warnings)}`;
      }),
    },
    {
      name: 'delcom',
      description: 'Deletes a custom command.',
      usage: 'delcom !name',
      userLevel: 'moderator',
      run: guarded(async ({ args, message, channel }) => {
        const name = args[0];
        if (!name) return `Usage: ${channel.prefix}delcom !name`;
        await service.remove(message.channel, name);
        return `Deleted ${channel.prefix}${name.replace(/^!/, '').toLowerCase()}.`;
      }),
    },
    {
      name: 'addalias',
      description: 'Adds another name to a custom command.',
      usage: 'addalias !alias !command',
      userLevel: 'moderator',
      run: guarded(async ({ args, message, channel }) => {
        const [alias, name] = args;
        if (!alias || !name) return `Usage: ${channel.prefix}addalias !alias !command`;
        const command = await service.addAlias(message.channel, name, alias);
        return `${channel.prefix}${alias.replace(/^!/, '').toLowerCase()} now runs ${channel.prefix}${command.name}.`;
      }),
    },
  ];
}

function note(warnings: readonly TemplateWarning[]): string {
  const [first] = warnings;
  if (!first) return '';
  return ` Note: ${first.message}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}`;
}
