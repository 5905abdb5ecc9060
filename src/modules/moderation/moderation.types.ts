import type { ChatMessage, Role } from '../../core/chat.ts';
import type { RuleAction } from './moderation.settings.ts';
import type { ChannelState } from './moderation.state.ts';
import type { ToxicityResult } from './toxicity/offline.analyser.ts';

/** The rules the filters report, also the `rule` of log entries (plus `nuke` and `manual`). */
export type RuleId =
  | 'caps'
  | 'symbols'
  | 'repetition'
  | 'emotes'
  | 'length'
  | 'zalgo'
  | 'mentions'
  | 'flood'
  | 'copypasta'
  | 'badwords'
  | 'toxicity'
  | 'links';

/** What one filter sees of a message; built once per message and shared by every filter. */
export interface FilterInput {
  message: ChatMessage;
  /** `normalizeText(message.text)`. */
  text: string;
  /** `isPlainAscii(message.text)`: no per-character Unicode work is needed. */
  plainAscii: boolean;
  now: number;
  /** The author's first message in the channel, and the channel wants first messages judged strictly. */
  strict: boolean;
  state: ChannelState;
  /** A toxicity result computed ahead of the filters (by an outside provider), if any. */
  toxicity?: ToxicityResult;
}

/** A filter's finding. `action` overrides the filter's own (a bad word's severity decides it). */
export interface FilterHit {
  detail: string;
  score?: number;
  action?: RuleAction;
}

/** One compiled filter of a channel. */
export interface MessageFilter {
  readonly rule: RuleId;
  /** Role bits (see roleMask) whose holders the filter leaves alone. */
  readonly exemptMask: number;
  readonly action: RuleAction;
  check(input: FilterInput): FilterHit | null;
}

const ROLE_BITS: Record<Role, number> = { broadcaster: 1, moderator: 2, vip: 4, subscriber: 8, founder: 16 };

/** The roles as bits, so that an exemption check is one AND. */
export function roleMask(roles: Iterable<Role>): number {
  let mask = 0;
  for (const role of roles) mask |= ROLE_BITS[role];
  return mask;
}

// Twitch refuses to delete their messages or time them out, so a rule cannot apply to them whatever a channel sets.
export const ALWAYS_EXEMPT = ROLE_BITS.broadcaster | ROLE_BITS.moderator;

/** The exemption mask of a filter's `exempt` list; founders count as subscribers. */
export function exemptMaskOf(roles: readonly Role[]): number {
  let mask = roleMask(roles) | ALWAYS_EXEMPT;
  if (mask & ROLE_BITS.subscriber) mask |= ROLE_BITS.founder;
  return mask;
}
