// The real client against the local fake of tarkov.dev (the public schema over fixture data).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startTarkovDevFake, type TarkovDevFake } from '../../../../test/fakes/tarkov-dev/tarkov-dev.fake.ts';
import { TarkovDevClient, TarkovDevError } from './tarkov-dev.client.ts';
import { toCatalogueData, toHistory } from './tarkov-dev.external.ts';

describe('tarkov.dev client', () => {
  let fake: TarkovDevFake;
  let client: TarkovDevClient;

  before(async () => {
    fake = await startTarkovDevFake();
    client = new TarkovDevClient({ url: fake.url, catalogueTimeoutMs: 1_000, historyTimeoutMs: 1_000 });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.failure = null;
    fake.delayMs = 0;
  });

  test('fetches the catalogue and maps it into our items', async () => {
    const { data, dropped } = await client.fetchCatalogue('regular', 'en');
    assert.equal(dropped, 0);
    assert.equal(data.mode, 'regular');
    assert.deepEqual(data.flea, { enabled: true, minPlayerLevel: 15, offerFeeRate: 0.03, requirementFeeRate: 0.03 });
    const byShort = new Map(data.items.map((i) => [i.shortName, i]));
    const ledx = byShort.get('LEDX')!;
    assert.equal(ledx.name, 'LEDX Skin Transilluminator');
    assert.equal(ledx.normalizedName, 'ledx-skin-transilluminator');
    assert.deepEqual(ledx.flea, { avg24h: 1_020_000, low24h: 925_900, high24h: 1_101_600, lastLow: 985_000, change48hPercent: -2.1, offerCount: 142 });
    assert.deepEqual(ledx.sellTo.map((t) => [t.traderName, t.priceRub]), [['Therapist', 104_580], ['Fence', 66_400]], 'traders only, best first; the flea entry is not a trader');
    assert.equal(byShort.get('GPU')!.width * byShort.get('GPU')!.height, 2);
  });

  test('maps flea-banned items, items without offers, items nobody buys and foreign currencies', async () => {
    const { data } = await client.fetchCatalogue('regular', 'en');
    const byShort = new Map(data.items.map((i) => [i.shortName, i]));
    const m995 = byShort.get('M995')!;
    assert.equal(m995.fleaSellable, false);
    assert.equal(m995.flea.avg24h, null);
    assert.deepEqual(m995.sellTo.map((t) => t.traderName), ['Prapor', 'Fence']);
    assert.deepEqual(m995.buyFrom.map((t) => [t.traderName, t.price, t.currency, t.minLevel]), [['Peacekeeper', 9, 'USD', 4]]);
    const prokill = byShort.get('Prokill')!;
    assert.equal(prokill.fleaSellable, true);
    assert.equal(prokill.flea.avg24h, null, 'no offers in 24 h');
    assert.deepEqual(byShort.get('Kappa')!.sellTo, []);
    const peacekeeper = byShort.get('Roler')!.sellTo.find((t) => t.trader === 'peacekeeper')!;
    assert.deepEqual([peacekeeper.price, peacekeeper.currency, peacekeeper.priceRub], [142, 'USD', 19_738]);
    assert.equal(byShort.get('REAP-IR')!.buyFrom[0]!.currency, 'EUR');
  });

  test('languages and game modes are passed through', async () => {
    const de = await client.fetchCatalogue('regular', 'de');
    assert.ok(de.data.items.some((i) => i.name === 'Grafikkarte' && i.normalizedName === 'graphics-card'));
    const pve = await client.fetchCatalogue('pve', 'en');
    const regular = await client.fetchCatalogue('regular', 'en');
    const ledxPrice = (items: typeof pve.data.items) => items.find((i) => i.shortName === 'LEDX')!.flea.avg24h;
    assert.notEqual(ledxPrice(pve.data.items), ledxPrice(regular.data.items));
    assert.deepEqual(fake.requests.at(-2)!.variables, { lang: 'en', gameMode: 'pve' });
  });

  test('fetches price history, oldest first', async () => {
    const points = await client.fetchHistory('5c0530ee86f774697952d952', 3, 'regular');
    assert.equal(points.length, 36, '3 days of 2-hour points');
    assert.ok(points.every((p, i) => i === 0 || p.at > points[i - 1]!.at));
    assert.ok(points.every((p) => p.price > 800_000 && p.price < 1_200_000));
    assert.deepEqual(await client.fetchHistory('59e690b686f7746c9f75e848', 7, 'regular'), [], 'a flea-banned item has no history');
  });

  test('an HTTP failure, a GraphQL error and a slow answer are told apart', async () => {
    fake.failure = 'http';
    await assert.rejects(client.fetchCatalogue('regular', 'en'), (e) => e instanceof TarkovDevError && e.code === 'unavailable' && /HTTP 503/.test(e.message));
    fake.failure = 'graphql';
    await assert.rejects(client.fetchCatalogue('regular', 'en'), (e) => e instanceof TarkovDevError && e.code === 'bad_answer' && /upstream KV timeout/.test(e.message));
    fake.failure = null;
    fake.delayMs = 1_500;
    await assert.rejects(client.fetchHistory('5c0530ee86f774697952d952', 7, 'regular'), (e) => e instanceof TarkovDevError && e.code === 'unavailable' && /within 1000 ms/.test(e.message));
  });

  test('an unreachable endpoint is unavailable', async () => {
    const nowhere = new TarkovDevClient({ url: 'http://127.0.0.1:9/graphql', catalogueTimeoutMs: 1_000 });
    await assert.rejects(nowhere.fetchCatalogue('regular', 'en'), (e) => e instanceof TarkovDevError && e.code === 'unavailable');
  });
});

describe('tarkov.dev wire mapping', () => {
  const fleaMarket = { enabled: true, minPlayerLevel: 15, sellOfferFeeRate: 0.03, sellRequirementFeeRate: 0.03 };
  const good = { id: 'a', name: 'Good', shortName: 'G', normalizedName: 'good', types: ['barter', null], width: 1, height: 2, basePrice: 100, avg24hPrice: 0, lastLowPrice: 150, sellFor: [], buyFor: null };

  test('a malformed item costs that item, not the catalogue; zero prices mean no price', () => {
    const { data, dropped } = toCatalogueData({ items: [good, { id: 'b', width: 'wide' }, null, { ...good, id: 'c', name: '  ' }], fleaMarket }, 'regular', 'en', 1);
    assert.equal(dropped, 3);
    assert.equal(data.items.length, 1);
    assert.deepEqual(data.items[0]!.types, ['barter']);
    assert.equal(data.items[0]!.flea.avg24h, null);
    assert.equal(data.items[0]!.flea.lastLow, 150);
  });

  test('history points without price or time are dropped', () => {
    const points = toHistory({ historicalItemPrices: [{ price: 10, timestamp: '2000' }, { price: null, timestamp: '1000' }, null, { price: 5, timestamp: 'soon' }, { price: 7, timestamp: '1500' }] });
    assert.deepEqual(points.map((p) => [p.at, p.price]), [[1500, 7], [2000, 10]]);
  });
});
