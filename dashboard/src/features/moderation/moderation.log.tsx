import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys, useRoutesAvailable } from '../../api/queries.ts';
import { Empty, ErrorNotice, Loading } from '../../components/states.tsx';
import { duration } from '../monitor/feed.row.tsx';
import { MODERATION_ROUTES, moderationApi, type LogEntry } from './moderation.api.ts';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
const ACTIONS = ['warn', 'delete', 'timeout', 'ban', 'unban'] as const;
const UNDOABLE = new Set<LogEntry['action']>(['timeout', 'ban']);

/** The moderation log, newest first, filtered by user (on the server) and by action or rule (here), with undo. */
export function ModerationLog({ channel, canUndo }: { channel: string; canUndo: boolean }) {
  const [login, setLogin] = useState('');
  const [action, setAction] = useState('');
  const [rule, setRule] = useState('');
  const undoServed = useRoutesAvailable(MODERATION_ROUTES.undo) === true;
  const filterLogin = /^[A-Za-z0-9_]{1,25}$/.test(login.trim()) ? login.trim().toLowerCase() : '';
  const log = useQuery({
    queryKey: keys.module(channel, 'moderation', 'log', filterLogin),
    queryFn: () => moderationApi.log(channel, { login: filterLogin || undefined, limit: 200 }),
    refetchInterval: 10_000,
  });
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: (id: string) => moderationApi.undo(channel, id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.module(channel, 'moderation', 'log') }),
  });
  const rules = [...new Set((log.data ?? []).map((e) => e.rule))].sort();
  const shown = (log.data ?? []).filter((e) => (action === '' || e.action === action) && (rule === '' || e.rule === rule));

  return (
    <div className="stack">
      <div className="row" role="search" aria-label="Filter the log">
        <label className="field">
          <span>User</span>
          <input type="search" value={login} onChange={(e) => setLogin(e.target.value)} placeholder="login" autoComplete="off" />
        </label>
        <label className="field">
          <span>Action</span>
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Any</option>
            {ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Rule</span>
          <select value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="">Any</option>
            {rules.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      {undo.isError && <ErrorNotice error={undo.error} />}
      {log.isPending && <Loading what="the moderation log" />}
      {log.isError && <ErrorNotice error={log.error} retry={() => void log.refetch()} />}
      {log.data && shown.length === 0 && <Empty>{log.data.length === 0 ? 'Nothing in the log yet.' : 'No entry matches these filters.'}</Empty>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Rule</th>
                <th scope="col">Message</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} className={e.undoneAt ? 'row-undone' : undefined}>
                  <td className="nowrap">{time.format(new Date(e.createdAt))}</td>
                  <td>{e.userLogin}</td>
                  <td>
                    {e.action}
                    {e.durationSeconds ? ` ${duration(e.durationSeconds)}` : ''}
                    {e.status === 'failed' && <div className="small bad">failed: {e.error}</div>}
                  </td>
                  <td>
                    {e.rule}
                    {e.detail && <div className="small muted">{e.detail}</div>}
                  </td>
                  <td className="cell-template">{e.messageText}</td>
                  <td>{e.actor}</td>
                  <td className="cell-actions">
                    {e.undoneAt ? (
                      <span className="small muted">undone by {e.undoneBy}</span>
                    ) : (
                      canUndo &&
                      undoServed &&
                      UNDOABLE.has(e.action) &&
                      e.status === 'done' && (
                        <button type="button" className="button button-small" disabled={undo.isPending} onClick={() => undo.mutate(e.id)} aria-label={`Undo the ${e.action} of ${e.userLogin}`}>
                          Undo
                        </button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
