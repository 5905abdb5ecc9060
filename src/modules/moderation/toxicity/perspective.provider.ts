import type { ChatMessage } from '../../../core/chat.ts';
import { systemClock, type Clock, type ExternalCallObserver, type Logger } from '../../../core/ports.ts';
import type { ModerationSettings } from '../moderation.settings.ts';
import { normalizeText } from '../moderation.text.ts';
import { exemptMaskOf, roleMask } from '../moderation.types.ts';
import { OfflineToxicityAnalyser, type ToxicityResult } from './offline.analyser.ts';
import { PerspectiveClient, PerspectiveError } from './perspective.client.ts';

export interface PerspectiveProviderOptions {
  /** The API's base URL, `https://commentanalyzer.googleapis.com`. */
  url: string;
  key: string;
  /** How long a message may wait for Perspective before the offline score decides it. */
  timeoutMs: number;
  /** Requests per second, on average; Perspective's default quota is 1. */
  qps: number;
  logger: Logger;
  observer?: ExternalCallObserver;
  clock?: Clock;
}

/** Distinct words (with a letter) a message needs before it is worth a request. */
export const MIN_WORDS = 3;
/** Consecutive failures after which Perspective is left alone for a while. */
export const FAILURES_BEFORE_PAUSE = 5;
export const FAILURE_PAUSE_MS = 60_000;
/** Perspective's 429 rarely says when to come back; its quotas are counted per minute. */
export const QUOTA_PAUSE_MS = 60_000;
/** A refused key does not fix itself; someone has to change the configuration. */
export const REFUSED_PAUSE_MS = 600_000;

type Outage = 'quota' | 'refused' | 'failing';

const LETTER = /\p{L}/u;

/**
 * Asks Perspective about the messages the offline analyser is unsure of, within a request budget,
 * and falls back to the offline score whenever Perspective is slow, failing, out of quota or over
 * the budget. Which messages are worth a request, given a quota of about one a second:
 *
 * - only those the toxicity filter judges at all (it is on, the author is not exempt);
 * - not those the offline analyser already flags: asking would change nothing;
 * - not those with fewer than MIN_WORDS distinct words ("gg", "LUL", "KEKW KEKW KEKW", "@bob hi"):
 *   in the project's toxicity sets every toxic message the offline analyser misses has at least
 *   three, so the quota goes to sentences rather than to reactions.
 *
 * There is deliberately no lower score bound: more than half of the toxic messages the offline
 * analyser misses score under 0.02 in those sets, as low as harmless chat.
 */
export class PerspectiveToxicityProvider {
  private readonly client: PerspectiveClient;
  private readonly analyser = new OfflineToxicityAnalyser();
  private readonly clock: Clock;
  private readonly bucket: TokenBucket;
  private readonly origin: string;
  private pausedUntil = 0;
  private failures = 0;
  private outage: Outage | null = null;

  constructor(private readonly options: PerspectiveProviderOptions) {
    this.client = new PerspectiveClient({ url: options.url, key: options.key, observer: options.observer });
    this.clock = options.clock ?? systemClock;
    this.bucket = new TokenBucket(options.qps, this.clock.now());
    this.origin = new URL(options.url).origin;
  }

  /** For the start-up line: where it asks and within what limits, never the key. */
  describe(): string {
    return `perspective ${this.origin} (timeout ${this.options.timeoutMs} ms, ${this.options.qps} req/s)`;
  }

  /**
   * Undefined when the message is not the provider's business (the engine scores it as always);
   * the offline score when Perspective is not asked; otherwise a promise, never rejected, of
   * Perspective's score or, when that does not come in time, the offline one.
   */
  score(message: ChatMessage, settings: ModerationSettings): ToxicityResult | Promise<ToxicityResult> | undefined {
    const { toxicity, firstMessage } = settings;
    if (!toxicity.enabled || roleMask(message.roles) & exemptMaskOf(toxicity.exempt)) return undefined;
    const text = normalizeText(message.text);
    if (!hasDistinctWords(text, MIN_WORDS)) return undefined;
    const offline = this.analyser.analyse(text);
    const strict = message.firstMessage && firstMessage.enabled;
    const threshold = strict ? Math.min(toxicity.threshold, firstMessage.toxicityThreshold) : toxicity.threshold;
    if (offline.score >= threshold) return offline;
    const now = this.clock.now();
    if (now < this.pausedUntil || !this.bucket.take(now)) return offline;
    return this.ask(text, offline);
  }

  private async ask(text: string, offline: ToxicityResult): Promise<ToxicityResult> {
    try {
      const result = await this.client.analyze(text, AbortSignal.timeout(this.options.timeoutMs));
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      return offline;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    if (this.outage) {
      this.options.logger.info({ after: this.outage }, 'perspective answers again; its scores are back');
      this.outage = null;
    }
  }

  private failed(error: unknown): void {
    const now = this.clock.now();
    const code = error instanceof PerspectiveError ? error.code : 'unavailable';
    const reason = error instanceof Error ? error.message : String(error);
    const { logger } = this.options;
    logger.debug({ code, reason }, 'perspective call failed; the offline score decides');
    if (code === 'quota') {
      const ms = (error as PerspectiveError).retryAfterMs ?? QUOTA_PAUSE_MS;
      this.pause(now + ms, 'quota', () => logger.warn({ reason, pauseSeconds: ms / 1000 }, 'perspective quota exceeded; offline toxicity scores until it resets'));
      return;
    }
    if (code === 'refused') {
      this.pause(now + REFUSED_PAUSE_MS, 'refused', () =>
        logger.error({ reason, pauseSeconds: REFUSED_PAUSE_MS / 1000 }, 'perspective refused PERSPECTIVE_API_KEY; offline toxicity scores until it is fixed'),
      );
      return;
    }
    this.failures++;
    if (this.failures >= FAILURES_BEFORE_PAUSE) {
      this.pause(now + FAILURE_PAUSE_MS, 'failing', () =>
        logger.warn({ reason, failures: this.failures, pauseSeconds: FAILURE_PAUSE_MS / 1000 }, 'perspective keeps failing; offline toxicity scores, retrying later'),
      );
    }
  }

  // Logged when an outage starts (or changes kind), not for every message or failed retry during it.
  private pause(until: number, outage: Outage, log: () => void): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    if (this.outage === outage) return;
    this.outage = outage;
    log();
  }
}

/** `rate` tokens a second, holding at most one second's worth (and at least one). */
class TokenBucket {
  private readonly capacity: number;
  private tokens: number;

  constructor(
    private readonly rate: number,
    private at: number,
  ) {
    this.capacity = Math.max(1, rate);
    this.tokens = this.capacity;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + (Math.max(0, now - this.at) / 1000) * this.rate);
    this.at = Math.max(this.at, now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function hasDistinctWords(text: string, wanted: number): boolean {
  const words = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (!LETTER.test(word)) continue;
    words.add(word);
    if (words.size >= wanted) return true;
  }
  return false;
}
