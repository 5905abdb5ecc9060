import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch, renderWithQuery } from '../../test/render.tsx';
import { GeneralForm } from './general.form.tsx';

afterEach(() => vi.unstubAllGlobals());
const settings = { prefix: '!', language: 'en', disabledModules: [], moduleSettings: {} };

describe('GeneralForm', () => {
  test('validates prefix and language as they are typed', async () => {
    fakeFetch(() => [200, settings]);
    renderWithQuery(<GeneralForm channel="sandbox" settings={settings} canEdit />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Command prefix'));
    expect(screen.getByText('Enter a prefix')).toBeTruthy();
    await user.type(screen.getByLabelText('Command prefix'), '! ');
    expect(screen.getByText('No spaces')).toBeTruthy();
    await user.clear(screen.getByLabelText('Language'));
    await user.type(screen.getByLabelText('Language'), 'english');
    expect(screen.getByText('A language code such as en or pt-BR')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('keeps the input and shows the API\'s message when a save is refused', async () => {
    const calls = fakeFetch(() => [403, { error: { code: 'auth.forbidden', message: 'this needs the editor role' } }]);
    renderWithQuery(<GeneralForm channel="sandbox" settings={settings} canEdit />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Command prefix'));
    await user.type(screen.getByLabelText('Command prefix'), '?');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('this needs the editor role');
    expect((screen.getByLabelText('Command prefix') as HTMLInputElement).value).toBe('?');
    await waitFor(() => expect(calls).toEqual([{ url: '/api/channels/sandbox/settings', method: 'PATCH', body: { prefix: '?', language: 'en' } }]));
  });
});
