import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

// MinHash over character 4-grams of the message's letters and digits: spacing, punctuation, case
// and invisible characters do not change the signature, and a small edit changes only a few of the
// 4-grams, so the estimated Jaccard similarity stays high. One-permutation hashing (each 4-gram is
// hashed once and lands in one of 16 bins, each bin keeps its minimum) costs one hash per 4-gram
// instead of sixteen. Locality-sensitive hashing (4 bands of 4 bins) finds the candidates without
// comparing against every recent message.
const HASHES = 16;
const BANDS = 4;
const ROWS = HASHES / BANDS;
const EMPTY = 0xffffffff;
const EMPTY_BAND = 0xffffffff;
/** Candidates compared per band, newest first: a flood of one text decides within its latest copies. */
const MAX_SCAN = 16;
const SLOTS = 1 << 12;
const INITIAL_CAPACITY = 256;
const MAX_CAPACITY = 1 << 14;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A channel's recent long messages for spotting the same text from many chatters: a ring of
 * signatures in typed arrays, and per band a table of chains (newest first) through the ring. Nothing
 * is allocated per message; the ring doubles (up to a limit) while it would overwrite messages still
 * inside the window, so a busy channel keeps a whole window and a quiet one stays small.
 */
export class CopypastaIndex {
  private capacity = 0;
  private signatures = new Uint32Array(0);
  private times = new Float64Array(0);
  private users: string[] = [];
  /** Per entry and band: the older entry in the same chain, or -1. */
  private older = new Int32Array(0);
  /** Per entry and band: the hash of the band, or EMPTY_BAND; its low bits are the slot it is chained under. */
  private keyOf = new Uint32Array(0);
  /** The band hashes of the message being added. */
  private readonly bandKeys = new Uint32Array(BANDS);
  /** Per band and slot: the newest entry, or -1. */
  private readonly newest = new Int32Array(BANDS * SLOTS).fill(-1);
  private next = 0;
  private readonly similarUsers = new Set<string>();

  /**
   * Adds a message and answers how many other chatters sent a similar one within the window,
   * counting up to `enough`. `signature` is copied; the caller may reuse it.
   */
  add(userId: string, signature: Uint32Array, now: number, windowMs: number, similarity: number, enough: number): number {
    const since = now - windowMs;
    if (this.capacity === 0 || (this.times[this.next]! > since && this.users[this.next] !== undefined && this.capacity < MAX_CAPACITY)) this.grow();
    const keys = this.bandKeys;
    for (let band = 0; band < BANDS; band++) keys[band] = bandEmpty(signature, band) ? EMPTY_BAND : bandKey(signature, band);
    const users = this.similarUsers;
    users.clear();
    for (let band = 0; band < BANDS && users.size < enough; band++) {
      const key = keys[band]!;
      if (key === EMPTY_BAND) continue;
      const slot = key & (SLOTS - 1);
      let entry = this.newest[band * SLOTS + slot]!;
      let previousTime = Number.POSITIVE_INFINITY;
      for (let scanned = 0; entry !== -1 && scanned < MAX_SCAN && users.size < enough; scanned++) {
        const at = this.times[entry]!;
        const entryKey = this.keyOf[entry * BANDS + band]!;
        // A slot of the ring reused by a newer message ends the chain, as does the window.
        if (at <= since || at > previousTime || entryKey === EMPTY_BAND || (entryKey & (SLOTS - 1)) !== slot) break;
        previousTime = at;
        // Another band that only shares the slot is no candidate; only the same band is (LSH).
        if (entryKey === key) {
          const other = this.users[entry]!;
          if (other !== userId && !users.has(other) && this.estimate(entry, signature) >= similarity) users.add(other);
        }
        entry = this.older[entry * BANDS + band]!;
      }
    }
    this.insert(userId, signature, now);
    return users.size;
  }

