/**
 * What happens in a channel, told to everyone who listens: IRC clients get Twitch's lines, EventSub
 * sessions get notifications. The control API, the Helix mock and the IRC server all act through here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chatMessageEvent, completeEvent, EVENT_TYPES } from './eventsub.events.ts';
import type { EventPayload, EventSubHub } from './eventsub.socket.ts';
import * as lines from './irc.lines.ts';
import { eventNotice, type EventNotice } from './irc.notices.ts';
import type { IrcClient, IrcServer, PrivmsgRequest, PrivmsgResult } from './irc.server.ts';
import { isPrivileged, type Role } from './roles.ts';
import { InputError } from './sandbox.errors.ts';
import type { SandboxState, StoredMessage } from './sandbox.state.ts';
import { normalizeLogin, type User } from './users.registry.ts';

export interface SayInput {
  channel: string;
  login: string;
  roles?: Iterable<Role>;
  displayName?: string;
  text: string;
  firstMessage?: boolean;
  bits?: number;
  replyParentId?: string | null;
  clientNonce?: string | null;
}

export class ChatService {
  constructor(
    private readonly state: SandboxState,
    private readonly irc: IrcServer,
    private readonly eventsub: EventSubHub,
  ) {}

  /** A chatter says something: a PRIVMSG to the channel's IRC clients and a channel.chat.message notification. */
  say(input: SayInput, except?: IrcClient): { message: StoredMessage; delivered: number } {
    const room = this.state.channel(input.channel);
    const replyParent = input.replyParentId ? (this.state.message(input.replyParentId) ?? null) : null;
    const message: StoredMessage = {
      id: randomUUID(),
      channel: input.channel,
      user: this.state.users.user(input.login, input.displayName),
      roles: new Set([...this.state.standingRoles(input.login, input.channel), ...(input.roles ?? [])]),
      text: input.text,
      bits: input.bits ?? 0,
      firstMessage: input.firstMessage ?? false,
      clientNonce: input.clientNonce === undefined ? randomBytes(16).toString('hex') : input.clientNonce,
      sentAt: Date.now(),
      replyParent,
    };
    this.state.remember(message);
    this.irc.toChannel(input.channel, lines.privmsg(message, room.owner.id), except);
    const delivered = this.eventsub.notify('channel.chat.message', chatMessageEvent(message, room.owner));
    return { message, delivered };
  }

  /** A connected client (the bot) speaks, over IRC or Helix: Twitch's limits apply and the message is recorded. */
  send(request: PrivmsgRequest, via: 'irc' | 'helix', except?: IrcClient): PrivmsgResult {
    const { login, channel, text, replyParentId } = request;
    const roles = this.state.standingRoles(login, channel);
    const kind = this.state.limits.message(login, channel, text, isPrivileged(roles));
    if (kind) {
      this.state.violations.add({ kind, channel, at: Date.now() });
      return { ok: false, kind };
    }
    this.state.sent.add({ channel, text, replyParentId, via, at: Date.now() });
    const { message } = this.say({ channel, login, roles, text, replyParentId, clientNonce: request.clientNonce }, except);
    return { ok: true, id: message.id };
  }

  /** Fires an EventSub event plus the chat line Twitch sends with it; answers how many sessions were notified. */
  fireEvent(type: string, channel: string, given: EventPayload): number {
    if (!EVENT_TYPES.includes(type)) throw new InputError(`unsupported event type ${type}; one of ${EVENT_TYPES.join(', ')}`);
    const room = this.state.channel(channel);
    if (type === 'channel.chat.message') {
      const text = (given.message as { text?: unknown } | undefined)?.text;
      const login = this.actor('chatter_user', given, 'viewer1').login;
      return this.say({ channel, login, text: typeof text === 'string' && text !== '' ? text : 'Hello from the sandbox' }).delivered;
    }
    const actor = this.actor(type === 'channel.raid' ? 'from_broadcaster_user' : 'user', given, type === 'channel.raid' ? 'raider1' : 'viewer1');
    const event = completeEvent(type, room.owner, actor, given);
    const delivered = this.eventsub.notify(type, event);
    this.afterEvent(type, channel, actor, event);
    return delivered;
  }

  announce(channel: string, moderator: User, text: string, color: string): void {
    this.userNotice(channel, { user: moderator, msgId: 'announcement', params: { color }, systemMsg: '', text });
  }

  ban(channel: string, target: User, durationSeconds: number | null): void {
    const room = this.state.channel(channel);
    room.bans.set(target.id, durationSeconds === null ? null : Date.now() + durationSeconds * 1000);
    this.irc.toChannel(channel, lines.clearChat(channel, room.owner.id, { user: target, durationSeconds }));
  }

  clearAll(channel: string): void {
    this.irc.toChannel(channel, lines.clearChat(channel, this.state.channel(channel).owner.id));
  }

  deleteMessage(message: StoredMessage): void {
    this.irc.toChannel(message.channel, lines.clearMsg(message));
  }

  /** What Twitch does besides notifying: the chat line, and the state Helix reports afterwards. */
  private afterEvent(type: string, channel: string, actor: User, event: EventPayload): void {
    const room = this.state.channel(channel);
    switch (type) {
      case 'channel.follow':
        room.followers.set(actor.id, String(event.followed_at));
        return;
      case 'stream.online':
        Object.assign(room.stream, { live: true, id: String(event.id), startedAt: String(event.started_at) });
        return;
      case 'stream.offline':
        Object.assign(room.stream, { live: false, id: '', startedAt: '' });
        return;
      case 'channel.cheer': {
        const login = event.is_anonymous === true ? 'ananonymouscheerer' : actor.login;
        this.say({ channel, login, text: String(event.message), bits: Number(event.bits) });
        return;
      }
    }
    const notice = eventNotice(type, event, actor, room.owner, this.state.users);
    if (notice) this.userNotice(channel, notice);
  }

  private userNotice(channel: string, notice: EventNotice): void {
    const roles = this.state.standingRoles(notice.user.login, channel);
    if (notice.msgId === 'sub' || notice.msgId === 'resub') roles.add('subscriber');
    const roomId = this.state.channel(channel).owner.id;
    this.irc.toChannel(channel, lines.userNotice({ ...notice, channel, roomId, roles, id: randomUUID() }));
  }

  /** The user an event is about, named in `given` by `<prefix>_login` or `<prefix>_id`. */
  private actor(prefix: string, given: EventPayload, fallback: string): User {
    const rawLogin = given[`${prefix}_login`];
    const rawId = given[`${prefix}_id`];
    const name = typeof given[`${prefix}_name`] === 'string' ? (given[`${prefix}_name`] as string) : undefined;
    if (rawLogin !== undefined) {
      const login = typeof rawLogin === 'string' ? normalizeLogin(rawLogin) : null;
      if (!login) throw new InputError(`event.${prefix}_login must be a Twitch login`);
      return this.state.users.user(login, name);
    }
    if (rawId !== undefined) {
      const user = this.state.users.byId(String(rawId));
      if (!user) throw new InputError(`event.${prefix}_id ${String(rawId)} is no sandbox user`);
      return this.state.users.user(user.login, name);
    }
    return this.state.users.user(fallback, name);
  }
}
