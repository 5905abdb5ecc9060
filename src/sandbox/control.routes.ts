/**
 * The sandbox control API (DESIGN.md, "Contracts"). JSON in and out; bad input answers 400 {error}.
 *
 *   POST /control/chat        {channel, login, roles?, text, firstMessage?, bits?, replyTo?, displayName?} -> {id}
 *                             (text `/me ...` is sent as an ACTION, as Twitch's chat box does)
 *   POST /control/raw         {lines: [..]}           raw IRC lines, verbatim, to every connected client -> {ok, delivered}
 *   POST /control/events      {type, channel, event?} EventSub notification (+ the chat line Twitch sends) -> {ok, delivered}
 *   GET  /control/sent        ?channel=&after=        [{seq, channel, text, replyParentId, via, at}]
 *   GET  /control/helix       ?after=                 [{seq, method, path, query, body, status, at}]
 *   GET  /control/violations  ?after=                 [{seq, kind, channel, at}]
 *   POST /control/reconnect                           RECONNECT to IRC clients, session_reconnect to EventSub sessions
 *   POST /control/drop                                cuts every client socket (IRC over TCP and WS, EventSub)
 *   POST /control/reset                               forgets sent, helix, violations and the rate-limit history
 *
 * Extras beyond the contract:
 *   POST /control/moderators  {channel, login, moderator}          mods or unmods a login -> {ok, moderators}
 *   POST /control/stream      {channel, live, title?, game?, viewers?}  what the Helix streams/channels mock answers;
 *                             going live or offline also fires stream.online / stream.offline
 *   GET  /control/state       connected IRC clients (login, channels, caps), EventSub sessions, channels
 *
 * `at` is epoch milliseconds; `after` is the last seq already seen.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { login, parseInput } from './http.input.ts';
import { ROLES } from './roles.ts';
import { InputError } from './sandbox.errors.ts';
import type { SandboxParts } from './sandbox.parts.ts';

const chatBody = z.object({
  channel: login,
  login,
  roles: z.array(z.enum(ROLES)).optional(),
  text: z.string().min(1).max(500),
  firstMessage: z.boolean().optional(),
  bits: z.number().int().nonnegative().optional(),
  replyTo: z.string().min(1).optional(),
  displayName: z.string().min(1).max(25).optional(),
});
const rawBody = z.object({ lines: z.array(z.string().regex(/^[^\r\n]*$/, 'one line each, without CR or LF')) });
const eventsBody = z.object({ type: z.string().min(1), channel: login, event: z.record(z.string(), z.unknown()).optional() });
const afterQuery = z.object({ after: z.coerce.number().int().nonnegative().optional() });
const sentQuery = afterQuery.extend({ channel: login.optional() });
const moderatorsBody = z.object({ channel: login, login, moderator: z.boolean() });
const streamBody = z.object({
  channel: login,
  live: z.boolean(),
  title: z.string().min(1).max(140).optional(),
  game: z.string().min(1).optional(),
  viewers: z.number().int().nonnegative().optional(),
});

export function controlRoutes(app: FastifyInstance, { state, irc, eventsub, chat }: SandboxParts): void {
  app.post('/control/chat', async (request) => {
    const body = parseInput(chatBody, request.body, 'body');
    if (body.replyTo && !state.message(body.replyTo)) throw new InputError(`replyTo: no message with id ${body.replyTo}`);
    // Typed into Twitch's chat box, `/me waves` goes out as a CTCP ACTION.
    const text = body.text.startsWith('/me ') ? `\x01ACTION ${body.text.slice(4)}\x01` : body.text;
    const { message } = chat.say({ ...body, text, replyParentId: body.replyTo });
    return { id: message.id };
  });

  app.post('/control/raw', async (request) => {
    const { lines } = parseInput(rawBody, request.body, 'body');
    let delivered = 0;
    for (const line of lines) delivered = irc.toAll(line);
    return { ok: true, delivered };
  });

  app.post('/control/events', async (request) => {
    const body = parseInput(eventsBody, request.body, 'body');
    return { ok: true, delivered: chat.fireEvent(body.type, body.channel, body.event ?? {}) };
  });

  app.get('/control/sent', async (request) => {
    const query = parseInput(sentQuery, request.query, 'query');
    return state.sent.after(query.after ?? 0, (r) => query.channel === undefined || r.channel === query.channel);
  });

  app.get('/control/helix', async (request) => state.helix.after(parseInput(afterQuery, request.query, 'query').after ?? 0));

  app.get('/control/violations', async (request) => state.violations.after(parseInput(afterQuery, request.query, 'query').after ?? 0));

  app.post('/control/reconnect', async () => ({ ok: true, irc: irc.reconnectAll(), eventsub: eventsub.reconnectAll() }));

  app.post('/control/drop', async () => ({ ok: true, irc: irc.dropAll(), eventsub: eventsub.dropAll() }));

  app.post('/control/reset', async () => {
    state.reset();
    return { ok: true };
  });

  app.post('/control/moderators', async (request) => {
    const body = parseInput(moderatorsBody, request.body, 'body');
    const { moderators } = state.channel(body.channel);
    if (body.moderator) moderators.add(body.login);
    else moderators.delete(body.login);
    return { ok: true, moderators: [...moderators] };
  });

  app.post('/control/stream', async (request) => {
    const body = parseInput(streamBody, request.body, 'body');
    const { stream } = state.channel(body.channel);
    const wasLive = stream.live;
    if (body.title !== undefined) stream.title = body.title;
    if (body.game !== undefined) stream.gameName = body.game;
    if (body.viewers !== undefined) stream.viewers = body.viewers;
    if (body.live !== wasLive) chat.fireEvent(body.live ? 'stream.online' : 'stream.offline', body.channel, {});
    return { ok: true, stream };
  });

  app.get('/control/state', async () => ({
    clients: irc.list().map((c) => ({ id: c.id, login: c.login, transport: c.transport, registered: c.registered, channels: [...c.channels], caps: [...c.caps] })),
    eventsub: eventsub.sessionSummaries(),
    channels: state.allChannels().map((c) => ({ login: c.owner.login, id: c.owner.id, moderators: [...c.moderators], live: c.stream.live })),
  }));
}
