import { randomBytes } from 'node:crypto';
import type { Cache } from '../../core/ports.ts';
import type { SessionUser } from './access-tokens.ts';

export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

interface StoredRefresh extends SessionUser {
  family: string;
}

/** Why a refresh token was refused; `reuse` means a stolen token was likely replayed. */
export type RefreshFailure = 'unknown' | 'reuse' | 'revoked';

/**
 * Rotating refresh tokens kept in the Cache port (Redis when configured, so every instance agrees).
 * Each use returns a new token of the same family; presenting a token that was already used revokes
 * the whole family, which logs out both the thief and the victim.
 */
export class RefreshTokens {
  constructor(private readonly cache: Cache) {}

  /** Starts a new family (a new login). */
  issue(user: SessionUser): Promise<string> {
    return this.store(user, randomBytes(16).toString('base64url'));
  }

  async rotate(token: string): Promise<{ user: SessionUser; token: string } | { failure: RefreshFailure }> {
    const id = parseId(token);
    if (!id) return { failure: 'unknown' };
    const raw = await this.cache.get(key(id));
    if (!raw) return { failure: 'unknown' };
    const stored = JSON.parse(raw) as StoredRefresh;
    if (await this.cache.get(familyKey(stored.family))) return { failure: 'revoked' };
    // setIfAbsent makes the claim atomic: of two concurrent uses, one wins and the other is reuse.
    if (!(await this.cache.setIfAbsent(usedKey(id), '1', REFRESH_TOKEN_SECONDS))) {
      await this.revokeFamily(stored.family);
      return { failure: 'reuse' };
    }
    const user = { userId: stored.userId, login: stored.login };
    return { user, token: await this.store(user, stored.family) };
  }

  /** Logs out: the token's whole family stops working. */
  async revoke(token: string): Promise<void> {
    const id = parseId(token);
    const raw = id ? await this.cache.get(key(id)) : null;
    if (raw) await this.revokeFamily((JSON.parse(raw) as StoredRefresh).family);
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.cache.set(familyKey(family), 'revoked', REFRESH_TOKEN_SECONDS);
  }

  private async store(user: SessionUser, family: string): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    const stored: StoredRefresh = { userId: user.userId, login: user.login, family };
    await this.cache.set(key(id), JSON.stringify(stored), REFRESH_TOKEN_SECONDS);
    return `rt_${id}`;
  }
}

function parseId(token: string): string | null {
  return /^rt_[A-Za-z0-9_-]{32}$/.test(token) ? token.slice(3) : null;
}
const key = (id: string) => `auth:refresh:${id}`;
const usedKey = (id: string) => `auth:refresh-used:${id}`;
const familyKey = (family: string) => `auth:refresh-family-revoked:${family}`;
