import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PipelineObserver, PipelineStage } from '../core/pipeline.ts';
import type { ConnectionState, ExternalCallObserver } from '../core/ports.ts';

const CONNECTION_STATES: ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'closed'];

/** The bot's Prometheus metrics, on a registry of their own (so tests can build several). */
export class BotMetrics implements PipelineObserver {
  readonly registry = new Registry();
  readonly messagesIn = new Counter({ name: 'utb_chat_messages_received_total', help: 'Chat messages received', registers: [this.registry] });
  readonly messagesOut = new Counter({ name: 'utb_chat_messages_sent_total', help: 'Chat messages sent', registers: [this.registry] });
  readonly sendFailures = new Counter({ name: 'utb_chat_send_failures_total', help: 'Replies that could not be queued or sent', registers: [this.registry] });
  readonly malformedLines = new Counter({ name: 'utb_chat_malformed_lines_total', help: 'Chat lines that could not be parsed', registers: [this.registry] });
  readonly stageSeconds = new Histogram({
    name: 'utb_pipeline_stage_seconds',
    help: 'Time spent per pipeline stage',
    labelNames: ['stage'] as const,
    buckets: [0.000005, 0.00002, 0.0001, 0.0005, 0.002, 0.01, 0.05, 0.25, 1],
    registers: [this.registry],
  });
  readonly commandUses = new Counter({ name: 'utb_command_uses_total', help: 'Commands run', labelNames: ['command'] as const, registers: [this.registry] });
  readonly moderationActions = new Counter({ name: 'utb_moderation_actions_total', help: 'Moderation actions by rule and action', labelNames: ['rule', 'action'] as const, registers: [this.registry] });
  readonly moduleErrors = new Counter({ name: 'utb_module_errors_total', help: 'Errors thrown by modules', labelNames: ['module'] as const, registers: [this.registry] });
  readonly connectionState = new Gauge({ name: 'utb_chat_connection_state', help: '1 for the chat connection\'s current state', labelNames: ['state'] as const, registers: [this.registry] });
  readonly sendQueueDepth = new Gauge({ name: 'utb_chat_send_queue_depth', help: 'Messages waiting for Twitch\'s rate limits', registers: [this.registry] });
  readonly securityEvents = new Counter({ name: 'utb_security_events_total', help: 'Failed logins, invalid tokens, RBAC denials, refresh-token reuse, rate limiting', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly externalCalls = new Histogram({
    name: 'utb_external_request_seconds',
    help: 'Calls to outside APIs by service and outcome',
    labelNames: ['service', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly dependencyUp = new Gauge({ name: 'utb_dependency_up', help: '1 when a dependency answered the last health check', labelNames: ['dependency'] as const, registers: [this.registry] });

  private readonly stageTimers: Record<PipelineStage, ReturnType<Histogram<'stage'>['labels']>>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'utb_' });
    // Child histograms resolved once: labels() on every message would cost a lookup each time.
    this.stageTimers = { hooks: this.stageSeconds.labels('hooks'), commands: this.stageSeconds.labels('commands') };
  }

  stageTimed(stage: PipelineStage, seconds: number): void {
    this.stageTimers[stage].observe(seconds);
  }

  moduleFailed(module: string): void {
    this.moduleErrors.labels(module).inc();
  }

  commandRan(_channel: string, commandId: string): void {
    this.commandUses.labels(commandId).inc();
  }

  /** For adapters that call outside APIs. */
  readonly external: ExternalCallObserver = { observe: (service, seconds, outcome) => this.externalCalls.labels(service, outcome).observe(seconds) };

  setDependencyHealth(results: Record<string, string>): void {
    for (const [dependency, result] of Object.entries(results)) this.dependencyUp.labels(dependency).set(result === 'ok' ? 1 : 0);
  }

  setConnectionState(state: ConnectionState): void {
    for (const s of CONNECTION_STATES) this.connectionState.labels(s).set(s === state ? 1 : 0);
  }
}
