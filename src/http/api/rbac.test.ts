// Every route × every role × own and other channel: status codes, and nothing leaks to outsiders.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { CHANNEL_ROLES, defineRoute, roleAtLeast, type ChannelRole } from '../../core/routes.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { buildTestApp, loginAs, type TestApp } from '../http.testing.ts';

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: (channel: string) => string;
  role: ChannelRole;
  body?: Record<string, unknown>;
}

const routes: RouteCase[] = [
  { method: 'GET', path: (c) => `/api/channels/${c}`, role: 'viewer' },
  { method: 'GET', path: (c) => `/api/channels/${c}/settings`, role: 'viewer' },
  { method: 'GET', path: (c) => `/api/channels/${c}/modules`, role: 'viewer' },
  { method: 'POST', path: (c) => `/api/channels/${c}/feed-ticket`, role: 'viewer' },
  { method: 'PATCH', path: (c) => `/api/channels/${c}/settings`, role: 'editor', body: { language: 'en' } },
  { method: 'GET', path: (c) => `/api/channels/${c}/roles`, role: 'owner' },
  { method: 'PUT', path: (c) => `/api/channels/${c}/roles/someone`, role: 'owner', body: { role: 'viewer' } },
  { method: 'GET', path: (c) => `/api/channels/${c}/api-keys`, role: 'owner' },
  { method: 'GET', path: (c) => `/api/channels/${c}/twitch-authorization`, role: 'moderator' },
  { method: 'POST', path: (c) => `/api/channels/${c}/twitch-authorization`, role: 'owner' },
  { method: 'GET', path: (c) => `/api/channels/${c}/modules/demo/settings`, role: 'moderator' },
  { method: 'PUT', path: (c) => `/api/channels/${c}/modules/demo/settings`, role: 'editor', body: { level: 3 } },
  { method: 'GET', path: (c) => `/api/channels/${c}/demo/things`, role: 'moderator' },
  { method: 'POST', path: (c) => `/api/channels/${c}/demo/things`, role: 'editor', body: { name: 'x' } },
];

const demo = {
  name: 'demo',
  description: 'a module with routes',
  settings: z.object({ level: z.number().int().min(1).max(5).default(1), words: z.array(z.string()).default([]) }),
  routes: [
    defineRoute({ method: 'GET', path: '/things', role: 'moderator', summary: 'list', handler: ({ channel }) => ({ channel, things: [] }) }),
    defineRoute({ method: 'POST', path: '/things', role: 'editor', summary: 'add', body: z.object({ name: z.string().min(1) }), status: 201, handler: ({ body }) => ({ added: body.name }) }),
  ],
};

let sandbox: Sandbox;
let database: Database;
let t: TestApp;
const callers: Record<string, { token: string; roleInStreamer: ChannelRole | null; roleInOther: ChannelRole | null }> = {};

before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  database = await createTestDb();
  t = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, admins: ['root'], modules: [demo] });
  await t.channels.join('streamer');
  await t.channels.join('other');
  for (const role of ['viewer', 'moderator', 'editor'] as const) await t.access.grant('streamer', `a_${role}`, role, 'streamer');
  const users: [string, ChannelRole | null, ChannelRole | null][] = [
    ['streamer', 'owner', null],
    ['a_editor', 'editor', null],
    ['a_moderator', 'moderator', null],
    ['a_viewer', 'viewer', null],
    ['stranger', null, null],
    ['root', 'owner', 'owner'],
  ];
  for (const [login, inStreamer, inOther] of users) callers[login] = { token: (await loginAs(t.app, login)).accessToken, roleInStreamer: inStreamer, roleInOther: inOther };
  for (const role of CHANNEL_ROLES) {
    const { key } = await t.access.createApiKey('streamer', role, `${role} key`, 'streamer');
    callers[`key_${role}`] = { token: key, roleInStreamer: role, roleInOther: null };
  }
});
after(async () => {
  await t.app.close();
  await database.close();
  await sandbox.close();
});

