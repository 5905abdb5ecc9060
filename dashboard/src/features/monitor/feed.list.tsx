import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FeedRow, type ChatItem, type ModAction } from './feed.row.tsx';
import type { FeedItem } from './feed.store.ts';

/** Rows in the DOM while live; a paused reader can page further back in steps of this size. */
export const LIVE_ROWS = 200;
const BOTTOM_SLACK_PX = 24;

type PauseReason = 'hover' | 'focus' | 'scroll';

interface FeedListProps {
  items: readonly FeedItem[];
  latestKey: number;
  isRemoved: (item: FeedItem) => boolean;
  onModerate?: (action: ModAction, item: ChatItem) => void;
  label?: string;
}

/**
 * The live feed as a scrolling log. It follows the newest line until the reader hovers it,
 * focuses a line, or scrolls up: then the view freezes (new lines still arrive in the store) and a
 * bar counts what came in. The DOM holds a bounded number of rows, so 100 messages per second
 * cost one small render per frame.
 */
export function FeedList({ items, latestKey, isRemoved, onModerate, label = 'Live chat' }: FeedListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [reasons, setReasons] = useState<ReadonlySet<PauseReason>>(new Set());
  const [frozen, setFrozen] = useState<{ items: readonly FeedItem[]; latestKey: number } | null>(null);
  const [depth, setDepth] = useState(LIVE_ROWS);
  const heightBefore = useRef<number | null>(null);

  const source = frozen?.items ?? items;
  const shown = useMemo(() => source.slice(-depth), [source, depth]);
  const hidden = source.length - shown.length;
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const item of shown) if (item.type === 'chat') map.set(item.id, item.displayName || item.login);
    return map;
  }, [shown]);

  // Handlers read the state of the last render: React renders after every discrete event.
  const pause = (reason: PauseReason) => {
    if (reasons.has(reason)) return;
    if (reasons.size === 0) {
      // The "show older" button appears above the rows: keep them where the reader sees them.
      heightBefore.current = scroller.current?.scrollHeight ?? null;
      setFrozen({ items, latestKey });
    }
    setReasons(new Set([...reasons, reason]));
  };
  const resume = (reason: PauseReason) => {
    if (!reasons.has(reason)) return;
    const next = new Set(reasons);
    next.delete(reason);
    setReasons(next);
    if (next.size === 0) unfreeze();
  };
  const unfreeze = () => {
    setFrozen(null);
    setDepth(LIVE_ROWS);
  };
  const jumpToLatest = () => {
    setReasons(new Set());
    unfreeze();
  };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (heightBefore.current !== null) {
      // Rows or the "show older" button went in above: keep the line the reader was looking at in place.
      el.scrollTop += el.scrollHeight - heightBefore.current;
      heightBefore.current = null;
    } else if (!frozen) {
      el.scrollTop = el.scrollHeight;
    }
  }, [shown, frozen]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    if (atBottom) resume('scroll');
    else pause('scroll');
  };
  const showOlder = () => {
    heightBefore.current = scroller.current?.scrollHeight ?? null;
    setDepth((d) => d + LIVE_ROWS);
  };

  const missed = frozen ? latestKey - frozen.latestKey : 0;
  return (
    <div className="feed">
      <div
        ref={scroller}
        className="feed-scroll"
        onScroll={onScroll}
        onMouseEnter={() => pause('hover')}
        onMouseLeave={() => resume('hover')}
        onFocus={() => pause('focus')}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) resume('focus');
        }}
        tabIndex={0}
        role="region"
        aria-label={`${label}${frozen ? ' (paused)' : ''}`}
      >
        {frozen && hidden > 0 && (
          <button type="button" className="button button-small feed-older" onClick={showOlder}>
            Show older ({hidden} more)
          </button>
        )}
        {shown.length === 0 ? (
          <p className="state state-empty feed-empty">Nothing yet. Chat, replies and moderation show up here as they happen.</p>
        ) : (
          <ol className="feed-lines" aria-live="off">
            {shown.map((item) => (
              <FeedRow
                key={item.key}
                item={item}
                removed={isRemoved(item)}
                repliedTo={item.type === 'reply' && item.replyTo ? names.get(item.replyTo) : undefined}
                onModerate={onModerate}
              />
            ))}
          </ol>
        )}
        {frozen && (
          // Zero height in the flow: showing the bar must not scroll the rows, or it would read as the reader scrolling up.
          <div className="feed-paused-anchor">
            <div className="feed-paused" role="status">
              <span>Paused{missed > 0 ? ` · ${missed} new` : ''}</span>
              <button type="button" className="button button-small button-primary" onClick={jumpToLatest}>
                Jump to latest
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
