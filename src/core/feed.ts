import type { ChatEvent, Role } from './chat.ts';
import type { ConnectionState } from './ports.ts';

/** The EventBus topic of a channel's live feed (the dashboard's monitor). */
export function feedTopic(channel: string): string {
  return `feed:${channel}`;
}

/** One entry of a channel's live feed; every instance publishes, every dashboard sees it. */
export type FeedEvent =
  | { type: 'chat'; id: string; login: string; displayName: string; userId: string; text: string; roles: Role[]; at: number }
  | { type: 'reply'; text: string; replyTo?: string; at: number }
  | {
      type: 'moderation';
      id: string;
      action: string;
      login: string;
      userId: string;
      rule: string;
      reason: string;
      messageId?: string;
      durationSeconds?: number;
      /** `bot`, or the moderator who acted. */
      actor: string;
      status: 'done' | 'failed';
      at: number;
    }
  | { type: 'event'; event: ChatEvent; at: number }
  | { type: 'module_error'; module: string; where: string; at: number }
  | { type: 'connection'; state: ConnectionState; at: number };
