import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../core/ports.ts';
import { ApiError } from '../core/routes.ts';
import type { SecurityEvents } from './security-events.ts';

export interface HttpRateLimits {
  perIpPerMinute: number;
  perUserPerMinute: number;
  /** Login and refresh, where guessing would happen. */
  authPerIpPerMinute: number;
}

export const DEFAULT_HTTP_RATE_LIMITS: HttpRateLimits = { perIpPerMinute: 600, perUserPerMinute: 1200, authPerIpPerMinute: 30 };

/**
 * Rate limits per IP and per user through the RateLimiter port (Redis when configured, so the
 * limit holds across instances). A refusal is 429 with `Retry-After`. Must run after authentication.
 */
export function rateLimit(app: FastifyInstance, limiter: RateLimiter, limits: HttpRateLimits, security: SecurityEvents): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/')) return;
    const checks: [string, number][] = [[`http:ip:${request.ip}`, limits.perIpPerMinute]];
    if (path.startsWith('/api/auth/')) checks.push([`http:auth:${request.ip}`, limits.authPerIpPerMinute]);
    const identity = request.identity;
    if (identity) checks.push([`http:user:${identity.kind === 'user' ? identity.user.userId : identity.key.id}`, limits.perUserPerMinute]);
    for (const [key, points] of checks) {
      const result = await limiter.consume(key, points, 60);
      if (!result.allowed) {
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
        security.record('rate_limited', { key: key.split(':').slice(0, 2).join(':'), ip: request.ip });
        throw new ApiError(429, 'rate_limited', 'too many requests; slow down');
      }
    }
  });
}
