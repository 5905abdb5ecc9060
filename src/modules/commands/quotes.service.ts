import type { Logger } from '../../core/ports.ts';
import { CommandsError } from './commands.errors.ts';
import type { Quote, QuotesRepository } from './quotes.repository.ts';
import type { StreamLookup } from './template/variables/stream.variables.ts';

export const MAX_QUOTE_LENGTH = 300;
export const MAX_QUOTES_PER_CHANNEL = 10_000;
const MAX_SEARCH_LENGTH = 100;

/** `#12: text (Just Chatting, 2024-05-01)`. */
export function formatQuote(quote: Quote): string {
  const date = quote.createdAt.toISOString().slice(0, 10);
  return `#${quote.number}: ${quote.text} (${quote.game ? `${quote.game}, ` : ''}${date})`;
}

/** Quotes of a channel; each remembers the game being streamed and the date. */
export class QuotesService {
  constructor(
    private readonly deps: {
      repository: QuotesRepository;
      lookup: StreamLookup;
      logger: Logger;
    },
  ) {}

  /** Adds a quote; the game comes from the live stream (none when offline or when Helix cannot be reached). */
  async add(channel: string, channelId: string, rawText: string, createdBy: string): Promise<Quote> {
    const text = rawText.trim().replace(/\s+/g, ' ');
    if (text.length === 0 || text.length > MAX_QUOTE_LENGTH) {
      throw new CommandsError('commands.invalid_quote', `A quote needs 1 to ${MAX_QUOTE_LENGTH} characters.`);
    }
    if ((await this.deps.repository.countForChannel(channel)) >= MAX_QUOTES_PER_CHANNEL) {
      throw new CommandsError('commands.invalid_quote', `This channel has ${MAX_QUOTES_PER_CHANNEL} quotes, the most it may have.`);
    }
    let game: string | null = null;
    if (channelId) {
      game = await this.deps.lookup.stream(channelId).then(
        (stream) => stream?.gameName || null,
        (err: unknown) => {
          this.deps.logger.warn({ err, channel }, 'the game for a quote could not be looked up');
          return null;
        },
      );
    }
    return this.deps.repository.add(channel, text, game, createdBy);
  }

  /** `number`, a random quote, or a random one containing `search`. */
  async find(channel: string, query: { number?: number; search?: string }): Promise<Quote> {
    let quote: Quote | undefined;
    if (query.number !== undefined) quote = await this.deps.repository.byNumber(channel, query.number);
    else if (query.search) quote = await this.deps.repository.search(channel, query.search.slice(0, MAX_SEARCH_LENGTH));
    else quote = await this.deps.repository.random(channel);
    if (!quote) {
      const what = query.number !== undefined ? `#${query.number}` : query.search ? `matching "${query.search.slice(0, 40)}"` : 'yet';
      throw new CommandsError('commands.quote_not_found', query.number === undefined && !query.search ? 'There are no quotes yet.' : `There is no quote ${what}.`);
    }
    return quote;
  }

  list(channel: string): Promise<Quote[]> {
    return this.deps.repository.list(channel);
  }

  async remove(channel: string, number: number): Promise<void> {
    if (!(await this.deps.repository.remove(channel, number))) throw new CommandsError('commands.quote_not_found', `There is no quote #${number}.`);
  }
}
