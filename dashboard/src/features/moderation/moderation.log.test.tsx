import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch, renderWithQuery } from '../../test/render.tsx';
import type { LogEntry } from './moderation.api.ts';
import { ModerationLog } from './moderation.log.tsx';

afterEach(() => vi.unstubAllGlobals());

const entry = (id: string, over: Partial<LogEntry>): LogEntry => ({
  id,
  userId: '1',
  userLogin: 'troll',
  messageText: 'buy followers',
  rule: 'links',
  detail: '',
  action: 'timeout',
  durationSeconds: 600,
  actor: 'bot',
  status: 'done',
  error: null,
  createdAt: '2026-01-01T12:00:00Z',
  undoneAt: null,
  undoneBy: null,
  ...over,
});

const docs = { paths: { '/api/channels/{channel}/moderation/log': { get: {} }, '/api/channels/{channel}/moderation/log/{id}/undo': { post: {} } } };

describe('ModerationLog', () => {
  test('filters by action and rule, asks the server for one user, and undoes a timeout', async () => {
    const entries = [entry('a', {}), entry('b', { action: 'delete', durationSeconds: null, rule: 'caps', userLogin: 'shouty' }), entry('c', { action: 'ban', durationSeconds: null, rule: 'bad_words', undoneAt: '2026-01-01T12:01:00Z', undoneBy: 'mod1' })];
    const calls = fakeFetch((call) => {
      if (call.url === '/docs/json') return [200, docs];
      if (call.method === 'POST') return [200, {}];
      return [200, call.url.includes('login=shouty') ? [entries[1]] : entries];
    });
    renderWithQuery(<ModerationLog channel="sandbox" canUndo />);
    const user = userEvent.setup();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('undone by mod1')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Action'), 'timeout');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Action'), '');
    await user.selectOptions(screen.getByLabelText('Rule'), 'caps');
    expect(within(screen.getByRole('table')).getByText('shouty')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Rule'), '');

    await user.type(screen.getByLabelText('User'), 'shouty');
    await waitFor(() => expect(calls.some((c) => c.url === '/api/channels/sandbox/moderation/log?login=shouty&limit=200')).toBe(true));
    await user.clear(screen.getByLabelText('User'));

    await user.click(await screen.findByRole('button', { name: 'Undo the timeout of troll' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/channels/sandbox/moderation/log/a/undo')).toBe(true));
    // A delete cannot be undone, and an undone ban offers no second undo.
    expect(screen.queryByRole('button', { name: /Undo the delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Undo the ban/ })).toBeNull();
  });

  test('says so when the log is empty', async () => {
    fakeFetch((call) => (call.url === '/docs/json' ? [200, docs] : [200, []]));
    renderWithQuery(<ModerationLog channel="sandbox" canUndo />);
    expect(await screen.findByText('Nothing in the log yet.')).toBeTruthy();
  });
});
