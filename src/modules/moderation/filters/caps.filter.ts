import type { ChatMessage } from '../../../core/chat.ts';
import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

interface LetterCount {
  letters: number;
  upper: number;
}

/** Shouting: a share of capital letters above the limit, in a message with enough letters to judge. */
export function capsFilter(settings: ModerationSettings['spam']['caps'], emoteNames: ReadonlySet<string>): MessageFilter | null {
  if (!settings.enabled) return null;
  const { minLetters, maxPercent } = settings;
  const shouting = (c: LetterCount) => c.letters >= minLetters && c.upper * 100 > maxPercent * c.letters;
  const count: LetterCount = { letters: 0, upper: 0 };
  return {
    rule: 'caps',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, text, plainAscii }) {
      // Plain ASCII that lowercasing left as it was has no capitals at all.
      if (plainAscii && text === message.text) return null;
      countLetters(message.text, 0, message.text.length, count, true);
      if (!shouting(count)) return null;
      // Emote names are often capitalised ("KEKW"); only the words around them count.
      countWithoutEmotes(message, emoteNames, count);
      if (!shouting(count)) return null;
      return { detail: `${Math.round((count.upper * 100) / count.letters)}% capitals in ${count.letters} letters` };
    },
  };
}

// A held-down letter counts once: "GOOOOOOOOO" is hype (and the repetition filter's business), not shouting.
function countLetters(text: string, from: number, to: number, into: LetterCount, reset: boolean): void {
  if (reset) into.letters = into.upper = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (i > from && code === text.charCodeAt(i - 1)) continue;
    if (code < 0x80) {
      if (code >= 65 && code <= 90) {
        into.letters++;
        into.upper++;
      } else if (code >= 97 && code <= 122) into.letters++;
      continue;
    }
    const char = text[i]!;
    const lower = char.toLowerCase();
    if (lower === char.toUpperCase()) continue;
    into.letters++;
    if (char !== lower) into.upper++;
  }
}

function countWithoutEmotes(message: ChatMessage, names: ReadonlySet<string>, into: LetterCount): void {
  const text = message.text;
  into.letters = into.upper = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = text.length;
    if (end > start && !inEmoteRange(message, start) && !names.has(text.slice(start, end))) countLetters(text, start, end, into, false);
    start = end + 1;
  }
}

function inEmoteRange(message: ChatMessage, index: number): boolean {
  for (const emote of message.emotes) if (index >= emote.start && index <= emote.end) return true;
  return false;
}
