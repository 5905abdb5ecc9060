import type { CommandDefinition } from '../../../core/module.ts';
import { failureAnswer, supplyAnswer } from '../eft.answers.ts';
import { SUPPLY_DAYS, type EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!supply <item>';

export function supplyCommand(service: EftService): CommandDefinition {
  return {
    name: 'supply',
    aliases: ['offers'],
    description: `Flea offers up for an item now against the last ${SUPPLY_DAYS} days, and what that means for its price.`,
    usage: USAGE,
    userCooldownSeconds: 5,
    run: async (ctx) => {
      if (!ctx.argsText) return `Usage: ${USAGE}`;
      const { settings, market } = channelMarket(ctx);
      const result = await service.supply(ctx.argsText, market);
      return result.ok ? supplyAnswer(result, SUPPLY_DAYS, settings.templates) : failureAnswer(result, USAGE);
    },
  };
}
