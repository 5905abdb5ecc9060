import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HelixClient } from '../../adapters/twitch/helix.client.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { buildTestApp, loginAs, type TestApp } from '../../http/http.testing.ts';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { moderationModule } from './index.ts';
import { moderationMigrations } from './moderation.migrations.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let sandbox: Sandbox;
let database: Database;
let t: TestApp;
let mod: Record<string, string>;
let moderation: ReturnType<typeof moderationModule>;
const stored: Record<string, unknown> = {};

before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0, channels: ['chan'], moderators: { chan: ['utbot'] } });
  database = await createTestDb(moderationMigrations);
  const helix: HelixClient = new HelixClient({
    baseUrl: `${sandbox.httpUrl}/mock`,
    clientId: 'sandbox-client',
    getToken: async () => 'sandbox-utbot',
    botUserId: async () => (await helix.getUserByLogin('utbot'))!.id,
    logger: silent,
  });
  moderation = moderationModule({
    db: database.db,
    twitch: helix,
    chat: { send: async () => undefined },
    bus: { publish: async () => undefined, subscribe: async () => async () => undefined },
    logger: silent,
    settingsStore: { load: async (c) => stored[c] ?? {}, save: async (c, s) => ((stored[c] = s), true) },
  });
  t = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, modules: [moderation] });
  await t.channels.join('chan');
  await t.access.grant('chan', 'a_mod', 'moderator', 'chan');
  mod = { authorization: `Bearer ${(await loginAs(t.app, 'a_mod')).accessToken}` };
});
after(async () => {
  await t.app.close();
  await moderation.close?.();
  await database.close();
  await sandbox.close();
});

test('a moderator times a chatter out from the dashboard: Helix is called, the log shows it, and undo lifts it', async () => {
  const troll = (await (await fetch(`${sandbox.httpUrl}/mock/users?login=troll`, { headers: { authorization: 'Bearer sandbox-utbot', 'client-id': 'x' } })).json()) as { data: { id: string }[] };
  const userId = troll.data[0]!.id;
  const acted = await t.app.inject({ method: 'POST', url: '/api/channels/chan/moderation/actions', headers: mod, payload: { action: 'timeout', userId, login: 'troll', durationSeconds: 300, text: 'spam spam' } });
  assert.equal(acted.statusCode, 201, acted.body);
  assert.equal(acted.json().status, 'done');
  const calls = (await (await fetch(`${sandbox.httpUrl}/control/helix`)).json()) as { method: string; path: string; body: { data?: { duration?: number } } }[];
  assert.ok(calls.some((c) => c.method === 'POST' && c.path === '/mock/moderation/bans' && c.body.data?.duration === 300));

  const log = await t.app.inject({ url: '/api/channels/chan/moderation/log', headers: mod });
  const entry = log.json()[0];
  assert.deepEqual([entry.action, entry.userLogin, entry.actor, entry.rule, entry.durationSeconds], ['timeout', 'troll', 'a_mod', 'manual', 300]);

  const undone = await t.app.inject({ method: 'POST', url: `/api/channels/chan/moderation/log/${entry.id}/undo`, headers: mod });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().action, 'unban');
  const again = await t.app.inject({ method: 'POST', url: `/api/channels/chan/moderation/log/${entry.id}/undo`, headers: mod });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'moderation.already_undone');
});

test('a delete needs the message id; a hostile blocked pattern is refused with a clear error', async () => {
  const noId = await t.app.inject({ method: 'POST', url: '/api/channels/chan/moderation/actions', headers: mod, payload: { action: 'delete', userId: '1', login: 'x' } });
  assert.equal(noId.statusCode, 400);
  const term = await t.app.inject({ method: 'POST', url: '/api/channels/chan/moderation/terms', headers: mod, payload: { pattern: '(a+)+$' } });
  assert.equal(term.statusCode, 403, 'word lists need the editor role');
});
