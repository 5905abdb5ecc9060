import { RE2JS, RE2Set } from 're2js';

/** Longest blocked word, phrase or pattern a channel may store. */
export const MAX_TERM_LENGTH = 200;
// RE2 guarantees linear time in the input, but a pattern such as `a{1000}` still compiles to a
// program that size, and the per-character cost grows with it.
const MAX_PROGRAM_SIZE = 2_000;

/** Why a user-supplied pattern is refused (starting with a stable code), or undefined when it is usable. */
export function checkUserPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return 'moderation.pattern_empty: the pattern is empty';
  if (pattern.length > MAX_TERM_LENGTH) return `moderation.pattern_too_long: a pattern may have at most ${MAX_TERM_LENGTH} characters`;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return `moderation.pattern_invalid: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (compiled.programSize() > MAX_PROGRAM_SIZE) return 'moderation.pattern_too_complex: the pattern expands to too large a program; use fewer or smaller repetitions';
  return undefined;
}

/** Compiles a user pattern after `checkUserPattern` accepted it; throws otherwise. */
export function compileUserPattern(pattern: string): RE2JS {
  const problem = checkUserPattern(pattern);
  if (problem) throw new Error(problem);
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Several user patterns matched in one linear pass; answers the indexes of those that match. */
export class PatternSet {
  private readonly set: RE2Set;

  constructor(patterns: readonly string[]) {
    for (const pattern of patterns) {
      const problem = checkUserPattern(pattern);
      if (problem) throw new Error(problem);
    }
    this.set = new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE);
    for (const pattern of patterns) this.set.add(pattern);
    this.set.compile();
  }

  match(text: string): number[] {
    return this.set.match(text);
  }
}

/** A literal word or phrase as an RE2 pattern that matches it whole (not inside a longer word). */
export function literalPattern(text: string): string {
  return `(?:^|[^\\pL\\pN])${RE2JS.quote(text)}(?:$|[^\\pL\\pN])`;
}
