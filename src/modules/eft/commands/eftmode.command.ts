import type { CommandDefinition } from '../../../core/module.ts';
import type { GameMode } from '../eft.catalogue.ts';
import type { EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!eftmode pvp|pve';
const MODES = new Map<string, GameMode>([
  ['pvp', 'regular'],
  ['regular', 'regular'],
  ['pve', 'pve'],
]);
const LABEL: Record<GameMode, string> = { regular: 'PvP', pve: 'PvE' };

export function eftmodeCommand(service: EftService): CommandDefinition {
  return {
    name: 'eftmode',
    aliases: ['tarkovmode'],
    description: "Switches this channel's Tarkov prices between PvP and PvE.",
    usage: USAGE,
    userLevel: 'moderator',
    run: async (ctx) => {
      const { settings } = channelMarket(ctx);
      const arg = ctx.args[0]?.toLowerCase();
      if (!arg) return `Tarkov prices here are ${LABEL[settings.gameMode]}. Usage: ${USAGE}`;
      const mode = MODES.get(arg);
      if (!mode) return `Unknown mode "${ctx.args[0]!.slice(0, 20)}". Usage: ${USAGE}`;
      if (mode === settings.gameMode) return `Tarkov prices here are already ${LABEL[mode]}.`;
      const saved = await service.setGameMode(ctx.message.channel, settings, mode);
      return saved ? `Tarkov prices here are now ${LABEL[mode]}.` : 'This channel has no stored settings yet; try again after the bot joined it.';
    },
  };
}
