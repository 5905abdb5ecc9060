import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch, renderWithQuery } from '../../test/render.tsx';
import { CommandForm } from './command.form.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('CommandForm', () => {
  test('says what is wrong as the user types, and sends nothing while it is wrong', async () => {
    const calls = fakeFetch(() => [201, {}]);
    renderWithQuery(<CommandForm channel="sandbox" onDone={() => undefined} previewAvailable={false} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'héllo world');
    expect(screen.getByText('Letters, digits, _ and -, at most 32')).toBeTruthy();
    await user.type(screen.getByLabelText('Cooldown per user (s)'), 'x');
    expect(screen.getByText('Whole seconds, 0 or more')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create command' }));
    expect(screen.getByText('Write what the bot answers')).toBeTruthy();
    expect(calls).toHaveLength(0);
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  test('sends a valid command in the API\'s shape, with !Name normalised', async () => {
    const calls = fakeFetch(() => [201, { command: {}, warnings: [] }]);
    const done = vi.fn();
    renderWithQuery(<CommandForm channel="sandbox" onDone={done} previewAvailable={false} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), '!Hello');
    await user.type(screen.getByLabelText('Aliases'), 'hi, !Hey');
    fireEvent.change(screen.getByLabelText('Response'), { target: { value: 'Hello $(user)!' } });
    await user.selectOptions(screen.getByLabelText('Who can use it'), 'subscriber');
    await user.click(screen.getByRole('button', { name: 'Create command' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(calls).toEqual([
      {
        url: '/api/channels/sandbox/commands',
        method: 'POST',
        body: { name: 'hello', text: 'Hello $(user)!', aliases: ['hi', 'hey'], userLevel: 'subscriber', globalCooldownSeconds: 5, userCooldownSeconds: 0 },
      },
    ]);
  });

  test('shows a refusal from the API in plain words and keeps the input', async () => {
    fakeFetch(() => [409, { error: { code: 'commands.name_taken', message: 'There is already a command !hello.' } }]);
    const done = vi.fn();
    renderWithQuery(<CommandForm channel="sandbox" onDone={done} previewAvailable={false} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'hello');
    fireEvent.change(screen.getByLabelText('Response'), { target: { value: 'Hi there' } });
    await user.click(screen.getByRole('button', { name: 'Create command' }));
    expect((await screen.findByRole('alert')).textContent).toContain('There is already a command !hello.');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('hello');
    expect((screen.getByLabelText('Response') as HTMLTextAreaElement).value).toBe('Hi there');
    expect(done).not.toHaveBeenCalled();
  });

  test('edits an existing command with its values filled in', async () => {
    const calls = fakeFetch(() => [200, {}]);
    const editing = { name: 'so', text: 'Go follow $(1)', aliases: ['shoutout'], enabled: true, userLevel: 'moderator' as const, globalCooldownSeconds: 10, userCooldownSeconds: 3, useCount: 4 };
    renderWithQuery(<CommandForm channel="sandbox" editing={editing} onDone={() => undefined} previewAvailable={false} />);
    expect((screen.getByLabelText('Aliases') as HTMLInputElement).value).toBe('shoutout');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ url: '/api/channels/sandbox/commands/so', method: 'PATCH', body: { text: 'Go follow $(1)', userLevel: 'moderator', userCooldownSeconds: 3 } });
  });
});
