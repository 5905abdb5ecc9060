import { randomUUID } from 'node:crypto';
import { feedTopic, type FeedEvent } from '../../core/feed.ts';
import type { ChatSender, Clock, EventBus, Logger, TwitchApi } from '../../core/ports.ts';
import type { LogWriter } from './moderation.log-writer.ts';
import type { ModerationStep } from './moderation.settings.ts';
import type { LogEntry } from './moderation.tables.ts';

/** An action to take against one chatter (and their message). */
export interface ActionRequest {
  channel: string;
  channelId: string;
  userId: string;
  login: string;
  messageId?: string;
  text: string;
  rule: string;
  detail: string;
  score?: number;
  step: ModerationStep;
  /** `bot`, or the moderator's login. */
  actor: string;
}

const WARNINGS: Record<string, string> = {
  links: 'links need a moderator\'s !permit here',
  caps: 'please ease up on the capitals',
  symbols: 'please ease up on the symbols',
  repetition: 'please don\'t repeat yourself',
  emotes: 'please ease up on the emotes',
  length: 'that message was too long',
  zalgo: 'no zalgo text, please',
  mentions: 'please don\'t mass-mention people',
  flood: 'please slow down',
  copypasta: 'no copypasta, please',
  badwords: 'please watch your language',
  toxicity: 'please be respectful',
};
const MAX_REASON = 500;

export interface EnforcerDeps {
  twitch: TwitchApi;
  chat: ChatSender;
  log: LogWriter;
  bus: EventBus;
  logger: Logger;
  clock: Clock;
  /** Counts each action, for the `utb_moderation_actions_total` metric. */
  onAction?: (rule: string, action: string) => void;
}

/**
 * Carries out moderation actions through Helix (Twitch removed the chat commands), then logs them
 * and tells the live monitor. A Helix failure (after the client's own retries) is logged and
 * recorded in the entry as `failed`; it never throws and never loses the entry.
 */
export class ModerationEnforcer {
  private readonly running = new Set<Promise<LogEntry>>();

  constructor(private readonly deps: EnforcerDeps) {}

  /** Starts the action without waiting for Twitch; the returned promise settles with the log entry. */
  apply(request: ActionRequest): Promise<LogEntry> {
    const work = this.run(request);
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
    return work;
  }

  /** Records an action a moderator took elsewhere (an undo), without calling Twitch again. */
  record(entry: LogEntry): void {
    this.deps.log.add(entry);
    this.publish(entry);
  }

  /** Waits (up to `timeoutMs`) for actions still talking to Twitch. */
  async drain(timeoutMs = 5_000): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }

  private async run(request: ActionRequest): Promise<LogEntry> {
    const { step } = request;
    const entry: LogEntry = {
      id: randomUUID(),
      channel: request.channel,
      channelId: request.channelId,
      userId: request.userId,
      userLogin: request.login,
      messageId: request.messageId ?? null,
      messageText: request.text.slice(0, 500),
      rule: request.rule,
      detail: request.detail.slice(0, 300),
      score: request.score ?? null,
      action: step.type,
      durationSeconds: step.type === 'timeout' ? step.seconds : null,
      actor: request.actor,
      status: 'done',
      error: null,
      createdAt: new Date(this.deps.clock.now()),
      undoneAt: null,
      undoneBy: null,
    };
    try {
      await this.execute(request);
    } catch (error) {
      entry.status = 'failed';
      entry.error = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
      this.deps.logger.warn({ err: error, channel: request.channel, rule: request.rule, action: step.type }, 'moderation action failed at Twitch');
    }
    this.deps.log.add(entry);
    this.publish(entry);
    return entry;
  }

  private async execute(request: ActionRequest): Promise<void> {
    const { twitch } = this.deps;
    const { step, channelId, userId } = request;
    const reason = `[${request.rule}] ${request.detail}`.slice(0, MAX_REASON);
    switch (step.type) {
      case 'warn':
        if (request.messageId) await twitch.deleteMessage(channelId, request.messageId);
        await this.deps.chat
          .send({ channel: request.channel, text: `@${request.login}, ${WARNINGS[request.rule] ?? 'please follow the chat rules'} (warning, ${request.rule})` })
          .catch((err: unknown) => this.deps.logger.warn({ err, channel: request.channel }, 'moderation warning could not be sent'));
        return;
      case 'delete':
        if (!request.messageId) throw new Error('moderation.no_message: nothing to delete');
        await twitch.deleteMessage(channelId, request.messageId);
        return;
      case 'timeout':
        await twitch.banUser(channelId, userId, reason, step.seconds);
        return;
      case 'ban':
        await twitch.banUser(channelId, userId, reason);
        return;
    }
  }

  private publish(entry: LogEntry): void {
    this.deps.onAction?.(entry.rule, entry.action);
    const event: FeedEvent = {
      type: 'moderation',
      id: entry.id,
      action: entry.action,
      login: entry.userLogin,
      userId: entry.userId,
      rule: entry.rule,
      reason: entry.detail,
      messageId: entry.messageId ?? undefined,
      durationSeconds: entry.durationSeconds ?? undefined,
      actor: entry.actor,
      status: entry.status,
      at: entry.createdAt.getTime(),
    };
    this.deps.bus.publish(feedTopic(entry.channel), event).catch((err: unknown) => this.deps.logger.warn({ err }, 'moderation event could not be published'));
  }
}
