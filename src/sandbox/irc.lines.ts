/** The lines irc.chat.twitch.tv sends, worded and tagged the way Twitch does. */
import { emotesTag, findEmotes } from './emotes.ts';
import { roleTags, type Role } from './roles.ts';
import { threadRoot, type StoredMessage } from './sandbox.state.ts';
import type { Tags } from './tags.ts';
import type { User } from './users.registry.ts';

export const SERVER = 'tmi.twitch.tv';

/**
 * A line before it is written to one client: tags are dropped for clients without twitch.tv/tags,
 * and a line that needs a capability is not sent to clients without it.
 */
export interface OutLine {
  tags: Tags;
  text: string;
  needs: 'twitch.tv/commands' | 'twitch.tv/membership' | null;
}

// eslint-disable-next-line no-control-regex -- /me messages are wrapped in CTCP's \x01 bytes
const ACTION = /^\x01ACTION (.*)\x01$/s;

export function userPrefix(login: string): string {
  return `${login}!${login}@${login}.${SERVER}`;
}

export function welcome(login: string): string[] {
  return [
    `:${SERVER} 001 ${login} :Welcome, GLHF!`,
    `:${SERVER} 002 ${login} :Your host is ${SERVER}`,
    `:${SERVER} 003 ${login} :This server is rather new`,
    `:${SERVER} 004 ${login} :-`,
    `:${SERVER} 375 ${login} :-`,
    `:${SERVER} 372 ${login} :You are in a maze of twisty passages, all alike.`,
    `:${SERVER} 376 ${login} :>`,
  ];
}

export function names(login: string, channel: string): string[] {
  return [`:${login}.${SERVER} 353 ${login} = #${channel} :${login}`, `:${login}.${SERVER} 366 ${login} #${channel} :End of /NAMES list`];
}

export function membership(command: 'JOIN' | 'PART', login: string, channel: string): string {
  return `:${userPrefix(login)} ${command} #${channel}`;
}

export function globalUserState(user: User): OutLine {
  const tags = { 'badge-info': '', badges: '', color: user.color, 'display-name': user.displayName, 'emote-sets': '0', 'user-id': user.id, 'user-type': '' };
  return { tags, text: `:${SERVER} GLOBALUSERSTATE`, needs: 'twitch.tv/commands' };
}

/** Sent on JOIN and after each PRIVMSG (then with the message's id). */
export function userState(channel: string, user: User, roles: ReadonlySet<Role>, messageId?: string): OutLine {
  const tags: Tags = { ...roleTags(roles), color: user.color, 'display-name': user.displayName, 'emote-sets': '0' };
  if (messageId) tags.id = messageId;
  return { tags, text: `:${SERVER} USERSTATE #${channel}`, needs: 'twitch.tv/commands' };
}

export function roomState(channel: string, roomId: string): OutLine {
  const tags = { 'emote-only': '0', 'followers-only': '-1', r9k: '0', 'room-id': roomId, slow: '0', 'subs-only': '0' };
  return { tags, text: `:${SERVER} ROOMSTATE #${channel}`, needs: 'twitch.tv/commands' };
}

export function notice(channel: string, msgId: string, text: string): OutLine {
  return { tags: { 'msg-id': msgId }, text: `:${SERVER} NOTICE #${channel} :${text}`, needs: null };
}

export function privmsg(m: StoredMessage, roomId: string): OutLine {
  const tags: Tags = {
    ...roleTags(m.roles),
    color: m.user.color,
    'display-name': m.user.displayName,
    emotes: emotesTag(findEmotes(actionText(m.text) ?? m.text)),
    'first-msg': m.firstMessage ? '1' : '0',
    flags: '',
    id: m.id,
    'returning-chatter': '0',
    'room-id': roomId,
    'tmi-sent-ts': String(m.sentAt),
    turbo: '0',
    'user-id': m.user.id,
  };
  if (m.bits > 0) tags.bits = String(m.bits);
  if (m.clientNonce) tags['client-nonce'] = m.clientNonce;
  const parent = m.replyParent;
  if (parent) {
    // A reply to a reply belongs to the thread its parent started.
    const thread = threadRoot(parent);
    Object.assign(tags, {
      'reply-parent-display-name': parent.user.displayName,
      'reply-parent-msg-body': parent.text,
      'reply-parent-msg-id': parent.id,
      'reply-parent-user-id': parent.user.id,
      'reply-parent-user-login': parent.user.login,
      'reply-thread-parent-display-name': thread.user.displayName,
      'reply-thread-parent-msg-id': thread.id,
      'reply-thread-parent-user-id': thread.user.id,
      'reply-thread-parent-user-login': thread.user.login,
    });
  }
  return { tags, text: `:${userPrefix(m.user.login)} PRIVMSG #${m.channel} :${m.text}`, needs: null };
}

/** The text of a `/me` message without its CTCP wrapping, or undefined for a plain message. */
export function actionText(text: string): string | undefined {
  return ACTION.exec(text)?.[1];
}

export interface UserNoticeInput {
  channel: string;
  roomId: string;
  user: User;
  roles: ReadonlySet<Role>;
  msgId: string;
  id: string;
  params: Record<string, string>;
  systemMsg: string;
  text?: string;
}

export function userNotice(n: UserNoticeInput): OutLine {
  const tags: Tags = {
    ...roleTags(n.roles),
    color: n.user.color,
    'display-name': n.user.displayName,
    emotes: emotesTag(findEmotes(n.text ?? '')),
    flags: '',
    id: n.id,
    login: n.user.login,
    'msg-id': n.msgId,
    'room-id': n.roomId,
    'system-msg': n.systemMsg,
    'tmi-sent-ts': String(Date.now()),
    'user-id': n.user.id,
  };
  for (const [key, value] of Object.entries(n.params)) tags[`msg-param-${key}`] = value;
  const text = n.text ? ` :${n.text}` : '';
  return { tags, text: `:${SERVER} USERNOTICE #${n.channel}${text}`, needs: 'twitch.tv/commands' };
}

/** A ban (no duration), a timeout (seconds) or, without a target, a whole-chat clear. */
export function clearChat(channel: string, roomId: string, target?: { user: User; durationSeconds: number | null }): OutLine {
  const tags: Tags = { 'room-id': roomId, 'tmi-sent-ts': String(Date.now()) };
  if (!target) return { tags, text: `:${SERVER} CLEARCHAT #${channel}`, needs: 'twitch.tv/commands' };
  tags['target-user-id'] = target.user.id;
  if (target.durationSeconds !== null) tags['ban-duration'] = String(target.durationSeconds);
  return { tags, text: `:${SERVER} CLEARCHAT #${channel} :${target.user.login}`, needs: 'twitch.tv/commands' };
}

/** Twitch leaves room-id empty on CLEARMSG. */
export function clearMsg(m: StoredMessage): OutLine {
  const tags = { login: m.user.login, 'room-id': '', 'target-msg-id': m.id, 'tmi-sent-ts': String(Date.now()) };
  return { tags, text: `:${SERVER} CLEARMSG #${m.channel} :${m.text}`, needs: 'twitch.tv/commands' };
}
