import { z } from 'zod';
import type { ChatMessage } from '../../core/chat.ts';
import { ModerationEngine } from './moderation.engine.ts';
import { defaultModerationSettings, type ModerationSettings } from './moderation.settings.ts';
import { normalizeText } from './moderation.text.ts';
import { OfflineToxicityAnalyser } from './toxicity/offline.analyser.ts';

/** One message to judge without a bot: what `npm run -s moderation:score` reads per line. */
export const scoreInput = z.object({
  text: z.string().max(10_000),
  login: z
    .string()
    .regex(/^[a-z0-9_]{1,25}$/i, 'a Twitch login')
    .transform((l) => l.toLowerCase())
    .optional(),
  roles: z.array(z.enum(['broadcaster', 'moderator', 'vip', 'subscriber', 'founder'])).max(5).default([]),
  firstMessage: z.boolean().default(false),
  /** Twitch emote ranges, as the `emotes` tag gives them. */
  emotes: z
    .array(z.object({ id: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) }))
    .max(500)
    .default([]),
  /** When the message arrives (ms); consecutive lines without it arrive one second apart. */
  at: z.number().nonnegative().optional(),
});

export type ScoreInput = z.input<typeof scoreInput>;

/** What `moderation:score` writes per line. */
export interface ScoreOutput {
  toxicity: number;
  flagged: boolean;
  rules: { rule: string; action: string; seconds?: number }[];
}

/**
 * The bot's own filters, with their state (flood, copy-pasta, escalation), run over messages one by
 * one without chat, Helix or a database: for the command-line check, the evaluation and tests.
 */
export class OfflineModerator {
  private time = Date.UTC(2024, 0, 1);
  private count = 0;
  private readonly analyser = new OfflineToxicityAnalyser();
  private readonly engine = new ModerationEngine({ clock: { now: () => this.time }, scorer: this.analyser });

  constructor(private readonly settings: ModerationSettings = defaultModerationSettings) {}

  score(raw: ScoreInput): ScoreOutput {
    const input = scoreInput.parse(raw);
    this.count++;
    this.time = input.at ?? this.time + 1_000;
    const login = input.login ?? `viewer_${this.count}`;
    const message: ChatMessage = {
      id: `offline-${this.count}`,
      channel: 'offline',
      channelId: '0',
      userId: `user:${login}`,
      login,
      displayName: login,
      text: input.text,
      action: false,
      roles: new Set(input.roles),
      emotes: input.emotes,
      bits: 0,
      firstMessage: input.firstMessage,
      sentAt: this.time,
    };
    const toxicity = this.analyser.analyse(normalizeText(input.text)).score;
    const verdict = this.engine.evaluate(message, this.settings);
    const rules = (verdict?.findings ?? []).flatMap((f) =>
      f.step ? [{ rule: f.rule, action: f.step.type, ...(f.step.type === 'timeout' ? { seconds: f.step.seconds } : {}) }] : [],
    );
    return { toxicity, flagged: rules.length > 0, rules };
  }
}
