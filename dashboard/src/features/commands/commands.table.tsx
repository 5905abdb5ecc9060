import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/queries.ts';
import { Empty, ErrorNotice } from '../../components/states.tsx';
import { commandsApi, type CustomCommand } from './commands.api.ts';
import { searchCommands } from './commands.model.ts';

interface CommandsTableProps {
  channel: string;
  commands: CustomCommand[];
  canEdit: boolean;
  onEdit: (command: CustomCommand) => void;
}

/** The channel's custom commands with search, on/off switches, edit and delete. */
export function CommandsTable({ channel, commands, canEdit, onEdit }: CommandsTableProps) {
  const [search, setSearch] = useState('');
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.module(channel, 'commands') });
  const toggle = useMutation({ mutationFn: (c: CustomCommand) => commandsApi.update(channel, c.name, { enabled: !c.enabled }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (name: string) => commandsApi.remove(channel, name), onSettled: refresh });
  const shown = searchCommands(commands, search);
  return (
    <div className="stack">
      <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search by name, alias or response" aria-label="Search commands" />
      {(toggle.isError || remove.isError) && <ErrorNotice error={toggle.error ?? remove.error} />}
      {commands.length === 0 && <Empty>No custom commands yet.{canEdit ? ' Create the first one above.' : ''}</Empty>}
      {commands.length > 0 && shown.length === 0 && <Empty>No command matches “{search}”.</Empty>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Command</th>
                <th scope="col">Response</th>
                <th scope="col">Who</th>
                <th scope="col">Cooldown</th>
                <th scope="col">Uses</th>
                <th scope="col">On</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.name}>
                  <td>
                    <strong className="mono">!{c.name}</strong>
                    {c.aliases.length > 0 && <div className="small muted">{c.aliases.map((a) => `!${a}`).join(' ')}</div>}
                  </td>
                  <td className="cell-template">{c.text}</td>
                  <td>{c.userLevel}</td>
                  <td className="nowrap">
                    {c.globalCooldownSeconds}s / {c.userCooldownSeconds}s
                  </td>
                  <td>{c.useCount}</td>
                  <td>
                    <label className="switch">
                      <input type="checkbox" role="switch" checked={c.enabled} disabled={!canEdit || toggle.isPending} onChange={() => toggle.mutate(c)} aria-label={`!${c.name} enabled`} />
                      <span className="switch-track" aria-hidden="true" />
                    </label>
                  </td>
                  {canEdit && (
                    <td className="cell-actions">
                      <button type="button" className="button button-small" onClick={() => onEdit(c)} aria-label={`Edit !${c.name}`}>
                        Edit
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => window.confirm(`Delete !${c.name}?`) && remove.mutate(c.name)}
                        aria-label={`Delete !${c.name}`}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
