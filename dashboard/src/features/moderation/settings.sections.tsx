import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { ActionSelect, ExemptChecks, LinesField, NumberField, StepSelect, Toggle } from './moderation.controls.tsx';
import type { ModerationSettings, ModerationStep } from './moderation.api.ts';
import { domainProblem, emoteProblem, patternProblem, SPAM_FILTERS } from './moderation.model.ts';

type SetPath = (path: readonly (string | number)[], value: unknown) => void;
interface SectionProps {
  settings: ModerationSettings;
  set: SetPath;
}

/** Every spam filter with its switch, thresholds, exemptions and action; toxicity and first messages. */
export function FiltersSection({ settings, set }: SectionProps) {
  return (
    <div className="filter-grid">
      {SPAM_FILTERS.map((f) => {
        const filter = settings.spam[f.key] as unknown as Record<string, unknown> & ModerationSettings['spam']['caps'];
        const path = ['spam', f.key];
        return (
          <fieldset key={f.key} className="filter-card">
            <legend>{f.title}</legend>
            <Toggle label={filter.enabled ? 'On' : 'Off'} checked={filter.enabled} onChange={(v) => set([...path, 'enabled'], v)} />
            <div className="row">
              {f.fields.map((field) => (
                <NumberField
                  key={field.key}
                  label={field.label}
                  path={`spam.${f.key}.${field.key}`}
                  value={filter[field.key] as number}
                  min={field.min}
                  max={field.max}
                  step={'step' in field ? field.step : undefined}
                  integer={'integer' in field && field.integer}
                  onChange={(v) => set([...path, field.key], v)}
                />
              ))}
            </div>
            {f.key === 'emotes' && (
              <LinesField
                label="Emotes counted besides Twitch's"
                path="spam.emotes.names"
                value={settings.spam.emotes.names}
                validate={emoteProblem}
                onChange={(v) => set(['spam', 'emotes', 'names'], v)}
                hint="One emote name per line (e.g. 7TV or BTTV emotes)"
              />
            )}
            <ActionSelect label="Then" path={`spam.${f.key}.action`} value={filter.action} onChange={(v) => set([...path, 'action'], v)} />
            <ExemptChecks value={filter.exempt} onChange={(v) => set([...path, 'exempt'], v)} />
          </fieldset>
        );
      })}
      <fieldset className="filter-card">
        <legend>Toxicity</legend>
        <Toggle label={settings.toxicity.enabled ? 'On' : 'Off'} checked={settings.toxicity.enabled} onChange={(v) => set(['toxicity', 'enabled'], v)} />
        <NumberField label="Threshold (0.05–1, lower is stricter)" path="toxicity.threshold" value={settings.toxicity.threshold} min={0.05} max={1} step={0.05} onChange={(v) => set(['toxicity', 'threshold'], v)} />
        <ActionSelect label="Then" path="toxicity.action" value={settings.toxicity.action} onChange={(v) => set(['toxicity', 'action'], v)} />
        <ExemptChecks value={settings.toxicity.exempt} onChange={(v) => set(['toxicity', 'exempt'], v)} />
      </fieldset>
      <fieldset className="filter-card">
        <legend>First message in the channel</legend>
        <Toggle label={settings.firstMessage.enabled ? 'Stricter profile on' : 'Off'} checked={settings.firstMessage.enabled} onChange={(v) => set(['firstMessage', 'enabled'], v)} />
        <NumberField label="Toxicity threshold" path="firstMessage.toxicityThreshold" value={settings.firstMessage.toxicityThreshold} min={0.05} max={1} step={0.05} onChange={(v) => set(['firstMessage', 'toxicityThreshold'], v)} />
        <Toggle label="Remove every link, even allowed ones" checked={settings.firstMessage.blockAllLinks} onChange={(v) => set(['firstMessage', 'blockAllLinks'], v)} />
        <Toggle label="No warning first: start the ladder at its second step" checked={settings.firstMessage.skipWarning} onChange={(v) => set(['firstMessage', 'skipWarning'], v)} />
      </fieldset>
    </div>
  );
}

