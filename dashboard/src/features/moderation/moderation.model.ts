import { checkUserPattern } from '../../../../src/modules/moderation/moderation.patterns.ts';
import type { ModerationSettings } from './moderation.api.ts';

/** The spam filters with their thresholds, in the words the form shows. */
export const SPAM_FILTERS = [
  { key: 'caps', title: 'Capitals', fields: [{ key: 'minLetters', label: 'Checked from (letters)', min: 1, max: 500, integer: true }, { key: 'maxPercent', label: 'Most capitals (%)', min: 1, max: 100 }] },
  { key: 'symbols', title: 'Symbols', fields: [{ key: 'minLength', label: 'Checked from (characters)', min: 1, max: 500, integer: true }, { key: 'maxPercent', label: 'Most symbols (%)', min: 1, max: 100 }] },
  { key: 'repetition', title: 'Repetition', fields: [{ key: 'maxCharRun', label: 'Longest run of one character', min: 2, max: 500, integer: true }, { key: 'maxWordRepeats', label: 'Most repeats of a word', min: 2, max: 250, integer: true }] },
  { key: 'emotes', title: 'Emotes', fields: [{ key: 'max', label: 'Most emotes', min: 1, max: 250, integer: true }] },
  { key: 'length', title: 'Length', fields: [{ key: 'max', label: 'Longest message (characters)', min: 1, max: 500, integer: true }] },
  { key: 'zalgo', title: 'Zalgo text', fields: [{ key: 'maxMarksPerChar', label: 'Most combining marks per character', min: 1, max: 50, integer: true }] },
  { key: 'mentions', title: 'Mentions', fields: [{ key: 'max', label: 'Most @mentions', min: 1, max: 100, integer: true }] },
  { key: 'flood', title: 'Flood', fields: [{ key: 'messages', label: 'Messages', min: 2, max: 50, integer: true }, { key: 'seconds', label: 'Within (seconds)', min: 1, max: 300, integer: true }] },
  {
    key: 'copypasta',
    title: 'Copypasta',
    fields: [
      { key: 'users', label: 'Same text from (users)', min: 2, max: 50, integer: true },
      { key: 'seconds', label: 'Within (seconds)', min: 5, max: 600, integer: true },
      { key: 'similarity', label: 'Similarity (0.5–1)', min: 0.5, max: 1, step: 0.05 },
      { key: 'minLength', label: 'Checked from (characters)', min: 5, max: 500, integer: true },
    ],
  },
] as const satisfies readonly { key: keyof ModerationSettings['spam']; title: string; fields: readonly { key: string; label: string; min: number; max: number; integer?: boolean; step?: number }[] }[];

/** The browser runs the server's own pattern check (RE2 syntax, size limits), so the answer is the same. */
export function patternProblem(pattern: string): string | null {
  const problem = checkUserPattern(pattern);
  return problem ? problem.replace(/^[\w.]+: /, '') : null;
}

const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/;

export function domainProblem(domain: string): string | null {
  return DOMAIN.test(domain.toLowerCase()) ? null : 'a domain such as clips.twitch.tv';
}

export function emoteProblem(name: string): string | null {
  return /^\S{1,50}$/.test(name) ? null : 'an emote name without spaces';
}

/** A copy of `value` with `path` replaced; the settings object is small, so whole copies are fine. */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setIn(copy[head!], rest, next);
  return copy as T;
}
