import { Link, Outlet, useParams } from 'react-router-dom';
import { ApiFailure } from '../api/client.ts';
import { useChannel } from '../api/queries.ts';
import { ErrorNotice, Loading } from '../components/states.tsx';
import { FeedProvider } from '../features/monitor/feed.context.tsx';
import { Shell } from './shell.tsx';

/** The channel in the address bar; the route guarantees it is there. */
export function useChannelName(): string {
  return useParams()['channel'] ?? '';
}

/** Every page of one channel: the shell, the channel's live feed, and the page itself. */
export function ChannelLayout() {
  const channel = useChannelName();
  const info = useChannel(channel);
  let body;
  // Data wins over a failed background refetch, so a blip does not drop the live feed's scrollback.
  if (info.data)
    body = (
      <FeedProvider channel={channel}>
        <Outlet />
      </FeedProvider>
    );
  else if (info.isPending) body = <Loading what={`#${channel}`} />;
  else if (info.error instanceof ApiFailure && info.error.status === 404)
    body = (
      <div className="card">
        <h1>No access to #{channel}</h1>
        <p>You hold no role in this channel, or the bot is not in it.</p>
        <Link to="/">Pick another channel</Link>
      </div>
    );
  else body = <ErrorNotice error={info.error} retry={() => void info.refetch()} />;
  return (
    <Shell channel={channel}>
      {body}
    </Shell>
  );
}
