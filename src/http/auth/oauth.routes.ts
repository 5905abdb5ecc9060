import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Cache } from '../../core/ports.ts';
import { assertRole, type ChannelRole } from '../../core/routes.ts';
import type { AccessRepository } from '../../db/access.repository.ts';
import type { ChannelTokensRepository } from '../../db/channel-tokens.repository.ts';
import { channelParams } from '../api/api.schemas.ts';
import type { SecurityEvents } from '../security-events.ts';
import { ACCESS_TOKEN_SECONDS, type AccessTokens } from './access-tokens.ts';
import { REFRESH_TOKEN_SECONDS, type RefreshTokens } from './refresh-tokens.ts';
import { requireUser } from './request-auth.ts';

/** Where Twitch (or the sandbox) handles the login, and where it sends the user back. */
export interface OAuthConfig {
  authUrl: string;
  clientId: string;
  clientSecret?: string;
  /** The bot's public base URL; the callback is `<publicUrl>/api/auth/callback`. */
  publicUrl: string;
}

/** Scopes the broadcaster grants the bot for the channel features that need them. */
export const BROADCASTER_SCOPES = ['channel:read:subscriptions', 'bits:read', 'channel:manage:redemptions', 'channel:manage:polls', 'moderator:read:followers', 'moderator:read:chatters'];

/** What the callback needs to finish an authorization it started. */
interface PendingLogin {
  verifier: string;
  returnTo: string;
  /** Set when a broadcaster authorizes the bot for their channel, rather than logging in. */
  broadcasterOf?: string;
}

export interface AuthRoutesDeps {
  oauth: OAuthConfig;
  cache: Cache;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  access: AccessRepository;
  admins: ReadonlySet<string>;
  security: SecurityEvents;
  channelTokens: ChannelTokensRepository;
  requireRole(role: ChannelRole): (request: FastifyRequest) => Promise<void>;
}

