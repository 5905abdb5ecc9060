import type { CommandDefinition } from '../../../core/module.ts';
import { failureAnswer, traderAnswer } from '../eft.answers.ts';
import type { EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!trader <item>';

export function traderCommand(service: EftService): CommandDefinition {
  return {
    name: 'trader',
    aliases: ['traders', 'tr'],
    description: "Every trader's price for an item against the flea after its fee, and where to sell it.",
    usage: USAGE,
    userCooldownSeconds: 3,
    run: (ctx) => {
      if (!ctx.argsText) return `Usage: ${USAGE}`;
      const { settings, market } = channelMarket(ctx);
      const result = service.traders(ctx.argsText, market);
      return result.ok ? traderAnswer(result, settings.templates) : failureAnswer(result, USAGE);
    },
  };
}
