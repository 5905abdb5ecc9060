/** Carries IRC lines over TCP (like irc.chat.twitch.tv:6667) and over WebSocket (like wss://irc-ws.chat.twitch.tv). */
import { createServer, type Server } from 'node:net';
import { WebSocket } from 'ws';
import type { IrcServer } from './irc.server.ts';

// A client that never ends its line cannot make the server buffer without bound.
const MAX_PENDING = 64 * 1024;

export async function listenIrcTcp(irc: IrcServer, host: string, port: number): Promise<Server> {
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    const client = irc.accept({
      transport: 'tcp',
      send: (data) => {
        if (socket.writable) socket.write(data);
      },
      close: () => socket.end(),
      destroy: () => socket.destroy(),
    });
    let pending = '';
    socket.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      if (pending.length > MAX_PENDING) pending = '';
      for (const line of parts) irc.receive(client, line);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => irc.disconnect(client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** One WebSocket frame may hold several lines, or one line without its CRLF (tmi.js sends those). */
export function serveIrcWebSocket(irc: IrcServer, ws: WebSocket): void {
  const client = irc.accept({
    transport: 'ws',
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    },
    close: () => ws.close(),
    destroy: () => ws.terminate(),
  });
  ws.on('message', (data) => {
    for (const line of data.toString().split('\n')) irc.receive(client, line);
  });
  ws.on('error', () => ws.terminate());
  ws.on('close', () => irc.disconnect(client));
}
