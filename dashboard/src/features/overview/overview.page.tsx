import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { roleAtLeast } from '../../../../src/core/routes.ts';
import { keys, useChannel, useRoutesAvailable } from '../../api/queries.ts';
import { useChannelName } from '../../app/channel.layout.tsx';
import { RateChart } from '../../components/rate-chart.tsx';
import { Empty, ErrorNotice } from '../../components/states.tsx';
import { MODERATION_ROUTES, moderationApi, type LogEntry } from '../moderation/moderation.api.ts';
import { duration } from '../monitor/feed.row.tsx';
import { useFeedStore, useFeedView } from '../monitor/feed.context.tsx';
import { FeedRow } from '../monitor/feed.row.tsx';
import { FeedStatusPill } from '../monitor/feed.status.tsx';
import { ModuleSwitches } from '../settings/module-switches.tsx';

const RECENT_ACTIONS = 8;

/** The bot's state in the channel at a glance. */
export function OverviewPage() {
  const channel = useChannelName();
  const info = useChannel(channel).data!;
  const store = useFeedStore();
  const view = useFeedView();
  const [rate, setRate] = useState(() => store.rate());
  useEffect(() => {
    setRate(store.rate());
    const timer = setInterval(() => setRate(store.rate()), 5_000);
    return () => clearInterval(timer);
  }, [store]);
  // The moderation log is the record; without it (or the role to read it), what the feed showed since the page opened.
  const logReadable = useRoutesAvailable(MODERATION_ROUTES.log) === true && roleAtLeast(info.role, 'moderator');
  const log = useQuery({
    queryKey: keys.module(channel, 'moderation', 'log', 'recent'),
    queryFn: () => moderationApi.log(channel, { limit: RECENT_ACTIONS }),
    enabled: logReadable,
    refetchInterval: 15_000,
  });
  const recent = view.items.filter((i) => i.type === 'moderation' || (i.type === 'event' && (i.event.type === 'clearchat' || i.event.type === 'clearmsg'))).slice(-RECENT_ACTIONS).reverse();
  const lastMinutes = rate.slice(-5).reduce((sum, [, n]) => sum + n, 0);

  return (
    <section className="page" aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">#{channel}</h1>
        <span className={`role-chip role-${info.role}`}>{info.role}</span>
      </div>
      <div className="tiles">
        <div className="tile">
          <span className="tile-label">Chat connection</span>
          <span className={`tile-value ${info.connected ? 'ok' : 'bad'}`}>{info.connected ? 'Connected' : 'Not connected'}</span>
        </div>
        <div className="tile">
          <span className="tile-label">Live feed</span>
          <span className="tile-value">
            <FeedStatusPill status={view.status} />
          </span>
        </div>
        <div className="tile">
          <span className="tile-label">Messages, last 5 min</span>
          <span className="tile-value">{lastMinutes}</span>
        </div>
        <div className="tile">
          <span className="tile-label">Command prefix</span>
          <span className="tile-value mono">{info.settings?.prefix ?? '!'}</span>
        </div>
      </div>
      <div className="grid-2">
        <div className="card">
          <h2>Messages per minute</h2>
          <p className="muted small">Counted from the live feed since you opened the dashboard.</p>
          <RateChart points={rate.slice(-30)} label="Chat messages per minute" />
        </div>
        <div className="card">
          <h2>Recent actions</h2>
          {logReadable ? (
            <RecentFromLog entries={log.data} error={log.error} />
          ) : recent.length === 0 ? (
            <Empty>No moderation actions since you opened the dashboard.</Empty>
          ) : (
            <ol className="feed-lines compact">
              {recent.map((item) => (
                <FeedRow key={item.key} item={item} removed={false} />
              ))}
            </ol>
          )}
          <Link to={`/c/${channel}/moderation`} className="small">
            Moderation log
          </Link>
        </div>
      </div>
      <div className="card">
        <h2>Modules</h2>
        <ModuleSwitches channel={channel} canEdit={roleAtLeast(info.role, 'editor')} />
      </div>
    </section>
  );
}

const when = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });

function RecentFromLog({ entries, error }: { entries: LogEntry[] | undefined; error: unknown }) {
  if (error) return <ErrorNotice error={error} />;
  if (!entries) return <Empty>Loading…</Empty>;
  if (entries.length === 0) return <Empty>No moderation actions yet.</Empty>;
  return (
    <ul className="recent-list">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="feed-time">{when.format(new Date(e.createdAt))}</span> <strong>{e.action}</strong>
          {e.durationSeconds ? ` ${duration(e.durationSeconds)}` : ''} {e.userLogin} <span className="muted small">· {e.rule} · by {e.actor}</span>
        </li>
      ))}
    </ul>
  );
}
