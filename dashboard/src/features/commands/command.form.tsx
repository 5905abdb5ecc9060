import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { keys } from '../../api/queries.ts';
import { Field } from '../../components/field.tsx';
import { ErrorNotice } from '../../components/states.tsx';
import { commandsApi, type CustomCommand } from './commands.api.ts';
import { draftOf, emptyDraft, inputOf, USER_LEVELS, validateDraft, type CommandDraft } from './commands.model.ts';
import { TemplatePreview } from './template.preview.tsx';
import { VariablesReference } from './variables.reference.tsx';

interface CommandFormProps {
  channel: string;
  /** The command being edited; none to create one. */
  editing?: CustomCommand;
  onDone: () => void;
  /** Whether the preview and variable reference routes are served. */
  previewAvailable: boolean;
}

/**
 * Create or edit a custom command. Each field says what is wrong as soon as it has been typed in;
 * a refusal from the API is shown above the buttons and the form keeps what was typed.
 */
export function CommandForm({ channel, editing, onDone, previewAvailable }: CommandFormProps) {
  const [draft, setDraft] = useState<CommandDraft>(editing ? draftOf(editing) : emptyDraft);
  const [touched, setTouched] = useState<ReadonlySet<keyof CommandDraft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const template = useRef<HTMLTextAreaElement>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => (editing ? commandsApi.update(channel, editing.name, inputOf(draft)) : commandsApi.create(channel, inputOf(draft))),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.module(channel, 'commands') });
      onDone();
    },
  });

  const errors = validateDraft(draft);
  const shown = (field: keyof CommandDraft) => (submitted || touched.has(field) ? errors[field] : undefined);
  const set = (field: keyof CommandDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  };
  const insert = (usage: string) => {
    const el = template.current;
    const at = el?.selectionStart ?? draft.text.length;
    const end = el?.selectionEnd ?? at;
    set('text')(draft.text.slice(0, at) + usage + draft.text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + usage.length, at + usage.length);
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) save.mutate();
  };

  return (
    <div className="command-editor">
      <form onSubmit={submit} className="stack" aria-label={editing ? `Edit !${editing.name}` : 'New command'} noValidate>
        <h2>{editing ? `Edit !${editing.name}` : 'New command'}</h2>
        <div className="row">
          <Field label="Name" error={shown('name')} hint="What chatters type after the prefix">
            <input value={draft.name} onChange={(e) => set('name')(e.target.value)} autoComplete="off" spellCheck={false} placeholder="hello" />
          </Field>
          <Field label="Aliases" error={shown('aliases')} hint="Other names, separated by commas">
            <input value={draft.aliases} onChange={(e) => set('aliases')(e.target.value)} autoComplete="off" spellCheck={false} placeholder="hi, hey" />
          </Field>
        </div>
        <Field label="Response" error={shown('text')} hint="Variables such as $(user) are filled in when it runs; the reply is cut at 500 characters">
          <textarea ref={template} value={draft.text} onChange={(e) => set('text')(e.target.value)} rows={3} placeholder="Hello $(user)!" />
        </Field>
        <div className="row">
          <Field label="Who can use it">
            <select value={draft.userLevel} onChange={(e) => set('userLevel')(e.target.value)}>
              {USER_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Cooldown for everyone (s)" error={shown('globalCooldownSeconds')}>
            <input value={draft.globalCooldownSeconds} onChange={(e) => set('globalCooldownSeconds')(e.target.value)} inputMode="numeric" />
          </Field>
          <Field label="Cooldown per user (s)" error={shown('userCooldownSeconds')}>
            <input value={draft.userCooldownSeconds} onChange={(e) => set('userCooldownSeconds')(e.target.value)} inputMode="numeric" />
          </Field>
        </div>
        {save.isError && <ErrorNotice error={save.error} />}
        <div className="row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Create command'}
          </button>
          <button type="button" className="button button-ghost" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
      {previewAvailable && (
        <div className="command-help">
          <TemplatePreview channel={channel} template={draft.text} />
          <VariablesReference channel={channel} onInsert={insert} />
        </div>
      )}
    </div>
  );
}
