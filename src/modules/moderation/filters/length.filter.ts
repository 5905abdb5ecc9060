import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

/** Walls of text: more characters (code points, as Twitch counts them) than the limit. */
export function lengthFilter(settings: ModerationSettings['spam']['length']): MessageFilter | null {
  if (!settings.enabled) return null;
  const max = settings.max;
  return {
    rule: 'length',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message }) {
      if (message.text.length <= max) return null;
      let points = 0;
      for (let i = 0; i < message.text.length; i++) {
        const code = message.text.charCodeAt(i);
        if (code < 0xdc00 || code > 0xdfff) points++;
      }
      return points > max ? { detail: `${points} characters (at most ${max})` } : null;
    },
  };
}
