// The service over a catalogue from the fake tarkov.dev, with alerts in PGlite built from the real migrations.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startTarkovDevFake, type TarkovDevFake } from '../../../test/fakes/tarkov-dev/tarkov-dev.fake.ts';
import type { OutgoingMessage } from '../../core/chat.ts';
import type { Cache } from '../../core/ports.ts';
import { ChannelsRepository } from '../../db/channels.repository.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { TarkovDevClient } from './adapters/tarkov-dev.client.ts';
import { CatalogueStore } from './eft.catalogue-store.ts';
import { eftMigrations } from './eft.migrations.ts';
import { AlertsRepository } from './eft.repository.ts';
import { EftService } from './eft.service.ts';
import { eftSettingsSchema, type EftSettings, type MarketContext } from './eft.settings.ts';
import { fakeCache } from './eft.testing.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const PVP: MarketContext = { mode: 'regular', lang: 'en' };
const LIMITS = { perViewer: 2, perChannel: 3 };

describe('eft service', () => {
  let fake: TarkovDevFake;
  let database: Database;
  let cache: Cache;
  let store: CatalogueStore;
  let sent: OutgoingMessage[];
  let saved: { channel: string; settings: EftSettings }[];

  function service(): EftService {
    const api = new TarkovDevClient({ url: fake.url, catalogueTimeoutMs: 1_000, historyTimeoutMs: 1_000 });
    return new EftService({
      store,
      api,
      cache,
      alerts: new AlertsRepository(database.db),
      chat: { send: async (m) => void sent.push(m) },
      logger: silent,
      saveSettings: async (channel, settings) => {
        saved.push({ channel, settings });
        return true;
      },
    });
  }
  const calls = (operation: string) => fake.requests.filter((r) => r.operationName === operation).length;

  before(async () => {
    fake = await startTarkovDevFake();
    database = await createTestDb(eftMigrations);
    await new ChannelsRepository(database.db).join('sandbox');
    await new ChannelsRepository(database.db).join('other');
  });
  after(async () => {
    await database.close();
    await fake.close();
  });
  beforeEach(async () => {
    cache = fakeCache();
    fake.failure = null;
    fake.priceFactor = 1;
    sent = [];
    saved = [];
    store = new CatalogueStore({ api: new TarkovDevClient({ url: fake.url }), cache, clock: { now: () => Date.now() }, logger: silent, refreshIntervalMs: 60_000, instanceId: 't' });
    await store.load('regular', 'en');
    await database.db.execute('delete from eft_alerts');
  });

  test('before any catalogue, every question gets eft.catalogue_unavailable', () => {
    const empty = new CatalogueStore({ api: { fetchCatalogue: () => new Promise(() => {}), fetchHistory: async () => [] }, cache, clock: { now: () => 0 }, logger: silent, refreshIntervalMs: 60_000, instanceId: 'x' });
    const eft = new EftService({ store: empty, api: { fetchCatalogue: () => new Promise(() => {}), fetchHistory: async () => [] }, cache, alerts: new AlertsRepository(database.db), chat: { send: async () => {} }, logger: silent, saveSettings: async () => true });
    assert.deepEqual(eft.price('ledx', { mode: 'pve', lang: 'fr' }), { ok: false, error: 'eft.catalogue_unavailable' });
    assert.deepEqual(eft.worth(['ledx', 'gpu'], { mode: 'pve', lang: 'fr' }), { ok: false, error: 'eft.catalogue_unavailable' });
  });

  test('price: flea figures, per slot, best trader and the flea sale after fee', () => {
    const result = service().price('gpu', PVP);
    assert.ok(result.ok);
    assert.equal(result.item.name, 'Graphics card');
    assert.equal(result.perSlot, 306_000);
    assert.equal(result.bestTrader?.traderName, 'Therapist');
    assert.deepEqual(result.sale, { price: 598_000, fee: 33_598, net: 564_402 });
    assert.equal(result.freshness.stale, false);
    const banned = service().price('red rebel', PVP);
    assert.ok(banned.ok);
    assert.equal(banned.sale, null);
    assert.equal(banned.perSlot, Math.round(13_200 / 3), 'per slot from the best trader (Jaeger) when flea banned');
  });

  test('unknown and ambiguous items carry their error code and candidates', () => {
    assert.deepEqual(service().price('qwertyuiop', PVP), { ok: false, error: 'eft.item_not_found', query: 'qwertyuiop' });
    const slick = service().traders('slick', PVP);
    assert.ok(!slick.ok && slick.error === 'eft.item_ambiguous' && slick.candidates?.length === 3);
    assert.deepEqual(service().price('   ', PVP), { ok: false, error: 'eft.bad_input', message: 'no item given' });
  });

  test('history is fetched on demand, cached, and its failures are reported, not thrown', async () => {
    const eft = service();
    const before = calls('EftHistory');
    const first = await eft.history('ledx', 7, PVP);
    assert.ok(first.ok && first.stats.points === 84 && first.stats.min <= first.stats.avg && first.stats.avg <= first.stats.max);
    await eft.history('ledx', 7, PVP);
    assert.equal(calls('EftHistory'), before + 1, 'the second ask came from the cache');
    const [a, b] = await Promise.all([eft.history('gpu', 5, PVP), eft.history('gpu', 5, PVP)]);
    assert.ok(a.ok && b.ok);
    assert.equal(calls('EftHistory'), before + 2, 'concurrent asks share one request');
    fake.failure = 'http';
    assert.deepEqual(await eft.history('btc', 7, PVP), { ok: false, error: 'eft.history_unavailable', query: 'Physical bitcoin' });
    assert.equal((await eft.history('ledx', 31, PVP)).ok, false);
    assert.deepEqual(await eft.history('m995', 7, PVP), { ok: false, error: 'eft.no_flea_price', query: '5.56x45mm M995' });
  });

  test('supply compares the current offer count with the last days', async () => {
    const result = await service().supply('ledx', PVP);
    assert.ok(result.ok);
    assert.equal(result.stats.now, 142);
    assert.ok(result.stats.avg > 100 && result.stats.avg < 180);
    assert.deepEqual(await service().supply('prokill', PVP), { ok: false, error: 'eft.no_flea_price', query: 'Chain with Prokill medallion' });
  });

  test('worth ranks per slot and lists what it could not place', () => {
    const result = service().worth(['gpu', 'ledx', 'btc', 'slick', 'qwertyuiop', 'ledx'], PVP);
    assert.ok(result.ok);
    assert.deepEqual(result.ranking.map((r) => [r.item.shortName, r.perSlot]), [['LEDX', 1_020_000], ['0.2BTC', 415_000], ['GPU', 306_000]]);
    assert.deepEqual(result.unknown, ['qwertyuiop']);
    assert.equal(result.ambiguous[0]?.query, 'slick');
  });

  test('alerts: limits per viewer and channel; viewers remove only their own', async () => {
    const eft = service();
    const add = (login: string, query: string, perViewer: number | undefined = LIMITS.perViewer) =>
      eft.addAlert({ channel: 'sandbox', login, query, direction: 'below', price: 100_000, market: PVP, limits: { perViewer, perChannel: LIMITS.perChannel } });
    const first = await add('alice', 'ledx');
    assert.ok(first.ok && first.current === 985_000 && first.alert.itemName === 'LEDX Skin Transilluminator');
    assert.deepEqual(await add('bob', 'ledx', 0), { ok: false, error: 'eft.alert_limit', message: 'only moderators set alerts in this channel' });
    assert.ok((await add('alice', 'gpu')).ok);
    assert.deepEqual(await add('alice', 'btc'), { ok: false, error: 'eft.alert_limit', message: 'you have 2 alerts already' });
    assert.ok((await add('mod', 'btc', undefined)).ok);
    assert.deepEqual(await add('mod', 'salewa', undefined), { ok: false, error: 'eft.alert_limit', message: 'this channel has 3 alerts already' });
    assert.deepEqual(await add('bob', 'm995'), { ok: false, error: 'eft.no_flea_price', query: '5.56x45mm M995' });
    assert.equal((await eft.listAlerts('sandbox')).length, 3);
    assert.deepEqual(await eft.removeAlert('sandbox', first.alert.id, 'bob'), { ok: false, error: 'eft.alert_not_found' });
    assert.deepEqual(await eft.removeAlert('other', first.alert.id), { ok: false, error: 'eft.alert_not_found' }, 'another channel');
    assert.deepEqual(await eft.removeAlert('sandbox', first.alert.id, 'alice'), { ok: true });
    assert.equal((await eft.listAlerts('sandbox')).length, 2);
    const bad = await eft.addAlert({ channel: 'sandbox', login: 'x', query: 'ledx', direction: 'above', price: 0, market: PVP, limits: LIMITS });
    assert.equal(bad.ok ? null : bad.error, 'eft.bad_input');
  });

  test('a refresh that crosses an alert posts it once, even with two instances checking', async () => {
    const one = service();
    const two = service();
    const below = await one.addAlert({ channel: 'sandbox', login: 'alice', query: 'ledx', direction: 'below', price: 900_000, market: PVP, limits: LIMITS });
    const above = await one.addAlert({ channel: 'other', login: 'bob', query: 'gpu', direction: 'above', price: 700_000, market: PVP, limits: LIMITS });
    const pve = await one.addAlert({ channel: 'other', login: 'carol', query: 'ledx', direction: 'below', price: 2_000_000, market: { mode: 'pve', lang: 'en' }, limits: LIMITS });
    assert.ok(below.ok && above.ok && !pve.ok && pve.error === 'eft.catalogue_unavailable', 'the pve catalogue is not loaded in this test');

    assert.equal(await one.checkAlerts(store.get('regular', 'en')!), 0, 'nothing crossed yet');
    fake.priceFactor = 0.9; // LEDX last low 985k -> 886.5k; GPU stays below 700k
    const refreshed = new CatalogueStore({ api: new TarkovDevClient({ url: fake.url }), cache: fakeCache(), clock: { now: () => Date.now() }, logger: silent, refreshIntervalMs: 60_000, instanceId: 'u' });
    const catalogue = (await refreshed.load('regular', 'en'))!;
    const fired = await Promise.all([one.checkAlerts(catalogue), two.checkAlerts(catalogue)]);
    assert.equal(fired[0] + fired[1], 1);
    assert.deepEqual(sent, [{ channel: 'sandbox', text: '@alice price alert: LEDX Skin Transilluminator is now below 900k ₽: 887k ₽ on the flea.' }]);
    assert.deepEqual((await one.listAlerts('sandbox')).length, 0, 'a fired alert is no longer pending');
    assert.equal((await one.listAlerts('other')).length, 1);

    const left = await one.addAlert({ channel: 'other', login: 'dave', query: 'btc', direction: 'below', price: 500_000, market: PVP, limits: LIMITS });
    assert.ok(left.ok);
    await new ChannelsRepository(database.db).part('other');
    assert.equal(await one.checkAlerts(catalogue), 0, 'no alert is posted in a channel the bot left');
    await new ChannelsRepository(database.db).join('other');
    assert.equal(await one.checkAlerts(catalogue), 1, 'it fires once the bot is back');
  });

  test('setGameMode saves the channel settings with the new mode', async () => {
    const settings = eftSettingsSchema.parse({});
    assert.equal(await service().setGameMode('sandbox', settings, 'pve'), true);
    assert.deepEqual(saved, [{ channel: 'sandbox', settings: { ...settings, gameMode: 'pve' } }]);
  });
});
