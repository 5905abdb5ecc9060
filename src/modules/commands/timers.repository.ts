import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/database.ts';
import { timers } from './commands.tables.ts';

/** A stored timer. */
export type Timer = typeof timers.$inferSelect;
export type NewTimer = Omit<typeof timers.$inferInsert, 'id' | 'nextIndex' | 'lastPostedAt' | 'createdAt'>;
export type TimerPatch = Partial<Omit<NewTimer, 'channel' | 'createdBy'>>;

/** Timers per channel. */
export class TimersRepository {
  constructor(private readonly db: AppDb) {}

  listEnabled(): Promise<Timer[]> {
    return this.db.select().from(timers).where(eq(timers.enabled, true)).orderBy(asc(timers.id));
  }

  list(channel: string): Promise<Timer[]> {
    return this.db.select().from(timers).where(eq(timers.channel, channel)).orderBy(asc(timers.name));
  }

  async insert(timer: NewTimer): Promise<Timer> {
    const [row] = await this.db.insert(timers).values(timer).returning();
    return row!;
  }

  async update(channel: string, name: string, patch: TimerPatch): Promise<Timer | undefined> {
    const [row] = await this.db.update(timers).set(patch).where(and(eq(timers.channel, channel), eq(timers.name, name))).returning();
    return row;
  }

  async remove(channel: string, name: string): Promise<boolean> {
    const rows = await this.db.delete(timers).where(and(eq(timers.channel, channel), eq(timers.name, name))).returning({ id: timers.id });
    return rows.length > 0;
  }

  /** Records a post: when, and which message comes next. */
  async markPosted(id: number, at: Date): Promise<void> {
    await this.db
      .update(timers)
      .set({ lastPostedAt: at, nextIndex: sql`(${timers.nextIndex} + 1) % greatest(cardinality(${timers.messages}), 1)` })
      .where(eq(timers.id, id));
  }
}
