import type { CommandDefinition } from '../../../core/module.ts';
import { answerRefusals } from '../commands.errors.ts';
import { formatQuote, type QuotesService } from '../quotes.service.ts';

const NUMBER = /^#?(\d{1,9})$/;

/** `!quote [N | text]`, `!addquote text`, `!delquote N`. */
export function quoteCommands(quotes: QuotesService): CommandDefinition[] {
  return [
    {
      name: 'quote',
      description: 'Shows a random quote, quote number N, or a random quote containing some text.',
      usage: 'quote [N | search text]',
      userCooldownSeconds: 5,
      run: answerRefusals(async ({ args, argsText, message }) => {
        const number = NUMBER.exec(args[0] ?? '');
        if (number && args.length === 1) return formatQuote(await quotes.find(message.channel, { number: Number(number[1]) }));
        const search = (args[0]?.toLowerCase() === 'search' ? argsText.slice(args[0].length) : argsText).trim();
        return formatQuote(await quotes.find(message.channel, search ? { search } : {}));
      }),
    },
    {
      name: 'addquote',
      description: 'Adds a quote, with the game being played and the date.',
      usage: 'addquote text',
      userLevel: 'moderator',
      userCooldownSeconds: 5,
      run: answerRefusals(async ({ argsText, message, channel }) => {
        if (!argsText) return `Usage: ${channel.prefix}addquote text`;
        const quote = await quotes.add(message.channel, message.channelId, argsText, message.login);
        return `Added quote #${quote.number}.`;
      }),
    },
    {
      name: 'delquote',
      description: 'Deletes quote number N.',
      usage: 'delquote N',
      userLevel: 'moderator',
      run: answerRefusals(async ({ args, message, channel }) => {
        const number = NUMBER.exec(args[0] ?? '');
        if (!number) return `Usage: ${channel.prefix}delquote N`;
        await quotes.remove(message.channel, Number(number[1]));
        return `Deleted quote #${number[1]}.`;
      }),
    },
  ];
}
