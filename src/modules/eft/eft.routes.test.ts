import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTarkovDevFake, type TarkovDevFake } from '../../../test/fakes/tarkov-dev/tarkov-dev.fake.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { buildTestApp, loginAs, type TestApp } from '../../http/http.testing.ts';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import { eftMigrations } from './eft.migrations.ts';
import { fakeCache } from './eft.testing.ts';
import { eftModule } from './index.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let fake: TarkovDevFake;
let sandbox: Sandbox;
let database: Database;
let eft: ReturnType<typeof eftModule>;
let t: TestApp;
let viewer: Record<string, string>;

before(async () => {
  fake = await startTarkovDevFake();
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  database = await createTestDb(eftMigrations);
  eft = eftModule({ db: database.db, cache: fakeCache(), chat: { send: async () => undefined }, logger: silent, apiUrl: fake.url, refreshIntervalMs: 60_000, saveSettings: async () => true });
  eft.start();
  t = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth`, modules: [eft] });
  await t.channels.join('chan');
  await t.access.grant('chan', 'fan', 'viewer', 'chan');
  viewer = { authorization: `Bearer ${(await loginAs(t.app, 'fan')).accessToken}` };
  for (let i = 0; i < 100 && !eft.service.catalogueStatus().some((s) => s.mode === 'regular'); i++) await new Promise((r) => setTimeout(r, 50));
});
after(async () => {
  await t.app.close();
  await eft.close?.();
  await database.close();
  await sandbox.close();
  await fake.close();
});

test('the price checker matches like chat does and answers with the catalogue\'s figures', async () => {
  const found = await t.app.inject({ url: '/api/channels/chan/eft/price?item=ledx', headers: viewer });
  assert.equal(found.statusCode, 200, found.body);
  assert.equal(found.json().item.shortName, 'LEDX');
  const unknown = await t.app.inject({ url: '/api/channels/chan/eft/price?item=zzzzqqqq', headers: viewer });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'eft.item_not_found');
  const status = await t.app.inject({ url: '/api/channels/chan/eft/status', headers: viewer });
  assert.ok(status.json().length >= 1);
  assert.equal((await t.app.inject({ url: '/api/channels/chan/eft/alerts', headers: viewer })).statusCode, 403, 'alerts are for moderators');
});
