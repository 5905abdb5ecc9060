import { and, asc, eq } from 'drizzle-orm';
import type { AppDb } from './database.ts';
import { commandConfig } from './core.tables.ts';

export type CommandConfig = typeof commandConfig.$inferSelect;
export type CommandConfigPatch = Partial<Omit<CommandConfig, 'channel' | 'command'>>;

/** Per-channel overrides of module commands, keyed by namespaced id (`core:help`). */
export class CommandConfigRepository {
  constructor(private readonly db: AppDb) {}

  listForChannel(channel: string): Promise<CommandConfig[]> {
    return this.db.select().from(commandConfig).where(eq(commandConfig.channel, channel.toLowerCase())).orderBy(asc(commandConfig.command));
  }

  /** Creates the override or changes only the fields in `patch`. The channel must exist. */
  async upsert(channel: string, command: string, patch: CommandConfigPatch): Promise<CommandConfig> {
    const set: CommandConfigPatch = {
      enabled: patch.enabled,
      userLevel: patch.userLevel,
      globalCooldownS: patch.globalCooldownS,
      userCooldownS: patch.userCooldownS,
      aliases: patch.aliases,
      allowUsers: patch.allowUsers,
      denyUsers: patch.denyUsers,
    };
    const key = { channel: channel.toLowerCase(), command };
    const insert = this.db.insert(commandConfig).values({ ...set, ...key });
    const changed = Object.values(set).some((v) => v !== undefined);
    const [row] = changed
      ? await insert.onConflictDoUpdate({ target: [commandConfig.channel, commandConfig.command], set }).returning()
      : await insert.onConflictDoNothing().returning();
    return row ?? (await this.get(key.channel, command))!;
  }

  /** Returns false when there was no override. */
  async remove(channel: string, command: string): Promise<boolean> {
    const rows = await this.db
      .delete(commandConfig)
      .where(and(eq(commandConfig.channel, channel.toLowerCase()), eq(commandConfig.command, command)))
      .returning({ command: commandConfig.command });
    return rows.length > 0;
  }

  private async get(channel: string, command: string): Promise<CommandConfig | undefined> {
    const [row] = await this.db
      .select()
      .from(commandConfig)
      .where(and(eq(commandConfig.channel, channel), eq(commandConfig.command, command)));
    return row;
  }
}
