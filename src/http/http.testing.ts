// Builds the full HTTP app for tests: PGlite in memory, in-process cache and bus, and the sandbox as
// the OAuth provider (the real login code runs against it).
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { MemoryCache } from '../adapters/memory/memory.cache.ts';
import { MemoryEventBus } from '../adapters/memory/memory.event-bus.ts';
import { MemoryRateLimiter } from '../adapters/memory/memory.rate-limiter.ts';
import type { EventBus } from '../core/ports.ts';
import type { ModuleRoute } from '../core/routes.ts';
import { AccessRepository } from '../db/access.repository.ts';
import { ChannelsRepository } from '../db/channels.repository.ts';
import { ChannelTokensRepository } from '../db/channel-tokens.repository.ts';
import { SecretBox } from '../security/secret-box.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../observability/logger.ts';
import { BotMetrics } from '../observability/metrics.ts';
import { buildApp } from './app.ts';
import { AccessTokens } from './auth/access-tokens.ts';
import { RefreshTokens } from './auth/refresh-tokens.ts';
import type { HttpRateLimits } from './rate-limit.ts';
import { SecurityEvents } from './security-events.ts';

export const TEST_JWT_SECRET = Buffer.from('0123456789abcdef0123456789abcdef');

export interface TestApp {
  app: FastifyInstance;
  metrics: BotMetrics;
  access: AccessRepository;
  channels: ChannelsRepository;
}

export async function buildTestApp(options: {
  database: Database;
  authUrl: string;
  bus?: EventBus;
  admins?: string[];
  rateLimits?: HttpRateLimits;
  modules?: { name: string; description: string; canDisable?: boolean; settings?: ZodType; routes?: readonly ModuleRoute[] }[];
}): Promise<TestApp> {
  const metrics = new BotMetrics({ defaultMetrics: false });
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const cache = new MemoryCache();
  const access = new AccessRepository(options.database.db);
  const channels = new ChannelsRepository(options.database.db);
  const app = await buildApp({
    logger,
    registry: metrics.registry,
    checks: {},
    api: {
      cache,
      bus: options.bus ?? new MemoryEventBus(),
      rateLimiter: new MemoryRateLimiter(),
      rateLimits: options.rateLimits,
      access,
      channelTokens: new ChannelTokensRepository(options.database.db, new SecretBox([TEST_JWT_SECRET])),
      accessTokens: new AccessTokens(TEST_JWT_SECRET),
      refreshTokens: new RefreshTokens(cache),
      admins: new Set(options.admins ?? []),
      oauth: { authUrl: options.authUrl, clientId: 'sandbox-client', publicUrl: 'http://bot.test' },
      channels: {
        join: async (login) => void (await channels.join(login)),
        part: (login) => channels.part(login),
        getSettings: (login) => channels.getSettings(login),
        updateSettings: (login, patch) => channels.updateSettings(login, patch),
        setModuleSetting: (login, module, value) => channels.setModuleSetting(login, module, value),
      },
      isJoined: (channel) => channels.isJoined(channel),
      isConnected: () => true,
      modules: options.modules ?? [],
      security: new SecurityEvents(logger, metrics.securityEvents),
      corsOrigins: [],
    },
  });
  return { app, metrics, access, channels };
}

/**
 * Logs in through the real OAuth routes against the sandbox, as `login`, and returns the cookies
 * and a first access token. The sandbox approves at once for the user named in `login`.
 */
export async function loginAs(app: FastifyInstance, login: string): Promise<{ accessToken: string; refreshCookie: string }> {
  const start = await app.inject('/api/auth/login?returnTo=/channels');
  const authorize = new URL(start.headers.location as string);
  authorize.searchParams.set('login', login);
  const stateCookie = cookieFrom(start.headers['set-cookie'], 'utb_oauth_state');
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location')!);
  const done = await app.inject({ url: `/api/auth/callback${callback.search}`, headers: { cookie: stateCookie } });
  if (done.statusCode !== 302) throw new Error(`login failed: ${done.statusCode} ${done.body}`);
  const refreshCookie = cookieFrom(done.headers['set-cookie'], 'utb_refresh');
  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: refreshCookie } });
  return { accessToken: refreshed.json().accessToken, refreshCookie: cookieFrom(refreshed.headers['set-cookie'], 'utb_refresh') };
}

/** `name=value` of one cookie from Set-Cookie headers. */
export function cookieFrom(header: string | string[] | undefined, name: string): string {
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(all)}`);
  return found.split(';')[0]!;
}
