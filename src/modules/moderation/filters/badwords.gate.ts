import { SyntaxKind, type BlacklistedTerm, type Node } from 'obscenity';

// A cheap necessary condition for obscenity's word list, so that the combined expression (about a
// microsecond per message) runs only for the few messages that can match. Every way a pattern can
// match (each optional part present or not) is a fixed sequence of characters and wildcards; it is
// looked up by the rarest three characters (two, for short ones) of its longest literal run and
// then compared in full, with the word boundaries the pattern demands.

const WILDCARD = -1;

interface Variant {
  /** UTF-16 units, WILDCARD for any one. */
  codes: number[];
  /** Where the characters it is looked up by start, and how many (2 or 3); 0 when it cannot be gated. */
  key: number;
  keyLength: number;
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

/** The character sequences a pattern can stand for, with WILDCARD for "any one character". */
function expand(nodes: readonly Node[]): number[][] {
  let variants: number[][] = [[]];
  for (const node of nodes) {
    if (node.kind === SyntaxKind.Literal) variants = variants.map((v) => [...v, ...utf16(node.chars)]);
    else if (node.kind === SyntaxKind.Wildcard) variants = variants.map((v) => [...v, WILDCARD]);
    else {
      const inner = node.childNode.kind === SyntaxKind.Literal ? utf16(node.childNode.chars) : [WILDCARD];
      variants = variants.flatMap((v) => [v, [...v, ...inner]]);
    }
  }
  return variants;
}

// The skeleton is compared unit by unit, so literals are too.
function utf16(codePoints: readonly number[]): number[] {
  const text = String.fromCodePoint(...codePoints);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return units;
}

// How common each letter is in English chat (per mille, roughly): a key of rare letters ("nal",
// "tch") is hit by far fewer messages than one of common ones ("an", "th").
const LETTER_SHARE = [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1];

function commonness(code: number): number {
  return code >= 97 && code <= 122 ? LETTER_SHARE[code - 97]! : 30;
}

function variantOf(codes: number[], term: BlacklistedTerm): Variant {
  let best = { from: 0, to: 0 };
  for (let from = 0; from < codes.length; ) {
    let to = from;
    while (to < codes.length && codes[to] !== WILDCARD) to++;
    if (to - from > best.to - best.from) best = { from, to };
    from = to + 1;
  }
  const keyLength = Math.min(3, best.to - best.from);
  let key = best.from;
  let rarest = Infinity;
  for (let at = best.from; at + keyLength <= best.to && keyLength >= 2; at++) {
    let score = 1;
    for (let k = 0; k < keyLength; k++) score *= commonness(codes[at + k]!);
    if (score < rarest) {
      rarest = score;
      key = at;
    }
  }
  return {
    codes,
    key,
    keyLength: keyLength >= 2 ? keyLength : 0,
    boundaryBefore: term.pattern.requireWordBoundaryAtStart,
    boundaryAfter: term.pattern.requireWordBoundaryAtEnd,
  };
}

// What `\b` means in a regular expression without the `u` flag.
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function pairKey(a: number, b: number): number {
  return ((a & 0xff) << 8) | (b & 0xff);
}

function tripleKey(a: number, b: number, c: number): number {
  return (Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> 16) & 0xffff;
}

export class AnchorGate {
  /** Variants by their key's characters (hashed to 16 bits); collisions are sorted out by comparing. */
  private readonly byTriple = new Map<number, Variant[]>();
  private readonly hasTriple = new Uint8Array(1 << 16);
  private readonly byPair = new Map<number, Variant[]>();
  private readonly hasPair = new Uint8Array(1 << 16);
  /** A pattern with a variant of fewer than two literal characters in a row cannot be gated. */
  private readonly open: boolean;

  constructor(terms: readonly BlacklistedTerm[]) {
    let open = false;
    for (const term of terms) {
      for (const codes of expand(term.pattern.nodes)) {
        const variant = variantOf(codes, term);
        const k = variant.key;
        if (variant.keyLength === 3) add(this.byTriple, this.hasTriple, tripleKey(codes[k]!, codes[k + 1]!, codes[k + 2]!), variant);
        else if (variant.keyLength === 2) add(this.byPair, this.hasPair, pairKey(codes[k]!, codes[k + 1]!), variant);
        else open = true;
      }
    }
    this.open = open;
  }

  /** False when no pattern can match the first `length` UTF-16 units of `skeleton`. */
  mayMatch(skeleton: Uint16Array, length: number): boolean {
    if (this.open) return true;
    for (let i = 0; i + 1 < length; i++) {
      const a = skeleton[i]!;
      const b = skeleton[i + 1]!;
      const pair = pairKey(a, b);
      if (this.hasPair[pair] === 1 && this.anyAt(this.byPair.get(pair)!, skeleton, length, i)) return true;
      if (i + 2 >= length) continue;
      const triple = tripleKey(a, b, skeleton[i + 2]!);
      if (this.hasTriple[triple] === 1 && this.anyAt(this.byTriple.get(triple)!, skeleton, length, i)) return true;
    }
    return false;
  }

  private anyAt(variants: readonly Variant[], skeleton: Uint16Array, length: number, at: number): boolean {
    for (const variant of variants) if (this.matchesAt(variant, skeleton, length, at - variant.key)) return true;
    return false;
  }

  private matchesAt(variant: Variant, skeleton: Uint16Array, length: number, at: number): boolean {
    const codes = variant.codes;
    const end = at + codes.length;
    if (at < 0 || end > length) return false;
    for (let k = 0; k < codes.length; k++) if (codes[k] !== WILDCARD && skeleton[at + k] !== codes[k]) return false;
    if (variant.boundaryBefore && !boundaryAt(skeleton, length, at)) return false;
    if (variant.boundaryAfter && !boundaryAt(skeleton, length, end)) return false;
    return true;
  }
}

function boundaryAt(skeleton: Uint16Array, length: number, at: number): boolean {
  const before = at > 0 && isWordCode(skeleton[at - 1]!);
  const after = at < length && isWordCode(skeleton[at]!);
  return before !== after;
}

function add(index: Map<number, Variant[]>, present: Uint8Array, key: number, variant: Variant): void {
  present[key] = 1;
  const list = index.get(key);
  if (list) list.push(variant);
  else index.set(key, [variant]);
}
