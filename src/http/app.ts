import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import type { Registry } from 'prom-client';
import { healthRoutes, type HealthCheck } from './health.routes.ts';

export interface AppDeps {
  logger: PinoLogger;
  registry: Registry;
  /** Dependency checks behind `/readyz`: chat, database, cache. */
  checks: Record<string, HealthCheck>;
}

const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the HTTP app without listening, so tests can `inject()` into it. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Probes and scrapes arrive every few seconds; logging them would bury everything else.
    logController: new LogController({ disableRequestLogging: (request) => QUIET_ROUTES.has(request.url.split('?')[0]!) }),
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: { code: error.code ?? 'internal', message: status >= 500 ? 'internal error' : error.message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } }),
  );
  healthRoutes(app, deps);
  return app;
}
