import { SyntaxKind, type BlacklistedTerm, type Node } from 'obscenity';

// A cheap necessary condition for obscenity's word list, so that the combined expression (about a
// microsecond per message) runs only for the few messages that can match. Every way a pattern can
// match (each optional part present or not) is a fixed sequence of characters and wildcards; it is
// looked up by the first two characters of its longest literal run and then compared in full,
// with the word boundaries the pattern demands.

const WILDCARD = -1;

interface Variant {
  /** UTF-16 units, WILDCARD for any one. */
  codes: number[];
  /** Where the longest literal run starts. */
  anchor: number;
  anchorLength: number;
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

function variantOf(codes: number[], term: BlacklistedTerm): Variant {
  let best = { from: 0, to: 0 };
  for (let from = 0; from < codes.length; ) {
    let to = from;
    while (to < codes.length && codes[to] !== WILDCARD) to++;
    if (to - from > best.to - best.from) best = { from, to };
    from = to + 1;
  }
  return {
    codes,
    anchor: best.from,
    anchorLength: best.to - best.from,
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

export class AnchorGate {
  /** Variants by the low bytes of the first two characters of their anchor; collisions are sorted out by comparing. */
  private readonly byPair = new Map<number, Variant[]>();
  private readonly hasPair = new Uint8Array(1 << 16);
  /** A pattern with a variant of fewer than two literal characters in a row cannot be gated. */
  private readonly open: boolean;

  constructor(terms: readonly BlacklistedTerm[]) {
    let open = false;
    for (const term of terms) {
      for (const codes of expand(term.pattern.nodes)) {
        const variant = variantOf(codes, term);
        if (variant.anchorLength < 2) {
          open = true;
          continue;
        }
        const key = pairKey(codes[variant.anchor]!, codes[variant.anchor + 1]!);
        this.hasPair[key] = 1;
        const list = this.byPair.get(key);
        if (list) list.push(variant);
        else this.byPair.set(key, [variant]);
      }
    }
    this.open = open;
  }

  /** False when no pattern can match the first `length` UTF-16 units of `skeleton`. */
  mayMatch(skeleton: Uint16Array, length: number): boolean {
    if (this.open) return true;
    for (let i = 0; i + 1 < length; i++) {
      const key = pairKey(skeleton[i]!, skeleton[i + 1]!);
      if (this.hasPair[key] === 0) continue;
      for (const variant of this.byPair.get(key)!) if (this.matchesAt(variant, skeleton, length, i - variant.anchor)) return true;
    }
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
