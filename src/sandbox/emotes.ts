/** The few global emotes the sandbox recognises, found the way Twitch finds them: whole space-separated words. */

const GLOBAL_EMOTES: Readonly<Record<string, string>> = {
  Kappa: '25',
  Keepo: '1902',
  PogChamp: '305954156',
  LUL: '425618',
  BibleThump: '86',
};

export interface EmoteMatch {
  id: string;
  name: string;
  /** Positions in Unicode code points, end inclusive, as in the `emotes` tag. */
  start: number;
  end: number;
}

export function findEmotes(text: string): EmoteMatch[] {
  const found: EmoteMatch[] = [];
  let position = 0;
  for (const word of text.split(' ')) {
    const length = Array.from(word).length;
    const id = Object.hasOwn(GLOBAL_EMOTES, word) ? GLOBAL_EMOTES[word] : undefined;
    if (id !== undefined) found.push({ id, name: word, start: position, end: position + length - 1 });
    position += length + 1;
  }
  return found;
}

/** `25:0-4,12-16/1902:6-10`: ids in order of first use, each with all its ranges. */
export function emotesTag(matches: readonly EmoteMatch[]): string {
  const ranges = new Map<string, string[]>();
  for (const m of matches) {
    const list = ranges.get(m.id) ?? [];
    list.push(`${m.start}-${m.end}`);
    ranges.set(m.id, list);
  }
  return [...ranges].map(([id, list]) => `${id}:${list.join(',')}`).join('/');
}
