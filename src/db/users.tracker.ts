import { systemClock, type Clock } from '../core/ports.ts';
import type { SeenUser, UsersRepository } from './users.repository.ts';

export interface SeenUserTrackerOptions {
  /** Default 5000. */
  flushIntervalMs?: number;
  /**
   * A chatter already written within this window (under the same name) is not written again, so
   * `last_seen` is exact to this window; default 60000.
   */
  refreshMs?: number;
  /** Failed background flushes, whose users stay queued for the next one; default console.error. */
  onError?: (err: unknown) => void;
  clock?: Clock;
}

interface Names {
  login: string;
  displayName: string;
}

interface Written extends Names {
  at: number;
}

/**
 * Collects the chatters of every message in memory and writes them in one batch every few seconds;
 * someone who keeps chatting is written once per refresh window, not once per flush.
 */
export class SeenUserTracker {
  private pending = new Map<string, SeenUser>();
  private readonly written = new Map<string, Written>();
  /** The batch being written: its chatters count as written while the statement runs. */
  private writing = new Map<string, SeenUser>();
  private readonly refreshMs: number;
  private inFlight: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly clock: Clock;
  private readonly onError: (err: unknown) => void;

  constructor(
    private readonly users: Pick<UsersRepository, 'upsertSeen'>,
    opts: SeenUserTrackerOptions = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.refreshMs = opts.refreshMs ?? 60_000;
    this.onError = opts.onError ?? ((err) => console.error('recording seen users failed', err));
    this.timer = setInterval(() => this.flush().catch(this.onError), opts.flushIntervalMs ?? 5000);
    this.timer.unref();
  }

  seen(user: { twitchId: string; login: string; displayName: string }): void {
    if (this.closed) return;
    const now = this.clock.now();
    const written = this.written.get(user.twitchId);
    const writing = this.writing.get(user.twitchId);
    if ((written && this.covers(written, written.at, user, now)) || (writing && this.covers(writing, writing.seenAt.getTime(), user, now))) return;
    this.pending.set(user.twitchId, { ...user, seenAt: new Date(now) });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Writes the queued users; rejects if the write fails, keeping them queued. */
  flush(): Promise<void> {
    this.inFlight = this.inFlight.then(
      () => this.write(),
      () => this.write(),
    );
    return this.inFlight;
  }

  /** Stops the timer and writes what is left; a failure goes to onError. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.flush().catch(this.onError);
  }

  private async write(): Promise<void> {
    this.forgetStale();
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.writing = batch;
    try {
      await this.users.upsertSeen([...batch.values()]);
      for (const [id, user] of batch) {
        // Re-inserted, so the map stays roughly in write order and forgetting can stop early.
        this.written.delete(id);
        this.written.set(id, { login: user.login, displayName: user.displayName, at: user.seenAt.getTime() });
      }
    } catch (err) {
      // Sightings made during the failed write are newer, so they win over the batch's.
      for (const [id, user] of batch) if (!this.pending.has(id)) this.pending.set(id, user);
      throw err;
    } finally {
      this.writing = new Map();
    }
  }

  // A sighting under the same name within the refresh window of one written (or being written) adds nothing.
  private covers(record: Names, at: number, user: Names, now: number): boolean {
    return now - at < this.refreshMs && record.login === user.login && record.displayName === user.displayName;
  }

  private forgetStale(): void {
    const before = this.clock.now() - this.refreshMs;
    for (const [id, written] of this.written) {
      if (written.at > before) break;
      this.written.delete(id);
    }
  }
}
