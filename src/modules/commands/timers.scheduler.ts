import type { Cache, ChatSender, Clock, Logger } from '../../core/ports.ts';
import type { TemplateCache } from './template/template.cache.ts';
import { renderTemplate } from './template/template.render.ts';
import type { StreamLookup } from './template/variables/stream.variables.ts';
import type { Timer, TimersRepository } from './timers.repository.ts';

export interface TimerSchedulerDeps {
  repository: Pick<TimersRepository, 'listEnabled' | 'markPosted'>;
  cache: Cache;
  chat: ChatSender;
  lookup: StreamLookup;
  templates: TemplateCache;
  /** The channel's Twitch id, or undefined when it cannot be found. */
  channelIdOf(channel: string): Promise<string | undefined>;
  /** Whether this instance speaks in the channel (several instances split the channels). */
  servesChannel(channel: string): boolean;
  urlfetchCacheSeconds(channel: string): number;
  clock: Clock;
  logger: Logger;
  /** How often timers are checked; default 15 s. */
  tickMs?: number;
  /** Identifies this instance in the lock. */
  instanceId: string;
}

interface TimerState {
  lastPostedAt: number;
  /** The channel's line count at the last post. */
  linesAt: number;
}

/**
 * Posts timers: every N minutes, when at least M chat lines passed since the last post, and only
 * while the stream is online, offline, or either. Before posting, an instance takes a lock in the
 * cache (`setIfAbsent`) that lasts one interval, so the timer posts once per interval however many
 * instances run it.
 */
export class TimerScheduler {
  private readonly lines = new Map<string, number>();
  private readonly states = new Map<number, TimerState>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: TimerSchedulerDeps) {}

  /** Counts one chat line of a channel. */
  lineSeen(channel: string): void {
    this.lines.set(channel, (this.lines.get(channel) ?? 0) + 1);
  }

  start(): void {
    this.timer = setInterval(() => {
      // A tick still running (slow Helix or database) is not doubled.
      this.running ??= this.tick()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'timer tick failed'))
        .finally(() => (this.running = undefined));
    }, this.deps.tickMs ?? 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Posts every due timer; returns the ids it posted. */
  async tick(): Promise<number[]> {
    const posted: number[] = [];
    const enabled = await this.deps.repository.listEnabled();
    const ids = new Set(enabled.map((t) => t.id));
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
    const due = enabled.filter((t) => this.deps.servesChannel(t.channel));
    const now = this.deps.clock.now();
    for (const timer of due) {
      try {
        if (await this.post(timer, now)) posted.push(timer.id);
      } catch (err) {
        this.deps.logger.error({ err, channel: timer.channel, timer: timer.name }, 'a timer failed');
      }
    }
    return posted;
  }

  private async post(timer: Timer, now: number): Promise<boolean> {
    const intervalMs = timer.intervalMinutes * 60_000;
    let state = this.states.get(timer.id);
    if (!state) {
      // The first post of a new timer waits one interval; after a restart, the stored last post counts.
      state = { lastPostedAt: (timer.lastPostedAt ?? timer.createdAt).getTime(), linesAt: 0 };
      this.states.set(timer.id, state);
    }
    if (now - state.lastPostedAt < intervalMs) return false;
    const lines = this.lines.get(timer.channel) ?? 0;
    if (lines - state.linesAt < timer.minLines) return false;
    const channelId = await this.deps.channelIdOf(timer.channel);
    if (timer.mode !== 'both') {
      const live = channelId ? (await this.deps.lookup.stream(channelId)) !== null : false;
      if (live !== (timer.mode === 'online')) return false;
    }
    const locked = await this.deps.cache.setIfAbsent(`commands:timer-lock:${timer.id}`, this.deps.instanceId, timer.intervalMinutes * 60);
    // Either way the timer posts in this interval; an instance that lost the lock counts from now too.
    state.lastPostedAt = now;
    state.linesAt = lines;
    if (!locked) return false;
    const source = timer.messages[timer.nextIndex % timer.messages.length] ?? timer.messages[0]!;
    const text = await renderTemplate(this.deps.templates.parse(source), {
      channel: timer.channel,
      channelId: channelId ?? '',
      user: { id: channelId ?? '', login: timer.channel, displayName: timer.channel },
      args: [],
      argsText: '',
      urlfetchCacheSeconds: this.deps.urlfetchCacheSeconds(timer.channel),
    });
    await this.deps.repository.markPosted(timer.id, new Date(now));
    if (text) await this.deps.chat.send({ channel: timer.channel, text });
    return true;
  }
}
