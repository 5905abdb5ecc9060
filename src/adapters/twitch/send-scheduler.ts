import type { OutgoingMessage } from '../../core/chat.ts';
import type { Clock } from '../../core/ports.ts';

/** Twitch's chat limits for a bot account that is not a verified bot. */
export interface ChatLimits {
  windowMs: number;
  /** Messages per window in total, and where the bot is moderator or broadcaster. */
  moderatorLimit: number;
  /** Messages per window counting only channels where the bot is not moderator. */
  userLimit: number;
  /** Minimum gap between two messages in a channel where the bot is not moderator. */
  channelGapMs: number;
  /** Twitch refuses a message identical to the previous one in that channel within this time. */
  duplicateWindowMs: number;
  joinWindowMs: number;
  joinLimit: number;
}

/**
 * Twitch's documented limits, scaled by `timeScale` (tests run them faster; the bot always runs at 1).
 * A 5% margin on every window absorbs network jitter between our clock and Twitch's.
 */
export function twitchChatLimits(timeScale = 1): ChatLimits {
  const ms = (value: number) => value * timeScale * 1.05;
  return {
    windowMs: ms(30_000),
    moderatorLimit: 100,
    userLimit: 20,
    channelGapMs: ms(1_000),
    duplicateWindowMs: ms(30_000),
    joinWindowMs: ms(10_000),
    joinLimit: 20,
  };
}

interface Pending {
  message: OutgoingMessage;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Thrown when a channel's send queue is full; the caller logs it, so no reply is lost silently. */
export class SendQueueFullError extends Error {
  override name = 'SendQueueFullError';
}

// A tag character: invisible in chat, but makes Twitch see a different message.
const DUPLICATE_BREAKER = ' \u{e0000}';

export interface SendSchedulerOptions {
  limits: ChatLimits;
  clock: Clock;
  /** Writes to the wire; false when the connection cannot take it now (the message stays queued). */
  write: (message: OutgoingMessage) => boolean;
  maxQueuePerChannel?: number;
}

/**
 * Queues outgoing messages per channel and releases each as soon as Twitch's limits allow:
 * 100 per 30 s overall, 20 per 30 s in channels where the bot is not moderator, one per second
 * per such channel, and a variation for a message repeated within 30 s. Channels take turns so
 * that one busy channel cannot starve the others.
 */
export class SendScheduler {
  private readonly queues = new Map<string, Pending[]>();
  private readonly moderatorIn = new Set<string>();
  private readonly sentAll: number[] = [];
  private readonly sentAsUser: number[] = [];
  private readonly lastInChannel = new Map<string, { at: number; text: string }>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private paused = true;
  private pending = 0;

  constructor(private readonly options: SendSchedulerOptions) {}

  get depth(): number {
    return this.pending;
  }

  setModerator(channel: string, isModerator: boolean): void {
    if (isModerator) this.moderatorIn.add(channel);
    else this.moderatorIn.delete(channel);
    this.pump();
  }

  enqueue(message: OutgoingMessage): Promise<void> {
    let queue = this.queues.get(message.channel);
    if (!queue) this.queues.set(message.channel, (queue = []));
    if (queue.length >= (this.options.maxQueuePerChannel ?? 1_000)) {
      return Promise.reject(new SendQueueFullError(`send queue for #${message.channel} is full (${queue.length} waiting)`));
    }
    return new Promise((resolve, reject) => {
      queue.push({ message, resolve, reject });
      this.pending++;
      this.pump();
    });
  }

  /** Holds messages while disconnected; they go out after `resume()`. */
  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** Rejects everything still queued (shutdown). */
  close(reason: string): void {
    this.pause();
    for (const queue of this.queues.values()) for (const item of queue) item.reject(new Error(reason));
    this.queues.clear();
    this.pending = 0;
  }

  private pump(): void {
    if (this.paused) return;
    for (;;) {
      const now = this.options.clock.now();
      let earliest = Infinity;
      let sent = false;
      for (const [channel, queue] of this.queues) {
        const head = queue[0];
        if (!head) {
          this.queues.delete(channel);
          continue;
        }
        const readyAt = this.readyAt(channel, now);
        if (readyAt > now) {
          earliest = Math.min(earliest, readyAt);
          continue;
        }
        const message = this.varyDuplicate(head.message, now);
        if (!this.options.write(message)) {
          this.pause();
          return;
        }
        queue.shift();
        this.pending--;
        this.record(channel, message.text, now);
        head.resolve();
        // Move the channel to the back so that channels take turns.
        this.queues.delete(channel);
        if (queue.length > 0) this.queues.set(channel, queue);
        sent = true;
        break;
      }
      if (sent) continue;
      if (earliest !== Infinity) this.wakeAt(earliest, now);
      return;
    }
  }

  /** The earliest time a message to `channel` may go out. */
  private readyAt(channel: string, now: number): number {
    const { limits } = this.options;
    let at = windowFreeAt(this.sentAll, limits.moderatorLimit, limits.windowMs, now);
    if (!this.moderatorIn.has(channel)) {
      at = Math.max(at, windowFreeAt(this.sentAsUser, limits.userLimit, limits.windowMs, now));
      const last = this.lastInChannel.get(channel);
      if (last) at = Math.max(at, last.at + limits.channelGapMs);
    }
    return at;
  }

  private varyDuplicate(message: OutgoingMessage, now: number): OutgoingMessage {
    const last = this.lastInChannel.get(message.channel);
    if (last && last.text === message.text && now - last.at < this.options.limits.duplicateWindowMs) {
      return { ...message, text: message.text + DUPLICATE_BREAKER };
    }
    return message;
  }

  private record(channel: string, text: string, now: number): void {
    const { limits } = this.options;
    pushBounded(this.sentAll, now, limits.moderatorLimit);
    if (!this.moderatorIn.has(channel)) pushBounded(this.sentAsUser, now, limits.userLimit);
    this.lastInChannel.set(channel, { at: now, text });
  }

  private wakeAt(at: number, now: number): void {
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(1, Math.ceil(at - now)));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

/** With the last `limit` send times kept in order, when the window has room for one more. */
function windowFreeAt(times: number[], limit: number, windowMs: number, now: number): number {
  if (times.length < limit) return now;
  return Math.max(now, times[times.length - limit]! + windowMs);
}

function pushBounded(times: number[], value: number, limit: number): void {
  times.push(value);
  if (times.length > limit) times.splice(0, times.length - limit);
}
