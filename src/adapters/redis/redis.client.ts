import { Redis } from 'ioredis';

export interface ConnectRedisOptions {
  /** Connection errors; ioredis keeps reconnecting in the background. */
  onError?: (err: Error) => void;
}

/**
 * A client that fails fast while Redis is down instead of queueing commands: before the first connection
 * commands wait for it (up to two connection attempts), afterwards they fail at once until Redis is back.
 */
export function connectRedis(url: string, opts: ConnectRedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  return failFast(client, opts.onError);
}

/** Another connection with the same settings, e.g. for subscriptions, which take a connection of their own. */
export function duplicateRedis(client: Redis, onError?: (err: Error) => void): Redis {
  return failFast(client.duplicate({ enableOfflineQueue: true }), onError);
}

/** `redis host:port`, without credentials. */
export function describeRedis(url: string): string {
  const u = new URL(url);
  return `redis ${u.hostname}:${u.port || '6379'}`;
}

/** Quits gracefully when connected, drops the connection otherwise; never rejects. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}

function failFast(client: Redis, onError: ((err: Error) => void) | undefined): Redis {
  // With a listener, ioredis reports errors here instead of as unhandled 'error' events.
  client.on('error', (err: Error) => onError?.(err));
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  return client;
}
