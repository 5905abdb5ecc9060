import { memo, type CSSProperties } from 'react';
import type { ChatEvent } from '../../api/types.ts';
import { RoleBadges } from '../../components/role-badges.tsx';
import type { FeedItem } from './feed.store.ts';

export type ModAction = 'delete' | 'timeout' | 'ban';
export type ChatItem = Extract<FeedItem, { type: 'chat' }>;

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A stable hue per chatter, so names are told apart at a glance (the feed carries no Twitch colour). */
function hueOf(login: string): number {
  let hash = 0;
  for (let i = 0; i < login.length; i++) hash = (hash * 31 + login.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

interface RowProps {
  item: FeedItem;
  removed: boolean;
  /** Display name of the chatter a bot reply answers, when that message is still in view. */
  repliedTo?: string;
  onModerate?: (action: ModAction, item: ChatItem) => void;
}

/**
 * One line of the live feed. Every piece of chat text is a React text node: the browser shows
 * `<b>` as the characters `<b>`, never as markup.
 */
export const FeedRow = memo(function FeedRow({ item, removed, repliedTo, onModerate }: RowProps) {
  const at = <time className="feed-time" dateTime={new Date(item.at).toISOString()}>{time.format(item.at)}</time>;
  switch (item.type) {
    case 'chat':
      return (
        <li className={`feed-row feed-chat${removed ? ' feed-removed' : ''}`} data-login={item.login}>
          {at}
          <RoleBadges roles={item.roles} />
          <span className="feed-name" style={{ '--hue': hueOf(item.login) } as CSSProperties}>
            {item.displayName || item.login}
          </span>
          <span className="feed-text">{item.text}</span>
          {removed && <span className="feed-tag">removed</span>}
          {onModerate && (
            <span className="feed-actions">
              <button type="button" className="icon-button" onClick={() => onModerate('delete', item)} aria-label={`Delete this message from ${item.login}`} title="Delete message">
                Del
              </button>
              <button type="button" className="icon-button" onClick={() => onModerate('timeout', item)} aria-label={`Time out ${item.login} for 10 minutes`} title="Time out 10 min">
                T/O
              </button>
              <button type="button" className="icon-button icon-button-danger" onClick={() => onModerate('ban', item)} aria-label={`Ban ${item.login}`} title="Ban">
                Ban
              </button>
            </span>
          )}
        </li>
      );
    case 'reply':
      return (
        <li className="feed-row feed-reply">
          {at}
          <span className="feed-kind" aria-label="Bot reply">
            BOT
          </span>
          {repliedTo && <span className="feed-muted">@{repliedTo}</span>}
          <span className="feed-text">{item.text}</span>
        </li>
      );
    case 'moderation':
      return (
        <li className="feed-row feed-moderation">
          {at}
          <span className="feed-kind">MOD</span>
          <span className="feed-text">
            {item.action} {item.login}
            {item.durationSeconds ? ` for ${duration(item.durationSeconds)}` : ''}
          </span>
          <span className="feed-muted">
            {item.rule}
            {item.reason ? `: ${item.reason}` : ''}
          </span>
        </li>
      );
    case 'event':
      return (
        <li className="feed-row feed-event">
          {at}
          <span className="feed-kind">EVENT</span>
          <span className="feed-text">{describeEvent(item.event)}</span>
        </li>
      );
    case 'module_error':
      return (
        <li className="feed-row feed-error">
          {at}
          <span className="feed-kind">ERROR</span>
          <span className="feed-text">
            The {item.module} module failed in {item.where}
          </span>
        </li>
      );
    case 'connection':
      return (
        <li className="feed-row feed-connection">
          {at}
          <span className="feed-kind">CHAT</span>
          <span className="feed-text">Connection {item.state}</span>
        </li>
      );
  }
});

/** A chat event in a sentence. */
export function describeEvent(event: ChatEvent): string {
  switch (event.type) {
    case 'usernotice': {
      const head = event.systemText || `${event.displayName || event.login}: ${event.kind}`;
      return event.text ? `${head} — ${event.text}` : head;
    }
    case 'clearchat':
      if (!event.login) return 'Chat was cleared';
      return event.durationSeconds ? `${event.login} was timed out for ${duration(event.durationSeconds)}` : `${event.login} was banned`;
    case 'clearmsg':
      return `A message from ${event.login} was deleted`;
    case 'roomstate':
      return `Room settings: ${Object.entries(event.state).map(([k, v]) => `${k}=${v}`).join(', ')}`;
    case 'notice':
      return event.text;
    case 'userstate':
      return 'The bot\'s chat state changed';
  }
}
