import { resolveConfusablesTransformer } from 'obscenity';

// Characters that render as nothing (or only steer rendering) and so let "li\u200bnk" slip past a
// matcher: zero-width spaces and joiners, bidi controls, soft hyphens, Hangul fillers, variation
// selectors and the tag block. Unicode lists them as default-ignorable.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARKS = /\p{M}+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const confusables = resolveConfusablesTransformer();

/**
 * The text filters match against: invisible characters removed, compatibility forms folded (NFKD:
 * fullwidth and mathematical letters become plain ones), combining marks stripped, lookalike letters
 * from other scripts (Cyrillic а, Greek ο, ...) mapped to Latin, lowercase. Plain ASCII, the bulk
 * of chat, takes a fast path.
 */
export function normalizeText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  const folded = text.replace(INVISIBLE, '').normalize('NFKD').replace(MARKS, '');
  return folded.replace(NON_ASCII, mapConfusable).toLowerCase();
}

const NON_ASCII = /[^\p{ASCII}]/gu;

function mapConfusable(char: string): string {
  const code = char.codePointAt(0)!;
  const mapped = confusables.transform(code);
  return mapped === undefined ? '' : mapped === code ? char : String.fromCodePoint(mapped);
}

/** True when the text is printable ASCII, so per-character Unicode work can be skipped. */
export function isPlainAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}
