import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { ChannelRole } from '../core/routes.ts';
import { apiKeys, channelRoles, channels } from './core.tables.ts';
import type { AppDb } from './database.ts';

export type GrantedRole = Exclude<ChannelRole, 'owner'>;

export interface ApiKeyInfo {
  id: string;
  channel: string;
  role: ChannelRole;
  name: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const KEY_PREFIX = 'utb_';

/** Who may do what in the dashboard and API: granted channel roles and API keys. */
export class AccessRepository {
  constructor(private readonly db: AppDb) {}

  /** The granted role of `login` in `channel` (the owner has none: ownership is implicit). */
  async grantedRole(channel: string, login: string): Promise<GrantedRole | null> {
    const [row] = await this.db
      .select({ role: channelRoles.role })
      .from(channelRoles)
      .where(and(eq(channelRoles.channel, channel), eq(channelRoles.userLogin, login)));
    return row?.role ?? null;
  }

  /** Joined channels where `login` is owner or holds a role; a platform admin owns them all. */
  async channelsOf(login: string, admin = false): Promise<{ channel: string; role: ChannelRole }[]> {
    if (admin) {
      const all = await this.db.select({ channel: channels.login }).from(channels).where(eq(channels.joined, true)).orderBy(asc(channels.login));
      return all.map(({ channel }) => ({ channel, role: 'owner' as const }));
    }
    const granted = await this.db
      .select({ channel: channelRoles.channel, role: channelRoles.role })
      .from(channelRoles)
      .innerJoin(channels, eq(channels.login, channelRoles.channel))
      .where(and(eq(channelRoles.userLogin, login), eq(channels.joined, true)));
    const [own] = await this.db.select({ login: channels.login }).from(channels).where(and(eq(channels.login, login), eq(channels.joined, true)));
    const result: { channel: string; role: ChannelRole }[] = own ? [{ channel: own.login, role: 'owner' }] : [];
    return [...result, ...granted.filter((g) => g.channel !== login)].sort((a, b) => a.channel.localeCompare(b.channel));
  }

  listRoles(channel: string): Promise<{ userLogin: string; role: GrantedRole; grantedBy: string; grantedAt: Date }[]> {
    return this.db
      .select({ userLogin: channelRoles.userLogin, role: channelRoles.role, grantedBy: channelRoles.grantedBy, grantedAt: channelRoles.grantedAt })
      .from(channelRoles)
      .where(eq(channelRoles.channel, channel))
      .orderBy(asc(channelRoles.userLogin));
  }

  async grant(channel: string, login: string, role: GrantedRole, grantedBy: string): Promise<void> {
    await this.db
      .insert(channelRoles)
      .values({ channel, userLogin: login, role, grantedBy })
      .onConflictDoUpdate({ target: [channelRoles.channel, channelRoles.userLogin], set: { role, grantedBy, grantedAt: sql`now()` } });
  }

  async revokeRole(channel: string, login: string): Promise<boolean> {
    const rows = await this.db
      .delete(channelRoles)
      .where(and(eq(channelRoles.channel, channel), eq(channelRoles.userLogin, login)))
      .returning({ login: channelRoles.userLogin });
    return rows.length > 0;
  }

  /** Creates a key and returns it in the clear, the only time it is ever seen; only its hash is stored. */
  async createApiKey(channel: string, role: ChannelRole, name: string, createdBy: string): Promise<{ key: string; info: ApiKeyInfo }> {
    const id = randomBytes(6).toString('hex');
    const key = `${KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.db.insert(apiKeys).values({ id, channel, role, name, keyHash: hashKey(key), createdBy }).returning();
    return { key, info: toInfo(row!) };
  }

  async listApiKeys(channel: string): Promise<ApiKeyInfo[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.channel, channel), isNull(apiKeys.revokedAt)))
      .orderBy(asc(apiKeys.createdAt));
    return rows.map(toInfo);
  }

  async revokeApiKey(channel: string, id: string): Promise<boolean> {
    const rows = await this.db
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.channel, channel), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    return rows.length > 0;
  }

  /** The live key matching `key`, recording its use; null for unknown or revoked keys. */
  async findApiKey(key: string): Promise<ApiKeyInfo | null> {
    if (!key.startsWith(KEY_PREFIX)) return null;
    const [row] = await this.db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)))
      .returning();
    return row ? toInfo(row) : null;
  }
}

// Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toInfo(row: typeof apiKeys.$inferSelect): ApiKeyInfo {
  return { id: row.id, channel: row.channel, role: row.role, name: row.name, createdBy: row.createdBy, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
}
