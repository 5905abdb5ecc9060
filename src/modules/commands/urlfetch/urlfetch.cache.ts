import type { Cache, Logger } from '../../../core/ports.ts';
import type { UrlFetcher } from './urlfetch.client.ts';

// A failure is remembered briefly, so a dead site is not asked again on every use.
const FAILURE_TTL_SECONDS = 10;

/**
 * `$(urlfetch)` answers through the Cache port (Redis when several instances run), per channel for
 * the channel's TTL, with one fetch in flight per key however many chatters ask at once.
 */
export class CachedUrlFetch {
  private readonly inFlight = new Map<string, Promise<string>>();
  // Parsing a URL costs more than the rest of an expansion, and most commands fetch the same few URLs.
  private readonly checked = new Map<string, string | undefined>();

  constructor(
    private readonly fetcher: UrlFetcher,
    private readonly cache: Cache,
    private readonly logger: Logger,
  ) {}

  check(url: string): string | undefined {
    if (this.checked.has(url)) return this.checked.get(url);
    const problem = this.fetcher.check(url);
    if (this.checked.size >= 1_000) this.checked.clear();
    this.checked.set(url, problem);
    return problem;
  }

  async text(channel: string, url: string, ttlSeconds: number): Promise<string> {
    const key = `commands:urlfetch:${channel}:${url}`;
    const cached = await this.cache.get(key);
    if (cached !== null) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchAndStore(key, url, ttlSeconds).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async fetchAndStore(key: string, url: string, ttlSeconds: number): Promise<string> {
    const result = await this.fetcher.fetchText(url);
    const text = result.ok ? result.text : `(urlfetch: ${result.reason})`;
    if (!result.ok) this.logger.debug({ url, reason: result.reason }, 'urlfetch failed');
    await this.cache.set(key, text, result.ok ? ttlSeconds : Math.min(ttlSeconds, FAILURE_TTL_SECONDS)).catch((err: unknown) => this.logger.warn({ err }, 'urlfetch cache write failed'));
    return text;
  }
}
