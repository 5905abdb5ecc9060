import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { keys, useModules } from '../../api/queries.ts';
import type { ModuleSwitch } from '../../api/types.ts';
import { Empty, ErrorNotice, Loading } from '../../components/states.tsx';

/** Every module with its on/off switch; editors and owners may flip them. */
export function ModuleSwitches({ channel, canEdit }: { channel: string; canEdit: boolean }) {
  const modules = useModules(channel);
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (next: ModuleSwitch[]) => api.updateSettings(channel, { disabledModules: next.filter((m) => !m.enabled).map((m) => m.name) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.modules(channel) });
      void queryClient.invalidateQueries({ queryKey: keys.channel(channel) });
    },
  });
  if (modules.isPending) return <Loading what="modules" />;
  if (modules.isError) return <ErrorNotice error={modules.error} retry={() => void modules.refetch()} />;
  if (modules.data.length === 0) return <Empty>No modules are installed.</Empty>;
  const flip = (name: string) => toggle.mutate(modules.data.map((m) => (m.name === name ? { ...m, enabled: !m.enabled } : m)));
  return (
    <>
      {toggle.isError && <ErrorNotice error={toggle.error} />}
      <ul className="switch-list">
        {modules.data.map((m) => (
          <li key={m.name} className="switch-row">
            <div>
              <strong>{m.name}</strong>
              <p className="muted small">{m.description}</p>
            </div>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={m.enabled}
                disabled={!canEdit || !m.canDisable || toggle.isPending}
                onChange={() => flip(m.name)}
                aria-label={`${m.name} module`}
              />
              <span className="switch-track" aria-hidden="true" />
              <span className="switch-text">{m.canDisable ? (m.enabled ? 'On' : 'Off') : 'Always on'}</span>
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}
