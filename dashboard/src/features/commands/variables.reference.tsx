import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/queries.ts';
import { Empty, ErrorNotice, Loading } from '../../components/states.tsx';
import { commandsApi } from './commands.api.ts';

/** Every variable a response may use, with the engine's own examples; "Insert" puts it into the response. */
export function VariablesReference({ channel, onInsert }: { channel: string; onInsert?: (usage: string) => void }) {
  const variables = useQuery({ queryKey: keys.module(channel, 'commands', 'variables'), queryFn: () => commandsApi.variables(channel), staleTime: Infinity });
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = (variables.data ?? []).filter((v) => needle === '' || v.name.includes(needle) || v.description.toLowerCase().includes(needle));
  return (
    <section className="variables" aria-labelledby="variables-title">
      <h3 id="variables-title">Variables</h3>
      <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search variables" aria-label="Search variables" />
      {variables.isPending && <Loading what="variables" />}
      {variables.isError && <ErrorNotice error={variables.error} retry={() => void variables.refetch()} />}
      {variables.data && shown.length === 0 && <Empty>No variable matches “{search}”.</Empty>}
      <ul className="variable-list">
        {shown.map((v) => (
          <li key={v.name} className="variable">
            <div className="variable-head">
              <code>{v.usage}</code>
              {onInsert && (
                <button type="button" className="button button-small" onClick={() => onInsert(v.usage)} aria-label={`Insert ${v.usage}`}>
                  Insert
                </button>
              )}
            </div>
            <p className="small">{v.description}</p>
            {v.example && (
              <p className="small muted">
                <code>{v.example.template}</code> → {v.example.output}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
