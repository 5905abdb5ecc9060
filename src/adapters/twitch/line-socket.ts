import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';

/** A line-oriented connection to an IRC server, over TCP, TLS or WebSocket. */
export interface LineSocket {
  /** False when the socket is not open. */
  write(line: string): boolean;
  close(): void;
}

export interface LineSocketHandlers {
  onOpen(): void;
  onLine(line: string): void;
  onClose(reason: string): void;
}

/**
 * Opens `irc://host:port`, `ircs://host:port`, `ws://host:port/path` or `wss://…` and splits what
 * arrives into lines. Twitch serves all of them; tests and the sandbox use plain TCP or ws.
 */
export function openLineSocket(url: string, handlers: LineSocketHandlers): LineSocket {
  const target = new URL(url);
  if (target.protocol === 'ws:' || target.protocol === 'wss:') return openWebSocket(target, handlers);
  if (target.protocol === 'irc:' || target.protocol === 'ircs:') return openTcp(target, handlers);
  throw new Error(`unsupported chat URL scheme "${target.protocol}" (use irc://, ircs://, ws:// or wss://)`);
}

function openTcp(target: URL, handlers: LineSocketHandlers): LineSocket {
  const secure = target.protocol === 'ircs:';
  const port = Number(target.port || (secure ? 6697 : 6667));
  const socket: Socket = secure
    ? tlsConnect({ host: target.hostname, port, servername: target.hostname }, handlers.onOpen)
    : tcpConnect({ host: target.hostname, port }, handlers.onOpen);
  socket.setEncoding('utf8');
  socket.setNoDelay(true);
  let buffer = '';
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(reason);
  };
  socket.on('data', (chunk: string) => {
    // One split per chunk: a busy chat delivers hundreds of lines in one read.
    const lines = (buffer + chunk).split('\n');
    buffer = lines.pop()!;
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line) handlers.onLine(line);
    }
    // A server that never sends a newline must not make us buffer forever.
    if (buffer.length > 65_536) socket.destroy(new Error('line too long'));
  });
  socket.on('error', (error) => finish(error.message));
  socket.on('close', () => finish('socket closed'));
  return {
    write: (line) => {
      if (closed || !socket.writable) return false;
      socket.write(`${line}\r\n`);
      return true;
    },
    close: () => socket.destroy(),
  };
}

function openWebSocket(target: URL, handlers: LineSocketHandlers): LineSocket {
  const socket = new WebSocket(target, 'irc', { maxPayload: 1 << 20 });
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(reason);
  };
  socket.on('open', handlers.onOpen);
  socket.on('message', (data) => {
    for (const line of data.toString().split(/\r?\n/)) if (line) handlers.onLine(line);
  });
  socket.on('error', (error) => finish(error.message));
  socket.on('close', (code) => finish(`websocket closed (${code})`));
  return {
    write: (line) => {
      if (closed || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(`${line}\r\n`);
      return true;
    },
    close: () => socket.terminate(),
  };
}
