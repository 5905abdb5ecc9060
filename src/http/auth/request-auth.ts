import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, ChannelRole } from '../../core/routes.ts';
import { ApiError, roleAtLeast } from '../../core/routes.ts';
import type { SecurityEvents } from '../security-events.ts';
import { InvalidTokenError } from './access-tokens.ts';
import { InvalidCredentialsError, type Authorizer, type Identity } from './authorizer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
    actor: Actor | null;
  }
}

/** Resolves `request.identity` from the Authorization header on every request. */
export function authenticate(app: FastifyInstance, authorizer: Authorizer, security: SecurityEvents): void {
  app.decorateRequest('identity', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    try {
      request.identity = await authorizer.identify(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof InvalidTokenError || error instanceof InvalidCredentialsError)) throw error;
      security.record('invalid_token', { ip: request.ip, reason: error.message });
      throw new ApiError(401, 'auth.invalid_token', error.message);
    }
  });
}

/** The logged-in user (not an API key), or 401. */
export function requireUser(request: FastifyRequest): Extract<Identity, { kind: 'user' }> {
  if (request.identity?.kind !== 'user') throw new ApiError(401, 'auth.required', 'log in first');
  return request.identity;
}

/**
 * A preHandler for `/api/channels/:channel/…`: the caller must hold `role` in the channel. Without
 * any role there they learn nothing about it: 404, exactly as for a channel that does not exist.
 */
export function requireChannelRole(authorizer: Authorizer, security: SecurityEvents, role: ChannelRole) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.identity) throw new ApiError(401, 'auth.required', 'log in first');
    const channel = (request.params as { channel?: string }).channel ?? '';
    const actor = await authorizer.actorIn(request.identity, channel);
    if (!actor) {
      security.record('rbac_denied', { channel, who: describe(request.identity), need: role, had: 'none' });
      throw new ApiError(404, 'channel.not_found', `no channel ${channel}`);
    }
    if (!roleAtLeast(actor.role, role)) {
      security.record('rbac_denied', { channel, who: describe(request.identity), need: role, had: actor.role });
      throw new ApiError(403, 'auth.forbidden', `this needs the ${role} role in ${channel}`);
    }
    request.actor = actor;
  };
}

function describe(identity: Identity): string {
  return identity.kind === 'user' ? identity.user.login : `api-key:${identity.key.id}`;
}
