/**
 * OAuth tokens, codes and device codes the sandbox handed out, and the tokens it treats as valid
 * without having issued them: any token used on IRC (valid for the login it logged in as), and any
 * `sandbox-<login>` token (valid for <login>; a `sandbox-...` token whose rest is no login stands for
 * the channel owner `sandbox`), so a bot can be configured without an OAuth dance.
 */
import { randomBytes } from 'node:crypto';
import { normalizeLogin } from './users.registry.ts';

export interface TokenInfo {
  accessToken: string;
  refreshToken: string | null;
  /** null for app access tokens (client credentials). */
  login: string | null;
  clientId: string;
  scopes: string[];
  /** Epoch ms; null = never expires (Twitch reports expires_in 0 for such tokens). */
  expiresAt: number | null;
}

export interface Grant {
  login: string;
  clientId: string;
  scopes: string[];
}

export const TOKEN_LIFETIME_SECONDS = 14_400;
const SANDBOX_CLIENT_ID = 'sandbox-client-id';
const DEFAULT_LOGIN = 'sandbox';
/** What implicit tokens may do: everything a chat bot asks Twitch for. */
const SANDBOX_SCOPES = [
  'bits:read', 'channel:bot', 'channel:moderate', 'channel:read:redemptions', 'channel:read:subscriptions',
  'chat:edit', 'chat:read', 'moderator:manage:announcements', 'moderator:manage:banned_users',
  'moderator:manage:chat_messages', 'moderator:read:chatters', 'moderator:read:followers', 'user:bot',
  'user:read:chat', 'user:write:chat',
];

export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly byRefresh = new Map<string, TokenInfo>();
  private readonly codes = new Map<string, Grant>();
  private readonly deviceCodes = new Map<string, Grant>();

  issue(grant: Omit<Grant, 'login'> & { login: string | null }, withRefresh = true): TokenInfo {
    const info: TokenInfo = {
      accessToken: randomToken(),
      refreshToken: withRefresh ? randomToken(50) : null,
      login: grant.login,
      clientId: grant.clientId,
      scopes: grant.scopes,
      expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
    };
    this.tokens.set(info.accessToken, info);
    if (info.refreshToken) this.byRefresh.set(info.refreshToken, info);
    return info;
  }

  /** A fresh token pair for a refresh token; the old pair stops working, as on Twitch. */
  refresh(refreshToken: string): TokenInfo | undefined {
    const old = this.byRefresh.get(refreshToken);
    if (!old) return undefined;
    this.byRefresh.delete(refreshToken);
    this.tokens.delete(old.accessToken);
    return this.issue(old);
  }

  validate(accessToken: string): TokenInfo | undefined {
    const known = this.tokens.get(accessToken);
    if (known) return known.expiresAt === null || known.expiresAt > Date.now() ? known : undefined;
    if (!accessToken.startsWith('sandbox-')) return undefined;
    return implicitToken(accessToken, normalizeLogin(accessToken.slice('sandbox-'.length)) ?? DEFAULT_LOGIN);
  }

  rememberIrcLogin(accessToken: string, login: string): void {
    if (!this.tokens.has(accessToken)) this.tokens.set(accessToken, implicitToken(accessToken, login));
  }

  revoke(accessToken: string): boolean {
    const info = this.tokens.get(accessToken);
    if (!info) return false;
    this.tokens.delete(accessToken);
    if (info.refreshToken) this.byRefresh.delete(info.refreshToken);
    return true;
  }

  issueCode(grant: Grant): string {
    const code = randomToken();
    this.codes.set(code, grant);
    return code;
  }

  redeemCode(code: string): Grant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant;
  }

  /** Device codes are approved at once: the sandbox has no user to wait for. */
  issueDeviceCode(grant: Grant): string {
    const code = randomToken(40);
    this.deviceCodes.set(code, grant);
    return code;
  }

  redeemDeviceCode(code: string): Grant | undefined {
    const grant = this.deviceCodes.get(code);
    this.deviceCodes.delete(code);
    return grant;
  }
}

function implicitToken(accessToken: string, login: string): TokenInfo {
  return { accessToken, refreshToken: null, login, clientId: SANDBOX_CLIENT_ID, scopes: SANDBOX_SCOPES, expiresAt: null };
}

/** Lower-case alphanumerics, like Twitch's 30-character tokens. */
function randomToken(length = 30): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}
