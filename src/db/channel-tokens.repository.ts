import { eq, sql } from 'drizzle-orm';
import { resealed, type SecretBox } from '../security/secret-box.ts';
import { channelTokens } from './core.tables.ts';
import type { AppDb } from './database.ts';

export interface ChannelAuthorization {
  login: string;
  scopes: string[];
  updatedAt: Date;
}

/** Broadcasters' authorizations of the bot, sealed at rest; the tokens never leave through the API. */
export class ChannelTokensRepository {
  constructor(
    private readonly db: AppDb,
    private readonly box: SecretBox,
  ) {}

  async save(channel: string, login: string, tokens: { accessToken: string; refreshToken?: string; scopes: string[] }): Promise<void> {
    const values = {
      channel,
      login,
      accessTokenSealed: this.box.seal(tokens.accessToken),
      refreshTokenSealed: tokens.refreshToken === undefined ? null : this.box.seal(tokens.refreshToken),
      scopes: tokens.scopes,
    };
    await this.db
      .insert(channelTokens)
      .values(values)
      .onConflictDoUpdate({ target: channelTokens.channel, set: { ...values, updatedAt: sql`now()` } });
  }

  /** Who authorized the bot in this channel and with which scopes, or null. */
  async status(channel: string): Promise<ChannelAuthorization | null> {
    const [row] = await this.db
      .select({ login: channelTokens.login, scopes: channelTokens.scopes, updatedAt: channelTokens.updatedAt })
      .from(channelTokens)
      .where(eq(channelTokens.channel, channel));
    return row ?? null;
  }

  /** Re-seals every stored token with the box's current key (key rotation); returns how many rows changed. */
  async reseal(): Promise<number> {
    let changed = 0;
    for (const row of await this.db.select().from(channelTokens)) {
      const access = resealed(this.box, row.accessTokenSealed);
      const refresh = row.refreshTokenSealed === null ? null : resealed(this.box, row.refreshTokenSealed);
      if (access === row.accessTokenSealed && refresh === row.refreshTokenSealed) continue;
      await this.db.update(channelTokens).set({ accessTokenSealed: access, refreshTokenSealed: refresh }).where(eq(channelTokens.channel, row.channel));
      changed++;
    }
    return changed;
  }

  async remove(channel: string): Promise<boolean> {
    const rows = await this.db.delete(channelTokens).where(eq(channelTokens.channel, channel)).returning({ channel: channelTokens.channel });
    return rows.length > 0;
  }
}
