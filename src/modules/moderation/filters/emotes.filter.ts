import type { ChatMessage } from '../../../core/chat.ts';
import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

// Third-party (BTTV, FFZ, 7TV) emotes arrive as plain words, without an `emotes` tag; these are the
// ones nearly every channel has, plus Twitch's global ones for text that lost its tag (a replayed
// log). A channel adds its own through `spam.emotes.names`.
const COMMON_THIRD_PARTY = [
  'Kappa', 'PogChamp', 'LUL', 'BibleThump', 'Kreygasm', 'ResidentSleeper', '4Head', 'DansGame', 'SeemsGood', 'NotLikeThis', 'WutFace',
  'HeyGuys', 'VoHiYo', 'CoolStoryBob', 'BabyRage', 'SMOrc', 'FailFish', 'PJSalt', 'cmonBruh', 'Jebaited', 'CoolCat', 'KappaPride',
  'MingLee', 'HSWP', 'BloodTrail', 'OSFrog', 'PunchTrees', 'TwitchUnity', 'GivePLZ', 'TakeNRG', 'PopCorn', 'DinoDance', 'NotATK',
  'KEKW', 'OMEGALUL', 'LULW', 'Pog', 'PogU', 'POGGERS', 'PogO', 'monkaS', 'monkaW', 'monkaHmm', 'Sadge', 'PepeHands', 'PepeLaugh',
  'pepeD', 'pepeJAM', 'catJAM', 'Clap', 'EZ', 'widepeepoHappy', 'widepeepoSad', 'peepoHappy', 'peepoSad', 'FeelsBadMan',
  'FeelsGoodMan', 'FeelsStrongMan', 'FeelsOkayMan', 'COPIUM', 'Copium', 'Aware', 'Clueless', 'ICANT', 'Okayge', 'Stare',
  'xdd', 'Madge', 'Bedge', 'WICKED', 'GIGACHAD', 'Gladge', 'Deadge', 'Susge', 'modCheck', 'NOTED', 'forsenCD', 'ppL',
  'D:', 'gachiGASM', 'HYPERS', 'Prayge', 'Kapp', 'LULE', 'TriHard', 'KKona', 'OMEGADANCE', 'AYAYA', 'WeirdChamp', 'peepoClap',
];
const EMOJI = /\p{Extended_Pictographic}/gu;

/** The names counted as emotes in a channel: the common third-party ones and the channel's own. */
export function emoteNames(extra: readonly string[]): ReadonlySet<string> {
  return new Set([...COMMON_THIRD_PARTY, ...extra]);
}

/** Emotes (tagged, named, and emoji) in a message, counting only as far as `stopAt`. */
export function countEmotes(message: ChatMessage, names: ReadonlySet<string>, stopAt = Number.POSITIVE_INFINITY): number {
  let count = message.emotes.length;
  const text = message.text;
  if (count < stopAt) {
    for (let start = 0; start < text.length && count < stopAt; ) {
      let end = text.indexOf(' ', start);
      if (end === -1) end = text.length;
      if (end > start && !tagged(message, start) && names.has(text.slice(start, end))) count++;
      start = end + 1;
    }
  }
  if (count < stopAt) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) >= 0x80) {
        count += text.match(EMOJI)?.length ?? 0;
        break;
      }
    }
  }
  return count;
}

/** Too many emotes in one message. */
export function emotesFilter(settings: ModerationSettings['spam']['emotes']): MessageFilter | null {
  if (!settings.enabled) return null;
  const names = emoteNames(settings.names);
  const max = settings.max;
  return {
    rule: 'emotes',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, plainAscii }) {
      // Emotes are words, emoji or tagged ranges; a message with few of those cannot exceed the limit.
      if (message.emotes.length + wordCount(message.text) + (plainAscii ? 0 : possibleEmoji(message.text)) <= max) return null;
      const count = countEmotes(message, names, max + 1);
      return count > max ? { detail: `${count} emotes (at most ${max})` } : null;
    },
  };
}

// A word Twitch already tagged as an emote is counted once, by its tag.
function tagged(message: ChatMessage, index: number): boolean {
  for (const emote of message.emotes) if (index >= emote.start && index <= emote.end) return true;
  return false;
}

function wordCount(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words;
}

function possibleEmoji(text: string): number {
  let candidates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) candidates++;
    else if (code >= 0x2000 && code < 0xd800) candidates++;
  }
  return candidates;
}
