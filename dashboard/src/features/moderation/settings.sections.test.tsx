import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { defaultModerationSettings } from '../../../../src/modules/moderation/moderation.settings.ts';
import { ValidityContext } from './moderation.controls.tsx';
import { EscalationSection, LinksSection, WordsSection } from './settings.sections.tsx';

describe('moderation settings', () => {
  test('a blocked pattern is checked with the server\'s RE2 rules as it is typed', async () => {
    const set = vi.fn();
    render(<WordsSection settings={defaultModerationSettings} set={set} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Kind'), 'pattern');
    await user.type(screen.getByLabelText('Term'), 'fr(e+');
    expect(screen.getByLabelText('Term').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    // RE2 has no backreferences: a pattern that needs them is refused, not run.
    await user.clear(screen.getByLabelText('Term'));
    await user.type(screen.getByLabelText('Term'), '(a)\\1');
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(screen.getByLabelText('Term'));
    await user.type(screen.getByLabelText('Term'), 'fre+ ?money');
    await user.selectOptions(screen.getByLabelText('Severity'), 'high');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(set).toHaveBeenCalledWith(['badWords', 'blocked'], [{ term: 'fre+ ?money', kind: 'pattern', severity: 'high' }]);
  });

  test('allowed domains are validated line by line and reported to the form', async () => {
    const set = vi.fn();
    const report = vi.fn();
    render(
      <ValidityContext.Provider value={report}>
        <LinksSection settings={defaultModerationSettings} set={set} />
      </ValidityContext.Provider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Allowed domains'), '{Enter}not a domain');
    expect(screen.getByText(/not a domain: a domain such as clips\.twitch\.tv/)).toBeTruthy();
    expect(report).toHaveBeenLastCalledWith('links.allowedDomains', false);
  });

  test('the escalation ladder can be reordered and extended', async () => {
    const set = vi.fn();
    render(<EscalationSection settings={defaultModerationSettings} set={set} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move offence 2 up' }));
    expect(set).toHaveBeenLastCalledWith(['escalation', 'ladder'], [{ type: 'delete' }, { type: 'warn' }, { type: 'timeout', seconds: 60 }, { type: 'timeout', seconds: 600 }]);
    await user.click(screen.getByRole('button', { name: 'Add a rung' }));
    expect(set.mock.lastCall![1]).toHaveLength(5);
  });
});
