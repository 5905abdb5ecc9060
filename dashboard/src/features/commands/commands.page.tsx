import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { roleAtLeast } from '../../../../src/core/routes.ts';
import { keys, useChannel, useRoutesAvailable } from '../../api/queries.ts';
import { useChannelName } from '../../app/channel.layout.tsx';
import { ErrorNotice, Loading, NotAvailable } from '../../components/states.tsx';
import { COMMANDS_ROUTES, commandsApi, type CustomCommand } from './commands.api.ts';
import { CommandForm } from './command.form.tsx';
import { CommandsExtras } from './commands.extras.tsx';
import { CommandsTable } from './commands.table.tsx';
import { VariablesReference } from './variables.reference.tsx';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; command: CustomCommand };

export function CommandsPage() {
  const channel = useChannelName();
  const role = useChannel(channel).data?.role ?? 'viewer';
  // The commands API lets moderators list and change commands; viewers see only quotes and counters.
  const isMod = roleAtLeast(role, 'moderator');
  const listed = useRoutesAvailable(COMMANDS_ROUTES.list);
  const writable = useRoutesAvailable(COMMANDS_ROUTES.create);
  const helped = useRoutesAvailable(COMMANDS_ROUTES.preview, COMMANDS_ROUTES.variables) === true;
  const commands = useQuery({ queryKey: keys.module(channel, 'commands', 'list'), queryFn: () => commandsApi.list(channel), enabled: listed === true && isMod });
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const close = () => setEditing({ mode: 'closed' });

  return (
    <section className="page" aria-labelledby="commands-title">
      <div className="page-head">
        <h1 id="commands-title">Commands</h1>
        {isMod && writable && editing.mode === 'closed' && (
          <button type="button" className="button button-primary" onClick={() => setEditing({ mode: 'new' })}>
            New command
          </button>
        )}
      </div>
      {listed === undefined && <Loading what="commands" />}
      {listed === false && <NotAvailable what="Custom commands" />}
      {editing.mode !== 'closed' && (
        <div className="card">
          <CommandForm
            key={editing.mode === 'edit' ? editing.command.name : 'new'}
            channel={channel}
            editing={editing.mode === 'edit' ? editing.command : undefined}
            onDone={close}
            previewAvailable={helped}
          />
        </div>
      )}
      {listed && !isMod && <p className="notice notice-muted">The list of commands is for moderators and up. Quotes and counters are below.</p>}
      {listed && isMod && (
        <div className="card">
          {commands.isPending && <Loading what="commands" />}
          {commands.isError && <ErrorNotice error={commands.error} retry={() => void commands.refetch()} />}
          {commands.data && <CommandsTable channel={channel} commands={commands.data} canEdit={writable === true} onEdit={(command) => setEditing({ mode: 'edit', command })} />}
        </div>
      )}
      {listed && editing.mode === 'closed' && helped && (
        <details className="card">
          <summary>Variable reference</summary>
          <VariablesReference channel={channel} />
        </details>
      )}
      {listed && <CommandsExtras channel={channel} isMod={isMod} />}
    </section>
  );
}
