import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/database.ts';
import type { CounterStore } from './template/variables/counters.variables.ts';
import { counters } from './commands.tables.ts';

/** Named counters per channel (`$(counter deaths +1)`); a counter that was never set is 0. */
export class CountersRepository implements CounterStore {
  constructor(private readonly db: AppDb) {}

  async get(channel: string, name: string): Promise<number> {
    const [row] = await this.db.select({ value: counters.value }).from(counters).where(and(eq(counters.channel, channel), eq(counters.name, name)));
    return row?.value ?? 0;
  }

  /** Adds in one statement, so concurrent uses never lose a step. */
  async add(channel: string, name: string, delta: number): Promise<number> {
    const [row] = await this.db
      .insert(counters)
      .values({ channel, name, value: delta })
      .onConflictDoUpdate({ target: [counters.channel, counters.name], set: { value: sql`${counters.value} + ${delta}`, updatedAt: sql`now()` } })
      .returning({ value: counters.value });
    return row!.value;
  }

  async set(channel: string, name: string, value: number): Promise<number> {
    const [row] = await this.db
      .insert(counters)
      .values({ channel, name, value })
      .onConflictDoUpdate({ target: [counters.channel, counters.name], set: { value, updatedAt: sql`now()` } })
      .returning({ value: counters.value });
    return row!.value;
  }

  list(channel: string): Promise<{ name: string; value: number }[]> {
    return this.db.select({ name: counters.name, value: counters.value }).from(counters).where(eq(counters.channel, channel)).orderBy(asc(counters.name));
  }

  async remove(channel: string, name: string): Promise<boolean> {
    const rows = await this.db.delete(counters).where(and(eq(counters.channel, channel), eq(counters.name, name))).returning({ name: counters.name });
    return rows.length > 0;
  }
}
