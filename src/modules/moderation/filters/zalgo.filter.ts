import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

const MARK_RUNS = /\p{M}+/gu;

/**
 * Zalgo text: combining marks stacked on one character. Scripts that need marks (Devanagari, Thai,
 * Vietnamese in decomposed form) put one to three on a letter, zalgo puts dozens.
 */
export function zalgoFilter(settings: ModerationSettings['spam']['zalgo']): MessageFilter | null {
  if (!settings.enabled) return null;
  const max = settings.maxMarksPerChar;
  return {
    rule: 'zalgo',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, plainAscii }) {
      if (plainAscii) return null;
      let longest = 0;
      let stacked = 0;
      for (const run of message.text.matchAll(MARK_RUNS)) {
        const marks = run[0].length;
        if (marks > longest) longest = marks;
        if (marks > max) stacked++;
      }
      return longest > max ? { detail: `${longest} combining marks on one character (${stacked} stacks)` } : null;
    },
  };
}
