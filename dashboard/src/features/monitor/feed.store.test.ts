import { describe, expect, test } from 'vitest';
import { FEED_CAPACITY, FeedStore } from './feed.store.ts';

const chat = (i: number, at = i) => ({ type: 'chat' as const, id: `m${i}`, login: `u${i % 3}`, displayName: '', userId: '1', text: 't', roles: [], at });

describe('FeedStore', () => {
  test('tells readers once per frame, not once per event', () => {
    const frames: (() => void)[] = [];
    const store = new FeedStore((flush) => frames.push(flush));
    let notified = 0;
    store.subscribe(() => notified++);
    for (let i = 0; i < 100; i++) store.push(chat(i));
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(notified).toBe(1);
    expect(store.getView().items).toHaveLength(100);
  });

  test('keeps the newest FEED_CAPACITY events', () => {
    const store = new FeedStore(() => undefined);
    for (let i = 0; i < FEED_CAPACITY * 2; i++) store.push(chat(i));
    store.flush();
    const { items, latestKey } = store.getView();
    expect(items).toHaveLength(FEED_CAPACITY);
    expect(items.at(-1)?.key).toBe(latestKey);
    expect(latestKey).toBe(FEED_CAPACITY * 2);
  });

  test('marks messages removed by a delete, a timeout of their author, or a clear', () => {
    const store = new FeedStore((flush) => flush());
    store.push(chat(1, 100));
    store.push(chat(2, 100));
    store.push(chat(4, 100));
    store.push({ type: 'event', event: { type: 'clearmsg', channel: 'c', login: 'u1', messageId: 'm1' }, at: 150 });
    store.push({ type: 'event', event: { type: 'clearchat', channel: 'c', login: 'u2', durationSeconds: 60 }, at: 150 });
    store.push(chat(5, 200));
    const view = store.getView();
    const removed = view.items.filter((i) => view.isRemoved(i)).map((i) => (i.type === 'chat' ? i.id : ''));
    expect(removed).toEqual(['m1', 'm2']);
    store.push({ type: 'event', event: { type: 'clearchat', channel: 'c' }, at: 300 });
    const after = store.getView();
    expect(after.items.filter((i) => after.isRemoved(i))).toHaveLength(4);
  });

  test('counts chat messages per minute', () => {
    const store = new FeedStore((flush) => flush());
    const minute = 60_000 * 1_000;
    store.push(chat(1, minute + 5));
    store.push(chat(2, minute + 59_000));
    store.push(chat(3, minute + 60_000));
    store.push({ type: 'reply', text: 'x', at: minute + 1 });
    const rate = store.rate(minute + 60_001);
    expect(rate.at(-1)).toEqual([minute + 60_000, 1]);
    expect(rate.at(-2)).toEqual([minute, 2]);
    expect(rate).toHaveLength(60);
  });
});
