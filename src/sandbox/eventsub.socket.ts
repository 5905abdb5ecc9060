/**
 * EventSub over WebSocket, as wss://eventsub.wss.twitch.tv/ws: a welcome on connect, keepalives when
 * quiet, notifications for subscriptions bound to the session, and session_reconnect on request.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

export interface Subscription {
  id: string;
  type: string;
  version: string;
  status: 'enabled';
  cost: number;
  condition: Record<string, string>;
  transport: { method: 'websocket'; session_id: string };
  created_at: string;
}

export type EventPayload = Record<string, unknown>;

interface Session {
  id: string;
  ws: WebSocket;
  connectedAt: string;
  /** ws://host/ws as this client dialled it, so reconnect_url works for localhost and 127.0.0.1 alike. */
  url: string;
  keepalive: NodeJS.Timeout | null;
}

const KEEPALIVE_SECONDS = 10;
/** How long a session told to reconnect stays open, as on Twitch. */
const RECONNECT_GRACE_MS = 30_000;
const CLOSE_RECONNECT_GRACE_EXPIRED = 4004;
const BROADCASTER_KEYS = ['broadcaster_user_id', 'to_broadcaster_user_id', 'from_broadcaster_user_id'] as const;

export class EventSubHub {
  private readonly sessions = new Map<string, Session>();
  private readonly subscriptions = new Map<string, Subscription>();

  serve(ws: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/ws', `ws://${request.headers.host ?? 'localhost'}`);
    const session: Session = {
      id: randomBytes(18).toString('base64url'),
      ws,
      connectedAt: new Date().toISOString(),
      url: `ws://${url.host}${url.pathname}`,
      keepalive: null,
    };
    this.sessions.set(session.id, session);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.end(session));
    // A client following a reconnect_url keeps the old session's subscriptions.
    const previous = url.searchParams.get('reconnect_from');
    for (const sub of this.subscriptions.values()) {
      if (previous && sub.transport.session_id === previous) sub.transport.session_id = session.id;
    }
    this.send(session, 'session_welcome', { session: this.describe(session, 'connected', KEEPALIVE_SECONDS, null) });
  }

  isLive(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  subscribe(input: Omit<Subscription, 'id' | 'status' | 'cost' | 'created_at'>): Subscription | 'exists' {
    const same = [...this.subscriptions.values()].find(
      (s) => s.type === input.type && s.version === input.version && s.transport.session_id === input.transport.session_id && sameCondition(s.condition, input.condition),
    );
    if (same) return 'exists';
    const sub: Subscription = { id: randomUUID(), status: 'enabled', cost: 0, created_at: new Date().toISOString(), ...input };
    this.subscriptions.set(sub.id, sub);
    return sub;
  }

  list(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  unsubscribe(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  /** Sends an event to every subscription of that type whose condition it meets; answers how many sessions got it. */
  notify(type: string, event: EventPayload): number {
    const reached = new Set<string>();
    for (const sub of this.subscriptions.values()) {
      const session = this.sessions.get(sub.transport.session_id);
      if (sub.type !== type || !session || !matches(sub.condition, event)) continue;
      this.send(session, 'notification', { subscription: sub, event }, { subscription_type: sub.type, subscription_version: sub.version });
      reached.add(session.id);
    }
    return reached.size;
  }

  reconnectAll(): number {
    for (const session of this.sessions.values()) {
      const reconnectUrl = `${session.url}?reconnect_from=${encodeURIComponent(session.id)}`;
      this.send(session, 'session_reconnect', { session: this.describe(session, 'reconnecting', null, reconnectUrl) });
      setTimeout(() => session.ws.close(CLOSE_RECONNECT_GRACE_EXPIRED, 'client failed to reconnect'), RECONNECT_GRACE_MS).unref();
    }
    return this.sessions.size;
  }

  dropAll(): number {
    const count = this.sessions.size;
    for (const session of this.sessions.values()) session.ws.terminate();
    return count;
  }

  sessionSummaries(): { id: string; subscriptions: string[] }[] {
    return [...this.sessions.values()].map((s) => ({
      id: s.id,
      subscriptions: this.list().filter((sub) => sub.transport.session_id === s.id).map((sub) => sub.type),
    }));
  }

  close(): void {
    for (const session of this.sessions.values()) {
      session.ws.terminate();
      this.end(session);
    }
  }

  private end(session: Session): void {
    if (session.keepalive) clearTimeout(session.keepalive);
    if (!this.sessions.delete(session.id)) return;
    for (const [id, sub] of this.subscriptions) {
      if (sub.transport.session_id === session.id) this.subscriptions.delete(id);
    }
  }

  private describe(session: Session, status: string, keepalive: number | null, reconnectUrl: string | null) {
    return { id: session.id, status, connected_at: session.connectedAt, keepalive_timeout_seconds: keepalive, reconnect_url: reconnectUrl };
  }

  /** Every message restarts the keepalive clock: Twitch only sends keepalives when there is nothing else. */
  private send(session: Session, messageType: string, payload: unknown, extra: Record<string, string> = {}): void {
    if (session.ws.readyState !== WebSocket.OPEN) return;
    const metadata = { message_id: randomUUID(), message_type: messageType, message_timestamp: new Date().toISOString(), ...extra };
    session.ws.send(JSON.stringify({ metadata, payload }));
    if (session.keepalive) clearTimeout(session.keepalive);
    session.keepalive = setTimeout(() => this.send(session, 'session_keepalive', {}), KEEPALIVE_SECONDS * 1000);
  }
}

function sameCondition(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function matches(condition: Record<string, string>, event: EventPayload): boolean {
  const keys = BROADCASTER_KEYS.filter((k) => condition[k]);
  if (keys.length === 0 || !keys.every((k) => condition[k] === event[k])) return false;
  const reward = event.reward as { id?: string } | undefined;
  return !condition.reward_id || condition.reward_id === reward?.id;
}
