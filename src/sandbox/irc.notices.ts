/** The USERNOTICE Twitch puts in chat alongside an EventSub event: its msg-id, msg-param-* tags and system-msg wording. */
import { randomBytes } from 'node:crypto';
import type { EventPayload } from './eventsub.socket.ts';
import type { User, UserRegistry } from './users.registry.ts';

export interface EventNotice {
  user: User;
  msgId: string;
  params: Record<string, string>;
  systemMsg: string;
  text?: string;
}

const TIER_NAMES: Record<string, string> = { '1000': 'Tier 1', '2000': 'Tier 2', '3000': 'Tier 3' };

export function profileImage(user: User): string {
  return `https://static-cdn.jtvnw.net/jtv_user_pictures/${user.login}-profile_image-70x70.png`;
}

/** The notice for an event (completed by completeEvent), or null for events Twitch shows no notice for. */
export function eventNotice(type: string, event: EventPayload, actor: User, broadcaster: User, users: UserRegistry): EventNotice | null {
  const tier = String(event.tier ?? '1000');
  const tierName = TIER_NAMES[tier] ?? tier;
  const plan = { 'sub-plan': tier, 'sub-plan-name': `Channel Subscription (${broadcaster.login})` };
  switch (type) {
    case 'channel.subscribe':
      // A gifted sub shows as the gifter's notice, not the recipient's.
      if (event.is_gift === true) return null;
      return {
        user: actor,
        msgId: 'sub',
        params: { 'cumulative-months': '1', months: '0', 'multimonth-duration': '1', 'multimonth-tenure': '0', 'should-share-streak': '0', ...plan, 'was-gifted': 'false' },
        systemMsg: `${actor.displayName} subscribed at ${tierName}.`,
      };
    case 'channel.subscription.message': {
      const months = Number(event.cumulative_months);
      const streak = typeof event.streak_months === 'number' ? event.streak_months : null;
      return {
        user: actor,
        msgId: 'resub',
        params: {
          'cumulative-months': String(months),
          months: '0',
          'multimonth-duration': String(event.duration_months ?? 1),
          'multimonth-tenure': '0',
          'should-share-streak': streak === null ? '0' : '1',
          ...(streak === null ? {} : { 'streak-months': String(streak) }),
          ...plan,
          'was-gifted': 'false',
        },
        systemMsg: `${actor.displayName} subscribed at ${tierName}. They've subscribed for ${months} months${streak === null ? '!' : `, currently on a ${streak} month streak!`}`,
        text: (event.message as { text?: string } | undefined)?.text || undefined,
      };
    }
    case 'channel.subscription.gift': {
      const total = Number(event.total);
      const anonymous = event.is_anonymous === true;
      const gifter = anonymous ? users.user('ananonymousgifter', 'AnAnonymousGifter') : actor;
      const gifting = `${anonymous ? 'An anonymous user' : gifter.displayName} is gifting ${total} ${tierName} Subs to ${broadcaster.displayName}'s community!`;
      const senderCount = Number(event.cumulative_total ?? total);
      return {
        user: gifter,
        msgId: 'submysterygift',
        params: {
          'mass-gift-count': String(total),
          'origin-id': Array.from(randomBytes(20), (b) => b.toString(16).padStart(2, '0')).join(' '),
          ...(anonymous ? {} : { 'sender-count': String(senderCount) }),
          'sub-plan': tier,
        },
        systemMsg: anonymous ? gifting : `${gifting} They've gifted a total of ${senderCount} in the channel!`,
      };
    }
    case 'channel.raid':
      return {
        user: actor,
        msgId: 'raid',
        params: { displayName: actor.displayName, login: actor.login, profileImageURL: profileImage(actor), viewerCount: String(event.viewers) },
        systemMsg: `${String(event.viewers)} raiders from ${actor.displayName} have joined!`,
      };
    default:
      return null;
  }
}
