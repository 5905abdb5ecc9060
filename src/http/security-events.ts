import type { Counter } from 'prom-client';
import type { Logger } from '../core/ports.ts';

/** Kinds of security event, each logged at warn and counted in `utb_security_events_total`. */
export type SecurityEventKind = 'login_failed' | 'invalid_token' | 'rbac_denied' | 'refresh_reuse' | 'rate_limited' | 'token_refresh_failed';

/** Security alerts as log events and a metric, for alerting rules. */
export class SecurityEvents {
  constructor(
    private readonly logger: Logger,
    private readonly counter: Counter<'kind'>,
  ) {}

  record(kind: SecurityEventKind, details: Record<string, unknown>): void {
    this.counter.labels(kind).inc();
    this.logger.warn({ security: kind, ...details }, `security event: ${kind}`);
  }
}
