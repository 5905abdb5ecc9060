import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { feedTopic, type FeedEvent } from '../core/feed.ts';
import type { Cache, EventBus } from '../core/ports.ts';
import type { Authorizer } from './auth/authorizer.ts';
import { requireChannelRole } from './auth/request-auth.ts';
import type { SecurityEvents } from './security-events.ts';
import { channelParams } from './api/api.schemas.ts';

const TICKET_SECONDS = 30;
// A dashboard that cannot keep up loses events rather than growing the server's memory.
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * The live feed of a channel over WebSocket. Browsers cannot send an Authorization header on a
 * WebSocket, so the dashboard first trades its access token for a one-time ticket (same RBAC), and
 * the socket presents the ticket. Events come from the EventBus, so with Redis a dashboard on one
 * instance sees what another instance handled.
 */
export function feedRoutes(app: FastifyInstance, deps: { cache: Cache; bus: EventBus; authorizer: Authorizer; security: SecurityEvents }): void {
  app.post(
    '/api/channels/:channel/feed-ticket',
    { schema: { summary: 'A one-time ticket (30 s) to open the live feed', tags: ['feed'], params: channelParams, security: [{ bearer: [] }] }, preHandler: requireChannelRole(deps.authorizer, deps.security, 'viewer') },
    async (request) => {
      const { channel } = request.params as { channel: string };
      const ticket = randomBytes(24).toString('base64url');
      await deps.cache.set(`feed:ticket:${ticket}`, JSON.stringify({ channel, login: request.actor!.login }), TICKET_SECONDS);
      return { ticket, expiresIn: TICKET_SECONDS };
    },
  );

  app.get(
    '/api/channels/:channel/feed',
    { websocket: true, schema: { summary: 'Live feed (WebSocket): chat, replies, moderation, events, errors, connection state', tags: ['feed'], params: channelParams, querystring: z.object({ ticket: z.string().max(64) }) } },
    async (socket, request) => {
      const { channel } = request.params as { channel: string };
      const { ticket } = request.query as { ticket: string };
      const stored = await deps.cache.get(`feed:ticket:${ticket}`);
      await deps.cache.delete(`feed:ticket:${ticket}`);
      if (!stored || (JSON.parse(stored) as { channel: string }).channel !== channel) {
        deps.security.record('invalid_token', { ip: request.ip, reason: 'bad feed ticket' });
        socket.close(4401, 'invalid or expired ticket');
        return;
      }
      const unsubscribe = await deps.bus.subscribe<FeedEvent>(feedTopic(channel), (event) => {
        if (socket.readyState === socket.OPEN && socket.bufferedAmount < MAX_BUFFERED_BYTES) socket.send(JSON.stringify(event));
      });
      if (socket.readyState !== socket.OPEN) {
        await unsubscribe();
        return;
      }
      socket.on('close', () => void unsubscribe().catch(() => undefined));
      socket.send(JSON.stringify({ type: 'hello', channel }));
    },
  );
}
