import {
  englishDataset,
  englishRecommendedBlacklistMatcherTransformers,
  englishRecommendedTransformers,
  RegExpMatcher,
  SyntaxKind,
  type Node,
  type ParsedPattern,
  type StatefulTransformer,
  type TransformerContainer,
} from 'obscenity';
import { SEVERITIES, type ModerationSettings, type RuleAction, type Severity } from '../moderation.settings.ts';
import { AnchorGate } from './badwords.gate.ts';
import { literalPattern, PatternSet } from '../moderation.patterns.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

// Severity of obscenity's English words: identity slurs high, explicit sexual terms and ableist
// slurs medium, everyday swearing low (by default low does nothing: many channels swear freely).
const HIGH = ['abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'fag', 'kike', 'nigger', 'tranny'];
const MEDIUM = [
  'anal', 'bestiality', 'blowjob', 'buttplug', 'cum', 'cunt', 'deepthroat', 'dildo', 'doggystyle', 'double penetration', 'dyke',
  'ejaculate', 'felch', 'fellatio', 'finger bang', 'fisting', 'gangbang', 'handjob', 'hentai', 'incest', 'jerk off', 'jizz',
  'lubejob', 'masturbate', 'orgasm', 'orgy', 'penis', 'porn', 'rape', 'retard', 'scat', 'semen', 'slut', 'spastic', 'twat',
  'vagina', 'wank', 'whore',
];
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** The built-in English word a match stands for, and its severity. */
export function builtinSeverity(word: string): Severity {
  if (HIGH.includes(word)) return 'high';
  if (MEDIUM.includes(word)) return 'medium';
  return 'low';
}

// obscenity's matcher runs one regular expression per word over a transformed copy of the text,
// tens of microseconds a message. The same transformation, table-driven, then an anchor gate and one
// combined expression find the messages that can match at all; only those go to obscenity, which
// also applies its allow list ("assassin", "Scunthorpe").
const transformers = englishRecommendedBlacklistMatcherTransformers as TransformerContainer[];
const simple = transformers.flatMap((t) => ('transform' in t ? [t.transform] : []));
const collapse: StatefulTransformer | undefined = transformers.flatMap((t) => ('factory' in t ? [t.factory()] : []))[0];
const NOT_COMPUTED = -2;
const DROPPED = -1;
const bmp = new Int32Array(0x10000).fill(NOT_COMPUTED);

function mapPoint(point: number): number {
  let value: number | undefined = point;
  for (const transform of simple) {
    value = transform(value);
    if (value === undefined) return DROPPED;
  }
  return value;
}

// How many copies of a character in a row the collapse step keeps, learnt from obscenity's own
// transformer once per character, so that the loop below needs no call per character.
const RUN_PROBE = 8;
const runLimits = new Int8Array(0x10000).fill(-1);
const astralRunLimits = new Map<number, number>();

function runLimitOf(point: number): number {
  if (!collapse) return RUN_PROBE;
  const cached = point < runLimits.length ? runLimits[point]! : astralRunLimits.get(point);
  if (cached !== undefined && cached >= 0) return cached;
  collapse.reset();
  let kept = 0;
  for (let i = 0; i < RUN_PROBE; i++) if (collapse.transform(point) !== undefined) kept++;
  if (point < runLimits.length) runLimits[point] = kept;
  else astralRunLimits.set(point, kept);
  return kept;
}

// Reused for every message: the skeleton is built in place and turned into a string only when needed.
let buffer = new Uint16Array(512);

/** Writes obscenity's blacklist transformation of `text` into `buffer`; returns its length. */
function skeletonIntoBuffer(text: string): number {
  if (buffer.length < text.length * 2) buffer = new Uint16Array(text.length * 2);
  let n = 0;
  let last = -1;
  let left = 0;
  for (let i = 0; i < text.length; i++) {
    let point = text.charCodeAt(i);
    let mapped: number;
    if (point >= 0xd800 && point <= 0xdbff && i + 1 < text.length) {
      point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      mapped = mapPoint(point);
    } else {
      mapped = bmp[point]!;
      if (mapped === NOT_COMPUTED) bmp[point] = mapped = mapPoint(point);
    }
    if (mapped === DROPPED) continue;
    if (mapped !== last) {
      last = mapped;
      left = runLimitOf(mapped);
    }
    // A limit of RUN_PROBE means none: every copy is kept.
    if (left < RUN_PROBE) {
      if (left === 0) continue;
      left--;
    }
    if (mapped > 0xffff) {
      buffer[n++] = 0xd800 + ((mapped - 0x10000) >> 10);
      buffer[n++] = 0xdc00 + ((mapped - 0x10000) & 0x3ff);
    } else buffer[n++] = mapped;
  }
  return n;
}

function bufferText(length: number): string {
  return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
}

/** obscenity's blacklist transformation of `text` (lookalikes, leetspeak, case, repeated letters). */
export function obscenitySkeleton(text: string): string {
  return bufferText(skeletonIntoBuffer(text));
}

function nodeSource(node: Node): string {
  switch (node.kind) {
    case SyntaxKind.Literal:
      return String.fromCodePoint(...node.chars).replace(/[[\].*+?^${}()|\\]/g, '\\$&');
    case SyntaxKind.Optional:
      return `(?:${nodeSource(node.childNode)})?`;
    case SyntaxKind.Wildcard:
      return '.';
  }
}

function patternSource(pattern: ParsedPattern): string {
  return `${pattern.requireWordBoundaryAtStart ? '\\b' : ''}${pattern.nodes.map(nodeSource).join('')}${pattern.requireWordBoundaryAtEnd ? '\\b' : ''}`;
}

const dataset = englishDataset.build();
const PREFILTER = new RegExp(dataset.blacklistedTerms.map((t) => patternSource(t.pattern)).join('|'), 's');
const gate = new AnchorGate(dataset.blacklistedTerms);
const defaultMatcher = new RegExpMatcher({ ...dataset, ...englishRecommendedTransformers });

/** The built-in English words in a normalised text (after the allow lists), with their severity. */
export function builtinMatches(text: string, matcher: RegExpMatcher = defaultMatcher): { word: string; severity: Severity }[] {
  const length = skeletonIntoBuffer(text);
  if (!gate.mayMatch(buffer, length) || !PREFILTER.test(bufferText(length))) return [];
  return matcher.getAllMatches(text).map((match) => {
    const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? 'profanity';
    return { word, severity: builtinSeverity(word) };
  });
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const LEET_CHARS = /[013457@$!]/g;
const WORD_WITH_LETTER = /\S*[a-z]\S*/g;
const RUNS = /(.)\1+/g;

/**
 * The form channel words and phrases are matched in: leetspeak resolved inside words that have a
 * letter, repeated characters collapsed ("fr33 f0llowwwers" and "free followers" both become
 * "fre folowers"; "2024" stays).
 */
export function termSkeleton(text: string): string {
  return text.replace(WORD_WITH_LETTER, (word) => word.replace(LEET_CHARS, (c) => LEET[c] ?? c)).replace(RUNS, '$1');
}

interface Compiled {
  terms: PatternSet | null;
  termSeverity: Severity[];
  termLabel: string[];
  patterns: PatternSet | null;
  patternSeverity: Severity[];
  patternLabel: string[];
}

function compileTerms(settings: ModerationSettings['badWords']): Compiled {
  const words = settings.blocked.filter((t) => t.kind !== 'pattern');
  const patterns = settings.blocked.filter((t) => t.kind === 'pattern');
  return {
    terms: words.length > 0 ? new PatternSet(words.map((t) => literalPattern(termSkeleton(t.term.toLowerCase())))) : null,
    termSeverity: words.map((t) => t.severity),
    termLabel: words.map((t) => t.term),
    patterns: patterns.length > 0 ? new PatternSet(patterns.map((t) => t.term)) : null,
    patternSeverity: patterns.map((t) => t.severity),
    patternLabel: patterns.map((t) => `/${t.term}/`),
  };
}

/** Blanks the channel's allowed words out of the text, so nothing inside them can match. */
function withoutAllowed(text: string, allowed: readonly string[]): string {
  let out = text;
  for (const term of allowed) if (out.includes(term)) out = out.split(term).join(' '.repeat(term.length));
  return out;
}

/**
 * Bad words: obscenity's English list (leetspeak, repeated letters and lookalikes included) and the
 * channel's own words, phrases and RE2 patterns, minus the channel's allow list. The most severe
 * match decides the action.
 */
export function badWordsFilter(settings: ModerationSettings['badWords']): MessageFilter | null {
  if (!settings.enabled) return null;
  const compiled = compileTerms(settings);
  const allowed = settings.allowed;
  const matcher = allowed.length > 0 ? new RegExpMatcher({ ...dataset, whitelistedTerms: [...(dataset.whitelistedTerms ?? []), ...allowed], ...englishRecommendedTransformers }) : defaultMatcher;
  const actions: Record<Severity, RuleAction> = settings.actions;
  const sets: [PatternSet, string[], Severity[], 'skeleton' | 'text'][] = [];
  if (compiled.terms) sets.push([compiled.terms, compiled.termLabel, compiled.termSeverity, 'skeleton']);
  if (compiled.patterns) sets.push([compiled.patterns, compiled.patternLabel, compiled.patternSeverity, 'text']);
  // The most severe match; plain loops, since this runs for every message.
  const find = (text: string): { label: string; severity: Severity } | null => {
    let label = '';
    let rank = -1;
    if (settings.builtin) {
      for (const match of builtinMatches(text, matcher)) {
        const r = SEVERITY_RANK[match.severity];
        if (r > rank) {
          rank = r;
          label = match.word;
        }
      }
    }
    for (const [set, labels, severities, input] of sets) {
      for (const i of set.match(input === 'skeleton' ? termSkeleton(text) : text)) {
        const r = SEVERITY_RANK[severities[i]!];
        if (r > rank) {
          rank = r;
          label = labels[i]!;
        }
      }
    }
    return rank < 0 ? null : { label, severity: SEVERITIES[rank]! };
  };
  return {
    rule: 'badwords',
    exemptMask: exemptMaskOf(settings.exempt),
    action: actions.medium,
    check({ text }) {
      let found = find(text);
      if (found && allowed.length > 0 && (compiled.terms || compiled.patterns)) found = find(withoutAllowed(text, allowed));
      if (!found) return null;
      const action = actions[found.severity];
      if (action.type === 'none') return null;
      return { detail: `${found.severity} severity: ${found.label}`, action };
    },
  };
}
