import { z } from 'zod';
import type { ChannelConfig } from '../../core/module.ts';

/** Per-channel settings of the commands module. */
export const commandsSettings = z.object({
  /** Custom commands a channel may have. */
  maxCommands: z.number().int().min(1).max(5_000).default(500),
  /** How long a `$(urlfetch)` answer is reused. */
  urlfetchCacheSeconds: z.number().int().min(5).max(86_400).default(60),
});

export type CommandsSettings = z.infer<typeof commandsSettings>;

const DEFAULTS: CommandsSettings = commandsSettings.parse({});

/** The channel's parsed settings, or the defaults when it set none. */
export function settingsOf(channel: ChannelConfig): CommandsSettings {
  return (channel.moduleSettings.get('commands') as CommandsSettings | undefined) ?? DEFAULTS;
}
