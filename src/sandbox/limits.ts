/**
 * Twitch's chat limits per sending login. Every window is multiplied by `timeScale`, which only tests
 * change (0.1 turns 30 s into 3 s). Rejected attempts do not count against later ones.
 */

export type ViolationKind = 'msg_ratelimit' | 'msg_duplicate' | 'join_ratelimit';
export type MessageViolation = Exclude<ViolationKind, 'join_ratelimit'>;

/** What Twitch tells the sender of a message it refused. */
export const VIOLATION_TEXT: Record<MessageViolation, string> = {
  msg_ratelimit: 'Your message was not sent because you are sending messages too quickly.',
  msg_duplicate: 'Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago.',
};

const MESSAGE_WINDOW_MS = 30_000;
const MAX_MESSAGES = 100;
const MAX_UNPRIVILEGED_MESSAGES = 20;
const UNPRIVILEGED_GAP_MS = 1_000;
const DUPLICATE_WINDOW_MS = 30_000;
const JOIN_WINDOW_MS = 10_000;
const MAX_JOINS = 20;

interface LoginHistory {
  messages: number[];
  unprivilegedMessages: number[];
  joins: number[];
  lastByChannel: Map<string, { at: number; text: string }>;
}

export class ChatLimits {
  private readonly history = new Map<string, LoginHistory>();

  constructor(private readonly timeScale = 1) {}

  /** Checks one message and counts it when it passes; returns the broken limit, or null. */
  message(login: string, channel: string, text: string, privileged: boolean, now = Date.now()): MessageViolation | null {
    const h = this.of(login);
    const last = h.lastByChannel.get(channel);
    prune(h.messages, now - this.ms(MESSAGE_WINDOW_MS));
    prune(h.unprivilegedMessages, now - this.ms(MESSAGE_WINDOW_MS));
    if (h.messages.length >= MAX_MESSAGES) return 'msg_ratelimit';
    if (!privileged) {
      if (h.unprivilegedMessages.length >= MAX_UNPRIVILEGED_MESSAGES) return 'msg_ratelimit';
      if (last && now - last.at < this.ms(UNPRIVILEGED_GAP_MS)) return 'msg_ratelimit';
    }
    if (last && last.text === text && now - last.at < this.ms(DUPLICATE_WINDOW_MS)) return 'msg_duplicate';
    h.messages.push(now);
    if (!privileged) h.unprivilegedMessages.push(now);
    h.lastByChannel.set(channel, { at: now, text });
    return null;
  }

  /** Checks one channel join and counts it when it passes. */
  join(login: string, now = Date.now()): boolean {
    const h = this.of(login);
    prune(h.joins, now - this.ms(JOIN_WINDOW_MS));
    if (h.joins.length >= MAX_JOINS) return false;
    h.joins.push(now);
    return true;
  }

  reset(): void {
    this.history.clear();
  }

  private ms(window: number): number {
    return window * this.timeScale;
  }

  private of(login: string): LoginHistory {
    let h = this.history.get(login);
    if (!h) {
      h = { messages: [], unprivilegedMessages: [], joins: [], lastByChannel: new Map() };
      this.history.set(login, h);
    }
    return h;
  }
}

/** Drops the timestamps at or before `cutoff` from the front of an ascending list. */
function prune(times: number[], cutoff: number): void {
  let n = 0;
  while (n < times.length && (times[n] ?? 0) <= cutoff) n++;
  times.splice(0, n);
}
