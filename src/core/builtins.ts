import type { ChatMessage } from './chat.ts';
import type { CommandRegistry } from './command-registry.ts';
import { defineModule, type BotModule, type ChannelConfig } from './module.ts';
import { MAX_MESSAGE_LENGTH } from './outgoing.ts';
import { checkPermission } from './permissions.ts';

/** The built-in commands every channel has: `!commands` and `!help <command>`. */
export function builtinsModule(registry: CommandRegistry): BotModule {
  const usable = (message: ChatMessage, channel: ChannelConfig) =>
    registry.listFor(channel).filter((command) => {
      const effective = registry.effective(command, channel);
      return (
        effective.enabled &&
        checkPermission(message.login, message.roles, effective.userLevel, { allow: effective.allowUsers, deny: effective.denyUsers }).allowed
      );
    });

  return defineModule({
    name: 'core',
    description: 'Built-in commands every channel has.',
    canDisable: false,
    commands: [
      {
        name: 'commands',
        description: 'Lists the commands you may use here.',
        userCooldownSeconds: 5,
        run: ({ message, channel }) => fitList(`Commands: `, usable(message, channel).map((c) => `${channel.prefix}${c.name}`)),
      },
      {
        name: 'help',
        usage: 'help <command>',
        description: 'Explains one command.',
        userCooldownSeconds: 3,
        run: ({ args, channel }) => {
          const name = (args[0] ?? '').replace(channel.prefix, '').toLowerCase();
          if (!name) return `Usage: ${channel.prefix}help <command>. ${channel.prefix}commands lists them.`;
          const command = registry.resolve(name, channel);
          if (!command) return `There is no command ${channel.prefix}${name}. ${channel.prefix}commands lists them.`;
          const effective = registry.effective(command, channel);
          if (!effective.enabled) return `${channel.prefix}${command.name} is switched off in this channel.`;
          const parts = [`${channel.prefix}${command.usage ?? command.name}: ${command.description}`];
          if (effective.userLevel !== 'everyone') parts.push(`For ${effective.userLevel}s and up.`);
          if (effective.userCooldownSeconds > 0) parts.push(`Cooldown ${effective.userCooldownSeconds}s per user.`);
          if (effective.globalCooldownSeconds > 0) parts.push(`Cooldown ${effective.globalCooldownSeconds}s.`);
          const aliases = command.aliases ?? [];
          if (aliases.length > 0) parts.push(`Aliases: ${aliases.map((a) => channel.prefix + a).join(', ')}.`);
          return parts.join(' ');
        },
      },
    ],
  });
}

// Joins names until the next one would overflow one chat message, then says how many were left out.
function fitList(head: string, names: string[]): string {
  let text = head;
  for (let i = 0; i < names.length; i++) {
    const next = `${i === 0 ? '' : ', '}${names[i]}`;
    const rest = ` …and ${names.length - i} more`;
    if (text.length + next.length + rest.length > MAX_MESSAGE_LENGTH) return text + rest;
    text += next;
  }
  return text;
}
