import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { FeedEvent } from '../../api/types.ts';
import { FeedList, LIVE_ROWS } from './feed.list.tsx';
import { FeedStore } from './feed.store.ts';

const chat = (i: number, text = `message ${i}`): FeedEvent => ({
  type: 'chat',
  id: `m${i}`,
  login: `user${i}`,
  displayName: `User${i}`,
  userId: String(i),
  text,
  roles: [],
  at: 1_700_000_000_000 + i,
});

function mount(store: FeedStore) {
  const view = () => store.getView();
  const ui = () => <FeedList items={view().items} latestKey={view().latestKey} isRemoved={view().isRemoved} label="Live chat" />;
  const result = render(ui());
  return { rerender: () => result.rerender(ui()), container: result.container };
}

describe('FeedList', () => {
  test('renders chat text as text, never as HTML', () => {
    const store = new FeedStore((flush) => flush());
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b> &amp;';
    store.push(chat(1, hostile));
    const { container } = mount(store);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.feed-text')?.textContent).toBe(hostile);
  });

  test('shows bot replies, moderation and events with who they concern', () => {
    const store = new FeedStore((flush) => flush());
    store.push(chat(1, '!commands'));
    store.push({ type: 'reply', text: 'Commands: !commands', replyTo: 'm1', at: 1 });
    store.push({ type: 'moderation', id: 'e1', action: 'timeout', login: 'user1', userId: '1', rule: 'links', reason: 'no links', durationSeconds: 600, actor: 'bot', status: 'done', at: 2 });
    store.push({ type: 'event', event: { type: 'clearmsg', channel: 'c', login: 'user1', messageId: 'm1' }, at: 3 });
    const { container } = mount(store);
    const rows = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows[1]).toContain('@User1');
    expect(rows[1]).toContain('Commands: !commands');
    expect(rows[2]).toContain('timeout user1 for 10 min');
    expect(rows[2]).toContain('links: no links');
    expect(rows[3]).toContain('A message from user1 was deleted');
    expect(container.querySelector('li')?.className).toContain('feed-removed');
  });

  test('keeps at most LIVE_ROWS rows in the DOM however much arrives', () => {
    const store = new FeedStore((flush) => flush());
    for (let i = 0; i < 1_000; i++) store.push(chat(i));
    const { container } = mount(store);
    const rows = container.querySelectorAll('li');
    expect(rows.length).toBe(LIVE_ROWS);
    expect(rows[rows.length - 1]?.textContent).toContain('message 999');
  });

  test('freezes while hovered, counts what arrived, and catches up on leave', () => {
    const store = new FeedStore((flush) => flush());
    for (let i = 0; i < 10; i++) store.push(chat(i));
    const { rerender, container } = mount(store);
    const region = screen.getByRole('region', { name: 'Live chat' });
    act(() => void fireEvent.mouseEnter(region));
    for (let i = 10; i < 25; i++) store.push(chat(i));
    rerender();
    expect(container.querySelectorAll('li')).toHaveLength(10);
    expect(screen.getByRole('status').textContent).toContain('Paused · 15 new');
    expect(screen.getByRole('region', { name: 'Live chat (paused)' })).toBeTruthy();
    act(() => void fireEvent.mouseLeave(region));
    expect(container.querySelectorAll('li')).toHaveLength(25);
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('a paused reader can page back through older lines', () => {
    const store = new FeedStore((flush) => flush());
    for (let i = 0; i < LIVE_ROWS + 50; i++) store.push(chat(i));
    const { container } = mount(store);
    act(() => void fireEvent.mouseEnter(screen.getByRole('region', { name: 'Live chat' })));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Show older (50 more)' })));
    expect(container.querySelectorAll('li')).toHaveLength(LIVE_ROWS + 50);
    expect(container.querySelector('li')?.textContent).toContain('message 0');
  });
});
