import type { ChatMessage } from '../../core/chat.ts';
import { defineModule, type BotModule, type HookVerdict } from '../../core/module.ts';
import { systemClock, type ChatSender, type Clock, type EventBus, type Logger, type TwitchApi } from '../../core/ports.ts';
import type { AppDb } from '../../db/database.ts';
import { nukeCommand } from './commands/nuke.command.ts';
import { permitCommand } from './commands/permit.command.ts';
import { MODULE_NAME, settingsOf } from './moderation.channel.ts';
import { ModerationEnforcer } from './moderation.enforcer.ts';
import { ModerationEngine } from './moderation.engine.ts';
import { LogWriter, type LogWriterOptions } from './moderation.log-writer.ts';
import { moderationMigrations } from './moderation.migrations.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { ModerationRepository } from './moderation.repository.ts';
import { ModerationService, type ModerationSettingsStore } from './moderation.service.ts';
import { moderationSettings, type ModerationSettings } from './moderation.settings.ts';
import { OfflineToxicityAnalyser, type ToxicityResult } from './toxicity/offline.analyser.ts';

export { ModerationError, ModerationService, type ModerationSettingsStore } from './moderation.service.ts';
export { moderationSettings, type ModerationSettings } from './moderation.settings.ts';
export { PerspectiveToxicityProvider, type PerspectiveProviderOptions } from './toxicity/perspective.provider.ts';

/** An outside toxicity score (Perspective), asked before a message is judged. */
export interface ToxicityProvider {
  /**
   * Undefined: the offline analyser scores the message as usual. A result, or a promise of one that
   * never rejects, takes the offline analyser's place for this message.
   */
  score(message: ChatMessage, settings: ModerationSettings): ToxicityResult | Promise<ToxicityResult> | undefined;
}

export interface ModerationModuleDeps {
  db: AppDb;
  twitch: TwitchApi;
  /** Sends the warnings of the escalation ladder. */
  chat: ChatSender;
  bus: EventBus;
  logger: Logger;
  settingsStore: ModerationSettingsStore;
  /** Counts each action (rule, action) for the metrics. */
  onAction?: (rule: string, action: string) => void;
  clock?: Clock;
  logWriter?: LogWriterOptions;
  toxicityProvider?: ToxicityProvider;
}

const SWEEP_MS = 10_000;
const PRUNE_MS = 3_600_000;

/**
 * Spam, bad-word, toxicity and link filters as the first message hook of the pipeline, actions
 * through Helix with an escalation ladder, `!permit` and `!nuke`, and a moderation log with undo.
 * `service` is the module's face for the HTTP API.
 */
export function moderationModule(deps: ModerationModuleDeps): BotModule & { service: ModerationService } {
  const clock = deps.clock ?? systemClock;
  const repository = new ModerationRepository(deps.db);
  const log = new LogWriter(repository, deps.logger, deps.logWriter);
  const enforcer = new ModerationEnforcer({ twitch: deps.twitch, chat: deps.chat, log, bus: deps.bus, logger: deps.logger, clock, onAction: deps.onAction });
  const engine = new ModerationEngine({ clock, scorer: new OfflineToxicityAnalyser() });
  const service = new ModerationService({ repository, log, enforcer, twitch: deps.twitch, store: deps.settingsStore, logger: deps.logger, clock });

  // Channels seen since start, with their settings, for the retention job.
  const seen = new Map<string, ModerationSettings>();
  const sweeper = setInterval(() => engine.sweep(), SWEEP_MS);
  sweeper.unref();
  const pruner = setInterval(() => {
    for (const [channel, settings] of seen) {
      service
        .pruneLog(channel, settings.log.retentionDays)
        .catch((err: unknown) => deps.logger.warn({ err, channel }, 'pruning the moderation log failed; will retry'));
    }
  }, PRUNE_MS);
  pruner.unref();

  return defineModule({
    name: MODULE_NAME,
    description: 'Spam, bad words, toxicity and links: deletes, warns, times out and bans through Helix, and keeps a log.',
    settings: moderationSettings,
    migrations: moderationMigrations,
    routes: moderationRoutes({ service, enforcer, twitch: deps.twitch }),
    service,
    commands: [permitCommand(engine, clock), nukeCommand(engine, enforcer, clock)],
    onMessage: (message, channel) => {
      const settings = settingsOf(channel);
      if (seen.get(message.channel) !== settings) seen.set(message.channel, settings);
      const toxicity = deps.toxicityProvider?.score(message, settings);
      // Waits for the outside score, then judges once: judging records the message (flood, copypasta, !nuke history).
      if (toxicity instanceof Promise) return toxicity.then((result) => judge(message, settings, result));
      return judge(message, settings, toxicity);
    },
    close: async () => {
      clearInterval(sweeper);
      clearInterval(pruner);
      await enforcer.drain();
      await log.close();
    },
  });

  function judge(message: ChatMessage, settings: ModerationSettings, toxicity: ToxicityResult | undefined): HookVerdict | undefined {
    const verdict = engine.evaluate(message, settings, toxicity);
    if (!verdict) return undefined;
    void enforcer.apply({
      channel: message.channel,
      channelId: message.channelId,
      userId: message.userId,
      login: message.login,
      messageId: message.id,
      text: message.text,
      rule: verdict.rule,
      detail: verdict.detail,
      score: verdict.score,
      step: verdict.step,
      actor: 'bot',
    });
    return { stop: true, reason: `${verdict.rule}: ${verdict.detail}` };
  }
}
