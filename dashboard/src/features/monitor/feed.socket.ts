import { api } from '../../api/endpoints.ts';
import type { FeedEvent, FeedHello } from '../../api/types.ts';
import type { FeedStore } from './feed.store.ts';

const FEED_TYPES = new Set(['chat', 'reply', 'moderation', 'event', 'module_error', 'connection']);
const MAX_BACKOFF_MS = 15_000;

/**
 * Keeps a channel's live feed flowing into `store`: trades the session for a one-time ticket,
 * opens the socket, and reconnects with backoff when it drops. Returns the function that stops it.
 */
export function connectFeed(channel: string, store: FeedStore): () => void {
  let stopped = false;
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const open = async () => {
    try {
      const { ticket } = await api.feedTicket(channel);
      if (stopped) return;
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${location.host}/api/channels/${encodeURIComponent(channel)}/feed?ticket=${encodeURIComponent(ticket)}`);
      socket.onmessage = (message) => {
        const event = parse(message.data);
        if (!event) return;
        if (event.type === 'hello') {
          failures = 0;
          store.setStatus('live');
        } else {
          store.push(event);
        }
      };
      socket.onclose = () => {
        socket = null;
        if (!stopped) later();
      };
    } catch {
      if (!stopped) later();
    }
  };
  const later = () => {
    store.setStatus('reconnecting');
    failures++;
    retry = setTimeout(() => void open(), Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures));
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    socket?.close();
    store.setStatus('closed');
  };
}

function parse(data: unknown): FeedEvent | FeedHello | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as { type?: unknown };
    if (value.type === 'hello' || (typeof value.type === 'string' && FEED_TYPES.has(value.type))) return value as FeedEvent | FeedHello;
  } catch {
    // A frame that is not JSON is not ours; drop it.
  }
  return null;
}
