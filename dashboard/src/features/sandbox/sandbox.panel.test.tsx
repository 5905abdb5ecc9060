import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch, renderWithQuery } from '../../test/render.tsx';
import { SandboxPanel } from './sandbox.panel.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('SandboxPanel', () => {
  test('says a message as the chosen role and clears the box', async () => {
    const calls = fakeFetch(() => [200, { id: 'abc' }]);
    renderWithQuery(<SandboxPanel channel="sandbox" />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Speak as'), 'moderator');
    await user.clear(screen.getByLabelText('Login', { exact: true }));
    await user.type(screen.getByLabelText('Login', { exact: true }), 'Mod_One');
    await user.type(screen.getByLabelText('Message', { exact: true }), '!commands{Enter}');
    await waitFor(() => expect((screen.getByLabelText('Message', { exact: true }) as HTMLInputElement).value).toBe(''));
    expect(calls).toEqual([{ url: '/api/sandbox/chat', method: 'POST', body: { channel: 'sandbox', login: 'mod_one', roles: ['moderator'], text: '!commands' } }]);
  });

  test('the broadcaster speaks as the channel owner', async () => {
    const calls = fakeFetch(() => [200, { id: 'abc' }]);
    renderWithQuery(<SandboxPanel channel="sandbox" />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Speak as'), 'broadcaster');
    expect((screen.getByLabelText('Login', { exact: true }) as HTMLInputElement).value).toBe('sandbox');
    await user.type(screen.getByLabelText('Message', { exact: true }), 'hi{Enter}');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toMatchObject({ login: 'sandbox', roles: ['broadcaster'] });
  });

  test('refuses an empty message or a bad login without calling the API', async () => {
    const calls = fakeFetch(() => [200, {}]);
    renderWithQuery(<SandboxPanel channel="sandbox" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Type a message')).toBeTruthy();
    await user.clear(screen.getByLabelText('Login', { exact: true }));
    await user.type(screen.getByLabelText('Login', { exact: true }), 'bad login');
    expect(screen.getByText('Letters, digits and _ only, at most 25')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  test('keeps the message when the API refuses it', async () => {
    fakeFetch(() => [400, { error: { code: 'sandbox.refused', message: 'text: too long' } }]);
    renderWithQuery(<SandboxPanel channel="sandbox" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message', { exact: true }), 'hello{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('text: too long');
    expect((screen.getByLabelText('Message', { exact: true }) as HTMLInputElement).value).toBe('hello');
  });

  test('fires an event with the amount in EventSub\'s fields', async () => {
    const calls = fakeFetch(() => [200, { ok: true }]);
    renderWithQuery(<SandboxPanel channel="sandbox" />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Event', { exact: true }), 'cheer');
    await user.type(screen.getByLabelText('Bits'), '250');
    await user.click(screen.getByRole('button', { name: 'Fire cheer from viewer1' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ url: '/api/sandbox/events', method: 'POST', body: { channel: 'sandbox', type: 'channel.cheer', event: { bits: 250, message: 'Cheer250', user_login: 'viewer1' } } });
  });
});
