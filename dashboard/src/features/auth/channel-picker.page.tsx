import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useSyncExternalStore } from 'react';
import { session } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys, useMe } from '../../api/queries.ts';
import { Empty, ErrorNotice, Loading } from '../../components/states.tsx';

/** The channels where the user holds a role; a streamer without one can invite the bot. */
export function ChannelPickerPage() {
  const me = useMe();
  const state = useSyncExternalStore(session.subscribe, session.get);
  const login = state.status === 'signed_in' ? state.user.login : '';
  const queryClient = useQueryClient();
  const invite = useMutation({ mutationFn: () => api.inviteBot(login), onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }) });
  const channels = me.data?.channels ?? [];
  const ownsOne = channels.some((c) => c.channel === login);
  return (
    <section className="page" aria-labelledby="picker-title">
      <h1 id="picker-title">Your channels</h1>
      {me.isPending && <Loading what="your channels" />}
      {me.isError && <ErrorNotice error={me.error} retry={() => void me.refetch()} />}
      {me.data && channels.length === 0 && <Empty>You hold no role in any channel the bot is in.</Empty>}
      {channels.length > 0 && (
        <ul className="channel-list">
          {channels.map((c) => (
            <li key={c.channel}>
              <Link className="channel-card" to={`/c/${c.channel}`}>
                <span className="channel-avatar" aria-hidden="true">
                  {c.channel.slice(0, 1).toUpperCase()}
                </span>
                <span className="channel-name">#{c.channel}</span>
                <span className={`role-chip role-${c.role}`}>{c.role}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {me.data && !ownsOne && login && (
        <div className="card invite-card">
          <h2>Add the bot to your channel</h2>
          <p className="muted">The bot joins #{login} and you become its owner here.</p>
          {invite.isError && <ErrorNotice error={invite.error} />}
          <button type="button" className="button button-primary" disabled={invite.isPending} onClick={() => invite.mutate()}>
            {invite.isPending ? 'Inviting…' : `Invite the bot to #${login}`}
          </button>
        </div>
      )}
    </section>
  );
}
