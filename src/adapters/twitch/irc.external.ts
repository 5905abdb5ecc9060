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
  return rolesOf(tags['badges'], tags['mod'], tags['vip']);
}

function rolesOf(badges: string | undefined, mod: string | undefined, vip: string | undefined): Set<Role> {
  const roles = new Set<Role>();
  if (badges) {
    for (const badge of badges.split(',')) {
      const slash = badge.indexOf('/');
      const role = BADGE_ROLES.get(slash === -1 ? badge : badge.slice(0, slash));
      if (role) roles.add(role);
    }
  }
  if (mod === '1') roles.add('moderator');
  if (vip === '1') roles.add('vip');
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

/** What a chat message is read from: a PRIVMSG's prefix nick, params and the tags it uses (undefined: absent). */
export interface ChatLineParts {
  nick: string;
  channel: string;
  trailing: string;
  id?: string;
  roomId?: string;
  userId?: string;
  displayName?: string;
  badges?: string;
  mod?: string;
  vip?: string;
  emotes?: string;
  bits?: string;
  firstMsg?: string;
  sentTs?: string;
  parentId?: string;
  parentLogin?: string;
  parentBody?: string;
}

/** Builds the ChatMessage; both readers of chat lines (toChatMessage, readChatLine) end here. */
export function chatMessageOf(parts: ChatLineParts): ChatMessage {
  const { text, action } = messageText(parts.trailing);
  const bits = Number(parts.bits ?? 0);
  const sentAt = Number(parts.sentTs);
  return {
    id: parts.id ?? '',
    channel: channelName(parts.channel),
    channelId: parts.roomId ?? '',
    userId: parts.userId ?? '',
    login: parts.nick.toLowerCase(),
    displayName: parts.displayName || parts.nick,
    text,
    action,
    roles: rolesOf(parts.badges, parts.mod, parts.vip),
    emotes: parseEmotes(parts.emotes),
    bits: Number.isFinite(bits) && bits > 0 ? Math.floor(bits) : 0,
    firstMessage: parts.firstMsg === '1',
    replyParent: parts.parentId ? { id: parts.parentId, login: parts.parentLogin ?? '', text: parts.parentBody ?? '' } : undefined,
    sentAt: Number.isFinite(sentAt) ? sentAt : Date.now(),
  };
}

/** Maps a PRIVMSG to a ChatMessage; null when the line lacks what a chat message needs. */
export function toChatMessage(irc: IrcMessage): ChatMessage | null {
  if (irc.command !== 'PRIVMSG' || irc.params.length < 2 || !irc.nick) return null;
  const { tags } = irc;
  return chatMessageOf({
    nick: irc.nick,
    channel: irc.params[0]!,
    trailing: irc.params[1]!,
    id: tags['id'],
    roomId: tags['room-id'],
    userId: tags['user-id'],
    displayName: tags['display-name'],
    badges: tags['badges'],
    mod: tags['mod'],
    vip: tags['vip'],
    emotes: tags['emotes'],
    bits: tags['bits'],
    firstMsg: tags['first-msg'],
    sentTs: tags['tmi-sent-ts'],
    parentId: tags['reply-parent-msg-id'],
    parentLogin: tags['reply-parent-user-login'],
    parentBody: tags['reply-parent-msg-body'],
  });
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
