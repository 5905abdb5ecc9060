import type { ChatMessage } from '../../core/chat.ts';
import { CopypastaIndex } from './filters/copypasta.filter.ts';
import type { ModerationStep } from './moderation.settings.ts';

/** How many recent messages per channel `!nuke` can look back over. */
export const HISTORY_SIZE = 2_000;
const IDLE_MS = 10 * 60_000;

/**
 * The last messages of a channel with when they arrived (the server's `sentAt` may be skewed),
 * oldest overwritten first; holds references, copies nothing.
 */
export class MessageHistory {
  private readonly ring: (ChatMessage | undefined)[];
  private readonly times: Float64Array;
  private next = 0;

  constructor(readonly capacity = HISTORY_SIZE) {
    this.ring = new Array<ChatMessage | undefined>(capacity);
    this.times = new Float64Array(capacity);
  }

  add(message: ChatMessage, at: number): void {
    this.ring[this.next] = message;
    this.times[this.next] = at;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Messages that arrived at or after `since`, newest first. */
  since(since: number): ChatMessage[] {
    const out: ChatMessage[] = [];
    for (let i = 1; i <= this.capacity; i++) {
      const slot = (this.next - i + this.capacity) % this.capacity;
      const message = this.ring[slot];
      if (!message || this.times[slot]! < since) break;
      out.push(message);
    }
    return out;
  }
}

interface Offences {
  count: number;
  expiresAt: number;
}

/** Everything the moderation of one channel remembers between messages, in memory. */
export class ChannelState {
  readonly history = new MessageHistory();
  /** Recent message times per user id, oldest first. */
  readonly recent = new Map<string, number[]>();
  readonly copypasta = new CopypastaIndex();
  /** Logins allowed one link, with when the permission lapses. */
  readonly permits = new Map<string, number>();
  private readonly offences = new Map<string, Offences>();
  /** Chatters just timed out or banned: their messages still in flight need deleting, not punishing again. */
  private readonly punished = new Map<string, number>();

  record(message: ChatMessage, now: number): void {
    this.history.add(message, now);
  }

  /** Messages of the last `seconds` before `now`, newest first. */
  lastMessages(seconds: number, now: number): ChatMessage[] {
    return this.history.since(now - seconds * 1000);
  }

  /**
   * The ladder step for one more offence of `userId` against `rule`: offences within the window
   * climb the ladder, a quiet window starts it over.
   */
  escalate(userId: string, rule: string, now: number, windowSeconds: number, ladder: readonly ModerationStep[], skipWarning: boolean): ModerationStep {
    const key = `${userId}\u0000${rule}`;
    let offences = this.offences.get(key);
    if (!offences || offences.expiresAt <= now) {
      offences = { count: 0, expiresAt: 0 };
      this.offences.set(key, offences);
    }
    offences.count++;
    offences.expiresAt = now + windowSeconds * 1000;
    const skip = skipWarning && offences.count === 1 && ladder[0]?.type === 'warn' && ladder.length > 1 ? 1 : 0;
    return ladder[Math.min(offences.count - 1 + skip, ladder.length - 1)]!;
  }

  /** Remembers that `userId` was just timed out or banned. */
  markPunished(userId: string, until: number): void {
    this.punished.set(userId, until);
  }

  /** True while `userId` is covered by a timeout or ban the bot just issued. */
  recentlyPunished(userId: string, now: number): boolean {
    const until = this.punished.get(userId);
    return until !== undefined && until > now;
  }

  /** Lets `login` post one link until `until`. */
  permit(login: string, until: number): void {
    this.permits.set(login, until);
  }

  /** Uses up a permit of `login`; false when there is none (or it lapsed). */
  takePermit(login: string, now: number): boolean {
    const until = this.permits.get(login);
    if (until === undefined) return false;
    this.permits.delete(login);
    return until > now;
  }

  /** Forgets what can no longer matter, so that state stays bounded by recent activity. */
  sweep(now: number): void {
    for (const [user, times] of this.recent) if ((times.at(-1) ?? 0) < now - IDLE_MS) this.recent.delete(user);
    for (const [key, offences] of this.offences) if (offences.expiresAt <= now) this.offences.delete(key);
    for (const [login, until] of this.permits) if (until <= now) this.permits.delete(login);
    for (const [user, until] of this.punished) if (until <= now) this.punished.delete(user);
  }
}
