// The live feed across two app instances that share one EventBus: a dashboard connected to instance
// A sees what instance B published. Run with the in-process bus (unit) and Redis (integration).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { feedTopic, type FeedEvent } from '../core/feed.ts';
import type { EventBus } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox.ts';
import { buildTestApp, loginAs, type TestApp } from './http.testing.ts';

export function feedContract(name: string, makeBuses: () => Promise<{ a: EventBus; b: EventBus; close(): Promise<void> }>, makeDb: () => Promise<Database>): void {
  let sandbox: Sandbox;
  let database: Database;
  let buses: Awaited<ReturnType<typeof makeBuses>>;
  let instanceA: TestApp;
  let instanceB: TestApp;

  before(async () => {
    sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
    database = await makeDb();
    buses = await makeBuses();
    instanceA = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, bus: buses.a });
    instanceB = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, bus: buses.b });
    await instanceA.channels.join('streamer');
    await instanceA.access.grant('streamer', 'mod1', 'moderator', 'streamer');
    await instanceA.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await instanceA.app.close();
    await instanceB.app.close();
    await buses.close();
    await database.close();
    await sandbox.close();
  });

  const openFeed = async (ticket: string, channel = 'streamer') => {
    const port = (instanceA.app.server.address() as AddressInfo).port;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/channels/${channel}/feed?ticket=${ticket}`);
    const received: unknown[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', () => resolve());
      socket.once('close', () => resolve());
    });
    return { socket, received };
  };

  test(`${name}: a dashboard on instance A sees events published on instance B`, async () => {
    const { accessToken } = await loginAs(instanceA.app, 'mod1');
    const ticketResponse = await instanceA.app.inject({ method: 'POST', url: '/api/channels/streamer/feed-ticket', headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(ticketResponse.statusCode, 200);
    const { socket, received } = await openFeed(ticketResponse.json().ticket);
    assert.deepEqual(received[0], { type: 'hello', channel: 'streamer' });
    const event: FeedEvent = { type: 'reply', text: 'hello from B', at: 1 };
    await buses.b.publish(feedTopic('streamer'), event);
    await buses.b.publish(feedTopic('other'), { type: 'reply', text: 'not for this channel', at: 2 });
    const deadline = Date.now() + 5_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(received.slice(1), [event]);
    socket.close();
  });

  test(`${name}: a ticket works once, for its channel only`, async () => {
    const { accessToken } = await loginAs(instanceA.app, 'mod1');
    const { ticket } = (await instanceA.app.inject({ method: 'POST', url: '/api/channels/streamer/feed-ticket', headers: { authorization: `Bearer ${accessToken}` } })).json();
    const wrongChannel = await openFeed(ticket, 'other');
    assert.equal(wrongChannel.socket.readyState === WebSocket.CLOSED || wrongChannel.socket.readyState === WebSocket.CLOSING, true);
    const reused = await openFeed(ticket);
    assert.ok(reused.socket.readyState !== WebSocket.OPEN, 'a spent ticket is refused');
    const forged = await openFeed('made-up-ticket');
    assert.ok(forged.socket.readyState !== WebSocket.OPEN);
  });
}
