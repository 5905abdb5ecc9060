import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/database.ts';
import { customCommands } from './commands.tables.ts';

/** A custom command as stored. */
export type StoredCommand = typeof customCommands.$inferSelect;
/** What a new custom command needs. */
export type NewCommand = Omit<typeof customCommands.$inferInsert, 'id' | 'useCount' | 'createdAt' | 'updatedAt'>;
/** The fields of a custom command that can change. */
export type CommandPatch = Partial<Omit<NewCommand, 'channel' | 'createdBy'>>;

/** Custom commands in PostgreSQL, per channel. */
export class CommandsRepository {
  constructor(private readonly db: AppDb) {}

  listAll(): Promise<StoredCommand[]> {
    return this.db.select().from(customCommands).orderBy(asc(customCommands.channel), asc(customCommands.name));
  }

  listForChannel(channel: string): Promise<StoredCommand[]> {
    return this.db.select().from(customCommands).where(eq(customCommands.channel, channel)).orderBy(asc(customCommands.name));
  }

  async get(channel: string, name: string): Promise<StoredCommand | undefined> {
    const [row] = await this.db.select().from(customCommands).where(and(eq(customCommands.channel, channel), eq(customCommands.name, name)));
    return row;
  }

  async insert(command: NewCommand): Promise<StoredCommand> {
    const [row] = await this.db.insert(customCommands).values(command).returning();
    return row!;
  }

  async update(channel: string, name: string, patch: CommandPatch): Promise<StoredCommand | undefined> {
    const [row] = await this.db
      .update(customCommands)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(customCommands.channel, channel), eq(customCommands.name, name)))
      .returning();
    return row;
  }

  async remove(channel: string, name: string): Promise<boolean> {
    const rows = await this.db
      .delete(customCommands)
      .where(and(eq(customCommands.channel, channel), eq(customCommands.name, name)))
      .returning({ id: customCommands.id });
    return rows.length > 0;
  }

  /** Counts one use and returns the new count; undefined when the command is gone. */
  async recordUse(id: number): Promise<number | undefined> {
    const [row] = await this.db
      .update(customCommands)
      .set({ useCount: sql`${customCommands.useCount} + 1` })
      .where(eq(customCommands.id, id))
      .returning({ useCount: customCommands.useCount });
    return row?.useCount;
  }
}
