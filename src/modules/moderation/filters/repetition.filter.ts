import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

// With at most twice the limit of words, a word said more often than the limit is a majority:
// Boyer-Moore's vote finds the only candidate without a map.
function majority(words: readonly string[]): string | undefined {
  let candidate: string | undefined;
  let lead = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    if (lead === 0) candidate = word;
    lead += word === candidate ? 1 : -1;
  }
  return candidate;
}

function mostFrequent(words: readonly string[], counts: Map<string, number>): string | undefined {
  counts.clear();
  let best: string | undefined;
  let bestCount = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    const seen = (counts.get(word) ?? 0) + 1;
    counts.set(word, seen);
    if (seen > bestCount) {
      best = word;
      bestCount = seen;
    }
  }
  return best;
}

/** One character held down ("aaaaaaaaaaaaaaaa") or one word said over and over in one message. */
export function repetitionFilter(settings: ModerationSettings['spam']['repetition']): MessageFilter | null {
  if (!settings.enabled) return null;
  const { maxCharRun, maxWordRepeats } = settings;
  const counts = new Map<string, number>();
  return {
    rule: 'repetition',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ text }) {
      let run = 1;
      let spaces = 0;
      for (let i = 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 32) spaces++;
        if (code === text.charCodeAt(i - 1) && code !== 32) {
          if (++run > maxCharRun) return { detail: `"${text[i]}" repeated more than ${maxCharRun} times` };
        } else run = 1;
      }
      // Fewer words than the limit cannot repeat one word beyond it.
      if (spaces + 1 <= maxWordRepeats) return null;
      const words = text.split(' ');
      const word = words.length <= 2 * maxWordRepeats + 1 ? majority(words) : mostFrequent(words, counts);
      if (word === undefined) return null;
      let seen = 0;
      for (const w of words) if (w === word) seen++;
      return seen > maxWordRepeats ? { detail: `"${word.slice(0, 30)}" repeated more than ${maxWordRepeats} times` } : null;
    },
  };
}
