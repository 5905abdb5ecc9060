import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { ChannelSettings } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { ErrorNotice } from '../../components/states.tsx';
import { validateLanguage, validatePrefix } from './settings.model.ts';

/** Prefix and language; the input stays as typed when the API refuses it. */
export function GeneralForm({ channel, settings, canEdit }: { channel: string; settings: ChannelSettings; canEdit: boolean }) {
  const [prefix, setPrefix] = useState(settings.prefix);
  const [language, setLanguage] = useState(settings.language);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => api.updateSettings(channel, { prefix, language }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.channel(channel) }),
  });
  const prefixError = validatePrefix(prefix);
  const languageError = validateLanguage(language);
  const dirty = prefix !== settings.prefix || language !== settings.language;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!prefixError && !languageError) save.mutate();
  };
  return (
    <form onSubmit={submit} className="stack" aria-label="General settings">
      <div className="row">
        <Field label="Command prefix" error={prefixError} hint="What chat commands start with, e.g. !">
          <input value={prefix} onChange={(e) => setPrefix(e.target.value)} disabled={!canEdit} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="Language" error={languageError} hint="The bot's replies, e.g. en or pt-BR">
          <input value={language} onChange={(e) => setLanguage(e.target.value)} disabled={!canEdit} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      {save.isError && <ErrorNotice error={save.error} />}
      {save.isSuccess && !dirty && (
        <p className="muted small" role="status">
          Saved.
        </p>
      )}
      {canEdit && (
        <div>
          <button type="submit" className="button button-primary" disabled={!dirty || !!prefixError || !!languageError || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
