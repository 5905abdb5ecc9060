// The HTTP side every fake of an outside service shares: a server on 127.0.0.1 (a free port unless
// one is given) that reads each request's body and hands it to the fake; a handler that throws
// answers 500 with the error, as a broken server would.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  port: number;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  port?: number;
  /** A body beyond this many bytes is cut there (the rest is not read). */
  maxBodyBytes?: number;
}

export async function startFakeServer(
  options: FakeServerOptions,
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void> | void,
): Promise<FakeServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req, options.maxBodyBytes ?? Number.POSITIVE_INFINITY);
      await handle(req, res, body);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
