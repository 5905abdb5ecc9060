// Runs one filter over one message, as the engine would.
import type { ChatMessage } from '../../../core/chat.ts';
import { ChannelState } from '../moderation.state.ts';
import { isPlainAscii, normalizeText } from '../moderation.text.ts';
import type { FilterHit, MessageFilter } from '../moderation.types.ts';

export function check(filter: MessageFilter | null, message: ChatMessage, options: { state?: ChannelState; now?: number; strict?: boolean } = {}): FilterHit | null {
  if (!filter) throw new Error('the filter is disabled');
  return filter.check({ message, text: normalizeText(message.text), plainAscii: isPlainAscii(message.text), now: options.now ?? 0, strict: options.strict ?? false, state: options.state ?? new ChannelState() });
}
