import { RE2JS } from 're2js';
import { CommandsError } from './commands.errors.ts';
import type { TriggerKind } from './commands.tables.ts';

export const MAX_KEYWORD_LENGTH = 64;
export const MAX_PATTERN_LENGTH = 200;

/** Tests a chat message against a keyword or pattern, in linear time whatever the pattern. */
export interface TriggerMatcher {
  matches(text: string): boolean;
}

/**
 * Compiles a keyword (a whole word or phrase, any case) or a pattern (RE2 syntax) with re2js, so a
 * pattern a mod writes can never backtrack for long. Refuses what is too long or does not compile.
 */
export function compileTrigger(kind: TriggerKind, value: string): TriggerMatcher {
  const text = value.trim();
  if (kind === 'keyword') {
    if (text.length === 0 || text.length > MAX_KEYWORD_LENGTH) {
      throw new CommandsError('commands.invalid_trigger', `A keyword needs 1 to ${MAX_KEYWORD_LENGTH} characters.`);
    }
    const re = RE2JS.compile(`(?:^|[^\\p{L}\\p{N}_])${RE2JS.quote(text)}(?:$|[^\\p{L}\\p{N}_])`, RE2JS.CASE_INSENSITIVE);
    return { matches: (message) => re.test(message) };
  }
  if (text.length === 0 || text.length > MAX_PATTERN_LENGTH) {
    throw new CommandsError('commands.invalid_trigger', `A pattern needs 1 to ${MAX_PATTERN_LENGTH} characters.`);
  }
  try {
    const re = RE2JS.compile(text);
    return { matches: (message) => re.test(message) };
  } catch (error) {
    throw new CommandsError('commands.invalid_trigger', `The pattern does not compile: ${(error as Error).message.slice(0, 120)}`);
  }
}
