/** A role a chatter holds in a channel, derived from Twitch badges. */
export type Role = 'broadcaster' | 'moderator' | 'vip' | 'subscriber' | 'founder';

/** Every role, in a stable order. */
export const ROLES: readonly Role[] = ['broadcaster', 'moderator', 'vip', 'subscriber', 'founder'];

/** An emote occurrence: its id and the UTF-16 ranges it covers in the text. */
export interface EmoteRange {
  id: string;
  start: number;
  end: number;
}

/** A chat message as the bot sees it, independent of the wire format. */
export interface ChatMessage {
  id: string;
  channel: string;
  channelId: string;
  userId: string;
  login: string;
  displayName: string;
  text: string;
  /** True for `/me` messages. */
  action: boolean;
  roles: ReadonlySet<Role>;
  emotes: EmoteRange[];
  bits: number;
  firstMessage: boolean;
  replyParent?: { id: string; login: string; text: string };
  /** Server timestamp (ms since epoch). */
  sentAt: number;
}

/** Kinds of USERNOTICE the bot understands; anything else arrives as `other`. */
export type UserNoticeKind = 'sub' | 'resub' | 'subgift' | 'submysterygift' | 'raid' | 'announcement' | 'other';

/** A non-message chat event: user notices, clears, room state and server notices. */
export type ChatEvent =
  | {
      type: 'usernotice';
      kind: UserNoticeKind;
      msgId: string;
      channel: string;
      login: string;
      userId: string;
      displayName: string;
      text: string;
      systemText: string;
      params: Record<string, string>;
    }
  | { type: 'clearchat'; channel: string; login?: string; durationSeconds?: number }
  | { type: 'clearmsg'; channel: string; login: string; messageId: string }
  | { type: 'roomstate'; channel: string; state: Record<string, string> }
  | { type: 'notice'; channel: string; msgId: string; text: string }
  | { type: 'userstate'; channel: string; roles: ReadonlySet<Role> };

/** How a reply is delivered. */
export type ReplyMode = 'reply' | 'say';

/** A message the bot wants to send. */
export interface OutgoingMessage {
  channel: string;
  text: string;
  replyTo?: string;
}
