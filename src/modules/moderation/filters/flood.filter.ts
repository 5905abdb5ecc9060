import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

/** Flood: more than `messages` messages from one chatter within `seconds`. */
export function floodFilter(settings: ModerationSettings['spam']['flood']): MessageFilter | null {
  if (!settings.enabled) return null;
  const { messages, seconds } = settings;
  const windowMs = seconds * 1000;
  return {
    rule: 'flood',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, now, state }) {
      let times = state.recent.get(message.userId);
      if (!times) state.recent.set(message.userId, (times = []));
      times.push(now);
      // Only as many times as the limit needs are kept: the array stays small for a chatter who floods for minutes.
      while (times.length > 0 && (times[0]! <= now - windowMs || times.length > messages + 1)) times.shift();
      return times.length > messages ? { detail: `${times.length} messages in ${seconds} s (at most ${messages})` } : null;
    },
  };
}
