import type { FeedStatus } from './feed.store.ts';

const TEXT: Record<FeedStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' };

export function FeedStatusPill({ status }: { status: FeedStatus }) {
  return (
    <span className={`pill pill-${status}`} role="status">
      <span className="pill-dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  );
}
