import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { roleAtLeast } from '../../../../src/core/routes.ts';
import { api } from '../../api/endpoints.ts';
import { keys, useChannel } from '../../api/queries.ts';
import { useChannelName } from '../../app/channel.layout.tsx';
import { ErrorNotice } from '../../components/states.tsx';
import { ApiKeysSection, RolesSection } from './access.section.tsx';
import { GeneralForm } from './general.form.tsx';
import { ModuleSwitches } from './module-switches.tsx';

export function SettingsPage() {
  const channel = useChannelName();
  const info = useChannel(channel).data!;
  const canEdit = roleAtLeast(info.role, 'editor');
  const isOwner = info.role === 'owner';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const part = useMutation({
    mutationFn: () => api.partChannel(channel),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate('/');
    },
  });
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="card">
        <h2>General</h2>
        {info.settings ? <GeneralForm key={channel} channel={channel} settings={info.settings} canEdit={canEdit} /> : <p>This channel has no settings yet.</p>}
      </div>
      <div className="card">
        <h2>Modules</h2>
        <ModuleSwitches channel={channel} canEdit={canEdit} />
      </div>
      <div className="card">
        <h2>Bot account</h2>
        <p>
          The bot is <strong className={info.connected ? 'ok' : 'bad'}>{info.connected ? 'connected to' : 'not connected to'}</strong> #{channel}'s chat.
        </p>
        {isOwner && (
          <>
            {part.isError && <ErrorNotice error={part.error} />}
            <button
              type="button"
              className="button button-danger"
              disabled={part.isPending}
              onClick={() => {
                if (window.confirm(`Send the bot away from #${channel}? Settings are kept.`)) part.mutate();
              }}
            >
              Remove the bot from #{channel}
            </button>
          </>
        )}
      </div>
      {isOwner && (
        <>
          <div className="card">
            <h2>Dashboard access</h2>
            <RolesSection channel={channel} />
          </div>
          <div className="card">
            <h2>API keys</h2>
            <ApiKeysSection channel={channel} />
          </div>
        </>
      )}
    </section>
  );
}
