import type { Cache, Logger, TwitchApi, TwitchStream, TwitchUser } from '../../core/ports.ts';
import type { StreamLookup } from './template/variables/stream.variables.ts';

const STREAM_TTL_SECONDS = 30;
const USER_TTL_SECONDS = 3_600;

interface StoredStream {
  title: string;
  gameName: string;
  viewers: number;
  startedAt: number;
}

interface StoredUser {
  id: string;
  login: string;
  displayName: string;
  createdAt: number;
}

/**
 * Helix look-ups for variables, quotes and timers, through the Cache port: a stream for 30 s, a user
 * for an hour, and one Helix call in flight per key. A channel that is offline is cached too.
 */
export class StreamInfo implements StreamLookup {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly twitch: TwitchApi,
    private readonly cache: Cache,
    private readonly logger: Logger,
  ) {}

  async stream(channelId: string): Promise<TwitchStream | null> {
    const raw = await this.cached(`commands:stream:${channelId}`, STREAM_TTL_SECONDS, async () => {
      const stream = await this.twitch.getStream(channelId);
      return JSON.stringify(stream ? { ...stream, startedAt: stream.startedAt.getTime() } : null);
    });
    const stored = JSON.parse(raw) as StoredStream | null;
    return stored ? { ...stored, startedAt: new Date(stored.startedAt) } : null;
  }

  async user(login: string): Promise<TwitchUser | null> {
    const raw = await this.cached(`commands:user:${login.toLowerCase()}`, USER_TTL_SECONDS, async () => {
      const user = await this.twitch.getUserByLogin(login);
      return JSON.stringify(user ? { ...user, createdAt: user.createdAt.getTime() } : null);
    });
    const stored = JSON.parse(raw) as StoredUser | null;
    return stored ? { ...stored, createdAt: new Date(stored.createdAt) } : null;
  }

  private async cached(key: string, ttlSeconds: number, load: () => Promise<string>): Promise<string> {
    const hit = await this.cache.get(key);
    if (hit !== null) return hit;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = load()
        .then(async (value) => {
          await this.cache.set(key, value, ttlSeconds).catch((err: unknown) => this.logger.warn({ err, key }, 'caching a Helix answer failed'));
          return value;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
