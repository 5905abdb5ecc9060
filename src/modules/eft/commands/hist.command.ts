import type { CommandDefinition } from '../../../core/module.ts';
import { failureAnswer, histAnswer } from '../eft.answers.ts';
import { HISTORY_DAYS, type EftService } from '../eft.service.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = `!hist <item> [days ${HISTORY_DAYS.min}-${HISTORY_DAYS.max}]`;
const DAYS = /^(\d{1,3})d?$/i;

/** Splits `<item> [days]`: a trailing number (or `7d`) is the period when something precedes it. */
export function parseHistArgs(args: readonly string[]): { query: string; days: number } {
  const last = args[args.length - 1];
  const days = args.length > 1 && last ? DAYS.exec(last) : null;
  return days ? { query: args.slice(0, -1).join(' '), days: Number(days[1]) } : { query: args.join(' '), days: HISTORY_DAYS.default };
}

export function histCommand(service: EftService): CommandDefinition {
  return {
    name: 'hist',
    aliases: ['history'],
    description: 'Flea price history of an item: min, max, average and trend over the last days (7 by default).',
    usage: USAGE,
    userCooldownSeconds: 5,
    run: async (ctx) => {
      if (!ctx.argsText) return `Usage: ${USAGE}`;
      const { settings, market } = channelMarket(ctx);
      const { query, days } = parseHistArgs(ctx.args);
      const result = await service.history(query, days, market);
      return result.ok ? histAnswer(result, settings.templates) : failureAnswer(result, USAGE);
    },
  };
}
