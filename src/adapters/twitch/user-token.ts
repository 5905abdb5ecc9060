import type { Logger } from '../../core/ports.ts';

/** What Twitch's `/oauth2/validate` says about a token. */
export interface TokenInfo {
  login: string;
  userId: string;
  scopes: string[];
  expiresInSeconds: number;
}

export interface UserTokenOptions {
  /** id.twitch.tv/oauth2 or the sandbox's `/auth`. */
  authUrl: string;
  clientId: string;
  clientSecret?: string;
  accessToken: string;
  refreshToken?: string;
  logger: Logger;
  /** Called with new tokens after a refresh, to persist them. */
  onRefresh?: (tokens: { accessToken: string; refreshToken?: string }) => Promise<void> | void;
  fetch?: typeof fetch;
}

/** A token Twitch refused and that could not be refreshed. */
export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * A Twitch user token that validates itself (at start and hourly, as Twitch requires of chat bots)
 * and refreshes itself when Twitch says it expired. The token values never reach the logger.
 */
export class UserToken {
  private accessToken: string;
  private refreshToken: string | undefined;
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly http: typeof fetch;

  constructor(private readonly options: UserTokenOptions) {
    this.accessToken = options.accessToken;
    this.refreshToken = options.refreshToken;
    this.http = options.fetch ?? fetch;
  }

  async get(): Promise<string> {
    await this.refreshing;
    return this.accessToken;
  }

  /** Validates the token, refreshing it once if Twitch says it is no longer valid. */
  async validate(): Promise<TokenInfo> {
    const first = await this.callValidate();
    if (first) return first;
    await this.refresh();
    const second = await this.callValidate();
    if (!second) throw new TokenError('Twitch refused the token even after a refresh');
    return second;
  }

  /** Re-validates every hour; a failure is logged, and chat reconnects with the refreshed token. */
  startHourlyValidation(onInfo: (info: TokenInfo) => void = () => undefined): void {
    this.timer = setInterval(() => {
      this.validate().then(onInfo, (err: unknown) => this.options.logger.error({ err }, 'hourly token validation failed'));
    }, 3_600_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Exchanges the refresh token for a new pair; concurrent callers share one exchange. */
  refresh(): Promise<void> {
    this.refreshing ??= this.exchange().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async exchange(): Promise<void> {
    if (!this.refreshToken) throw new TokenError('the token expired and no refresh token is configured');
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.refreshToken, client_id: this.options.clientId });
    if (this.options.clientSecret) body.set('client_secret', this.options.clientSecret);
    const response = await this.http(`${this.options.authUrl}/token`, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new TokenError(`token refresh refused (HTTP ${response.status})`);
    const payload = (await response.json()) as { access_token?: unknown; refresh_token?: unknown };
    if (typeof payload.access_token !== 'string') throw new TokenError('token refresh answered without an access_token');
    this.accessToken = payload.access_token;
    if (typeof payload.refresh_token === 'string') this.refreshToken = payload.refresh_token;
    this.options.logger.info({}, 'refreshed the Twitch user token');
    await this.options.onRefresh?.({ accessToken: this.accessToken, refreshToken: this.refreshToken });
  }

  private async callValidate(): Promise<TokenInfo | null> {
    const response = await this.http(`${this.options.authUrl}/validate`, {
      headers: { authorization: `OAuth ${this.accessToken}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 401) return null;
    if (!response.ok) throw new TokenError(`token validation failed (HTTP ${response.status})`);
    const payload = (await response.json()) as { login?: string; user_id?: string; scopes?: string[]; expires_in?: number };
    return { login: payload.login ?? '', userId: payload.user_id ?? '', scopes: payload.scopes ?? [], expiresInSeconds: payload.expires_in ?? 0 };
  }
}
