/** The Helix mock at /mock/... (Twitch CLI's mock-api paths), answering in Helix's shapes. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { profileImage } from './irc.notices.ts';
import { bodyFailure, HelixFailure, helixToken } from './helix.guard.ts';
import { queryList, queryValue } from './http.input.ts';
import { VIOLATION_TEXT } from './limits.ts';
import { isPrivileged } from './roles.ts';
import type { SandboxParts } from './sandbox.parts.ts';
import type { Channel, SandboxState } from './sandbox.state.ts';
import { normalizeLogin, type User } from './users.registry.ts';

const MAX_BAN_SECONDS = 1_209_600;
const ANNOUNCEMENT_COLORS = ['blue', 'green', 'orange', 'purple', 'primary'];
const banBody = z.object({
  data: z.object({
    user_id: z.string().min(1),
    duration: z.number().int().min(1).max(MAX_BAN_SECONDS).optional(),
    reason: z.string().max(500).optional(),
  }),
});
const chatMessageBody = z.object({
  broadcaster_id: z.string().min(1),
  sender_id: z.string().min(1),
  message: z.string().min(1).max(500),
  reply_parent_message_id: z.string().min(1).optional(),
});
const announcementBody = z.object({ message: z.string().min(1).max(500), color: z.string().optional() });
const whisperBody = z.object({ message: z.string().min(1).max(10_000) });

export function helixRoutes(app: FastifyInstance, { state, irc, chat }: SandboxParts): void {
  app.get('/users', async (request) => {
    const ids = queryList(request.query, 'id');
    const logins = queryList(request.query, 'login');
    if (ids.length + logins.length > 100) throw new HelixFailure(400, 'The request exceeded the maximum allowed number of id and/or login query parameters.');
    if (ids.length + logins.length === 0) {
      const own = helixToken(request)?.login;
      if (!own) throw new HelixFailure(400, 'The id or login query parameter is required unless the request uses a user access token.');
      logins.push(own);
    }
    const users = new Map<string, User>();
    for (const id of ids) {
      const user = state.users.byId(id);
      if (user) users.set(user.id, user);
    }
    for (const raw of logins) {
      const login = normalizeLogin(raw);
      if (!login) continue;
      const user = state.users.user(login);
      users.set(user.id, user);
    }
    return page([...users.values()].map(helixUser));
  });

  app.get('/streams', async (request) => {
    const ids = new Set(queryList(request.query, 'user_id'));
    const logins = new Set(queryList(request.query, 'user_login').map((l) => l.toLowerCase()));
    const live = state.allChannels().filter((c) => c.stream.live);
    const wanted = ids.size + logins.size === 0 ? live : live.filter((c) => ids.has(c.owner.id) || logins.has(c.owner.login));
    return page(wanted.map((c) => helixStream(c, state)));
  });

  app.get('/channels', async (request) => {
    const ids = queryList(request.query, 'broadcaster_id');
    if (ids.length === 0) throw new HelixFailure(400, 'Missing required parameter "broadcaster_id"');
    const channels = ids.map((id) => state.channelById(id)).filter((c): c is Channel => c !== undefined);
    return { data: channels.map((c) => helixChannel(c, state)) };
  });

  app.get('/chat/chatters', async (request) => {
    const { room } = moderated(state, request.query);
    const seen = new Map<string, User>();
    for (const client of irc.clientsIn(room.owner.login)) {
      if (client.login && !client.anonymous) seen.set(client.login, state.users.user(client.login));
    }
    const data = [...seen.values()].map((u) => ({ user_id: u.id, user_login: u.login, user_name: u.displayName }));
    return { data, pagination: {}, total: data.length };
  });

  app.get('/channels/followers', async (request) => {
    const room = broadcaster(state, request.query);
    const userId = queryValue(request.query, 'user_id');
    const data = [...room.followers]
      .filter(([id]) => userId === undefined || id === userId)
      .map(([id, followedAt]) => {
        const user = state.users.byId(id);
        return { user_id: id, user_login: user?.login ?? '', user_name: user?.displayName ?? '', followed_at: followedAt };
      });
    return { data, pagination: {}, total: data.length };
  });

  app.post('/moderation/bans', async (request) => {
    const { room, moderator } = moderated(state, request.query);
    const parsed = banBody.safeParse(request.body);
    if (!parsed.success) throw bodyFailure(parsed.error);
    const { user_id: userId, duration } = parsed.data.data;
    const target = state.users.byId(userId);
    if (!target) throw new HelixFailure(400, 'The user_id field is not a valid user.');
    if (isPrivileged(state.standingRoles(target.login, room.owner.login))) throw new HelixFailure(400, 'The user specified in the user_id field may not be banned.');
    if (banState(room, userId) === 'banned') throw new HelixFailure(400, 'The user specified in the user_id field is already banned.');
    chat.ban(room.owner.login, target, duration ?? null);
    const created = new Date();
    const endTime = duration === undefined ? null : new Date(created.getTime() + duration * 1000).toISOString();
    return { data: [{ broadcaster_id: room.owner.id, moderator_id: moderator.id, user_id: userId, created_at: created.toISOString(), end_time: endTime }] };
  });

  app.delete('/moderation/bans', async (request, reply) => {
    const { room } = moderated(state, request.query);
    const userId = required(request.query, 'user_id');
    if (banState(room, userId) === null) throw new HelixFailure(400, 'The user specified in the user_id field is not banned.');
    room.bans.delete(userId);
    return noContent(reply);
  });

  app.delete('/moderation/chat', async (request, reply) => {
    const { room } = moderated(state, request.query);
    const messageId = queryValue(request.query, 'message_id');
    if (messageId === undefined) {
      chat.clearAll(room.owner.login);
      return noContent(reply);
    }
    const message = state.message(messageId);
    if (!message || message.channel !== room.owner.login) throw new HelixFailure(404, 'The ID in message_id was not found.');
    if (isPrivileged(message.roles)) throw new HelixFailure(400, 'You may not delete messages from the broadcaster or another moderator.');
    chat.deleteMessage(message);
    return noContent(reply);
  });

  app.post('/chat/messages', async (request) => {
    const parsed = chatMessageBody.safeParse(request.body);
    if (!parsed.success) throw bodyFailure(parsed.error);
    const body = parsed.data;
    const room = state.channelById(body.broadcaster_id);
    if (!room) throw new HelixFailure(400, 'The ID in broadcaster_id is not valid.');
    const sender = state.users.byId(body.sender_id);
    if (!sender) throw new HelixFailure(400, 'The ID in sender_id is not valid.');
    if (body.reply_parent_message_id && !state.message(body.reply_parent_message_id)) {
      throw new HelixFailure(400, 'The ID in reply_parent_message_id is not valid.');
    }
    const result = chat.send(
      { login: sender.login, channel: room.owner.login, text: body.message, replyParentId: body.reply_parent_message_id ?? null, clientNonce: null },
      'helix',
    );
    if (!result.ok) return { data: [{ message_id: '', is_sent: false, drop_reason: { code: result.kind, message: VIOLATION_TEXT[result.kind] } }] };
    return { data: [{ message_id: result.id, is_sent: true }] };
  });

  app.post('/chat/announcements', async (request, reply) => {
    const { room, moderator } = moderated(state, request.query);
    const parsed = announcementBody.safeParse(request.body);
    if (!parsed.success) throw bodyFailure(parsed.error);
    const color = (parsed.data.color ?? 'primary').toLowerCase();
    if (!ANNOUNCEMENT_COLORS.includes(color)) throw new HelixFailure(400, `The color field must be one of ${ANNOUNCEMENT_COLORS.join(', ')}.`);
    chat.announce(room.owner.login, moderator, parsed.data.message, color.toUpperCase());
    return noContent(reply);
  });

  // Whispers are not chat: the sandbox only records them (GET /control/helix shows the body).
  app.post('/whispers', async (request, reply) => {
    for (const key of ['from_user_id', 'to_user_id']) {
      if (!state.users.byId(required(request.query, key))) throw new HelixFailure(400, `The ID in ${key} is not valid.`);
    }
    const parsed = whisperBody.safeParse(request.body);
    if (!parsed.success) throw bodyFailure(parsed.error);
    return noContent(reply);
  });
}

function page<T>(data: T[]): { data: T[]; pagination: Record<string, never> } {
  return { data, pagination: {} };
}

function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

function required(query: unknown, key: string): string {
  const value = queryValue(query, key);
  if (value === undefined) throw new HelixFailure(400, `Missing required parameter "${key}"`);
  return value;
}

function broadcaster(state: SandboxState, query: unknown): Channel {
  const room = state.channelById(required(query, 'broadcaster_id'));
  if (!room) throw new HelixFailure(400, 'The ID in broadcaster_id is not valid.');
  return room;
}

/** broadcaster_id and moderator_id, where the moderator must be the broadcaster or one of their moderators. */
function moderated(state: SandboxState, query: unknown): { room: Channel; moderator: User } {
  const room = broadcaster(state, query);
  const moderator = state.users.byId(required(query, 'moderator_id'));
  if (!moderator) throw new HelixFailure(400, 'The ID in moderator_id is not valid.');
  if (!isPrivileged(state.standingRoles(moderator.login, room.owner.login))) {
    throw new HelixFailure(403, "The user in moderator_id is not one of the broadcaster's moderators.");
  }
  return { room, moderator };
}

