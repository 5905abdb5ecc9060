import type { ChatEvent, ChatMessage, OutgoingMessage } from './chat.ts';
import { parseCommandLine, type CommandRegistry, type EffectiveCommand } from './command-registry.ts';
import type { BotModule, ChannelConfig, ChannelDirectory, CommandContext } from './module.ts';
import { checkPermission, userLevelOf, meetsLevel } from './permissions.ts';
import type { Logger, RateLimiter } from './ports.ts';
import { sanitizeOutgoing } from './outgoing.ts';

/** The timed stages of one message. */
export type PipelineStage = 'hooks' | 'commands';

/** Receives the pipeline's measurements; main wires it to Prometheus. */
export interface PipelineObserver {
  stageTimed(stage: PipelineStage, seconds: number): void;
  moduleFailed(module: string, where: string, error: unknown): void;
  commandRan(channel: string, commandId: string): void;
}

/** What happened to one message, for tests and the live feed. */
export interface PipelineOutcome {
  stoppedBy?: { module: string; reason?: string };
  command?: { id: string; result: 'ran' | 'disabled' | 'denied' | 'cooldown' | 'failed' };
}

export interface PipelineDeps {
  modules: readonly BotModule[];
  registry: CommandRegistry;
  channels: ChannelDirectory;
  rateLimiter: RateLimiter;
  /** Queues a message for chat; resolves once it was written. */
  send: (message: OutgoingMessage) => Promise<void>;
  observer: PipelineObserver;
  logger: Logger;
}

const NO_OUTCOME: PipelineOutcome = Object.freeze({});

/**
 * Moves each chat message through the modules' message hooks (moderation first), then the command
 * router, then the reply. A module that throws is logged and counted; the others still run.
 */
export class MessagePipeline {
  private readonly hooks: { module: string; run: NonNullable<BotModule['onMessage']> }[];
  private readonly eventHandlers: { module: string; run: NonNullable<BotModule['onEvent']> }[];

  constructor(private readonly deps: PipelineDeps) {
    this.hooks = deps.modules.flatMap((m) => (m.onMessage ? [{ module: m.name, run: m.onMessage }] : []));
    this.eventHandlers = deps.modules.flatMap((m) => (m.onEvent ? [{ module: m.name, run: m.onEvent }] : []));
  }

  async handle(message: ChatMessage): Promise<PipelineOutcome> {
    const channel = this.deps.channels.get(message.channel);
    const hooksStart = performance.now();
    const stoppedBy = await this.runHooks(message, channel);
    this.deps.observer.stageTimed('hooks', (performance.now() - hooksStart) / 1000);
    if (stoppedBy) return { stoppedBy };

    const parsed = parseCommandLine(message.text, channel.prefix);
    if (!parsed) return NO_OUTCOME;
    const command = this.deps.registry.resolve(parsed.name, channel);
    if (!command) return NO_OUTCOME;

    const commandsStart = performance.now();
    const effective = this.deps.registry.effective(command, channel);
    const result = await this.runCommand(effective, message, channel, parsed);
    this.deps.observer.stageTimed('commands', (performance.now() - commandsStart) / 1000);
    return { command: { id: command.id, result } };
  }

  /** Hands a chat event to every module's event hook, each isolated from the others. */
  async handleEvent(event: ChatEvent): Promise<void> {
    for (const handler of this.eventHandlers) {
      try {
        await handler.run(event);
      } catch (error) {
        this.moduleFailed(handler.module, 'onEvent', error);
      }
    }
  }

  private async runHooks(message: ChatMessage, channel: ChannelConfig): Promise<PipelineOutcome['stoppedBy']> {
    for (const hook of this.hooks) {
      if (channel.disabledModules.has(hook.module)) continue;
      try {
        const returned = hook.run(message, channel);
        // Most hooks answer at once; awaiting only a real promise spares every message a turn of the microtask queue per hook.
        const verdict = returned instanceof Promise ? await returned : returned;
        if (verdict?.stop) return { module: hook.module, reason: verdict.reason };
      } catch (error) {
        this.moduleFailed(hook.module, 'onMessage', error);
      }
    }
    return undefined;
  }

  private async runCommand(
    effective: EffectiveCommand,
    message: ChatMessage,
    channel: ChannelConfig,
    parsed: { name: string; args: string[]; argsText: string },
  ): Promise<NonNullable<PipelineOutcome['command']>['result']> {
    const { command } = effective;
    if (!effective.enabled) return 'disabled';
    const permission = checkPermission(message.login, message.roles, effective.userLevel, {
      allow: effective.allowUsers,
      deny: effective.denyUsers,
    });
    if (!permission.allowed) return 'denied';

    const context: CommandContext = {
      message,
      invokedAs: parsed.name,
      args: parsed.args,
      argsText: parsed.argsText,
      channel,
      reply: (text) => this.send({ channel: message.channel, text, replyTo: message.id }),
      say: (text) => this.send({ channel: message.channel, text }),
    };
    try {
      if (!(await this.passesCooldowns(effective, message))) return 'cooldown';
      const answer = await command.run(context);
      if (typeof answer === 'string' && answer.length > 0) void context.reply(answer);
      this.deps.observer.commandRan(message.channel, command.id);
      return 'ran';
    } catch (error) {
      this.moduleFailed(command.module, `command ${command.id}`, error);
      // The chatter hears that it failed rather than nothing, e.g. while the database is down.
      void context.reply(`Sorry, ${channel.prefix}${parsed.name} failed. Please try again later.`);
      return 'failed';
    }
  }

  // Moderators and the broadcaster skip cooldowns, as they do on Nightbot and StreamElements.
  private async passesCooldowns(effective: EffectiveCommand, message: ChatMessage): Promise<boolean> {
    if (meetsLevel(userLevelOf(message.roles), 'moderator')) return true;
    const { command } = effective;
    const base = `cd:${message.channel}:${command.id}`;
    if (effective.userCooldownSeconds > 0) {
      const user = await this.deps.rateLimiter.consume(`${base}:${message.userId}`, 1, effective.userCooldownSeconds);
      if (!user.allowed) return false;
    }
    if (effective.globalCooldownSeconds > 0) {
      const global = await this.deps.rateLimiter.consume(base, 1, effective.globalCooldownSeconds);
      if (!global.allowed) return false;
    }
    return true;
  }

  private async send(message: OutgoingMessage): Promise<void> {
    const text = sanitizeOutgoing(message.text);
    if (text.length === 0) return;
    try {
      await this.deps.send({ ...message, text });
    } catch (error) {
      this.deps.logger.error({ err: error, channel: message.channel }, 'a reply could not be sent');
    }
  }

  private moduleFailed(module: string, where: string, error: unknown): void {
    this.deps.observer.moduleFailed(module, where, error);
    this.deps.logger.error({ err: error, module, where }, 'module failed');
  }
}