test('every route × every caller × own and other channel', async () => {
  const notFound = (await t.app.inject({ url: '/api/channels/nonexistent', headers: { authorization: `Bearer ${callers['streamer']!.token}` } })).json() as { error: { code: string } };
  let checked = 0;
  for (const route of routes) {
    for (const [name, caller] of Object.entries(callers)) {
      for (const [channel, role] of [['streamer', caller.roleInStreamer], ['other', caller.roleInOther]] as const) {
        const response = await t.app.inject({ method: route.method, url: route.path(channel), headers: { authorization: `Bearer ${caller.token}` }, ...(route.body ? { payload: route.body } : {}) });
        const expected = role === null ? 404 : roleAtLeast(role, route.role) ? [200, 201, 204] : 403;
        const label = `${name} ${route.method} ${route.path(channel)} (has ${role ?? 'no role'}, needs ${route.role})`;
        if (Array.isArray(expected)) assert.ok(expected.includes(response.statusCode), `${label}: ${response.statusCode} ${response.body}`);
        else assert.equal(response.statusCode, expected, `${label}: ${response.body}`);
        if (expected === 404) {
          assert.equal(response.json().error.code, notFound.error.code, `${label}: the same answer as for a channel that does not exist`);
          assert.deepEqual(Object.keys(response.json()), ['error'], `${label} leaks`);
          assert.ok(!response.body.includes('settings') && !response.body.includes('role'), `${label} leaks details`);
        }
        checked++;
      }
    }
  }
  assert.equal(checked, routes.length * Object.keys(callers).length * 2);
});

test('without credentials every channel route is 401', async () => {
  for (const route of routes) {
    const response = await t.app.inject({ method: route.method, url: route.path('streamer'), ...(route.body ? { payload: route.body } : {}) });
    assert.equal(response.statusCode, 401, route.path('streamer'));
  }
});

test('a revoked API key stops working at once', async () => {
  const { key, info } = await t.access.createApiKey('streamer', 'viewer', 'temp', 'streamer');
  const get = () => t.app.inject({ url: '/api/channels/streamer', headers: { authorization: `Bearer ${key}` } });
  assert.equal((await get()).statusCode, 200);
  const owner = { authorization: `Bearer ${callers['streamer']!.token}` };
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/channels/streamer/api-keys/${info.id}`, headers: owner })).statusCode, 204);
  assert.equal((await get()).statusCode, 401);
});

test('API keys are shown once and never listed', async () => {
  const owner = { authorization: `Bearer ${callers['streamer']!.token}` };
  const created = await t.app.inject({ method: 'POST', url: '/api/channels/streamer/api-keys', headers: owner, payload: { name: 'bot', role: 'moderator' } });
  assert.equal(created.statusCode, 201);
  const { key } = created.json();
  assert.match(key, /^utb_[0-9a-f]{12}_[\w-]{43}$/);
  const list = await t.app.inject({ url: '/api/channels/streamer/api-keys', headers: owner });
  const secret = key.slice('utb_'.length + 13);
  assert.equal(secret.length, 43);
  assert.ok(!list.body.includes(secret), 'the secret part never comes back');
});

test('a module route validates its body with a clear error', async () => {
  const editor = { authorization: `Bearer ${callers['a_editor']!.token}` };
  const response = await t.app.inject({ method: 'POST', url: '/api/channels/streamer/demo/things', headers: editor, payload: { name: '' } });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().error.code, 'validation');
  assert.match(response.json().error.message, /name/);
});

test('settings changes validate module names and keep the core switched on', async () => {
  const editor = { authorization: `Bearer ${callers['a_editor']!.token}` };
  const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: '/api/channels/streamer/settings', headers: editor, payload });
  assert.equal((await patch({ disabledModules: ['nope'] })).json().error.code, 'settings.unknown_module');
  assert.equal((await patch({ prefix: 'has space' })).statusCode, 400);
  const ok = await patch({ prefix: '?', disabledModules: ['demo'] });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual([ok.json().prefix, ok.json().disabledModules], ['?', ['demo']]);
});

test('module settings: defaults filled in, validated by the module\'s schema, stored per channel', async () => {
  const editor = { authorization: `Bearer ${callers['a_editor']!.token}` };
  const url = '/api/channels/streamer/modules/demo/settings';
  const bad = await t.app.inject({ method: 'PUT', url, headers: editor, payload: { level: 9 } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /^level: /);
  assert.deepEqual((await t.app.inject({ method: 'PUT', url, headers: editor, payload: { level: 4 } })).json(), { level: 4, words: [] });
  assert.deepEqual((await t.app.inject({ url, headers: editor })).json(), { level: 4, words: [] });
  assert.equal((await t.app.inject({ url: '/api/channels/streamer/modules/channels/settings', headers: editor })).statusCode, 404);
});

test('only your own channel can be added, unless you are an admin', async () => {
  const as = (login: string) => ({ authorization: `Bearer ${callers[login]!.token}` });
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/channels', headers: as('stranger'), payload: { channel: 'streamer' } })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/channels', headers: as('stranger'), payload: { channel: 'stranger' } })).statusCode, 201);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/channels', headers: as('root'), payload: { channel: 'anyone' } })).statusCode, 201);
  assert.deepEqual((await t.app.inject({ url: '/api/channels', headers: as('stranger') })).json(), [{ channel: 'stranger', role: 'owner' }]);
});
