import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Logger as PinoLogger } from 'pino';
import type { Registry } from 'prom-client';
import type { ZodType } from 'zod';
import type { Cache, EventBus, RateLimiter } from '../core/ports.ts';
import { ApiError, type ModuleRoute } from '../core/routes.ts';
import type { AccessRepository } from '../db/access.repository.ts';
import type { ChannelTokensRepository } from '../db/channel-tokens.repository.ts';
import type { AccessTokens } from './auth/access-tokens.ts';
import { Authorizer } from './auth/authorizer.ts';
import { authRoutes, type OAuthConfig } from './auth/oauth.routes.ts';
import type { RefreshTokens } from './auth/refresh-tokens.ts';
import { authenticate, requireChannelRole } from './auth/request-auth.ts';
import { channelsRoutes, type ChannelDirectoryService } from './api/channels.routes.ts';
import { mountModuleRoutes } from './api/module-routes.ts';
import { feedRoutes } from './feed.routes.ts';
import { sandboxProxyRoutes } from './sandbox-proxy.routes.ts';
import { healthRoutes, type HealthCheck } from './health.routes.ts';
import { DEFAULT_HTTP_RATE_LIMITS, rateLimit, type HttpRateLimits } from './rate-limit.ts';
import type { SecurityEvents } from './security-events.ts';
import type { ErrorTracker } from '../observability/error-tracker.ts';

/** What the API needs beyond health and metrics. */
export interface ApiDeps {
  cache: Cache;
  bus: EventBus;
  rateLimiter: RateLimiter;
  rateLimits?: HttpRateLimits;
  access: AccessRepository;
  channelTokens: ChannelTokensRepository;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  admins: ReadonlySet<string>;
  oauth: OAuthConfig;
  channels: ChannelDirectoryService;
  isJoined(channel: string): Promise<boolean>;
  isConnected(channel: string): boolean;
  modules: readonly { name: string; description: string; canDisable?: boolean; settings?: ZodType; routes?: readonly ModuleRoute[] }[];
  security: SecurityEvents;
  /** Origins allowed to call the API from a browser besides the bot's own (e.g. Vite's dev server). */
  corsOrigins: string[];
  /** The dashboard's production build, served at `/` when present. */
  dashboardDir?: string;
  /** The sandbox's control API, in sandbox mode only (the dashboard's sandbox chat panel). */
  sandboxUrl?: string;
}

export interface AppDeps {
  logger: PinoLogger;
  registry: Registry;
  /** Dependency checks behind `/readyz`: chat, database, cache. */
  checks: Record<string, HealthCheck>;
  api?: ApiDeps;
  errorTracker?: ErrorTracker;
}

const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the HTTP app without listening, so tests can `inject()` into it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Probes and scrapes arrive every few seconds; logging them would bury everything else.
    logController: new LogController({ disableRequestLogging: (request) => QUIET_ROUTES.has(request.url.split('?')[0]!) }),
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = error.validation.map((v) => `${v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)'}: ${v.message}`).join('; ');
      return reply.code(400).send({ error: { code: 'validation', message } });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      deps.errorTracker?.capture(error, { route: request.routeOptions.url ?? 'unknown' });
    }
    return reply.code(status).send({ error: { code: status >= 500 ? 'internal' : (error.code ?? 'bad_request'), message: status >= 500 ? 'internal error' : error.message } });
  });
  // Fastify takes one not-found handler per instance: with the dashboard built, it also gives the
  // browser's routes (unknown non-API GET paths) the dashboard's index page.
  const dashboard = deps.api?.dashboardDir && existsSync(deps.api.dashboardDir);
  app.setNotFoundHandler((request, reply) => {
    if (dashboard && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
  });
  healthRoutes(app, deps);
  if (deps.api) await apiRoutes(app, deps.api);
  return app;
}

async function apiRoutes(app: FastifyInstance, api: ApiDeps): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], connectSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] } },
  });
  await app.register(cors, { origin: api.corsOrigins.length > 0 ? api.corsOrigins : false, credentials: true });
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 4096 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'UltimateTwitchBot API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An access token from POST /api/auth/refresh, or an API key (utb_…)' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const authorizer = new Authorizer({ accessTokens: api.accessTokens, access: api.access, admins: api.admins, isJoined: api.isJoined });
  authenticate(app, authorizer, api.security);
  rateLimit(app, api.rateLimiter, api.rateLimits ?? DEFAULT_HTTP_RATE_LIMITS, api.security);
  authRoutes(app, { ...api, requireRole: (role) => requireChannelRole(authorizer, api.security, role) });
  channelsRoutes(app, { ...api, authorizer });
  feedRoutes(app, { ...api, authorizer });
  if (api.sandboxUrl) sandboxProxyRoutes(app, { sandboxUrl: api.sandboxUrl, authorizer });
  for (const module of api.modules) if (module.routes) mountModuleRoutes(app, module.name, module.routes, authorizer, api.security);

  if (api.dashboardDir && existsSync(api.dashboardDir)) {
    await app.register(fastifyStatic, { root: api.dashboardDir, wildcard: false });
  }
}
