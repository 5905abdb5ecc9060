// The trained model's features: hashed word unigrams and bigrams (with a start-of-message marker)
// of the analyser's tokens. Training and scoring share these functions; the analyser's quick scan
// computes the same hashes character by character, and a test holds the two to each other.
import { lookup } from './toxicity.lexicon.ts';

/** log2 of the number of weight buckets. */
export const FEATURE_BITS = 18;
export const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starts a token's hash. */
export const HASH_START = FNV_OFFSET;

/**
 * Adds one character to a token's hash. `run` is how many times this character has now occurred in
 * a row: a third or later repeat is skipped, so "sooooo" and "soo" are one feature, "so" another.
 */
export function hashStep(h: number, code: number, run: number): number {
  return run > 2 ? h : Math.imul(h ^ code, FNV_PRIME);
}

/** Every @mention is one token: who was named does not matter, that someone was does. */
export const MENTION_HASH = tokenHash('@');
/** The word before the first word. */
export const START_HASH = tokenHash('<s>');

export function tokenHash(token: string): number {
  let h = HASH_START;
  let run = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    run = i > 0 && code === token.charCodeAt(i - 1) ? run + 1 : 1;
    h = hashStep(h, code, run);
  }
  return h;
}

// A final mix (murmur3's) spreads FNV's low bits, which the mask keeps, over the whole hash.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The bucket of a single word. */
export function unigramIndex(h: number): number {
  return mix(h) & FEATURE_MASK;
}

/** The bucket of a word and the one before it. */
export function bigramIndex(previous: number, h: number): number {
  return mix(Math.imul(previous, 0x9e3779b1) ^ h ^ 0x5bd1e995) & FEATURE_MASK;
}

/**
 * The tokens the model reads: all but swearing. The corpus calls plain profanity toxic, the
 * project's policy does not, and the rules already judge swearing by whom it is aimed at.
 */
export function modelTokens(tokens: readonly string[]): string[] {
  return tokens.filter((token) => lookup(token)?.cls !== 'profanity');
}

/** The buckets of a token list, in order (duplicates kept: a repeated word counts again). */
export function featureIndexes(tokens: readonly string[]): number[] {
  const out: number[] = [];
  let previous = START_HASH;
  for (const token of tokens) {
    const h = token.length > 1 && token[0] === '@' ? MENTION_HASH : tokenHash(token);
    out.push(unigramIndex(h), bigramIndex(previous, h));
    previous = h;
  }
  return out;
}
