import type { ChatEvent, ChatMessage, EmoteRange, Role, UserNoticeKind } from '../../core/chat.ts';
import type { IrcMessage } from './irc.parser.ts';

// Twitch's IRC wire format (tags on PRIVMSG, USERNOTICE, CLEARCHAT, ...) mapped once into core types.
// Tag reference: https://dev.twitch.tv/docs/chat/irc/#privmsg-tags

// Maps, not objects: a badge or msg-id named like an Object.prototype member must find nothing.
const BADGE_ROLES: ReadonlyMap<string, Role> = new Map([
  ['broadcaster', 'broadcaster'],
  ['moderator', 'moderator'],
  ['lead_moderator', 'moderator'],
  ['vip', 'vip'],
  ['subscriber', 'subscriber'],
  ['founder', 'founder'],
]);

/** Roles from a `badges` tag (`moderator/1,subscriber/12`), plus the `mod`/`vip` flags. */
export function rolesFromTags(tags: Record<string, string>): Set<Role> {
  const roles = new Set<Role>();
  const badges = tags['badges'];
  if (badges) {
    for (const badge of badges.split(',')) {
      const slash = badge.indexOf('/');
      const role = BADGE_ROLES.get(slash === -1 ? badge : badge.slice(0, slash));
      if (role) roles.add(role);
    }
  }
  if (tags['mod'] === '1') roles.add('moderator');
  if (tags['vip'] === '1') roles.add('vip');
  return roles;
}

/** Parses an `emotes` tag (`25:0-4,12-16/1902:6-10`). Malformed parts are skipped. */
export function parseEmotes(tag: string | undefined): EmoteRange[] {
  if (!tag) return [];
  const emotes: EmoteRange[] = [];
  for (const group of tag.split('/')) {
    const colon = group.indexOf(':');
    if (colon <= 0) continue;
    const id = group.slice(0, colon);
    for (const range of group.slice(colon + 1).split(',')) {
      const dash = range.indexOf('-');
      const start = Number(range.slice(0, dash));
      const end = Number(range.slice(dash + 1));
      if (dash > 0 && Number.isInteger(start) && Number.isInteger(end) && start <= end) emotes.push({ id, start, end });
    }
  }
  return emotes;
}

const ACTION_PREFIX = '\u0001ACTION ';

/** Channel name without `#`, lowercase. */
export function channelName(param: string | undefined): string {
  if (!param) return '';
  return (param.startsWith('#') ? param.slice(1) : param).toLowerCase();
}

/** The text of a PRIVMSG and whether it is a `/me` action. */
export function messageText(trailing: string): { text: string; action: boolean } {
  if (trailing.startsWith(ACTION_PREFIX)) {
    const body = trailing.slice(ACTION_PREFIX.length);
    return { text: body.endsWith('\u0001') ? body.slice(0, -1) : body, action: true };
  }
  return { text: trailing, action: false };
}

/** Maps a PRIVMSG to a ChatMessage; null when the line lacks what a chat message needs. */
export function toChatMessage(irc: IrcMessage): ChatMessage | null {
  if (irc.command !== 'PRIVMSG' || irc.params.length < 2 || !irc.nick) return null;
  const { tags } = irc;
  const { text, action } = messageText(irc.params[1]!);
  const parentId = tags['reply-parent-msg-id'];
  const bits = Number(tags['bits'] ?? 0);
  const sentAt = Number(tags['tmi-sent-ts']);
  return {
    id: tags['id'] ?? '',
    channel: channelName(irc.params[0]),
    channelId: tags['room-id'] ?? '',
    userId: tags['user-id'] ?? '',
    login: irc.nick.toLowerCase(),
    displayName: tags['display-name'] || irc.nick,
    text,
    action,
    roles: rolesFromTags(tags),
    emotes: parseEmotes(tags['emotes']),
    bits: Number.isFinite(bits) && bits > 0 ? Math.floor(bits) : 0,
    firstMessage: tags['first-msg'] === '1',
    replyParent: parentId
      ? { id: parentId, login: tags['reply-parent-user-login'] ?? '', text: tags['reply-parent-msg-body'] ?? '' }
      : undefined,
    sentAt: Number.isFinite(sentAt) ? sentAt : Date.now(),
  };
}

const NOTICE_KINDS: ReadonlyMap<string, UserNoticeKind> = new Map(
  (['sub', 'resub', 'subgift', 'submysterygift', 'raid', 'announcement'] as const).map((kind) => [kind, kind]),
);

/** Maps USERNOTICE, CLEARCHAT, CLEARMSG, ROOMSTATE, NOTICE and USERSTATE to a ChatEvent. */
export function toChatEvent(irc: IrcMessage): ChatEvent | null {
  const channel = channelName(irc.params[0]);
  const { tags } = irc;
  switch (irc.command) {
    case 'USERNOTICE': {
      const msgId = tags['msg-id'] ?? '';
      const params: Record<string, string> = {};
      for (const key in tags) if (key.startsWith('msg-param-')) params[key.slice(10)] = tags[key]!;
      return {
        type: 'usernotice',
        kind: NOTICE_KINDS.get(msgId) ?? 'other',
        msgId,
        channel,
        login: (tags['login'] ?? '').toLowerCase(),
        userId: tags['user-id'] ?? '',
        displayName: tags['display-name'] ?? tags['login'] ?? '',
        text: irc.params[1] ?? '',
        systemText: tags['system-msg'] ?? '',
        params,
      };
    }
    case 'CLEARCHAT': {
      const duration = Number(tags['ban-duration']);
      return {
        type: 'clearchat',
        channel,
        login: irc.params[1]?.toLowerCase(),
        durationSeconds: Number.isFinite(duration) && tags['ban-duration'] ? duration : undefined,
      };
    }
    case 'CLEARMSG':
      return { type: 'clearmsg', channel, login: (tags['login'] ?? '').toLowerCase(), messageId: tags['target-msg-id'] ?? '' };
    case 'ROOMSTATE':
      return { type: 'roomstate', channel, state: { ...tags } };
    case 'NOTICE':
      return { type: 'notice', channel, msgId: tags['msg-id'] ?? '', text: irc.params[1] ?? '' };
    case 'USERSTATE':
      return { type: 'userstate', channel, roles: rolesFromTags(tags) };
    default:
      return null;
  }
}
