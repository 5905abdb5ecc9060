import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { keys } from '../../api/queries.ts';
import { moderationApi, type ModerationSettings } from './moderation.api.ts';
import { setIn } from './moderation.model.ts';

/**
 * The moderation settings being edited: loaded once, changed locally across tabs, saved in one
 * PUT. A refused save keeps every change so the user can fix the one the API named.
 */
export function useSettingsDraft(channel: string, enabled: boolean) {
  const queryKey = keys.module(channel, 'moderation', 'settings');
  const saved = useQuery({ queryKey, queryFn: () => moderationApi.settings(channel), enabled, staleTime: Infinity });
  const [draft, setDraft] = useState<ModerationSettings | null>(null);
  const [revision, setRevision] = useState(0);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const queryClient = useQueryClient();
  const current = draft ?? saved.data ?? null;

  const set = useCallback(
    (path: readonly (string | number)[], value: unknown) => setDraft((d) => setIn(d ?? saved.data!, path, value)),
    [saved.data],
  );
  const report = useCallback(
    (path: string, ok: boolean) =>
      setInvalid((s) => {
        if (ok === !s.has(path)) return s;
        const next = new Set(s);
        if (ok) next.delete(path);
        else next.add(path);
        return next;
      }),
    [],
  );
  const save = useMutation({
    mutationFn: () => moderationApi.saveSettings(channel, current!),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKey, settings);
      setDraft(null);
      setRevision((r) => r + 1);
    },
  });
  const dirty = useMemo(() => draft !== null && JSON.stringify(draft) !== JSON.stringify(saved.data), [draft, saved.data]);
  const discard = () => {
    setDraft(null);
    save.reset();
    setRevision((r) => r + 1);
  };
  return { saved, current, set, report, invalid, dirty, save, discard, revision };
}

export type SettingsDraft = ReturnType<typeof useSettingsDraft>;
