import type { Logger } from '../../core/ports.ts';
import type { ModerationRepository } from './moderation.repository.ts';
import type { LogEntry } from './moderation.tables.ts';

export interface LogWriterOptions {
  /** Default 1000. */
  flushIntervalMs?: number;
  /** A batch this large is written at once instead of waiting for the timer. Default 200. */
  batchSize?: number;
  /** Longest wait between retries after failed writes. Default 30 s. */
  maxBackoffMs?: number;
}

// Entries wait in memory only while the database refuses them; this many would be hours of a busy
// channel's actions, and beyond it the oldest go (counted and logged) rather than the process.
const MAX_PENDING = 100_000;

/**
 * Writes moderation log entries in the background: the message hook never waits on the database.
 * A failed write keeps its entries queued and retries with backoff; closing flushes what is left.
 */
export class LogWriter {
  private pending: LogEntry[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private retryAt = 0;
  private dropped = 0;
  private readonly flushIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly repository: Pick<ModerationRepository, 'insert'>,
    private readonly logger: Logger,
    options: LogWriterOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.timer = setInterval(() => {
      if (Date.now() >= this.retryAt) this.flush().catch(() => undefined);
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(entry: LogEntry): void {
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) {
      const excess = this.pending.length - MAX_PENDING;
      this.pending.splice(0, excess);
      this.dropped += excess;
      this.logger.error({ dropped: this.dropped }, 'moderation log queue overflowed; oldest entries dropped');
    }
    if (this.pending.length >= this.batchSize && this.failures === 0) this.flush().catch(() => undefined);
  }

  /** Writes everything queued so far; rejects when the write fails (the entries stay queued). */
  flush(): Promise<void> {
    this.inFlight = this.inFlight.then(
      () => this.write(),
      () => this.write(),
    );
    return this.inFlight;
  }

  /** Stops the timer and tries to write what is left, a few times. */
  async close(attempts = 3): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    for (let attempt = 1; attempt <= attempts && this.pending.length > 0; attempt++) {
      try {
        await this.flush();
      } catch {
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    if (this.pending.length > 0) this.logger.error({ pending: this.pending.length }, 'moderation log entries could not be written before shutdown');
  }

  private async write(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.batchSize);
      const droppedBefore = this.dropped;
      try {
        await this.repository.insert(batch);
      } catch (err) {
        this.failures++;
        const backoff = Math.min(this.maxBackoffMs, this.flushIntervalMs * 2 ** Math.min(this.failures, 10));
        this.retryAt = Date.now() + backoff;
        this.logger.warn({ err, pending: this.pending.length, retryInMs: backoff }, 'writing the moderation log failed; will retry');
        throw err;
      }
      // Entries added while the batch was written stay behind it, in order; an overflow meanwhile
      // dropped from the front, which is where the batch was.
      this.pending.splice(0, Math.max(0, batch.length - (this.dropped - droppedBefore)));
      this.failures = 0;
      this.retryAt = 0;
    }
  }
}
