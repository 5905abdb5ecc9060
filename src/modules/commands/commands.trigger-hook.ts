import type { ChatMessage } from '../../core/chat.ts';
import type { ChannelConfig } from '../../core/module.ts';
import { checkPermission, meetsLevel, userLevelOf } from '../../core/permissions.ts';
import type { ChatSender, Logger, RateLimiter } from '../../core/ports.ts';
import type { CatalogEntry, CommandCatalog } from './commands.catalog.ts';
import type { CommandRunner, Whisperer } from './commands.runner.ts';

export interface TriggerHookDeps {
  catalog: CommandCatalog;
  runner: CommandRunner;
  rateLimiter: RateLimiter;
  chat: ChatSender;
  whisperer?: Whisperer;
  logger: Logger;
}

const NO_LISTS = { allow: new Set<string>(), deny: new Set<string>() };

/**
 * Runs custom commands whose keyword or pattern appears anywhere in a message, under the same user
 * level and cooldown rules as the command router. Only the first matching command runs, and it runs
 * beside the pipeline, so a slow variable never holds up the message.
 */
export function triggerHook(deps: TriggerHookDeps) {
  const fire = async (entry: CatalogEntry, message: ChatMessage, channel: ChannelConfig): Promise<void> => {
    const { stored, registered } = entry;
    const override = channel.commandOverrides.get(registered.id);
    const lists = override ? { allow: override.allowUsers, deny: override.denyUsers } : NO_LISTS;
    if (!checkPermission(message.login, message.roles, stored.userLevel, lists).allowed) return;
    if (!meetsLevel(userLevelOf(message.roles), 'moderator')) {
      const base = `cd:${message.channel}:${registered.id}`;
      if (stored.userCooldownS > 0 && !(await deps.rateLimiter.consume(`${base}:${message.userId}`, 1, stored.userCooldownS)).allowed) return;
      if (stored.globalCooldownS > 0 && !(await deps.rateLimiter.consume(base, 1, stored.globalCooldownS)).allowed) return;
    }
    const words = message.text.trim().split(/\s+/);
    const outcome = await deps.runner.run(entry, message, channel, words, message.text.trim());
    if (!outcome.text) return;
    if (outcome.mode === 'whisper' && deps.whisperer) await deps.whisperer.whisper(message.userId, outcome.text);
    else await deps.chat.send({ channel: message.channel, text: outcome.text, ...(outcome.mode === 'say' ? {} : { replyTo: message.id }) });
  };

  return (message: ChatMessage, channel: ChannelConfig): void => {
    if (message.text.startsWith(channel.prefix)) return;
    for (const entry of deps.catalog.triggered(message.channel)) {
      if (!entry.trigger?.matches(message.text)) continue;
      fire(entry, message, channel).catch((err: unknown) =>
        deps.logger.error({ err, channel: message.channel, command: entry.stored.name }, 'a keyword command failed'),
      );
      return;
    }
  };
}
