import type { FeedEvent } from '../../api/types.ts';

/** A feed event with a local key (replies and events carry no id of their own). */
export type FeedItem = FeedEvent & { key: number };

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface FeedView {
  items: readonly FeedItem[];
  status: FeedStatus;
  /** Key of the newest item; the monitor counts what arrived while paused from it. */
  latestKey: number;
  /** True when a delete, timeout, ban or clear removed the message from Twitch chat. */
  isRemoved(item: FeedItem): boolean;
}

/** Items kept in memory: the scrollback of the monitor. */
export const FEED_CAPACITY = 2_000;
const MINUTES_KEPT = 60;

/**
 * The live feed of one channel in memory. Events arrive at chat speed (100/s and more); readers
 * are told at most once per animation frame, so React renders per frame, not per message.
 */
export class FeedStore {
  private items: FeedItem[] = [];
  private nextKey = 1;
  private status: FeedStatus = 'connecting';
  private readonly removedIds = new Set<string>();
  private readonly clearedLogins = new Map<string, number>();
  private clearedAllAt = 0;
  private readonly perMinute = new Map<number, number>();
  private view: FeedView;
  private pending = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly schedule: (flush: () => void) => void = defaultSchedule) {
    this.view = this.makeView();
  }

  push(event: FeedEvent): void {
    const item = { ...event, key: this.nextKey++ } as FeedItem;
    this.items.push(item);
    // Trim in batches: one copy per 500 events instead of a shift per event.
    if (this.items.length > FEED_CAPACITY + 500) this.items = this.items.slice(-FEED_CAPACITY);
    this.track(event);
    this.changed();
  }

  setStatus(status: FeedStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.changed();
  }

  /** Chat messages per minute over the last hour, oldest first: [minute start (ms), count]. */
  rate(now = Date.now()): [number, number][] {
    const current = Math.floor(now / 60_000);
    const out: [number, number][] = [];
    for (let m = current - MINUTES_KEPT + 1; m <= current; m++) out.push([m * 60_000, this.perMinute.get(m) ?? 0]);
    return out;
  }

  getView = (): FeedView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Publishes what changed since the last flush to readers. */
  flush = (): void => {
    this.pending = false;
    this.view = this.makeView();
    for (const listener of this.listeners) listener();
  };

  private changed(): void {
    if (this.pending) return;
    this.pending = true;
    this.schedule(this.flush);
  }

  private track(event: FeedEvent): void {
    if (event.type === 'chat') {
      const minute = Math.floor(event.at / 60_000);
      this.perMinute.set(minute, (this.perMinute.get(minute) ?? 0) + 1);
      if (this.perMinute.size > MINUTES_KEPT * 2) for (const m of this.perMinute.keys()) if (m < minute - MINUTES_KEPT) this.perMinute.delete(m);
    } else if (event.type === 'event' && event.event.type === 'clearmsg') {
      this.removedIds.add(event.event.messageId);
    } else if (event.type === 'event' && event.event.type === 'clearchat') {
      if (event.event.login) this.clearedLogins.set(event.event.login, event.at);
      else this.clearedAllAt = event.at;
    } else if (event.type === 'moderation' && event.messageId && event.action === 'delete') {
      this.removedIds.add(event.messageId);
    }
  }

  private makeView(): FeedView {
    const removedIds = this.removedIds;
    const clearedLogins = this.clearedLogins;
    const clearedAllAt = this.clearedAllAt;
    return {
      items: this.items.length > FEED_CAPACITY ? this.items.slice(-FEED_CAPACITY) : this.items.slice(),
      status: this.status,
      latestKey: this.nextKey - 1,
      isRemoved: (item) =>
        item.type === 'chat' && (removedIds.has(item.id) || item.at <= clearedAllAt || item.at <= (clearedLogins.get(item.login) ?? -1)),
    };
  }
}

function defaultSchedule(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(flush);
  else setTimeout(flush, 100);
}
