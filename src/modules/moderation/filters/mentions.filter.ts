import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

const MENTION = /@([a-z0-9_]{1,25})/g;

/** Mass mentions: more distinct @names in one message than the limit. */
export function mentionsFilter(settings: ModerationSettings['spam']['mentions']): MessageFilter | null {
  if (!settings.enabled) return null;
  const max = settings.max;
  const seen = new Set<string>();
  return {
    rule: 'mentions',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ text }) {
      let at = text.indexOf('@');
      if (at === -1) return null;
      let ats = 0;
      for (; at !== -1; at = text.indexOf('@', at + 1)) ats++;
      if (ats <= max) return null;
      seen.clear();
      for (const match of text.matchAll(MENTION)) seen.add(match[1]!);
      return seen.size > max ? { detail: `${seen.size} mentions (at most ${max})` } : null;
    },
  };
}
