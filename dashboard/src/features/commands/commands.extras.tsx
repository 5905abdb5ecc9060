import { useQuery } from '@tanstack/react-query';
import { keys, useRoutesAvailable } from '../../api/queries.ts';
import { Empty, ErrorNotice, Loading, NotAvailable } from '../../components/states.tsx';
import { COMMANDS_ROUTES, commandsApi } from './commands.api.ts';

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function useList<T>(channel: string, what: 'counters' | 'quotes' | 'timers', fetcher: (channel: string) => Promise<T[]>, enabled: boolean) {
  return useQuery({ queryKey: keys.module(channel, 'commands', what), queryFn: () => fetcher(channel), enabled });
}

/** Counters, quotes and timers the channel's commands use. */
export function CommandsExtras({ channel, isMod }: { channel: string; isMod: boolean }) {
  const countersOn = useRoutesAvailable(COMMANDS_ROUTES.counters) === true;
  const quotesOn = useRoutesAvailable(COMMANDS_ROUTES.quotes) === true;
  // Timers are listed to moderators and up.
  const timersOn = useRoutesAvailable(COMMANDS_ROUTES.timers) === true && isMod;
  const counters = useList(channel, 'counters', commandsApi.counters, countersOn);
  const quotes = useList(channel, 'quotes', commandsApi.quotes, quotesOn);
  const timers = useList(channel, 'timers', commandsApi.timers, timersOn);
  return (
    <div className="grid-2">
      <div className="card">
        <h2>Counters</h2>
        {!countersOn ? (
          <NotAvailable what="The counter list" />
        ) : counters.isPending ? (
          <Loading what="counters" />
        ) : counters.isError ? (
          <ErrorNotice error={counters.error} retry={() => void counters.refetch()} />
        ) : counters.data.length === 0 ? (
          <Empty>No counters yet. A response with $(count name) makes one.</Empty>
        ) : (
          <table className="table">
            <tbody>
              {counters.data.map((c) => (
                <tr key={c.name}>
                  <th scope="row" className="mono">
                    {c.name}
                  </th>
                  <td>{c.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>Timers</h2>
        {!isMod ? (
          <p className="muted">Timers are shown to moderators and up.</p>
        ) : !timersOn ? (
          <NotAvailable what="The timer list" />
        ) : timers.isPending ? (
          <Loading what="timers" />
        ) : timers.isError ? (
          <ErrorNotice error={timers.error} retry={() => void timers.refetch()} />
        ) : timers.data.length === 0 ? (
          <Empty>No timers yet.</Empty>
        ) : (
          <table className="table">
            <tbody>
              {timers.data.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  <td>
                    every {t.intervalMinutes} min, {t.minLines}+ lines, {t.mode}
                    {t.enabled ? '' : ' (off)'}
                    <div className="small muted">{t.messages.join(' · ')}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card span-2">
        <h2>Quotes</h2>
        {!quotesOn ? (
          <NotAvailable what="The quote list" />
        ) : quotes.isPending ? (
          <Loading what="quotes" />
        ) : quotes.isError ? (
          <ErrorNotice error={quotes.error} retry={() => void quotes.refetch()} />
        ) : quotes.data.length === 0 ? (
          <Empty>No quotes yet. Mods add them in chat with !quote add.</Empty>
        ) : (
          <table className="table">
            <tbody>
              {quotes.data.map((q) => (
                <tr key={q.number}>
                  <th scope="row">#{q.number}</th>
                  <td>
                    “{q.text}”{q.game ? <span className="muted"> — {q.game}</span> : null}
                    <div className="small muted">
                      added by {q.createdBy}, {date.format(new Date(q.createdAt))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
