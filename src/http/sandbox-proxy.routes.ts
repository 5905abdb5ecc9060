import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../core/routes.ts';
import type { Authorizer } from './auth/authorizer.ts';
import { requireUser } from './auth/request-auth.ts';
import { twitchLogin } from './api/api.schemas.ts';

const roles = z.array(z.enum(['broadcaster', 'moderator', 'vip', 'subscriber', 'founder'])).max(5);
const chatBody = z.object({ channel: twitchLogin, login: twitchLogin, roles: roles.default([]), text: z.string().min(1).max(500), firstMessage: z.boolean().optional(), bits: z.number().int().min(0).max(100_000).optional() });
const eventBody = z.object({ channel: twitchLogin, type: z.string().regex(/^[a-z_.]+$/).max(80), event: z.record(z.string(), z.unknown()).default({}) });

/**
 * In sandbox mode only: the dashboard's sandbox chat panel speaks and fires events through these
 * routes, which forward to the sandbox's control API. A caller needs a role in the channel.
 */
export function sandboxProxyRoutes(app: FastifyInstance, deps: { sandboxUrl: string; authorizer: Authorizer }): void {
  const tags = ['sandbox'];
  const security = [{ bearer: [] }];
  const forward = async (path: string, body: unknown) => {
    const response = await fetch(`${deps.sandboxUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new ApiError(400, 'sandbox.refused', String(answer['error'] ?? `sandbox answered ${response.status}`));
    return answer;
  };
  const assertMember = async (identity: Parameters<Authorizer['actorIn']>[0], channel: string) => {
    if (!(await deps.authorizer.actorIn(identity, channel))) throw new ApiError(404, 'channel.not_found', `no channel ${channel}`);
  };

  app.get('/api/sandbox', { schema: { summary: 'Whether the bot runs against the sandbox', tags, security } }, async (request) => {
    requireUser(request);
    return { enabled: true };
  });

  app.post('/api/sandbox/chat', { schema: { summary: 'A sandbox chatter says something', tags, security, body: chatBody } }, async (request) => {
    const user = requireUser(request);
    const body = request.body as z.infer<typeof chatBody>;
    await assertMember(user, body.channel);
    return forward('/control/chat', body);
  });

  app.post('/api/sandbox/events', { schema: { summary: 'Fires a sandbox EventSub event (follow, sub, cheer, raid, redemption)', tags, security, body: eventBody } }, async (request) => {
    const user = requireUser(request);
    const body = request.body as z.infer<typeof eventBody>;
    await assertMember(user, body.channel);
    return forward('/control/events', body);
  });
}
