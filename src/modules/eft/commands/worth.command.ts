import type { CommandDefinition } from '../../../core/module.ts';
import { failureAnswer, worthAnswer } from '../eft.answers.ts';
import type { EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!worth <item>, <item>, … (or words: !worth ledx gpu btc)';
const MAX_ITEMS = 6;

/** Items are split at commas, `|` or ` vs `; without any of those each word is one item. */
export function splitItems(text: string): string[] {
  const parts = /,|\||\bvs\.?\b/i.test(text) ? text.split(/\s*(?:,|\||\bvs\.?(?=\s|$))\s*/i) : text.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function worthCommand(service: EftService): CommandDefinition {
  return {
    name: 'worth',
    aliases: ['perslot', 'compare'],
    description: 'Compares items by value per stash slot (the better of flea average and best trader).',
    usage: USAGE,
    userCooldownSeconds: 5,
    run: (ctx) => {
      const items = splitItems(ctx.argsText);
      if (items.length < 2) return `Give at least two items. Usage: ${USAGE}`;
      if (items.length > MAX_ITEMS) return `At most ${MAX_ITEMS} items at once.`;
      const { settings, market } = channelMarket(ctx);
      const result = service.worth(items, market);
      return result.ok ? worthAnswer(result, settings.templates) : failureAnswer(result, USAGE);
    },
  };
}
