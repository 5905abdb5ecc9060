/** What every Helix mock route shares: Helix's error shape, its auth check, and the record of each call. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenInfo } from './auth.tokens.ts';
import type { SandboxState } from './sandbox.state.ts';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' };

export function helixError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ error: STATUS_TEXT[status] ?? 'Error', status, message });
}

/** Thrown by a Helix route; answered as Helix answers errors, with the status and a message naming the field. */
export class HelixFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `Invalid request body: data.user_id expected string, ...` from a zod error. */
export function bodyFailure(error: { issues: { path: PropertyKey[]; message: string }[] }): HelixFailure {
  return new HelixFailure(400, `Invalid request body: ${error.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`).join('; ')}`);
}

const tokens = new WeakMap<FastifyRequest, TokenInfo>();

/** The token the request was authorized with (set by guardHelix before any route runs). */
export function helixToken(request: FastifyRequest): TokenInfo | undefined {
  return tokens.get(request);
}

/**
 * Requires `Authorization: Bearer <token>` and `Client-Id` on every route of this scope, answers errors
 * in Helix's shape, and records every call, refused ones included.
 */
export function guardHelix(scope: FastifyInstance, state: SandboxState, log: (line: string) => void): void {
  scope.setErrorHandler((error, request, reply) => {
    if (error instanceof HelixFailure) return helixError(reply, error.status, error.message);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) log(`helix: ${request.method} ${request.url} failed: ${(error as Error).stack ?? String(error)}`);
    return helixError(reply, status, (error as Error).message);
  });
  scope.addHook('onRequest', async (request, reply) => {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return helixError(reply, 401, 'OAuth token is missing');
    if (!request.headers['client-id']) return helixError(reply, 401, 'Client-Id header required');
    const info = state.tokens.validate(token);
    if (!info) return helixError(reply, 401, 'Invalid OAuth token');
    tokens.set(request, info);
  });
  scope.addHook('onResponse', async (request, reply) => {
    state.helix.add({
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      query: { ...(request.query as Record<string, string | string[]>) },
      body: request.body ?? null,
      status: reply.statusCode,
      at: Date.now(),
    });
  });
}
