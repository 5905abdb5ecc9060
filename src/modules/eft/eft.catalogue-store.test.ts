// Two stores sharing one cache stand for two bot instances; the real client talks to the fake tarkov.dev.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startTarkovDevFake, type TarkovDevFake } from '../../../test/fakes/tarkov-dev/tarkov-dev.fake.ts';
import { TarkovDevClient } from './adapters/tarkov-dev.client.ts';
import type { Catalogue } from './eft.catalogue.ts';
import type { Cache } from '../../core/ports.ts';
import { CatalogueStore } from './eft.catalogue-store.ts';
import { fakeCache } from './eft.testing.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const REFRESH = 60_000;

describe('catalogue store', () => {
  let fake: TarkovDevFake;
  let cache: Cache;
  const clock = { t: 1_800_000_000_000, now() { return this.t; } };
  const stores: CatalogueStore[] = [];

  function store(onUpdate?: (c: Catalogue) => void): CatalogueStore {
    const s = new CatalogueStore({
      api: new TarkovDevClient({ url: fake.url, catalogueTimeoutMs: 1_000 }),
      cache,
      clock,
      logger: silent,
      refreshIntervalMs: REFRESH,
      instanceId: `instance-${stores.length}`,
      onUpdate,
    });
    stores.push(s);
    return s;
  }
  const catalogueCalls = () => fake.requests.filter((r) => r.operationName === 'EftCatalogue').length;

  before(async () => {
    fake = await startTarkovDevFake();
  });
  after(async () => {
    for (const s of stores) s.stop();
    await fake.close();
  });
  beforeEach(() => {
    cache = fakeCache();
    fake.failure = null;
    fake.delayMs = 0;
  });

  test('one instance fetches; another reads the shared snapshot without calling tarkov.dev', async () => {
    const a = store();
    const b = store();
    const calls = catalogueCalls();
    const fromApi = await a.load('regular', 'en');
    assert.equal(catalogueCalls(), calls + 1);
    const fromSnapshot = await b.load('regular', 'en');
    assert.equal(catalogueCalls(), calls + 1, 'the second instance did not call the API');
    assert.equal(fromSnapshot?.fetchedAt, fromApi?.fetchedAt);
    assert.equal(fromSnapshot?.data.items.length, fromApi?.data.items.length);
    assert.equal(fromSnapshot?.index.search('ledx').match?.shortName, 'LEDX', 'the snapshot is indexed too');
  });

  test('when a refresh is due, the lock lets exactly one instance fetch', async () => {
    const a = store();
    const b = store();
    await a.load('regular', 'en');
    await b.load('regular', 'en');
    clock.t += REFRESH + 1;
    const calls = catalogueCalls();
    fake.delayMs = 100;
    await Promise.all([a.load('regular', 'en'), b.load('regular', 'en')]);
    assert.equal(catalogueCalls(), calls + 1);
    const newest = a.get('regular', 'en')!.fetchedAt;
    assert.equal(newest, clock.t);
    await b.load('regular', 'en');
    assert.equal(b.get('regular', 'en')!.fetchedAt, newest, 'the other instance picks up the new snapshot');
    assert.equal(catalogueCalls(), calls + 1);
  });

  test('during an outage the last catalogue stays, marked stale with its age', async () => {
    const a = store();
    const first = await a.load('regular', 'en');
    assert.deepEqual(a.freshness(first!), { fetchedAt: clock.t, ageMs: 0, stale: false });
    clock.t += 14 * 60_000;
    fake.failure = 'http';
    const during = await a.load('regular', 'en');
    assert.equal(during, first, 'still the last good catalogue');
    assert.deepEqual(a.freshness(during!), { fetchedAt: first!.fetchedAt, ageMs: 14 * 60_000, stale: true });
    assert.match(a.status()[0]!.lastError!.message, /HTTP 503/);
    fake.failure = null;
    const recovered = await a.load('regular', 'en');
    assert.ok(recovered!.fetchedAt > first!.fetchedAt);
    assert.equal(a.freshness(recovered!).stale, false);
    assert.equal(a.status()[0]!.lastError, null);
  });

  test('a catalogue older than two refresh intervals is stale even without a failure seen here', async () => {
    const a = store();
    const catalogue = await a.load('regular', 'en');
    clock.t += 2 * REFRESH + 1;
    assert.equal(a.freshness(catalogue!).stale, true);
  });

  test('with no catalogue yet, get answers undefined at once and starts loading in the background', async () => {
    const a = store();
    fake.delayMs = 200;
    const started = performance.now();
    assert.equal(a.get('pve', 'de'), undefined);
    assert.ok(performance.now() - started < 50, 'get never waits for the API');
    const deadline = Date.now() + 5_000;
    while (!a.get('pve', 'de') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const catalogue = a.get('pve', 'de')!;
    assert.equal(catalogue.data.mode, 'pve');
    assert.ok(catalogue.data.items.some((i) => i.name === 'Grafikkarte'));
  });

  test('an unreadable or foreign snapshot is ignored and the API is used', async () => {
    await cache.set('eft:catalogue:regular:en', '{"items": "not a catalogue"}', 60);
    await cache.set('eft:catalogue:regular:en:at', String(clock.t + 5), 60);
    const calls = catalogueCalls();
    const a = store();
    const catalogue = await a.load('regular', 'en');
    assert.ok(catalogue && catalogue.data.items.length > 40);
    assert.equal(catalogueCalls(), calls + 1);
  });

  test('an empty answer from tarkov.dev never replaces a good catalogue', async () => {
    const updates: Catalogue[] = [];
    const a = store((c) => updates.push(c));
    await a.load('regular', 'en');
    assert.equal(updates.length, 1);
    const empty = new CatalogueStore({
      api: { fetchCatalogue: async (mode, lang) => ({ data: { mode, lang, fetchedAt: 0, flea: updates[0]!.data.flea, items: [] }, dropped: 0 }), fetchHistory: async () => [] },
      cache,
      clock,
      logger: silent,
      refreshIntervalMs: REFRESH,
      instanceId: 'empty',
    });
    clock.t += REFRESH + 1;
    await empty.load('regular', 'en');
    assert.equal(empty.get('regular', 'en')?.data.items.length, updates[0]!.data.items.length, 'it serves the shared snapshot instead');
    assert.match(empty.status()[0]!.lastError!.message, /empty catalogue/);
  });
});
