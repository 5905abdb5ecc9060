import type { Actor, ChannelRole } from '../../core/routes.ts';
import type { AccessRepository, ApiKeyInfo } from '../../db/access.repository.ts';
import type { AccessTokens, SessionUser } from './access-tokens.ts';

/** Who is calling, before any channel is considered. */
export type Identity = { kind: 'user'; user: SessionUser; admin: boolean } | { kind: 'api_key'; key: ApiKeyInfo };

export interface AuthorizerDeps {
  accessTokens: AccessTokens;
  access: AccessRepository;
  /** Platform admins by login (config ADMIN_LOGINS). */
  admins: ReadonlySet<string>;
  isJoined(channel: string): Promise<boolean>;
}

/** Resolves the caller from `Authorization: Bearer …` and their role in a channel. */
export class Authorizer {
  constructor(private readonly deps: AuthorizerDeps) {}

  /** The caller, or null without credentials; throws InvalidTokenError for bad ones. */
  async identify(authorization: string | undefined): Promise<Identity | null> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return null;
    if (token.startsWith('utb_')) {
      const key = await this.deps.access.findApiKey(token);
      if (!key) throw new InvalidCredentialsError('unknown or revoked API key');
      return { kind: 'api_key', key };
    }
    const user = await this.deps.accessTokens.verify(token);
    return { kind: 'user', user, admin: this.deps.admins.has(user.login) };
  }

  /** The caller's role in `channel`, or null when they have none there (or the channel is unknown). */
  async actorIn(identity: Identity, channel: string): Promise<Actor | null> {
    if (!(await this.deps.isJoined(channel))) return null;
    if (identity.kind === 'api_key') {
      if (identity.key.channel !== channel) return null;
      return { userId: `api-key:${identity.key.id}`, login: identity.key.createdBy, role: identity.key.role, admin: false, via: 'api_key' };
    }
    const role = await this.roleOf(identity.user.login, channel, identity.admin);
    return role ? { userId: identity.user.userId, login: identity.user.login, role, admin: identity.admin, via: 'session' } : null;
  }

  private async roleOf(login: string, channel: string, admin: boolean): Promise<ChannelRole | null> {
    if (admin || login === channel) return 'owner';
    return this.deps.access.grantedRole(channel, login);
  }
}

/** An API key that does not exist or was revoked. */
export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
}
