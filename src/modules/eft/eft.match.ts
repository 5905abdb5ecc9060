// Finds the item a viewer means from what they typed ("ledx", "gpu", "grafics card", "bitcion").
// The index is built once per catalogue; a search touches only the postings of the query's words.
import type { CatalogueItem } from './eft.catalogue.ts';

/** The outcome of a search: `match` when one item is clearly meant, and the best candidates either way (at most 3). */
export interface MatchResult {
  match: CatalogueItem | null;
  candidates: CatalogueItem[];
}

export interface ItemIndex {
  search(query: string): MatchResult;
}

/**
 * Chat nicknames that are neither the name nor the short name, keyed by compact query, pointing at
 * tarkov.dev's `normalizedName` (English in every language, so these work in any catalogue).
 */
export const ALIASES: Readonly<Record<string, string>> = {
  gpu: 'graphics-card',
  videocard: 'graphics-card',
  btc: 'physical-bitcoin',
  bitcoin: 'physical-bitcoin',
  bitcoins: 'physical-bitcoin',
  ledx: 'ledx-skin-transilluminator',
  tetris: 'tetriz-portable-game-console',
  redcard: 'terragroup-labs-keycard-red',
  redkeycard: 'terragroup-labs-keycard-red',
  bluecard: 'terragroup-labs-keycard-blue',
  labscard: 'terragroup-labs-access-keycard',
  intel: 'intelligence-folder',
  tankbattery: '6-sten-140-m-military-battery',
  vpx: 'vpx-flash-storage-module',
};

const MAX_CANDIDATES = 3;
// Bounds the work a hostile query can cause, and keeps word scores (3 each) below the exact tiers.
const MAX_QUERY_LENGTH = 100;
const MAX_QUERY_WORDS = 8;
// A winner must lead the runner-up by this much score; closer than that, the viewer is asked to choose.
const CLEAR_LEAD = 0.5;
const TIER_ALIAS = 100;
const TIER_SHORT = 90;
const TIER_NAME = 80;

/** Lowercase, accents stripped, every run of punctuation or spaces turned into one space. */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