const REFRESH_COOKIE = 'utb_refresh';
const STATE_COOKIE = 'utb_oauth_state';
const STATE_SECONDS = 600;
// Only a same-site path, never `//host` or a scheme, so the login cannot be turned into an open redirect.
const returnPath = z.string().regex(/^\/(?!\/)[\w\-./?=&%#]*$/).max(200).catch('/');

/**
 * Twitch OAuth2 login (authorization code with `state` and PKCE), then sessions: a short-lived JWT
 * access token in JSON, and a rotating refresh token in an httpOnly, SameSite=Strict cookie.
 */
export function authRoutes(app: FastifyInstance, deps: AuthRoutesDeps): void {
  // Read per request: with PORT=0 the public URL is known only once the server listens.
  const secure = () => deps.oauth.publicUrl.startsWith('https:');
  const callbackUrl = () => `${deps.oauth.publicUrl}/api/auth/callback`;

  /** Starts an authorization: remembers state and PKCE verifier, binds the state to this browser, and returns Twitch's URL. */
  const authorizeUrl = async (reply: FastifyReply, pending: Omit<PendingLogin, 'verifier'>, scopes: string[]): Promise<string> => {
    const state = randomBytes(24).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    await deps.cache.set(`auth:oauth:${state}`, JSON.stringify({ ...pending, verifier }), STATE_SECONDS);
    reply.setCookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/api/auth', maxAge: STATE_SECONDS });
    const target = new URL(`${deps.oauth.authUrl}/authorize`);
    target.search = new URLSearchParams({
      client_id: deps.oauth.clientId,
      redirect_uri: callbackUrl(),
      response_type: 'code',
      scope: scopes.join(' '),
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return target.toString();
  };

  app.get('/api/auth/login', { schema: { querystring: z.object({ returnTo: returnPath.optional() }), hide: true } }, async (request, reply) => {
    const { returnTo } = request.query as { returnTo?: string };
    return reply.redirect(await authorizeUrl(reply, { returnTo: returnTo ?? '/' }, []), 302);
  });

  const tags = ['channels'];
  const security = [{ bearer: [] }];
  app.post(
    '/api/channels/:channel/twitch-authorization',
    { schema: { summary: 'Starts the broadcaster\'s authorization of the bot (subs, bits, redemptions, polls); answers the URL to open', tags, security, params: channelParams }, preHandler: deps.requireRole('owner') },
    async (request, reply) => {
      const { channel } = request.params as { channel: string };
      assertRole(request.actor!, 'owner');
      return { url: await authorizeUrl(reply, { returnTo: '/settings', broadcasterOf: channel }, BROADCASTER_SCOPES) };
    },
  );

  app.get(
    '/api/channels/:channel/twitch-authorization',
    { schema: { summary: 'Whether the broadcaster has authorized the bot, and with which scopes', tags, security, params: channelParams }, preHandler: deps.requireRole('moderator') },
    async (request) => {
      const status = await deps.channelTokens.status((request.params as { channel: string }).channel);
      return status ? { authorized: true, ...status, missingScopes: BROADCASTER_SCOPES.filter((s) => !status.scopes.includes(s)) } : { authorized: false };
    },
  );

  app.delete(
    '/api/channels/:channel/twitch-authorization',
    { schema: { summary: 'Forgets the broadcaster\'s authorization', tags, security, params: channelParams }, preHandler: deps.requireRole('owner') },
    async (request, reply) => {
      assertRole(request.actor!, 'owner');
      await deps.channelTokens.remove((request.params as { channel: string }).channel);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/callback',
    { schema: { querystring: z.object({ code: z.string().max(512).optional(), state: z.string().max(128).optional(), error: z.string().max(200).optional() }), hide: true } },
    async (request, reply) => {
      const { code, state, error } = request.query as { code?: string; state?: string; error?: string };
      const cookieState = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: '/api/auth' });
      const stored = state ? await deps.cache.get(`auth:oauth:${state}`) : null;
      if (state) await deps.cache.delete(`auth:oauth:${state}`);
      if (error || !code || !state || !stored || state !== cookieState) {
        deps.security.record('login_failed', { reason: error ? 'denied at Twitch' : 'state mismatch', ip: request.ip });
        return reply.code(400).send({ error: { code: 'auth.login_failed', message: error ? 'Twitch did not authorize the login.' : 'The login expired or was tampered with. Please try again.' } });
      }
      const { verifier, returnTo, broadcasterOf } = JSON.parse(stored) as PendingLogin;
      const exchanged = await exchangeCode(deps.oauth, code, verifier, callbackUrl());
      if (!exchanged) {
        deps.security.record('login_failed', { reason: 'code exchange refused', ip: request.ip });
        return reply.code(400).send({ error: { code: 'auth.login_failed', message: 'Twitch refused the login. Please try again.' } });
      }
      if (broadcasterOf) {
        if (exchanged.user.login !== broadcasterOf) {
          return reply.code(400).send({ error: { code: 'auth.wrong_account', message: `Authorize as the broadcaster of #${broadcasterOf}, not as ${exchanged.user.login}.` } });
        }
        await deps.channelTokens.save(broadcasterOf, exchanged.user.login, exchanged);
        request.log.info({ channel: broadcasterOf, scopes: exchanged.scopes }, 'broadcaster authorized the bot');
        return reply.redirect(returnTo, 302);
      }
      setRefreshCookie(reply, await deps.refreshTokens.issue(exchanged.user), secure());
      request.log.info({ login: exchanged.user.login }, 'dashboard login');
      return reply.redirect(returnTo, 302);
    },
  );

  app.post('/api/auth/refresh', { schema: { summary: 'Rotates the refresh cookie and returns a new access token', tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[REFRESH_COOKIE];
    const result = token ? await deps.refreshTokens.rotate(token) : ({ failure: 'unknown' } as const);
    if ('failure' in result) {
      if (result.failure === 'reuse') deps.security.record('refresh_reuse', { ip: request.ip });
      reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
      return reply.code(401).send({ error: { code: 'auth.session_expired', message: 'Please log in again.' } });
    }
    setRefreshCookie(reply, result.token, secure());
    return {
      accessToken: await deps.accessTokens.issue(result.user),
      expiresIn: ACCESS_TOKEN_SECONDS,
      user: { ...result.user, admin: deps.admins.has(result.user.login) },
    };
  });

  app.post('/api/auth/logout', { schema: { summary: 'Ends the session (every token of its family)', tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[REFRESH_COOKIE];
    if (token) await deps.refreshTokens.revoke(token);
    reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
    return reply.code(204).send();
  });

  app.get('/api/me', { schema: { summary: 'The logged-in user and the channels where they hold a role', tags: ['auth'] } }, async (request) => {
    const user = requireUser(request);
    return { user: { ...user.user, admin: user.admin }, channels: await deps.access.channelsOf(user.user.login, user.admin) };
  });
}

function setRefreshCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(REFRESH_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth', maxAge: REFRESH_TOKEN_SECONDS });
}

interface Exchanged {
  user: { userId: string; login: string };
  accessToken: string;
  refreshToken?: string;
  scopes: string[];
}

/** Trades the authorization code for tokens, and the token for who the user is. */
async function exchangeCode(oauth: OAuthConfig, code: string, verifier: string, redirectUri: string): Promise<Exchanged | null> {
  const body = new URLSearchParams({ client_id: oauth.clientId, code, grant_type: 'authorization_code', redirect_uri: redirectUri, code_verifier: verifier });
  if (oauth.clientSecret) body.set('client_secret', oauth.clientSecret);
  const token = await fetch(`${oauth.authUrl}/token`, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
  if (!token.ok) return null;
  const { access_token: accessToken, refresh_token: refreshToken, scope } = (await token.json()) as { access_token?: string; refresh_token?: string; scope?: string[] };
  if (!accessToken) return null;
  const validate = await fetch(`${oauth.authUrl}/validate`, { headers: { authorization: `OAuth ${accessToken}` }, signal: AbortSignal.timeout(10_000) });
  if (!validate.ok) return null;
  const info = (await validate.json()) as { login?: string; user_id?: string };
  if (!info.login || !info.user_id) return null;
  return { user: { login: info.login, userId: info.user_id }, accessToken, refreshToken, scopes: Array.isArray(scope) ? scope : [] };
}
