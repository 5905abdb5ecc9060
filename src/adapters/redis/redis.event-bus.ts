import type { Redis } from 'ioredis';
import type { EventBus } from '../../core/ports.ts';
import { deliver, type Handler } from '../memory/memory.event-bus.ts';
import { closeRedis, duplicateRedis } from './redis.client.ts';

export interface RedisEventBusOptions {
  /** Channel prefix; default `utb:`. */
  prefix?: string;
  /** Subscriber connection errors, malformed messages and handler errors. */
  onError?: (err: unknown) => void;
}

interface Topic {
  handlers: Set<Handler>;
  subscribed: Promise<unknown>;
}

/**
 * Publish/subscribe across bot instances: publishes on the given client, listens on a duplicate
 * (a subscribed connection can do nothing else). The given client stays the caller's to close.
 */
export class RedisEventBus implements EventBus {
  private readonly subscriber: Redis;
  private readonly topics = new Map<string, Topic>();
  private readonly prefix: string;
  private readonly onError: (err: unknown) => void;

  constructor(
    private readonly publisher: Redis,
    opts: RedisEventBusOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'utb:';
    this.onError = opts.onError ?? ((err) => console.error('event bus error', err));
    this.subscriber = duplicateRedis(publisher, this.onError);
    this.subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload ?? null));
  }

  async subscribe<T>(topic: string, handler: (payload: T) => void): Promise<() => Promise<void>> {
    const channel = this.prefix + topic;
    let entry = this.topics.get(topic);
    if (!entry) {
      const created: Topic = { handlers: new Set(), subscribed: this.subscriber.subscribe(channel) };
      created.subscribed.catch(() => {
        if (this.topics.get(topic) === created) this.topics.delete(topic);
      });
      this.topics.set(topic, created);
      entry = created;
    }
    const own: Handler = (payload) => handler(payload as T);
    entry.handlers.add(own);
    try {
      await entry.subscribed;
    } catch (err) {
      entry.handlers.delete(own);
      throw err;
    }
    const topicEntry = entry;
    return async () => {
      if (!topicEntry.handlers.delete(own)) return;
      if (topicEntry.handlers.size === 0 && this.topics.get(topic) === topicEntry) {
        this.topics.delete(topic);
        await this.subscriber.unsubscribe(channel);
      }
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
    await closeRedis(this.subscriber);
  }

  private dispatch(channel: string, message: string): void {
    const entry = this.topics.get(channel.slice(this.prefix.length));
    if (!entry || !channel.startsWith(this.prefix)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch (err) {
      this.onError(err);
      return;
    }
    deliver(entry.handlers, payload, this.onError);
  }
}
