import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** A named dependency check: resolves when healthy, rejects (or returns false) when not. */
export type HealthCheck = () => Promise<unknown> | boolean;

const CHECK_TIMEOUT_MS = 2_000;

/** Runs every check with a timeout; the answer maps each name to `ok` or the reason it failed. */
export async function runHealthChecks(checks: Record<string, HealthCheck>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        });
        const result = await Promise.race([Promise.resolve().then(check), timeout]);
        return [name, result === false ? 'down' : 'ok'] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : 'down'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** `/healthz` (alive), `/readyz` (every dependency reachable, else 503 naming what is down), `/metrics`. */
export function healthRoutes(app: FastifyInstance, deps: { checks: Record<string, HealthCheck>; registry: Registry }): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks = await runHealthChecks(deps.checks);
    const down = Object.keys(checks).filter((name) => checks[name] !== 'ok');
    return reply.code(down.length === 0 ? 200 : 503).send({ status: down.length === 0 ? 'ready' : 'unavailable', down, checks });
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', deps.registry.contentType);
    return deps.registry.metrics();
  });
}
