import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji_Component}/u;
// Combining marks belong to the zalgo filter, invisible characters to nobody.
const MARK_OR_INVISIBLE = /\p{M}|\p{Default_Ignorable_Code_Point}/u;

/**
 * Symbol walls (ASCII art, "!!!!??!!", box drawing): a share of characters that are neither
 * letters, digits, spaces nor emoji above the limit. Emoji belong to the emote filter.
 */
export function symbolsFilter(settings: ModerationSettings['spam']['symbols']): MessageFilter | null {
  if (!settings.enabled) return null;
  const { minLength, maxPercent } = settings;
  return {
    rule: 'symbols',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message }) {
      const text = message.text;
      if (text.length < minLength) return null;
      let visible = 0;
      let symbols = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 32) continue;
        if (code < 0x80) {
          visible++;
          if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) symbols++;
          continue;
        }
        const point = text.codePointAt(i)!;
        const char = String.fromCodePoint(point);
        if (point > 0xffff) i++;
        if (EMOJI.test(char) || MARK_OR_INVISIBLE.test(char) || /\s/.test(char)) continue;
        visible++;
        if (!LETTER_OR_DIGIT.test(char)) symbols++;
      }
      if (visible < minLength || symbols * 100 <= maxPercent * visible) return null;
      return { detail: `${Math.round((symbols * 100) / visible)}% symbols` };
    },
  };
}
