import type { ExternalCallObserver, Logger, TwitchApi, TwitchStream, TwitchUser } from '../../core/ports.ts';
import { toTwitchStream, toTwitchUser, type HelixErrorBody, type HelixFollower, type HelixList, type HelixStream, type HelixUser } from './helix.external.ts';

export interface HelixClientOptions {
  /** `https://api.twitch.tv/helix`, or the sandbox's `/mock`. */
  baseUrl: string;
  clientId: string;
  /** The bot account's user token, and its id (the moderator in moderation calls). */
  getToken: () => Promise<string>;
  /** Called once on a 401, before the call is retried. */
  refreshToken?: () => Promise<void>;
  botUserId: () => Promise<string>;
  logger: Logger;
  fetch?: typeof fetch;
  /** Attempts for 429 and 5xx answers, with backoff between them. Default 3. */
  attempts?: number;
  observer?: ExternalCallObserver;
}

/** A Helix answer that is an error, after retries. */
export class HelixRequestError extends Error {
  override name = 'HelixRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * The Helix calls the bot makes, over fetch against a configurable base URL (so a sandbox on any
 * port can stand in). Retries 429 (after Ratelimit-Reset) and 5xx with backoff, refreshes the token
 * once on 401, and times out every call.
 */
export class HelixClient implements TwitchApi {
  private readonly http: typeof fetch;

  constructor(private readonly options: HelixClientOptions) {
    this.http = options.fetch ?? fetch;
  }

  async getUserByLogin(login: string): Promise<TwitchUser | null> {
    const body = await this.call<HelixList<HelixUser>>('GET', '/users', { login });
    const user = body?.data[0];
    return user ? toTwitchUser(user) : null;
  }

  async getStream(channelId: string): Promise<TwitchStream | null> {
    const body = await this.call<HelixList<HelixStream>>('GET', '/streams', { user_id: channelId });
    const stream = body?.data[0];
    return stream ? toTwitchStream(stream) : null;
  }

  async deleteMessage(channelId: string, messageId: string): Promise<void> {
    await this.call('DELETE', '/moderation/chat', { broadcaster_id: channelId, moderator_id: await this.options.botUserId(), message_id: messageId });
  }

  async banUser(channelId: string, userId: string, reason: string, durationSeconds?: number): Promise<void> {
    const data = durationSeconds === undefined ? { user_id: userId, reason } : { user_id: userId, reason, duration: durationSeconds };
    await this.call('POST', '/moderation/bans', { broadcaster_id: channelId, moderator_id: await this.options.botUserId() }, { data });
  }

  async unbanUser(channelId: string, userId: string): Promise<void> {
    await this.call('DELETE', '/moderation/bans', { broadcaster_id: channelId, moderator_id: await this.options.botUserId(), user_id: userId });
  }

  async sendAnnouncement(channelId: string, text: string): Promise<void> {
    await this.call('POST', '/chat/announcements', { broadcaster_id: channelId, moderator_id: await this.options.botUserId() }, { message: text });
  }

  /** When `userId` followed the channel, or null when they do not follow it. */
  async followedAt(channelId: string, userId: string): Promise<Date | null> {
    const body = await this.call<HelixList<HelixFollower>>('GET', '/channels/followers', { broadcaster_id: channelId, user_id: userId });
    const follower = body?.data[0];
    return follower ? new Date(follower.followed_at) : null;
  }

  /** Whispers from the bot account. */
  async whisper(toUserId: string, text: string): Promise<void> {
    await this.call('POST', '/whispers', { from_user_id: await this.options.botUserId(), to_user_id: toUserId }, { message: text });
  }

  private async call<T>(method: string, path: string, query: Record<string, string>, body?: unknown): Promise<T | null> {
    const url = `${this.options.baseUrl}${path}?${new URLSearchParams(query)}`;
    const attempts = this.options.attempts ?? 3;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const response = await this.http(url, {
        method,
        headers: {
          authorization: `Bearer ${await this.options.getToken()}`,
          'client-id': this.options.clientId,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      this.options.observer?.observe('helix', (performance.now() - started) / 1000, response.ok ? 'ok' : 'error');
      if (response.ok) return response.status === 204 ? null : ((await response.json()) as T);
      const error = (await response.json().catch(() => ({}))) as HelixErrorBody;
      const message = `Helix ${method} ${path} answered ${response.status}: ${error.message ?? response.statusText}`;
      if (response.status === 401 && !refreshed && this.options.refreshToken) {
        refreshed = true;
        await this.options.refreshToken();
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= attempts) throw new HelixRequestError(response.status, message);
      const delay = response.status === 429 ? rateLimitDelay(response.headers.get('ratelimit-reset')) : 250 * 2 ** attempt;
      this.options.logger.warn({ status: response.status, path, attempt, delayMs: delay }, 'Helix call failed; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function rateLimitDelay(resetHeader: string | null): number {
  const resetAt = Number(resetHeader) * 1000;
  return Number.isFinite(resetAt) && resetAt > Date.now() ? Math.min(resetAt - Date.now(), 60_000) : 1_000;
}
