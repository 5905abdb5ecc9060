import type { ChatMessage } from '../../core/chat.ts';
import type { Clock } from '../../core/ports.ts';
import { badWordsFilter } from './filters/badwords.filter.ts';
import { capsFilter } from './filters/caps.filter.ts';
import { copypastaFilter } from './filters/copypasta.filter.ts';
import { emoteNames, emotesFilter } from './filters/emotes.filter.ts';
import { floodFilter } from './filters/flood.filter.ts';
import { lengthFilter } from './filters/length.filter.ts';
import { linksFilter } from './filters/links.filter.ts';
import { mentionsFilter } from './filters/mentions.filter.ts';
import { repetitionFilter } from './filters/repetition.filter.ts';
import { symbolsFilter } from './filters/symbols.filter.ts';
import { toxicityFilter, type ToxicityScorer } from './filters/toxicity.filter.ts';
import { zalgoFilter } from './filters/zalgo.filter.ts';
import type { ModerationSettings, ModerationStep, RuleAction } from './moderation.settings.ts';
import { ChannelState } from './moderation.state.ts';
import { isPlainAscii, normalizeText } from './moderation.text.ts';
import { ALWAYS_EXEMPT, roleMask, type FilterInput, type MessageFilter, type RuleId } from './moderation.types.ts';
import type { ToxicityResult } from './toxicity/offline.analyser.ts';

/** One rule that fired, and what it does about it (null: it only reports). */
export interface RuleFinding {
  rule: RuleId;
  detail: string;
  step: ModerationStep | null;
  score?: number;
}

/** The outcome for a message that broke at least one rule. */
export interface Verdict {
  findings: RuleFinding[];
  /** The strongest step of all findings, and the finding it came from. */
  step: ModerationStep;
  rule: RuleId;
  detail: string;
  score?: number;
}

/** A channel's settings turned into filters once; reused until the settings object changes. */
interface CompiledSettings {
  settings: ModerationSettings;
  filters: MessageFilter[];
}

const STEP_RANK = { warn: 1, delete: 2, timeout: 3, ban: 5 } as const;
const DELETE: ModerationStep = { type: 'delete' };
// After a timeout or ban, Twitch still delivers what the chatter sent just before it took effect.
const PUNISHED_MS = 30_000;

/** Orders steps: warn < delete < timeout (longer is stronger) < ban. */
export function stepStrength(step: ModerationStep): number {
  return step.type === 'timeout' ? STEP_RANK.timeout + step.seconds / 1e7 : STEP_RANK[step.type];
}

export interface ModerationEngineDeps {
  clock: Clock;
  scorer: ToxicityScorer;
}

/**
 * Runs a channel's filters over each message and decides what to do: the hot path of moderation.
 * No I/O; the only per-message allocations are the normalised text and the input object.
 */
export class ModerationEngine {
  // Keyed by the settings object itself: the channel directory replaces it when settings change.
  private readonly compiled = new WeakMap<ModerationSettings, CompiledSettings>();
  private readonly states = new Map<string, ChannelState>();
  private readonly input: FilterInput;

  constructor(private readonly deps: ModerationEngineDeps) {
    this.input = { message: undefined as unknown as ChatMessage, text: '', plainAscii: true, now: 0, strict: false, state: new ChannelState(), toxicity: undefined };
  }

  /** The channel's in-memory state (history, flood counters, permits). */
  state(channel: string): ChannelState {
    let state = this.states.get(channel);
    if (!state) this.states.set(channel, (state = new ChannelState()));
    return state;
  }

  /** Compiles (or fetches compiled) filters; throws only on settings that bypassed the schema. */
  compile(settings: ModerationSettings): CompiledSettings {
    let compiled = this.compiled.get(settings);
    if (!compiled) {
      compiled = { settings, filters: buildFilters(settings, this.deps.scorer) };
      this.compiled.set(settings, compiled);
    }
    return compiled;
  }

  /**
   * Records the message and judges it. Returns null when it breaks no rule that acts (or its author
   * is exempt everywhere). `toxicity` replaces the offline score when an outside provider gave one.
   */
  evaluate(message: ChatMessage, settings: ModerationSettings, toxicity?: ToxicityResult): Verdict | null {
    const now = this.deps.clock.now();
    const state = this.state(message.channel);
    state.record(message, now);
    const roles = roleMask(message.roles);
    if (roles & ALWAYS_EXEMPT) return null;
    const { filters } = this.compile(settings);
    // One input object, refilled per message: evaluation is synchronous and filters keep no reference.
    const input = this.input;
    input.message = message;
    input.plainAscii = isPlainAscii(message.text);
    input.text = input.plainAscii ? message.text.toLowerCase() : normalizeText(message.text);
    input.now = now;
    input.strict = message.firstMessage && settings.firstMessage.enabled;
    input.state = state;
    input.toxicity = toxicity;
    let findings: RuleFinding[] | null = null;
    for (const filter of filters) {
      if (filter.exemptMask & roles) continue;
      const hit = filter.check(input);
      if (!hit) continue;
      const step = this.stepFor(hit.action ?? filter.action, message, filter.rule, settings, input.strict, state, now);
      (findings ??= []).push({ rule: filter.rule, detail: hit.detail, step, score: hit.score });
    }
    if (!findings) return null;
    let strongest: RuleFinding | undefined;
    for (const finding of findings) {
      if (finding.step && (!strongest || stepStrength(finding.step) > stepStrength(strongest.step!))) strongest = finding;
    }
    if (!strongest) return null;
    let step = strongest.step!;
    if (step.type === 'timeout' || step.type === 'ban') {
      if (state.recentlyPunished(message.userId, now)) step = DELETE;
      else state.markPunished(message.userId, now + (step.type === 'ban' ? PUNISHED_MS : Math.min(step.seconds * 1000, PUNISHED_MS)));
    }
    return { findings, step, rule: strongest.rule, detail: strongest.detail, score: strongest.score };
  }

  /** Forgets idle chatters, expired permits and offences; call every few seconds. */
  sweep(): void {
    const now = this.deps.clock.now();
    for (const state of this.states.values()) state.sweep(now);
  }

  private stepFor(
    action: RuleAction,
    message: ChatMessage,
    rule: RuleId,
    settings: ModerationSettings,
    strict: boolean,
    state: ChannelState,
    now: number,
  ): ModerationStep | null {
    if (action.type === 'none') return null;
    if (action.type !== 'escalate') return action;
    const { windowSeconds, ladder } = settings.escalation;
    return state.escalate(message.userId, rule, now, windowSeconds, ladder, strict && settings.firstMessage.skipWarning);
  }
}

// Cheap filters first; every filter still runs, so stateful ones (flood, copypasta) see each message.
function buildFilters(settings: ModerationSettings, scorer: ToxicityScorer): MessageFilter[] {
  const { spam } = settings;
  const names = emoteNames(spam.emotes.names);
  const filters = [
    floodFilter(spam.flood),
    lengthFilter(spam.length),
    capsFilter(spam.caps, names),
    symbolsFilter(spam.symbols),
    repetitionFilter(spam.repetition),
    emotesFilter(spam.emotes),
    zalgoFilter(spam.zalgo),
    mentionsFilter(spam.mentions),
    linksFilter(settings.links, settings.firstMessage.enabled && settings.firstMessage.blockAllLinks),
    badWordsFilter(settings.badWords),
    toxicityFilter(settings.toxicity, settings.firstMessage.toxicityThreshold, scorer),
    copypastaFilter(spam.copypasta),
  ];
  return filters.filter((f): f is MessageFilter => f !== null);
}
