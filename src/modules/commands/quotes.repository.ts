import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/database.ts';
import { quoteNumbers, quotes } from './commands.tables.ts';

/** A stored quote. */
export type Quote = typeof quotes.$inferSelect;

/** Quotes per channel, numbered from 1 in the order they were added; a deleted quote's number is never given out again. */
export class QuotesRepository {
  constructor(private readonly db: AppDb) {}

  /** Adds a quote under the channel's next number; the number row's lock orders concurrent adds. */
  add(channel: string, text: string, game: string | null, createdBy: string): Promise<Quote> {
    return this.db.transaction(async (tx) => {
      const [next] = await tx
        .insert(quoteNumbers)
        .values({ channel, last: 1 })
        .onConflictDoUpdate({ target: quoteNumbers.channel, set: { last: sql`${quoteNumbers.last} + 1` } })
        .returning({ last: quoteNumbers.last });
      const [row] = await tx.insert(quotes).values({ channel, number: next!.last, text, game, createdBy }).returning();
      return row!;
    });
  }

  async byNumber(channel: string, number: number): Promise<Quote | undefined> {
    const [row] = await this.db.select().from(quotes).where(and(eq(quotes.channel, channel), eq(quotes.number, number)));
    return row;
  }

  async random(channel: string): Promise<Quote | undefined> {
    const [row] = await this.db.select().from(quotes).where(eq(quotes.channel, channel)).orderBy(sql`random()`).limit(1);
    return row;
  }

  /** A random quote containing `text` (any case; `%` and `_` match themselves). */
  async search(channel: string, text: string): Promise<Quote | undefined> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [row] = await this.db
      .select()
      .from(quotes)
      .where(and(eq(quotes.channel, channel), ilike(quotes.text, pattern)))
      .orderBy(sql`random()`)
      .limit(1);
    return row;
  }

  list(channel: string): Promise<Quote[]> {
    return this.db.select().from(quotes).where(eq(quotes.channel, channel)).orderBy(asc(quotes.number));
  }

  async countForChannel(channel: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(quotes).where(eq(quotes.channel, channel));
    return row?.n ?? 0;
  }

  async remove(channel: string, number: number): Promise<boolean> {
    const rows = await this.db.delete(quotes).where(and(eq(quotes.channel, channel), eq(quotes.number, number))).returning({ id: quotes.id });
    return rows.length > 0;
  }
}
