import { z } from 'zod';
import { checkUserPattern, MAX_TERM_LENGTH } from './moderation.patterns.ts';

const ROLE_NAMES = ['broadcaster', 'moderator', 'vip', 'subscriber', 'founder'] as const;
/** The longest timeout Twitch accepts (two weeks). */
export const MAX_TIMEOUT_SECONDS = 1_209_600;

/** Who a filter leaves alone; subscribers (and founders) are exempt only when a channel says so. */
const exempt = z.array(z.enum(ROLE_NAMES)).max(ROLE_NAMES.length).default(['broadcaster', 'moderator', 'vip']);

/** A concrete step against a message and its author. */
export const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('warn') }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('timeout'), seconds: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS) }),
  z.object({ type: z.literal('ban') }),
]);

/** What a rule does when it fires: nothing, climb the escalation ladder, or one fixed step. */
export const actionSchema = z.union([z.object({ type: z.literal('none') }), z.object({ type: z.literal('escalate') }), stepSchema]);

export type ModerationStep = z.infer<typeof stepSchema>;
export type RuleAction = z.infer<typeof actionSchema>;

const ESCALATE: RuleAction = { type: 'escalate' };

function filter<T extends z.ZodRawShape>(shape: T, action: RuleAction = ESCALATE) {
  return z
    .object({ enabled: z.boolean().default(true), exempt, action: actionSchema.default(action), ...shape })
    // Every field has a default, so an absent object parses to the defaults; zod cannot see that through the generic shape.
    .prefault({} as never);
}

const emoteName = z.string().regex(/^\S{1,50}$/, 'an emote name: 1-50 characters without spaces');
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/, 'a domain such as clips.twitch.tv');

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A channel's own blocked word, phrase or (RE2 syntax) pattern. */
export const blockedTermSchema = z
  .object({
    term: z.string().trim().min(1, 'moderation.term_empty: the term is empty').max(MAX_TERM_LENGTH, `moderation.term_too_long: a term may have at most ${MAX_TERM_LENGTH} characters`),
    kind: z.enum(['word', 'phrase', 'pattern']).default('word'),
    severity: z.enum(SEVERITIES).default('medium'),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'pattern') return;
    const problem = checkUserPattern(value.term);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['term'] });
  });

export type BlockedTerm = z.infer<typeof blockedTermSchema>;

/**
 * A channel's moderation settings. Every field has a default, so `{}` is a complete, sensible
 * configuration: every filter on, the broadcaster, mods and VIPs exempt.
 */
export const moderationSettings = z.object({
  spam: z
    .object({
      caps: filter({ minLetters: z.number().int().min(1).max(500).default(15), maxPercent: z.number().min(1).max(100).default(70) }),
      symbols: filter({ minLength: z.number().int().min(1).max(500).default(15), maxPercent: z.number().min(1).max(100).default(50) }),
      repetition: filter({
        maxCharRun: z.number().int().min(2).max(500).default(15),
        maxWordRepeats: z.number().int().min(2).max(250).default(10),
      }),
      emotes: filter({ max: z.number().int().min(1).max(250).default(15), names: z.array(emoteName).max(1000).default([]) }),
      length: filter({ max: z.number().int().min(1).max(500).default(400) }),
      zalgo: filter({ maxMarksPerChar: z.number().int().min(1).max(50).default(4) }),
      mentions: filter({ max: z.number().int().min(1).max(100).default(5) }),
      flood: filter(
        { messages: z.number().int().min(2).max(50).default(6), seconds: z.number().int().min(1).max(300).default(10) },
        { type: 'timeout', seconds: 60 },
      ),
      copypasta: filter({
        users: z.number().int().min(2).max(50).default(4),
        seconds: z.number().int().min(5).max(600).default(30),
        similarity: z.number().min(0.5).max(1).default(0.8),
        minLength: z.number().int().min(5).max(500).default(20),
      }),
    })
    .prefault({}),
  badWords: z
    .object({
      enabled: z.boolean().default(true),
      exempt,
      builtin: z.boolean().default(true),
      /** What each severity does; the built-in list puts slurs at high, sexual terms at medium, swearing at low. */
      actions: z
        .object({
          low: actionSchema.default({ type: 'none' }),
          medium: actionSchema.default(ESCALATE),
          high: actionSchema.default({ type: 'timeout', seconds: 600 }),
        })
        .prefault({}),
      blocked: z.array(blockedTermSchema).max(500).default([]),
      allowed: z.array(z.string().trim().toLowerCase().min(1).max(MAX_TERM_LENGTH)).max(500).default([]),
    })
    .prefault({}),
  toxicity: filter({ threshold: z.number().min(0.05).max(1).default(0.75) }),
  links: filter({
    allowedDomains: z.array(domain).max(200).default(['clips.twitch.tv', 'youtube.com', 'youtu.be']),
    permitSeconds: z.number().int().min(5).max(3600).default(60),
  }),
  escalation: z
    .object({
      windowSeconds: z.number().int().min(10).max(86_400).default(600),
      ladder: z
        .array(stepSchema)
        .min(1)
        .max(10)
        .default([{ type: 'warn' }, { type: 'delete' }, { type: 'timeout', seconds: 60 }, { type: 'timeout', seconds: 600 }]),
    })
    .prefault({}),
  /** A stricter profile for a chatter's first message in the channel (Twitch's `first-msg`). */
  firstMessage: z
    .object({
      enabled: z.boolean().default(true),
      toxicityThreshold: z.number().min(0.05).max(1).default(0.6),
      /** Links from first-time chatters are removed even from allowed domains. */
      blockAllLinks: z.boolean().default(true),
      /** The ladder starts at its second step: no warning first. */
      skipWarning: z.boolean().default(true),
    })
    .prefault({}),
  log: z.object({ retentionDays: z.number().int().min(1).max(3650).default(90) }).prefault({}),
});

export type ModerationSettings = z.infer<typeof moderationSettings>;

/** The settings of a channel that set nothing. */
export const defaultModerationSettings: ModerationSettings = moderationSettings.parse({});
