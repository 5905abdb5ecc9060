import { eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { resealed, type SecretBox } from '../security/secret-box.ts';
import { botTokens } from './core.tables.ts';
import type { AppDb } from './database.ts';

export interface UserTokens {
  accessToken: string;
  refreshToken?: string;
}

/**
 * Keeps the bot account's refreshed tokens, sealed, so that a restart does not fall back to a
 * configured refresh token that Twitch has since rotated away. A stored pair is used only while it
 * descends from the configured token: configuring a new token replaces it.
 */
export class BotTokensRepository {
  constructor(
    private readonly db: AppDb,
    private readonly box: SecretBox,
  ) {}

  /** The newest tokens for `login`: the stored ones if they descend from `configured`, else `configured`. */
  async current(login: string, configured: UserTokens): Promise<UserTokens> {
    const [row] = await this.db.select().from(botTokens).where(eq(botTokens.login, login));
    if (!row || row.origin !== fingerprint(configured)) return configured;
    return {
      accessToken: this.box.open(row.accessTokenSealed),
      refreshToken: row.refreshTokenSealed === null ? undefined : this.box.open(row.refreshTokenSealed),
    };
  }

  async save(login: string, configured: UserTokens, tokens: UserTokens): Promise<void> {
    const values = {
      login,
      accessTokenSealed: this.box.seal(tokens.accessToken),
      refreshTokenSealed: tokens.refreshToken === undefined ? null : this.box.seal(tokens.refreshToken),
      origin: fingerprint(configured),
    };
    await this.db
      .insert(botTokens)
      .values(values)
      .onConflictDoUpdate({ target: botTokens.login, set: { ...values, updatedAt: sql`now()` } });
  }
}

/** Re-seals every stored token with the box's current key (key rotation); returns how many rows changed. */
export async function resealBotTokens(db: AppDb, box: SecretBox): Promise<number> {
  let changed = 0;
  for (const row of await db.select().from(botTokens)) {
    const access = resealed(box, row.accessTokenSealed);
    const refresh = row.refreshTokenSealed === null ? null : resealed(box, row.refreshTokenSealed);
    if (access === row.accessTokenSealed && refresh === row.refreshTokenSealed) continue;
    await db.update(botTokens).set({ accessTokenSealed: access, refreshTokenSealed: refresh }).where(eq(botTokens.login, row.login));
    changed++;
  }
  return changed;
}

// A one-way fingerprint: enough to tell whether the configured token changed, useless to an attacker.
function fingerprint(tokens: UserTokens): string {
  return createHash('sha256').update(tokens.refreshToken ?? tokens.accessToken).digest('hex').slice(0, 16);
}