const KINDS = ['word', 'phrase', 'pattern'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;

/** Blocked words, phrases and RE2 patterns (checked as typed), allowed words, and what each severity does. */
export function WordsSection({ settings, set }: SectionProps) {
  const words = settings.badWords;
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('word');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const termError = term === '' ? null : kind === 'pattern' ? patternProblem(term) : term.trim().length > 200 ? 'At most 200 characters' : null;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (term.trim() === '' || termError) return;
    set(['badWords', 'blocked'], [...words.blocked, { term: term.trim(), kind, severity }]);
    setTerm('');
  };
  return (
    <div className="stack">
      <div className="row">
        <Toggle label={words.enabled ? 'Word filter on' : 'Word filter off'} checked={words.enabled} onChange={(v) => set(['badWords', 'enabled'], v)} />
        <Toggle label="Use the built-in list" checked={words.builtin} onChange={(v) => set(['badWords', 'builtin'], v)} />
      </div>
      <div className="row">
        {SEVERITIES.map((s) => (
          <ActionSelect key={s} label={`${s[0]!.toUpperCase()}${s.slice(1)} severity`} path={`badWords.actions.${s}`} value={words.actions[s]} onChange={(v) => set(['badWords', 'actions', s], v)} />
        ))}
      </div>
      <ExemptChecks value={words.exempt} onChange={(v) => set(['badWords', 'exempt'], v)} />
      <h3>Blocked terms</h3>
      {words.blocked.length === 0 ? (
        <p className="state state-empty">No blocked terms of your own yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Kind</th>
              <th scope="col">Severity</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {words.blocked.map((b, i) => (
              <tr key={`${b.kind}:${b.term}:${i}`}>
                <td className="mono">{b.term}</td>
                <td>{b.kind}</td>
                <td>{b.severity}</td>
                <td className="cell-actions">
                  <button type="button" className="button button-small button-danger" onClick={() => set(['badWords', 'blocked'], words.blocked.filter((_, j) => j !== i))} aria-label={`Remove ${b.term}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row row-end" onSubmit={add} aria-label="Block a term">
        <Field label="Term" error={termError} hint={kind === 'pattern' ? 'RE2 syntax, case-insensitive' : undefined}>
          <input value={term} onChange={(e) => setTerm(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="Kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </Field>
        <Field label="Severity">
          <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={term.trim() === '' || !!termError}>
          Add
        </button>
      </form>
      <LinesField
        label="Allowed words"
        path="badWords.allowed"
        value={words.allowed}
        validate={(w) => (w.length > 200 ? 'At most 200 characters' : null)}
        onChange={(v) => set(['badWords', 'allowed'], v.map((w) => w.toLowerCase()))}
        hint="Words the built-in list must not catch here, one per line"
      />
    </div>
  );
}

export function LinksSection({ settings, set }: SectionProps) {
  const links = settings.links;
  return (
    <div className="stack">
      <Toggle label={links.enabled ? 'Link filter on' : 'Link filter off'} checked={links.enabled} onChange={(v) => set(['links', 'enabled'], v)} />
      <LinesField label="Allowed domains" path="links.allowedDomains" value={links.allowedDomains} validate={domainProblem} onChange={(v) => set(['links', 'allowedDomains'], v.map((d) => d.toLowerCase()))} hint="One domain per line; its subdomains are allowed too" />
      <div className="row">
        <NumberField label="A !permit lasts (seconds)" path="links.permitSeconds" value={links.permitSeconds} min={5} max={3600} integer onChange={(v) => set(['links', 'permitSeconds'], v)} />
        <ActionSelect label="Then" path="links.action" value={links.action} onChange={(v) => set(['links', 'action'], v)} />
      </div>
      <ExemptChecks value={links.exempt} onChange={(v) => set(['links', 'exempt'], v)} />
    </div>
  );
}

/** The escalation ladder: each rule set to "escalate" climbs one rung per offence within the window. */
export function EscalationSection({ settings, set }: SectionProps) {
  const { ladder, windowSeconds } = settings.escalation;
  const setLadder = (next: ModerationStep[]) => set(['escalation', 'ladder'], next);
  const move = (i: number, by: number) => {
    const next = [...ladder];
    const [step] = next.splice(i, 1);
    next.splice(i + by, 0, step!);
    setLadder(next);
  };
  return (
    <div className="stack">
      <NumberField label="Offences count within (seconds)" path="escalation.windowSeconds" value={windowSeconds} min={10} max={86_400} integer onChange={(v) => set(['escalation', 'windowSeconds'], v)} />
      <ol className="ladder">
        {ladder.map((step, i) => (
          <li key={i} className="ladder-step">
            <StepSelect label={`Offence ${i + 1}`} path={`escalation.ladder.${i}`} value={step} onChange={(v) => setLadder(ladder.map((s, j) => (j === i ? v : s)))} />
            <div className="row">
              <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move offence ${i + 1} up`}>
                ↑
              </button>
              <button type="button" className="button button-small" disabled={i === ladder.length - 1} onClick={() => move(i, 1)} aria-label={`Move offence ${i + 1} down`}>
                ↓
              </button>
              <button type="button" className="button button-small button-danger" disabled={ladder.length === 1} onClick={() => setLadder(ladder.filter((_, j) => j !== i))} aria-label={`Remove offence ${i + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="button" disabled={ladder.length >= 10} onClick={() => setLadder([...ladder, { type: 'timeout', seconds: 600 }])}>
          Add a rung
        </button>
      </div>
      <NumberField label="Keep the moderation log (days)" path="log.retentionDays" value={settings.log.retentionDays} min={1} max={3650} integer onChange={(v) => set(['log', 'retentionDays'], v)} />
    </div>
  );
}
