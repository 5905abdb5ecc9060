/** EventSub subscriptions in Helix's shapes, served at /eventsub/subscriptions and /mock/eventsub/subscriptions. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bodyFailure, HelixFailure } from './helix.guard.ts';
import { queryValue } from './http.input.ts';
import type { SandboxParts } from './sandbox.parts.ts';
import type { Subscription } from './eventsub.socket.ts';

const MAX_TOTAL_COST = 10;
const subscriptionBody = z.object({
  type: z.string().min(1),
  version: z.string().min(1),
  condition: z.record(z.string(), z.string()),
  transport: z.object({ method: z.string(), session_id: z.string().optional() }),
});

export function eventsubRoutes(app: FastifyInstance, { eventsub }: SandboxParts): void {
  const listing = (data: Subscription[]) => ({
    data,
    total: data.length,
    total_cost: data.reduce((sum, s) => sum + s.cost, 0),
    max_total_cost: MAX_TOTAL_COST,
  });

  app.post('/subscriptions', async (request, reply) => {
    const parsed = subscriptionBody.safeParse(request.body);
    if (!parsed.success) throw bodyFailure(parsed.error);
    const { type, version, condition, transport } = parsed.data;
    if (transport.method !== 'websocket') throw new HelixFailure(400, 'The sandbox delivers EventSub over websocket only.');
    if (!transport.session_id || !eventsub.isLive(transport.session_id)) {
      throw new HelixFailure(400, 'websocket transport session does not exist or has already disconnected');
    }
    const sub = eventsub.subscribe({ type, version, condition, transport: { method: 'websocket', session_id: transport.session_id } });
    if (sub === 'exists') throw new HelixFailure(409, 'subscription already exists');
    return reply.code(202).send(listing([sub]));
  });

  app.get('/subscriptions', async (request) => {
    const type = queryValue(request.query, 'type');
    const status = queryValue(request.query, 'status');
    const data = eventsub.list().filter((s) => (type === undefined || s.type === type) && (status === undefined || s.status === status));
    return { ...listing(data), pagination: {} };
  });

  app.delete('/subscriptions', async (request, reply) => {
    const id = queryValue(request.query, 'id');
    if (id === undefined) throw new HelixFailure(400, 'Missing required parameter "id"');
    if (!eventsub.unsubscribe(id)) throw new HelixFailure(404, 'The subscription was not found.');
    return reply.code(204).send();
  });
}
