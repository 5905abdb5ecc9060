import { asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from './database.ts';
import { channelSettings, channels } from './core.tables.ts';

export type Channel = typeof channels.$inferSelect;

export interface ChannelSettings {
  prefix: string;
  language: string;
  /** Modules are on unless listed here. */
  disabledModules: string[];
  /** Per-module settings objects keyed by module name. */
  moduleSettings: Record<string, unknown>;
}

export class ChannelsRepository {
  constructor(private readonly db: AppDb) {}

  listJoined(): Promise<Channel[]> {
    return this.db.select().from(channels).where(eq(channels.joined, true)).orderBy(asc(channels.login));
  }

  async isJoined(login: string): Promise<boolean> {
    const [row] = await this.db.select({ joined: channels.joined }).from(channels).where(eq(channels.login, normalize(login)));
    return row?.joined ?? false;
  }

  /** Creates or re-joins the channel; a new channel gets default settings, a known one keeps its own. */
  async join(login: string, displayName?: string, twitchId?: string): Promise<Channel> {
    const channel = normalize(login);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(channels)
        .values({ login: channel, displayName, twitchId })
        .onConflictDoUpdate({ target: channels.login, set: { joined: true, updatedAt: sql`now()`, displayName, twitchId } })
        .returning();
      await tx.insert(channelSettings).values({ channel }).onConflictDoNothing();
      return row!;
    });
  }

  /** Marks the channel as left; its settings stay for a later join. Returns false for an unknown channel. */
  async part(login: string): Promise<boolean> {
    const rows = await this.db
      .update(channels)
      .set({ joined: false, updatedAt: sql`now()` })
      .where(eq(channels.login, normalize(login)))
      .returning({ login: channels.login });
    return rows.length > 0;
  }

  async getSettings(login: string): Promise<ChannelSettings | null> {
    const [row] = await this.db.select(settingsColumns).from(channelSettings).where(eq(channelSettings.channel, normalize(login)));
    return row ?? null;
  }

  /** Returns the updated settings, or null for an unknown channel. */
  async updateSettings(login: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings | null> {
    const set = { prefix: patch.prefix, language: patch.language, disabledModules: patch.disabledModules, moduleSettings: patch.moduleSettings };
    if (Object.values(set).every((v) => v === undefined)) return this.getSettings(login);
    const [row] = await this.db
      .update(channelSettings)
      .set(set)
      .where(eq(channelSettings.channel, normalize(login)))
      .returning(settingsColumns);
    return row ?? null;
  }

  /** Replaces one module's settings object atomically, leaving the other modules' untouched. Returns false for an unknown channel. */
  async setModuleSetting(login: string, module: string, value: unknown): Promise<boolean> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`module setting for ${module} is not JSON`);
    const rows = await this.db
      .update(channelSettings)
      .set({ moduleSettings: sql`${channelSettings.moduleSettings} || jsonb_build_object(${module}::text, ${json}::jsonb)` })
      .where(eq(channelSettings.channel, normalize(login)))
      .returning({ channel: channelSettings.channel });
    return rows.length > 0;
  }
}

const settingsColumns = {
  prefix: channelSettings.prefix,
  language: channelSettings.language,
  disabledModules: channelSettings.disabledModules,
  moduleSettings: channelSettings.moduleSettings,
};

function normalize(login: string): string {
  return login.trim().toLowerCase();
}