  private insert(userId: string, signature: Uint32Array, now: number): void {
    const entry = this.next;
    this.signatures.set(signature, entry * HASHES);
    this.times[entry] = now;
    this.users[entry] = userId;
    for (let band = 0; band < BANDS; band++) {
      const key = this.bandKeys[band]!;
      this.keyOf[entry * BANDS + band] = key;
      if (key === EMPTY_BAND) continue;
      const head = band * SLOTS + (key & (SLOTS - 1));
      this.older[entry * BANDS + band] = this.newest[head]!;
      this.newest[head] = entry;
    }
    this.next = (entry + 1) % this.capacity;
  }

  // Bins empty in both signatures say nothing; the rest vote.
  private estimate(entry: number, signature: Uint32Array): number {
    let same = 0;
    let used = 0;
    const base = entry * HASHES;
    for (let i = 0; i < HASHES; i++) {
      const a = this.signatures[base + i]!;
      const b = signature[i]!;
      if (a === EMPTY && b === EMPTY) continue;
      used++;
      if (a === b) same++;
    }
    return used === 0 ? 0 : same / used;
  }

  // Starts over with twice the room: the chains of the old ring are dropped, which at worst forgets
  // one window of copies at the moment a channel gets busier.
  private grow(): void {
    this.capacity = this.capacity === 0 ? INITIAL_CAPACITY : this.capacity * 2;
    this.signatures = new Uint32Array(this.capacity * HASHES);
    this.times = new Float64Array(this.capacity).fill(Number.NEGATIVE_INFINITY);
    this.users = new Array<string>(this.capacity);
    this.older = new Int32Array(this.capacity * BANDS).fill(-1);
    this.keyOf = new Uint32Array(this.capacity * BANDS).fill(EMPTY_BAND);
    this.newest.fill(-1);
    this.next = 0;
  }
}

function bandEmpty(signature: Uint32Array, band: number): boolean {
  for (let r = 0; r < ROWS; r++) if (signature[band * ROWS + r] !== EMPTY) return false;
  return true;
}

function bandKey(signature: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x27d4eb2d);
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signature[band * ROWS + r]!, 0x85ebca6b) ^ (h >>> 13);
  // EMPTY_BAND marks an empty band, so the one hash equal to it is nudged.
  return h >>> 0 === EMPTY_BAND ? EMPTY_BAND - 1 : h >>> 0;
}

/**
 * Writes the MinHash signature of a normalised text into `out` (16 values); false when the text has
 * fewer than `minLength` letters and digits.
 */
export function signatureOf(text: string, minLength: number, out: Uint32Array = new Uint32Array(HASHES)): boolean {
  // Letters are counted while hashing rather than first: most chat lines are long enough.
  if (text.length < minLength) return false;
  out.fill(EMPTY);
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isWordChar(text, i)) continue;
    const c3 = text.charCodeAt(i);
    if (++seen >= 4) {
      let x = Math.imul(Math.imul(Math.imul(c0, 31) + c1, 31) + c2, 31) + c3;
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
      x ^= x >>> 16;
      const bin = x >>> 28;
      const value = x & 0x0fffffff;
      if (value < out[bin]!) out[bin] = value;
    }
    c0 = c1;
    c1 = c2;
    c2 = c3;
  }
  return seen >= minLength && seen >= 4;
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** The same or nearly the same message from several chatters within a short window. */
export function copypastaFilter(settings: ModerationSettings['spam']['copypasta']): MessageFilter | null {
  if (!settings.enabled) return null;
  const { users, seconds, similarity, minLength } = settings;
  const signature = new Uint32Array(HASHES);
  return {
    rule: 'copypasta',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, text, now, state }) {
      if (!signatureOf(text, minLength, signature)) return null;
      const others = state.copypasta.add(message.userId, signature, now, seconds * 1000, similarity, users - 1);
      return others + 1 >= users ? { detail: `the same message from ${others + 1} chatters within ${seconds} s` } : null;
    },
  };
}