/** 'banned', 'timed_out', or null when the user may chat (an expired timeout counts as none). */
function banState(room: Channel, userId: string): 'banned' | 'timed_out' | null {
  if (!room.bans.has(userId)) return null;
  const until = room.bans.get(userId);
  if (until === null) return 'banned';
  return until !== undefined && until > Date.now() ? 'timed_out' : null;
}

function helixUser(user: User) {
  return {
    id: user.id,
    login: user.login,
    display_name: user.displayName,
    type: '',
    broadcaster_type: '',
    description: '',
    profile_image_url: profileImage(user),
    offline_image_url: '',
    view_count: 0,
    created_at: user.createdAt,
  };
}

function helixStream(c: Channel, state: SandboxState) {
  return {
    id: c.stream.id,
    user_id: c.owner.id,
    user_login: c.owner.login,
    user_name: c.owner.displayName,
    game_id: state.gameId(c.stream.gameName),
    game_name: c.stream.gameName,
    type: 'live',
    title: c.stream.title,
    viewer_count: c.stream.viewers,
    started_at: c.stream.startedAt,
    language: 'en',
    thumbnail_url: `https://static-cdn.jtvnw.net/previews-ttv/live_user_${c.owner.login}-{width}x{height}.jpg`,
    tag_ids: [],
    tags: [],
    is_mature: false,
  };
}

function helixChannel(c: Channel, state: SandboxState) {
  return {
    broadcaster_id: c.owner.id,
    broadcaster_login: c.owner.login,
    broadcaster_name: c.owner.displayName,
    broadcaster_language: 'en',
    game_id: state.gameId(c.stream.gameName),
    game_name: c.stream.gameName,
    title: c.stream.title,
    delay: 0,
    tags: [],
    content_classification_labels: [],
    is_branded_content: false,
  };
}
