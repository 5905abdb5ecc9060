import type { EventBus } from '../../core/ports.ts';

export type Handler = (payload: unknown) => unknown;

export interface MemoryEventBusOptions {
  /** Errors thrown by handlers; default console.error. */
  onError?: (err: unknown) => void;
}

/** Publish/subscribe within one process. */
export class MemoryEventBus implements EventBus {
  private readonly topics = new Map<string, Set<Handler>>();
  private readonly onError: (err: unknown) => void;

  constructor(opts: MemoryEventBusOptions = {}) {
    this.onError = opts.onError ?? ((err) => console.error('event handler failed', err));
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    const handlers = this.topics.get(topic);
    // A JSON round trip, as through Redis, so handlers see the same payload whichever bus runs.
    if (handlers) deliver(handlers, JSON.parse(JSON.stringify(payload ?? null)), this.onError);
  }

  async subscribe<T>(topic: string, handler: (payload: T) => void): Promise<() => Promise<void>> {
    let handlers = this.topics.get(topic);
    if (!handlers) {
      handlers = new Set();
      this.topics.set(topic, handlers);
    }
    // A wrapper per call, so subscribing one function twice gives two independent subscriptions.
    const own: Handler = (payload) => handler(payload as T);
    handlers.add(own);
    return async () => {
      handlers.delete(own);
      if (handlers.size === 0 && this.topics.get(topic) === handlers) this.topics.delete(topic);
    };
  }

  close(): void {
    this.topics.clear();
  }
}

/** Calls each handler in its own microtask: a throwing or rejecting handler reaches onError, not the others or the publisher. */
export function deliver(handlers: Iterable<Handler>, payload: unknown, onError: (err: unknown) => void): void {
  for (const handler of [...handlers]) {
    Promise.resolve()
      .then(() => handler(payload))
      .catch(onError);
  }
}
