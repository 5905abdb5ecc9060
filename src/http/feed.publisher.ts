import type { ChatEvent, ChatMessage } from '../core/chat.ts';
import { feedTopic, type FeedEvent } from '../core/feed.ts';
import type { EventBus, Logger } from '../core/ports.ts';

/** Publishes what the bot sees and does to each channel's live feed; a failed publish is logged, never thrown. */
export class FeedPublisher {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  chat(message: ChatMessage): void {
    this.publish(message.channel, {
      type: 'chat',
      id: message.id,
      login: message.login,
      displayName: message.displayName,
      userId: message.userId,
      text: message.text,
      roles: [...message.roles],
      at: message.sentAt,
    });
  }

  reply(channel: string, text: string, replyTo?: string): void {
    this.publish(channel, { type: 'reply', text, replyTo, at: Date.now() });
  }

  event(event: ChatEvent): void {
    if (event.type === 'userstate') return;
    this.publish(event.channel, { type: 'event', event, at: Date.now() });
  }

  publish(channel: string, event: FeedEvent): void {
    this.bus.publish(feedTopic(channel), event).catch((err: unknown) => this.logger.warn({ err, channel }, 'live feed publish failed'));
  }
}
