/**
 * A local Twitch: IRC chat (TCP and WebSocket), the Helix mock, OAuth and EventSub over WebSocket,
 * plus the control API that tests and the terminal chat drive it with.
 */
import Fastify from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { authRoutes } from './auth.routes.ts';
import { ChatService } from './chat.service.ts';
import { controlRoutes } from './control.routes.ts';
import { eventsubRoutes } from './eventsub.routes.ts';
import { EventSubHub } from './eventsub.socket.ts';
import { guardHelix } from './helix.guard.ts';
import { helixRoutes } from './helix.routes.ts';
import { IrcServer, type PrivmsgResult } from './irc.server.ts';
import { listenIrcTcp, serveIrcWebSocket } from './irc.transport.ts';
import { InputError } from './sandbox.errors.ts';
import type { SandboxParts } from './sandbox.parts.ts';
import { SandboxState } from './sandbox.state.ts';
import { normalizeLogin } from './users.registry.ts';

/** Far above any IRC line (8.7 KB with tags); EventSub clients send nothing at all. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface SandboxOptions {
  /** Address of the IRC TCP port (default 127.0.0.1). The HTTP port listens on '::' (dual stack) because
   * clients dial both `localhost`, which may resolve to ::1, and 127.0.0.1. */
  host?: string;
  /** Default 6667; 0 picks a free port. */
  ircPort?: number;
  /** Default 3001; 0 picks a free port. */
  httpPort?: number;
  /** Channels that exist from the start (default ['sandbox']); any other channel can be joined too. */
  channels?: string[];
  /** channel -> logins that moderate it. */
  moderators?: Record<string, string[]>;
  /** Multiplies every Twitch time window of the chat limits (default 1). For tests only: 0.1 makes 30 s into 3 s. */
  limitTimeScale?: number;
  log?: (line: string) => void;
}

export interface Sandbox {
  ircPort: number;
  httpPort: number;
  /** http://host:port of the control API, Helix mock (/mock), OAuth (/auth) and EventSub (/ws). */
  httpUrl: string;
  /** irc://host:port; the same chat is also served as ws://host:httpPort/ (subprotocol irc). */
  ircUrl: string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const state = new SandboxState({
    channels: (options.channels ?? ['sandbox']).map(loginOf),
    moderators: Object.fromEntries(Object.entries(options.moderators ?? {}).map(([c, logins]) => [loginOf(c), logins.map(loginOf)])),
    limitTimeScale: options.limitTimeScale ?? 1,
  });
  const eventsub = new EventSubHub();
  // The IRC server hands client messages to the chat service, which in turn speaks through the IRC server.
  const irc: IrcServer = new IrcServer(state, (request, client): PrivmsgResult => chat.send(request, 'irc', client), log);
  const chat: ChatService = new ChatService(state, irc, eventsub);
  const parts: SandboxParts = { state, irc, eventsub, chat };

  const app = buildHttp(parts, log);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, handleProtocols: (protocols) => (protocols.has('irc') ? 'irc' : false) });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
    if (path !== '/' && path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => (path === '/ws' ? eventsub.serve(ws, request) : serveIrcWebSocket(irc, ws)));
  });

  let tcp: Server | undefined;
  try {
    tcp = await listenIrcTcp(irc, host, options.ircPort ?? 6667);
    await app.listen({ port: options.httpPort ?? 3001, host });
  } catch (error) {
    irc.close();
    tcp?.close();
    throw error;
  }
  const ircPort = (tcp.address() as AddressInfo).port;
  const httpPort = (app.server.address() as AddressInfo).port;
  const httpUrl = `http://${urlHost(host)}:${httpPort}`;
  const ircUrl = `irc://${urlHost(host)}:${ircPort}`;
  log(`sandbox listening: ${httpUrl} ${ircUrl}`);

  return {
    ircPort,
    httpPort,
    httpUrl,
    ircUrl,
    async close() {
      irc.close();
      eventsub.close();
      sockets.close();
      await Promise.all([new Promise<void>((resolve) => tcp.close(() => resolve())), app.close()]);
    },
  };
}

function buildHttp(parts: SandboxParts, log: (line: string) => void) {
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.setErrorHandler((error, request, reply) => {
    const status = error instanceof InputError ? 400 : ((error as { statusCode?: number }).statusCode ?? 500);
    if (status >= 500) log(`http: ${request.method} ${request.url} failed: ${(error as Error).stack ?? String(error)}`);
    return reply.code(status).send({ error: (error as Error).message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));
  app.register(async (scope) => controlRoutes(scope, parts));
  app.register(async (scope) => authRoutes(scope, parts), { prefix: '/auth' });
  app.register(
    async (scope) => {
      guardHelix(scope, parts.state, log);
      helixRoutes(scope, parts);
      await scope.register(async (inner) => eventsubRoutes(inner, parts), { prefix: '/eventsub' });
    },
    { prefix: '/mock' },
  );
  app.register(
    async (scope) => {
      guardHelix(scope, parts.state, log);
      eventsubRoutes(scope, parts);
    },
    { prefix: '/eventsub' },
  );
  return app;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function loginOf(value: string): string {
  const login = normalizeLogin(value);
  if (!login) throw new Error(`sandbox: '${value}' is not a Twitch login (letters, digits and _, at most 25)`);
  return login;
}
