import { useCallback, useState } from 'react';
import { roleAtLeast } from '../../../../src/core/routes.ts';
import { messageOf } from '../../api/client.ts';
import { useChannel, useRoutesAvailable, useSandboxEnabled } from '../../api/queries.ts';
import { useChannelName } from '../../app/channel.layout.tsx';
import { MODERATION_ROUTES, moderationApi } from '../moderation/moderation.api.ts';
import { SandboxPanel } from '../sandbox/sandbox.panel.tsx';
import { useFeedView } from './feed.context.tsx';
import { FeedList } from './feed.list.tsx';
import { duration, type ChatItem, type ModAction } from './feed.row.tsx';
import { FeedStatusPill } from './feed.status.tsx';

const TIMEOUT_SECONDS = 600;

/** The chat as the bot sees it, with one-click moderation and, in sandbox mode, a chat panel. */
export function MonitorPage() {
  const channel = useChannelName();
  const view = useFeedView();
  const role = useChannel(channel).data?.role ?? 'viewer';
  const sandbox = useSandboxEnabled();
  const actionsAvailable = useRoutesAvailable(MODERATION_ROUTES.actions);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const canModerate = roleAtLeast(role, 'moderator') && actionsAvailable === true;

  const moderate = useCallback(
    async (action: ModAction, item: ChatItem) => {
      if (action === 'ban' && !window.confirm(`Ban ${item.login} from #${channel}?`)) return;
      try {
        await moderationApi.act(channel, {
          action,
          userId: item.userId,
          login: item.login,
          messageId: action === 'delete' ? item.id : undefined,
          durationSeconds: action === 'timeout' ? TIMEOUT_SECONDS : undefined,
          reason: 'from the dashboard',
        });
        const done = { delete: `Deleted a message from ${item.login}`, timeout: `Timed out ${item.login} for ${duration(TIMEOUT_SECONDS)}`, ban: `Banned ${item.login}` };
        setOutcome({ ok: true, text: done[action] });
      } catch (error) {
        setOutcome({ ok: false, text: `Could not ${action} ${item.login}: ${messageOf(error)}` });
      }
    },
    [channel],
  );
  // Stable, so the memoized rows do not re-render on every frame.
  const onModerate = useCallback((action: ModAction, item: ChatItem) => void moderate(action, item), [moderate]);

  return (
    <div className={`monitor${sandbox.data ? ' monitor-with-panel' : ''}`}>
      <section className="monitor-feed" aria-labelledby="monitor-title">
        <div className="page-head">
          <h1 id="monitor-title">Live monitor</h1>
          <FeedStatusPill status={view.status} />
        </div>
        {outcome && (
          <div className={`notice ${outcome.ok ? 'notice-ok' : 'notice-error'}`} role={outcome.ok ? 'status' : 'alert'}>
            <span>{outcome.text}</span>
            <button type="button" className="button button-small button-ghost" onClick={() => setOutcome(null)} aria-label="Dismiss">
              ✕
            </button>
          </div>
        )}
        {roleAtLeast(role, 'moderator') && actionsAvailable === false && (
          <p className="muted small">One-click delete, timeout and ban are not available: this bot does not serve the moderation actions API yet.</p>
        )}
        <FeedList
          items={view.items}
          latestKey={view.latestKey}
          isRemoved={view.isRemoved}
          onModerate={canModerate ? onModerate : undefined}
          label={`Live chat of #${channel}`}
        />
      </section>
      {sandbox.data && <SandboxPanel channel={channel} />}
    </div>
  );
}
