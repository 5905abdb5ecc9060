import type { ChannelConfig } from '../../core/module.ts';
import { defaultModerationSettings, type ModerationSettings } from './moderation.settings.ts';

/** The module's name, also the key of its settings in a channel's module settings. */
export const MODULE_NAME = 'moderation';

/**
 * The channel's moderation settings. The channel directory parsed them with the module's schema at
 * load; a channel it does not know (yet) gets the defaults.
 */
export function settingsOf(channel: ChannelConfig): ModerationSettings {
  return (channel.moduleSettings.get(MODULE_NAME) as ModerationSettings | undefined) ?? defaultModerationSettings;
}