/** Edits allowed for a word of this length: none for short words, where one edit makes another word. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

class Index implements ItemIndex {
  private readonly exactShort = new Map<string, number[]>();
  private readonly exactName = new Map<string, number[]>();
  private readonly aliases = new Map<string, number[]>();
  private readonly postings = new Map<string, number[]>();
  private readonly sortedTokens: string[];
  private readonly tokensByLength: { tokens: string[]; masks: Int32Array }[] = [];
  private readonly tokenCount: Uint16Array;
  /**
   * Each token's one-character deletions, for one-edit typos (tokens of 4+ characters): a hash of the
   * deletion to the token's position in sortedTokens (or several). Hashes keep this small; a collision
   * only adds a candidate that the distance check then rejects.
   */
  private readonly deletions = new Map<number, number | number[]>();

  constructor(private readonly items: readonly CatalogueItem[]) {
    this.tokenCount = new Uint16Array(items.length);
    const byNormalizedName = new Map<string, number>();
    items.forEach((item, i) => {
      const name = normalizeQuery(item.name);
      const short = normalizeQuery(item.shortName);
      const english = normalizeQuery(item.normalizedName);
      add(this.exactShort, compact(short), i);
      add(this.exactName, compact(name), i);
      if (english) add(this.exactName, compact(english), i);
      if (item.normalizedName) byNormalizedName.set(item.normalizedName, i);
      const words = new Set([...name.split(' '), ...short.split(' '), ...english.split(' ')].filter(Boolean));
      this.tokenCount[i] = name.split(' ').length;
      for (const word of words) add(this.postings, word, i);
    });
    for (const [alias, target] of Object.entries(ALIASES)) {
      const i = byNormalizedName.get(target);
      if (i !== undefined) this.aliases.set(alias, [i]);
    }
    this.sortedTokens = [...this.postings.keys()].sort();
    const byLength: string[][] = [];
    for (const token of this.sortedTokens) (byLength[token.length] ??= []).push(token);
    byLength.forEach((tokens, length) => (this.tokensByLength[length] = { tokens, masks: Int32Array.from(tokens, charMask) }));
    this.sortedTokens.forEach((token, t) => {
      if (token.length < 4) return;
      for (let i = 0; i < token.length; i++) {
        const key = hashWithout(token, i);
        const entry = this.deletions.get(key);
        if (entry === undefined) this.deletions.set(key, t);
        else if (typeof entry === 'number') {
          if (entry !== t) this.deletions.set(key, [entry, t]);
        } else if (entry[entry.length - 1] !== t) entry.push(t);
      }
    });
  }

  search(query: string): MatchResult {
    const normalized = normalizeQuery(query.slice(0, MAX_QUERY_LENGTH));
    if (!normalized) return { match: null, candidates: [] };
    const key = compact(normalized);
    const scores = new Map<number, number>();
    const exact = this.aliases.get(key) ?? this.exactShort.get(key) ?? this.exactName.get(key);
    const tier = this.aliases.has(key) ? TIER_ALIAS : this.exactShort.has(key) ? TIER_SHORT : TIER_NAME;
    for (const i of exact ?? []) scores.set(i, tier + this.typeBonus(i));
    this.scoreWords(normalized.split(' ').slice(0, MAX_QUERY_WORDS), scores);

    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || this.tokenCount[a[0]]! - this.tokenCount[b[0]]!);
    const candidates = ranked.slice(0, MAX_CANDIDATES).map(([i]) => this.items[i]!);
    const [first, second] = ranked;
    const clear = first !== undefined && (second === undefined || first[1] - second[1] >= CLEAR_LEAD);
    return { match: clear ? this.items[first[0]]! : null, candidates };
  }

  // Presets share their weapon's short name; the bare item is the likelier meaning.
  private typeBonus(i: number): number {
    return this.items[i]!.types.includes('preset') ? 0 : CLEAR_LEAD;
  }

  /** Adds word-match scores for items matching every word (exact 3, prefix 1-2, typo 1 or 0.75). */
  private scoreWords(words: string[], scores: Map<number, number>): void {
    const unique = [...new Set(words)];
    let totals: Map<number, number> | undefined;
    for (const word of unique) {
      // After the first word only items still in the running need scoring.
      const perItem = new Map<number, number>();
      this.matchWord(word, perItem, totals);
      if (perItem.size === 0) return;
      if (totals) for (const [i, s] of perItem) perItem.set(i, s + totals.get(i)!);
      totals = perItem;
    }
    for (const [i, s] of totals ?? []) {
      // Fewer extra words in the name means the query says more of it.
      const score = s - 0.01 * this.tokenCount[i]!;
      const current = scores.get(i);
      scores.set(i, current === undefined ? score : Math.max(current, score));
    }
  }

  private matchWord(word: string, perItem: Map<number, number>, within: Map<number, number> | undefined): void {
    if (this.postings.has(word)) this.credit(word, 3, perItem, within);
    if (word.length >= 2) {
      for (let k = lowerBound(this.sortedTokens, word); k < this.sortedTokens.length; k++) {
        const token = this.sortedTokens[k]!;
        if (!token.startsWith(word)) break;
        if (token !== word) this.credit(token, 1 + word.length / token.length, perItem, within);
      }
    }
    if (perItem.size > 0) return;
    const edits = maxEdits(word.length);
    if (edits === 0) return;
    // Most typos are one edit: the deletion index finds those without scanning. Two edits
    // (long words only) need the scan, and only when one edit found nothing.
    for (const token of this.oneEditAway(word)) this.credit(token, 1, perItem, within);
    if (perItem.size > 0 || edits < 2) return;
    const mask = charMask(word);
    for (let length = word.length - edits; length <= word.length + edits; length++) {
      const bucket = this.tokensByLength[length];
      if (!bucket) continue;
      for (let k = 0; k < bucket.tokens.length; k++) {
        if (popcount(mask ^ bucket.masks[k]!) > 2 * edits) continue;
        const token = bucket.tokens[k]!;
        if (boundedDistance(word, token, edits) <= edits) this.credit(token, 0.75, perItem, within);
      }
    }
  }

  private credit(token: string, score: number, perItem: Map<number, number>, within: Map<number, number> | undefined): void {
    for (const i of this.postings.get(token)!) {
      if (within && !within.has(i)) continue;
      if ((perItem.get(i) ?? 0) < score) perItem.set(i, score);
    }
  }

  /** Tokens within one edit or swap of `word`: they share `word`, or one of its one-character deletions. */
  private oneEditAway(word: string): Set<string> {
    const found = new Set<string>();
    const consider = (entry: number | number[] | undefined) => {
      if (entry === undefined) return;
      for (const t of typeof entry === 'number' ? [entry] : entry) {
        const token = this.sortedTokens[t]!;
        if (!found.has(token) && boundedDistance(word, token, 1) <= 1) found.add(token);
      }
    };
    consider(this.deletions.get(hashWithout(word, -1)));
    for (let i = 0; i < word.length; i++) {
      const shorter = word.slice(0, i) + word.slice(i + 1);
      if (this.postings.has(shorter)) found.add(shorter);
      consider(this.deletions.get(hashWithout(word, i)));
    }
    return found;
  }
}

/** FNV-1a of `word` without the character at `skip` (-1 skips none). */
function hashWithout(word: string, skip: number): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) if (i !== skip) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Three rows of the distance matrix, reused by every call: a search runs thousands of comparisons.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (edits plus adjacent swaps, "lexd" to "ledx" is 1), giving up
 * with `max + 1` as soon as every cell of a row exceeds `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) value = Math.min(value, prevPrev[j - 2]! + 1);
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = row;
    row = recycled;
  }
  return prev[b.length]!;
}

/**
 * Which characters a word contains, folded into 32 bits. One edit changes at most two bits (a
 * substitution drops one character and adds another), so words whose masks differ in more than
 * 2 × edits bits cannot be within that distance, and the costly comparison is skipped.
 */
function charMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << word.charCodeAt(i) % 32;
  return mask;
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Builds the lookup structures for one catalogue. */
export function buildItemIndex(items: readonly CatalogueItem[]): ItemIndex {
  return new Index(items);
}
