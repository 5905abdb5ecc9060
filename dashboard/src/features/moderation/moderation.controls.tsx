import { createContext, useContext, useEffect, useState } from 'react';
import type { Role } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import type { ModerationStep, RuleAction } from './moderation.api.ts';

/** Fields report whether what they hold can be saved; the form saves only when all can. */
export const ValidityContext = createContext<(path: string, ok: boolean) => void>(() => undefined);

const ROLES: { role: Role; label: string }[] = [
  { role: 'broadcaster', label: 'Broadcaster' },
  { role: 'moderator', label: 'Mods' },
  { role: 'vip', label: 'VIPs' },
  { role: 'subscriber', label: 'Subs' },
  { role: 'founder', label: 'Founders' },
];

const MAX_TIMEOUT_SECONDS = 1_209_600;
type ActionType = RuleAction['type'];
const ACTION_LABELS: Record<ActionType, string> = { none: 'Do nothing', escalate: 'Escalate (ladder)', warn: 'Warn', delete: 'Delete message', timeout: 'Time out', ban: 'Ban' };

/** What a rule does; `steps` only offers concrete steps (the escalation ladder's rungs). */
export function ActionSelect({ label, value, onChange, path, stepsOnly = false }: { label: string; value: RuleAction; onChange: (v: RuleAction) => void; path: string; stepsOnly?: boolean }) {
  const types: ActionType[] = stepsOnly ? ['warn', 'delete', 'timeout', 'ban'] : ['none', 'escalate', 'warn', 'delete', 'timeout', 'ban'];
  const pick = (type: ActionType) => onChange(type === 'timeout' ? { type, seconds: value.type === 'timeout' ? value.seconds : 600 } : ({ type } as RuleAction));
  return (
    <div className="action-select">
      <Field label={label}>
        <select value={value.type} onChange={(e) => pick(e.target.value as ActionType)}>
          {types.map((t) => (
            <option key={t} value={t}>
              {ACTION_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      {value.type === 'timeout' && (
        <NumberField label="Seconds" path={`${path}.seconds`} value={value.seconds} min={1} max={MAX_TIMEOUT_SECONDS} integer onChange={(seconds) => onChange({ type: 'timeout', seconds })} />
      )}
    </div>
  );
}

export function StepSelect(props: { label: string; value: ModerationStep; onChange: (v: ModerationStep) => void; path: string }) {
  return <ActionSelect {...props} onChange={(v) => props.onChange(v as ModerationStep)} stepsOnly />;
}

/** Roles a filter leaves alone. */
export function ExemptChecks({ value, onChange }: { value: readonly Role[]; onChange: (v: Role[]) => void }) {
  const flip = (role: Role) => onChange(value.includes(role) ? value.filter((r) => r !== role) : [...value, role]);
  return (
    <fieldset className="exempt">
      <legend>Exempt</legend>
      {ROLES.map(({ role, label }) => (
        <label key={role} className="chip-check">
          <input type="checkbox" checked={value.includes(role)} onChange={() => flip(role)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

interface NumberFieldProps {
  label: string;
  path: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  hint?: string;
  onChange: (v: number) => void;
}

/** A number kept as typed until it is valid, so a half-typed value is not snapped back. */
export function NumberField({ label, path, value, min, max, step, integer, hint, onChange }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const report = useContext(ValidityContext);
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // Only an outside change of the value (a reset, a save) replaces what is typed.
  }, [value]);
  const n = Number(text);
  const error =
    text.trim() === '' || !Number.isFinite(n)
      ? 'Enter a number'
      : integer && !Number.isInteger(n)
        ? 'A whole number'
        : n < min || n > max
          ? `Between ${min} and ${max}`
          : null;
  useEffect(() => {
    report(path, error === null);
    return () => report(path, true);
  }, [report, path, error]);
  return (
    <Field label={label} error={error} hint={hint}>
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(next) && next >= min && next <= max && (!integer || Number.isInteger(next))) onChange(next);
        }}
      />
    </Field>
  );
}

/** A list edited one entry per line; each line is checked by `validate`. */
export function LinesField({ label, path, value, hint, validate, onChange }: { label: string; path: string; value: readonly string[]; hint?: string; validate: (line: string) => string | null; onChange: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  const report = useContext(ValidityContext);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const problems = lines.map((l) => [l, validate(l)] as const).filter(([, e]) => e !== null);
  const error = problems.length > 0 ? `${problems[0]![0]}: ${problems[0]![1]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}` : null;
  useEffect(() => {
    report(path, error === null);
    return () => report(path, true);
  }, [report, path, error]);
  return (
    <Field label={label} error={error} hint={hint ?? 'One per line'}>
      <textarea
        value={text}
        rows={Math.min(8, Math.max(3, lines.length + 1))}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
        }}
      />
    </Field>
  );
}

/** A labelled on/off switch. */
export function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="switch">
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="switch-track" aria-hidden="true" />
      <span className="switch-text">{label}</span>
    </label>
  );
}
