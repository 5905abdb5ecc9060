import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch, renderWithQuery } from '../../test/render.tsx';
import { TemplatePreview } from './template.preview.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('TemplatePreview', () => {
  test('expands the template with the sample arguments once typing stops, as text', async () => {
    const calls = fakeFetch((call) => {
      const { template, args, user } = call.body as { template: string; args: string[]; user: string };
      return [200, { text: `<b>${template.replace('$(1)', args.join(' ')).replace('$(user)', user)}</b>`, warnings: [], variables: [] }];
    });
    const { rerender } = renderWithQuery(<TemplatePreview channel="sandbox" template="Hi $(1), from $(user)" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Chat after the command'), 'bob  and  amy');
    const text = await screen.findByTestId('preview-text');
    await waitFor(() => expect(text.textContent).toBe('<b>Hi bob and amy, from sample_viewer</b>'));
    expect(text.querySelector('b')).toBeNull();
    // Thirteen keystrokes, but the debounce sent only settled values.
    expect(calls.length).toBeLessThan(4);
    expect(calls.at(-1)).toEqual({ url: '/api/channels/sandbox/commands/preview', method: 'POST', body: { template: 'Hi $(1), from $(user)', args: ['bob', 'and', 'amy'], user: 'sample_viewer' } });
    await user.clear(screen.getByLabelText('Sample user'));
    await user.type(screen.getByLabelText('Sample user'), 'Not OK');
    expect((await screen.findByRole('alert')).textContent).toContain('Twitch login');
    rerender(<TemplatePreview channel="sandbox" template="" />);
    expect(await screen.findByText('Write a response to see what the bot would say.')).toBeTruthy();
  });

  test('lists the engine\'s warnings', async () => {
    fakeFetch(() => [200, { text: 'Hi $(nope)', variables: [], warnings: [{ code: 'commands.unknown_variable', at: 3, message: 'unknown variable $(nope)' }] }]);
    renderWithQuery(<TemplatePreview channel="sandbox" template="Hi $(nope)" />);
    expect(await screen.findByText('unknown variable $(nope)')).toBeTruthy();
  });

  test('shows the API\'s refusal in plain words', async () => {
    fakeFetch(() => [400, { error: { code: 'commands.template_invalid', message: 'The template is too long.' } }]);
    renderWithQuery(<TemplatePreview channel="sandbox" template="x" />);
    expect((await screen.findByRole('alert')).textContent).toBe('The template is too long.');
  });
});
