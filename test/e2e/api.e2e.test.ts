// The HTTP API of the running bot, as the dashboard uses it: Twitch login through the sandbox's
// OAuth, the session, the channel list, and the live feed showing chat and the bot's reply.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startBot, type RunningBot } from './bot.harness.ts';

let bot: RunningBot;
before(async () => {
  bot = await startBot();
});
after(() => bot?.stop());

/** Follows the login redirects by hand, carrying cookies like a browser, and returns an access token. */
async function login(as: string): Promise<string> {
  const start = await fetch(`${bot.http}/api/auth/login?returnTo=/`, { redirect: 'manual' });
  const stateCookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = new URL(start.headers.get('location')!);
  authorize.searchParams.set('login', as);
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callback = await fetch(approved.headers.get('location')!, { redirect: 'manual', headers: { cookie: stateCookie } });
  assert.equal(callback.status, 302, await callback.text());
  assert.equal(callback.headers.get('location'), '/');
  const refreshCookie = callback.headers.getSetCookie().find((c) => c.startsWith('utb_refresh='))!;
  assert.match(refreshCookie, /HttpOnly/i);
  assert.match(refreshCookie, /SameSite=Strict/i);
  const refreshed = await fetch(`${bot.http}/api/auth/refresh`, { method: 'POST', headers: { cookie: refreshCookie.split(';')[0]! } });
  return ((await refreshed.json()) as { accessToken: string }).accessToken;
}

test('the broadcaster logs in, sees their channel, and the live feed shows chat and the bot\'s reply', { timeout: 60_000 }, async () => {
  const token = await login('sandbox');
  const auth = { authorization: `Bearer ${token}` };
  const me = (await (await fetch(`${bot.http}/api/me`, { headers: auth })).json()) as { user: { login: string }; channels: unknown[] };
  assert.equal(me.user.login, 'sandbox');
  assert.deepEqual(me.channels, [{ channel: 'sandbox', role: 'owner' }]);

  const channel = (await (await fetch(`${bot.http}/api/channels/sandbox`, { headers: auth })).json()) as { connected: boolean; settings: { prefix: string } };
  assert.equal(channel.connected, true);
  assert.equal(channel.settings.prefix, '!');

  const { ticket } = (await (await fetch(`${bot.http}/api/channels/sandbox/feed-ticket`, { method: 'POST', headers: auth })).json()) as { ticket: string };
  const socket = new WebSocket(`${bot.http.replace('http', 'ws')}/api/channels/sandbox/feed?ticket=${ticket}`);
  const events: { type: string; text?: string; login?: string }[] = [];
  socket.on('message', (data) => events.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('message', resolve));

  const said = await fetch(`${bot.http}/api/sandbox/chat`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'sandbox', login: 'feed_viewer', text: '!commands' }) });
  assert.equal(said.status, 200, await said.clone().text());
  const deadline = Date.now() + 10_000;
  while (!events.some((e) => e.type === 'reply') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  socket.close();
  assert.ok(events.some((e) => e.type === 'chat' && e.login === 'feed_viewer' && e.text === '!commands'), JSON.stringify(events));
  assert.ok(events.some((e) => e.type === 'reply' && e.text?.startsWith('Commands:')), JSON.stringify(events));
});

test('a user with no role in a channel learns nothing about it', async () => {
  const token = await login('nobody_special');
  const response = await fetch(`${bot.http}/api/channels/sandbox`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 404);
  const me = (await (await fetch(`${bot.http}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { channels: unknown[] };
  assert.deepEqual(me.channels, []);
});

test('OpenAPI docs list the channel routes', async () => {
  const spec = (await (await fetch(`${bot.http}/docs/json`)).json()) as { paths: Record<string, unknown> };
  for (const path of ['/api/channels', '/api/channels/{channel}', '/api/channels/{channel}/settings', '/api/channels/{channel}/feed-ticket']) assert.ok(spec.paths[path], path);
});
