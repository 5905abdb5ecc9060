/** EventSub event payloads in Twitch's shapes, with defaults filled into whatever part the caller gave. */
import { randomUUID } from 'node:crypto';
import { findEmotes } from './emotes.ts';
import type { EventPayload } from './eventsub.socket.ts';
import { actionText } from './irc.lines.ts';
import { badgesFor } from './roles.ts';
import { threadRoot, type StoredMessage } from './sandbox.state.ts';
import type { User } from './users.registry.ts';

/** The event types /control/events can fire. */
export const EVENT_TYPES: readonly string[] = [
  'channel.follow',
  'channel.subscribe',
  'channel.subscription.message',
  'channel.subscription.gift',
  'channel.cheer',
  'channel.raid',
  'channel.channel_points_custom_reward_redemption.add',
  'channel.chat.message',
  'stream.online',
  'stream.offline',
];

/** `user_id`, `user_login`, `user_name` for prefix `user`; likewise `broadcaster_user_*`, `from_broadcaster_user_*`... */
function person(prefix: string, user: User): Record<string, string> {
  return { [`${prefix}_id`]: user.id, [`${prefix}_login`]: user.login, [`${prefix}_name`]: user.displayName };
}

/**
 * The event for every type but channel.chat.message (that one comes from a real message, see
 * chatMessageEvent): defaults, then what the caller gave, then the users, so ids, logins and names agree.
 */
export function completeEvent(type: string, broadcaster: User, actor: User, given: EventPayload): EventPayload {
  const now = new Date().toISOString();
  const channel = person('broadcaster_user', broadcaster);
  // Twitch leaves the user out (null) of anonymous gifts and cheers.
  const user = given.is_anonymous === true ? { user_id: null, user_login: null, user_name: null } : person('user', actor);
  switch (type) {
    case 'channel.follow':
      return { followed_at: now, ...given, ...user, ...channel };
    case 'channel.subscribe':
      return { tier: '1000', is_gift: false, ...given, ...user, ...channel };
    case 'channel.subscription.message': {
      const text = typeof given.message === 'string' ? given.message : String((given.message as { text?: unknown } | undefined)?.text ?? '');
      const emotes = findEmotes(text).map((e) => ({ begin: e.start, end: e.end, id: e.id }));
      return { tier: '1000', cumulative_months: 2, streak_months: null, duration_months: 1, ...given, message: { text, emotes }, ...user, ...channel };
    }
    case 'channel.subscription.gift':
      return { total: 1, tier: '1000', cumulative_total: null, is_anonymous: false, ...given, ...user, ...channel };
    case 'channel.cheer':
      return { is_anonymous: false, message: 'Cheer100', bits: 100, ...given, ...user, ...channel };
    case 'channel.raid':
      return { viewers: 10, ...given, ...person('from_broadcaster_user', actor), ...person('to_broadcaster_user', broadcaster) };
    case 'channel.channel_points_custom_reward_redemption.add': {
      const reward = { id: randomUUID(), title: 'Sandbox reward', cost: 100, prompt: '', ...(given.reward as object | undefined) };
      return { id: randomUUID(), user_input: '', status: 'unfulfilled', redeemed_at: now, ...given, reward, ...user, ...channel };
    }
    case 'stream.online':
      return { id: randomUUID(), type: 'live', started_at: now, ...given, ...channel };
    default:
      return { ...given, ...channel };
  }
}

export function chatMessageEvent(m: StoredMessage, broadcaster: User): EventPayload {
  const text = actionText(m.text) ?? m.text;
  const parent = m.replyParent;
  return {
    ...person('broadcaster_user', broadcaster),
    ...person('chatter_user', m.user),
    message_id: m.id,
    message: { text, fragments: fragments(text) },
    color: m.user.color,
    badges: badgesFor(m.roles).map((b) => ({ set_id: b.setId, id: b.version, info: b.info })),
    message_type: 'text',
    cheer: m.bits > 0 ? { bits: m.bits } : null,
    reply:
      parent
        ? {
            parent_message_id: parent.id,
            parent_message_body: parent.text,
            ...person('parent_user', parent.user),
            thread_message_id: threadRoot(parent).id,
            ...person('thread_user', threadRoot(parent).user),
          }
        : null,
    channel_points_custom_reward_id: null,
    source_broadcaster_user_id: null,
    source_broadcaster_user_login: null,
    source_broadcaster_user_name: null,
    source_message_id: null,
    source_badges: null,
  };
}

/** Text split into text and emote fragments; emote positions are code points, so split on those. */
function fragments(text: string): EventPayload[] {
  const chars = Array.from(text);
  const result: EventPayload[] = [];
  let at = 0;
  const plain = (end: number) => {
    if (end > at) result.push({ type: 'text', text: chars.slice(at, end).join(''), cheermote: null, emote: null, mention: null });
  };
  for (const e of findEmotes(text)) {
    plain(e.start);
    result.push({ type: 'emote', text: e.name, cheermote: null, emote: { id: e.id, emote_set_id: '0', owner_id: '0', format: ['static'] }, mention: null });
    at = e.end + 1;
  }
  plain(chars.length);
  return result;
}
