import type { CommandContext } from '../../../core/module.ts';
import { eftSettingsOf, marketOf, type EftSettings, type MarketContext } from '../eft.settings.ts';

/** The channel's eft settings and the market (game mode, language) its answers come from. */
export function channelMarket(ctx: CommandContext): { settings: EftSettings; market: MarketContext } {
  const settings = eftSettingsOf(ctx.channel);
  return { settings, market: marketOf(settings, ctx.channel) };
}
