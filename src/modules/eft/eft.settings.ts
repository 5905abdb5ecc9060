import { z } from 'zod';
import type { ChannelConfig } from '../../core/module.ts';
import { GAME_MODES, isLanguage, LANGUAGES, type GameMode, type Language } from './eft.catalogue.ts';

/**
 * The default answer templates. `{name}` placeholders are filled per answer; a part in square
 * brackets disappears when a placeholder inside it has no value. The variables are listed in the README.
 */
export const DEFAULT_TEMPLATES = {
  price: '{name}: {flea}[ · {perSlot}/slot][ · 48h {change}] · best trader: {trader}',
  trader: '{name}: {traders} · {flea} → {verdict}',
  hist: '{name} {days} d: {min}–{max}, avg {avg}, trend {trend}',
  supply: '{name}: {offers} offers now vs {avgOffers} avg over {days} d ({change}) → {meaning}',
  worth: 'Per slot: {ranking}',
} as const;

const template = (fallback: string) => z.string().trim().min(1).max(400).default(fallback);

/** The eft module's per-channel settings (commands, their names and cooldowns are the core's per-command settings). */
export const eftSettingsSchema = z.object({
  /** `regular` is PvP. */
  gameMode: z.enum(GAME_MODES).default('regular'),
  /** `channel` follows the channel's language when tarkov.dev has it, English otherwise. */
  language: z.union([z.literal('channel'), z.enum(LANGUAGES)]).default('channel'),
  templates: z
    .object({
      price: template(DEFAULT_TEMPLATES.price),
      trader: template(DEFAULT_TEMPLATES.trader),
      hist: template(DEFAULT_TEMPLATES.hist),
      supply: template(DEFAULT_TEMPLATES.supply),
      worth: template(DEFAULT_TEMPLATES.worth),
    })
    .prefault({}),
  /** Pending price alerts one viewer may hold in a channel (moderators are not limited). */
  alertsPerViewer: z.number().int().min(0).max(20).default(3),
  /** Pending price alerts a channel may hold. */
  alertsPerChannel: z.number().int().min(1).max(200).default(25),
});

export type EftSettings = z.infer<typeof eftSettingsSchema>;

/** Where a channel's answers come from: its game mode and catalogue language. */
export interface MarketContext {
  mode: GameMode;
  lang: Language;
}

/** The channel's eft settings, defaults applied (a channel that set nothing gets the defaults). */
export function eftSettingsOf(channel: ChannelConfig): EftSettings {
  const stored = channel.moduleSettings.get('eft');
  if (stored !== undefined) return stored as EftSettings;
  return defaults;
}

const defaults = eftSettingsSchema.parse({});

export function marketOf(settings: EftSettings, channel: ChannelConfig): MarketContext {
  const lang = settings.language === 'channel' ? (isLanguage(channel.language) ? channel.language : 'en') : settings.language;
  return { mode: settings.gameMode, lang };
}
