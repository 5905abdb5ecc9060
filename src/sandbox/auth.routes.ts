/**
 * id.twitch.tv's OAuth endpoints at /auth/... (the paths of Twitch CLI's mock server).
 * The sandbox has no login page: /auth/authorize approves at once for the user named by `login`
 * (default: the channel owner `sandbox`), and device codes are approved as soon as they are issued.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { TOKEN_LIFETIME_SECONDS, type Grant, type TokenInfo } from './auth.tokens.ts';
import type { SandboxParts } from './sandbox.parts.ts';
import { normalizeLogin } from './users.registry.ts';

const DEFAULT_LOGIN = 'sandbox';
const DEVICE_CODE_SECONDS = 1800;

export function authRoutes(app: FastifyInstance, { state }: SandboxParts): void {
  const { tokens, users } = state;

  app.get('/authorize', async (request, reply) => {
    const p = params(request);
    const login = normalizeLogin(p.login ?? DEFAULT_LOGIN);
    if (!p.client_id) return oauthError(reply, 400, 'missing client id');
    if (!p.redirect_uri || !URL.canParse(p.redirect_uri)) return oauthError(reply, 400, 'missing or invalid redirect_uri');
    if (!login) return oauthError(reply, 400, 'login must be a Twitch login');
    const grant: Grant = { login, clientId: p.client_id, scopes: scopes(p.scope) };
    const target = new URL(p.redirect_uri);
    if (p.response_type === 'token') {
      const info = tokens.issue(grant, false);
      const fragment = new URLSearchParams({ access_token: info.accessToken, scope: grant.scopes.join(' '), state: p.state ?? '', token_type: 'bearer' });
      target.hash = fragment.toString();
    } else if (p.response_type === 'code') {
      target.searchParams.set('code', tokens.issueCode(grant));
      target.searchParams.set('scope', grant.scopes.join(' '));
      if (p.state !== undefined) target.searchParams.set('state', p.state);
    } else {
      return oauthError(reply, 400, 'response_type must be code or token');
    }
    return reply.redirect(target.toString(), 302);
  });

  app.post('/token', async (request, reply) => {
    const p = params(request);
    const clientId = p.client_id;
    if (!clientId) return oauthError(reply, 400, 'missing client id');
    switch (p.grant_type) {
      case 'authorization_code': {
        const grant = p.code ? tokens.redeemCode(p.code) : undefined;
        return grant ? tokenResponse(tokens.issue(grant)) : oauthError(reply, 400, 'Invalid authorization code');
      }
      case 'refresh_token': {
        const info = p.refresh_token ? tokens.refresh(p.refresh_token) : undefined;
        return info ? tokenResponse(info) : oauthError(reply, 400, 'Invalid refresh token');
      }
      case 'client_credentials': {
        const info = tokens.issue({ login: null, clientId, scopes: [] }, false);
        return { access_token: info.accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'bearer' };
      }
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        const grant = p.device_code ? tokens.redeemDeviceCode(p.device_code) : undefined;
        return grant ? tokenResponse(tokens.issue(grant)) : oauthError(reply, 400, 'invalid device code');
      }
      default:
        return oauthError(reply, 400, 'Invalid grant type');
    }
  });

  app.post('/device', async (request, reply) => {
    const p = params(request);
    const login = normalizeLogin(p.login ?? DEFAULT_LOGIN);
    if (!p.client_id) return oauthError(reply, 400, 'missing client id');
    if (!login) return oauthError(reply, 400, 'login must be a Twitch login');
    const deviceCode = tokens.issueDeviceCode({ login, clientId: p.client_id, scopes: scopes(p.scopes ?? p.scope) });
    const userCode = randomBytes(8).toString('hex').slice(0, 8).toUpperCase();
    return {
      device_code: deviceCode,
      expires_in: DEVICE_CODE_SECONDS,
      interval: 5,
      user_code: userCode,
      // Nothing to visit: the sandbox has already approved the code. The address says so when opened.
      verification_uri: `http://${request.headers.host ?? 'localhost'}/auth/activate?device-code=${userCode}`,
    };
  });

  app.get('/activate', async () => ({ message: 'sandbox device codes are approved as soon as they are issued; nothing to do here' }));

  app.get('/validate', async (request, reply) => {
    const token = /^(?:OAuth|Bearer) (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const info = token ? tokens.validate(token) : undefined;
    if (!info) return reply.code(401).send({ status: 401, message: token ? 'invalid access token' : 'missing authorization token' });
    const expiresIn = info.expiresAt === null ? 0 : Math.max(0, Math.round((info.expiresAt - Date.now()) / 1000));
    if (!info.login) return { client_id: info.clientId, scopes: info.scopes, expires_in: expiresIn };
    return { client_id: info.clientId, login: info.login, scopes: info.scopes, user_id: users.user(info.login).id, expires_in: expiresIn };
  });

  app.post('/revoke', async (request, reply) => {
    const p = params(request);
    if (!p.client_id) return oauthError(reply, 400, 'missing client id');
    if (!p.token || !tokens.revoke(p.token)) return oauthError(reply, 400, 'Invalid token');
    return reply.code(200).send();
  });
}

/** id.twitch.tv takes its parameters from the query string or a form; clients use either. */
function params(request: FastifyRequest): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {};
  for (const source of [request.query, request.body]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'string') merged[key] = value;
    }
  }
  return merged;
}

function scopes(value: string | undefined): string[] {
  return (value ?? '').split(/[\s+]+/).filter((s) => s !== '');
}

function tokenResponse(info: TokenInfo) {
  return { access_token: info.accessToken, refresh_token: info.refreshToken, expires_in: TOKEN_LIFETIME_SECONDS, scope: info.scopes, token_type: 'bearer' };
}

function oauthError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ status, message });
}
