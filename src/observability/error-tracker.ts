import type { Logger } from '../core/ports.ts';

/** Sends unexpected errors to an error tracker; a no-op unless SENTRY_DSN is set. */
export interface ErrorTracker {
  capture(error: unknown, context?: Record<string, string>): void;
  close(): Promise<void>;
}

const noTracker: ErrorTracker = { capture: () => undefined, close: async () => undefined };

/**
 * Sentry when a DSN is configured. Loaded only then, so a bot without it pays nothing. No tracing,
 * no personal data, and request headers and cookies are dropped before an event leaves.
 */
export async function createErrorTracker(dsn: string | undefined, logger: Logger): Promise<ErrorTracker> {
  if (!dsn) return noTracker;
  const Sentry = await import('@sentry/node');
  Sentry.init({
    dsn,
    tracesSampleRate: 0,
    defaultIntegrations: false,
    beforeSend(event) {
      delete event.user;
      if (event.request) {
        delete event.request.headers;
        delete event.request.cookies;
        delete event.request.data;
      }
      return event;
    },
  });
  logger.info({}, 'error tracking on');
  return {
    capture: (error, context) => void Sentry.captureException(error, context ? { tags: context } : undefined),
    close: async () => void (await Sentry.close(2_000)),
  };
}
