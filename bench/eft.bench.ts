// EFT figures on a catalogue the size of the live one (about 4,000 items), fetched by the real client
// from the local tarkov.dev fake: the memory it takes, how long its index takes to build, matching
// latency, and the whole warm `!price` answer (settings, matching, price maths, formatting).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FIXTURE_ITEMS } from '../test/fakes/tarkov-dev/fixtures.ts';
import { startTarkovDevFake } from '../test/fakes/tarkov-dev/tarkov-dev.fake.ts';
import { MemoryCache } from '../src/adapters/memory/memory.cache.ts';
import type { ChatMessage } from '../src/core/chat.ts';
import { defaultChannelConfig, type CommandContext } from '../src/core/module.ts';
import { TarkovDevClient } from '../src/modules/eft/adapters/tarkov-dev.client.ts';
import { priceCommand } from '../src/modules/eft/commands/price.command.ts';
import { Catalogue, type CatalogueData } from '../src/modules/eft/eft.catalogue.ts';
import { CatalogueStore } from '../src/modules/eft/eft.catalogue-store.ts';
import type { AlertsRepository } from '../src/modules/eft/eft.repository.ts';
import { EftService } from '../src/modules/eft/eft.service.ts';
import { figure, percentile } from './stats.ts';

const CATALOGUE_ITEMS = 4_000;
// What chat types: short names, aliases, full names, typos, ambiguous words and misses.
const QUERIES = ['ledx', 'gpu', 'btc', 'graphics card', 'bitcion', 'grafics card', 'lexd', 'slick', 'm855a1', 'm85', 'salewa', 'red', 'moonshine', 'tank battery', 'keycard', 'golden rooster', 'qwertyuiop', 'rusty valve mk3', 'tacticl lamp', 'heavy bolt mk9'];

const silent = { debug() {}, info() {}, warn() {}, error() {} };

// Exposes gc() without a command-line flag, so `npm run bench` stays a plain tsx run.
function gc(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

function timeEach(runs: number, fn: (i: number) => void): Float64Array {
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples[i] = (performance.now() - t) * 1000;
  }
  return samples.sort();
}

export async function eftBench(): Promise<void> {
  const big = await startTarkovDevFake({ extraItems: CATALOGUE_ITEMS - FIXTURE_ITEMS.length });
  try {
    const fetchStart = performance.now();
    const { data } = await new TarkovDevClient({ url: big.url }).fetchCatalogue('regular', 'en');
    const fetchMs = performance.now() - fetchStart;
    const snapshot = JSON.stringify(data);

    // Memory: a catalogue as an instance holds it (items from the parsed snapshot, plus the index).
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = new Catalogue(JSON.parse(snapshot) as CatalogueData);
    gc();
    const catalogueBytes = process.memoryUsage().heapUsed - before;
    const indexMs = percentile(timeEach(10, () => new Catalogue(data)), 50) / 1000;

    const matchSamples = timeEach(50_000, (i) => held.index.search(QUERIES[i % QUERIES.length]!));

    const cache = new MemoryCache();
    const store = new CatalogueStore({ api: new TarkovDevClient({ url: big.url }), cache, clock: { now: () => Date.now() }, logger: silent, refreshIntervalMs: 300_000, instanceId: 'bench' });
    await store.load('regular', 'en');
    const service = new EftService({
      store,
      api: new TarkovDevClient({ url: big.url }),
      cache,
      alerts: {} as AlertsRepository, // !price never touches alerts
      chat: { send: async () => {} },
      logger: silent,
      saveSettings: async () => true,
    });
    const price = priceCommand(service);
    const channel = defaultChannelConfig('bench');
    const contexts = QUERIES.map((query): CommandContext => {
      const message: ChatMessage = { id: 'm', channel: 'bench', channelId: '1', userId: '2', login: 'viewer', displayName: 'viewer', text: `!price ${query}`, action: false, roles: new Set(), emotes: [], bits: 0, firstMessage: false, sentAt: 0 };
      return { message, invokedAs: 'price', args: query.split(' '), argsText: query, channel, reply: async () => {}, say: async () => {} };
    });
    let answered = 0;
    const priceSamples = timeEach(50_000, (i) => {
      const answer = price.run(contexts[i % contexts.length]!);
      if (typeof answer === 'string' && answer.length > 0) answered++;
    });
    const mean = priceSamples.reduce((a, b) => a + b, 0) / priceSamples.length;
    cache.close();
    if (answered !== priceSamples.length) throw new Error(`!price answered ${answered} of ${priceSamples.length}`);

    figure('eft catalogue items', data.items.length, 'items');
    figure('eft catalogue fetch', fetchMs, 'ms');
    figure('eft catalogue memory', catalogueBytes / 1_048_576, 'MB');
    figure('eft catalogue snapshot', snapshot.length / 1024, 'KB');
    figure('eft index build', indexMs, 'ms');
    figure('eft match p50', percentile(matchSamples, 50), 'us');
    figure('eft match p99', percentile(matchSamples, 99), 'us');
    figure('eft !price warm', mean, 'us');
    figure('eft !price warm p50', percentile(priceSamples, 50), 'us');
    figure('eft !price warm p99', percentile(priceSamples, 99), 'us');
  } finally {
    await big.close();
  }
}
