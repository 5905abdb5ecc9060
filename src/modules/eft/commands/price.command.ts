import type { CommandDefinition } from '../../../core/module.ts';
import { failureAnswer, priceAnswer } from '../eft.answers.ts';
import type { EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!price <item>';

export function priceCommand(service: EftService): CommandDefinition {
  return {
    name: 'price',
    aliases: ['p', 'flea'],
    description: 'Flea price (24 h average, last low), price per slot, 48 h change and the best trader for an Escape from Tarkov item.',
    usage: USAGE,
    userCooldownSeconds: 3,
    run: (ctx) => {
      if (!ctx.argsText) return `Usage: ${USAGE}`;
      const { settings, market } = channelMarket(ctx);
      const result = service.price(ctx.argsText, market);
      return result.ok ? priceAnswer(result, settings.templates) : failureAnswer(result, USAGE);
    },
  };
}
