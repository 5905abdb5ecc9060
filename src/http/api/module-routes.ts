import type { FastifyInstance } from 'fastify';
import type { ModuleRoute } from '../../core/routes.ts';
import type { SecurityEvents } from '../security-events.ts';
import type { Authorizer } from '../auth/authorizer.ts';
import { requireChannelRole } from '../auth/request-auth.ts';
import { channelParams } from './api.schemas.ts';

/**
 * Mounts a module's routes at `/api/channels/:channel/<module><path>`, each behind authentication,
 * the channel role it declares, and its query/body schemas (which also feed the OpenAPI docs).
 */
export function mountModuleRoutes(app: FastifyInstance, module: string, routes: readonly ModuleRoute[], authorizer: Authorizer, security: SecurityEvents): void {
  for (const route of routes) {
    const url = `/api/channels/:channel/${module}${route.path === '/' ? '' : route.path}`;
    app.route({
      method: route.method,
      url,
      schema: {
        summary: route.summary,
        tags: [module],
        params: channelParams.passthrough(),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
        security: [{ bearer: [] }],
      },
      preHandler: requireChannelRole(authorizer, security, route.role),
      handler: async (request, reply) => {
        const { channel, ...params } = request.params as Record<string, string> & { channel: string };
        const result = await route.handler({ channel, params, query: request.query, body: request.body, actor: request.actor! });
        if (result === undefined) return reply.code(route.status ?? 204).send();
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
}
