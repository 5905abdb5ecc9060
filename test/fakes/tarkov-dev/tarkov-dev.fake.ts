// A local stand-in for api.tarkov.dev: graphql-yoga serving the public schema (a subset, see
// schema.graphql) over fixture data. It validates every query against that schema the way the
// real API does, and it can be made slow, made to fail, or taken down.
import { readFileSync } from 'node:fs';
import { startFakeServer } from '../fake-server.ts';
import { createSchema, createYoga } from 'graphql-yoga';
import { EXCHANGE, FIXTURE_ITEMS, normalizedNameOf, syntheticItems, TRADERS, type FixtureItem, type TraderKey } from './fixtures.ts';

const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** How the fake misbehaves: `http` answers 503 like the Cloudflare front does, `graphql` answers 200 with an error. */
export type FakeFailure = 'http' | 'graphql' | null;

export interface TarkovDevFakeOptions {
  port?: number;
  /** Extra synthetic items, to reach the size of the live catalogue. */
  extraItems?: number;
}

export interface RecordedRequest {
  operationName: string | null;
  variables: Record<string, unknown>;
  at: number;
}

export interface TarkovDevFake {
  /** The GraphQL endpoint, like https://api.tarkov.dev/graphql. */
  url: string;
  /** Every GraphQL request received, in order. */
  readonly requests: RecordedRequest[];
  /** Delays every answer by this many ms. */
  delayMs: number;
  failure: FakeFailure;
  /** Multiplies every flea figure (a market move between two refreshes). */
  priceFactor: number;
  close(): Promise<void>;
}

type Mode = 'regular' | 'pve';

const FLEA_MARKET = {
  name: 'Flea Market',
  normalizedName: 'flea-market',
  minPlayerLevel: 15,
  enabled: true,
  sellOfferFeeRate: 0.03,
  sellRequirementFeeRate: 0.03,
  foundInRaidRequired: true,
  reputationLevels: [
    { offers: 2, offersSpecialEditions: 3, minRep: -999999, maxRep: 0.2 },
    { offers: 3, offersSpecialEditions: 4, minRep: 0.2, maxRep: 6 },
  ],
};

const HOUR = 3_600_000;
const HISTORY_STEP = 2 * HOUR;

/** Starts the fake on 127.0.0.1 (a free port unless `port` is given). */
export async function startTarkovDevFake(options: TarkovDevFakeOptions = {}): Promise<TarkovDevFake> {
  const items = [...FIXTURE_ITEMS, ...syntheticItems(options.extraItems ?? 0)];
  const byId = new Map(items.map((i) => [i.id, i]));
  const state = { delayMs: 0, failure: null as FakeFailure, priceFactor: 1 };
  const requests: RecordedRequest[] = [];

  const scale = (value: number, item: FixtureItem, mode: Mode) => Math.round(value * state.priceFactor * modeFactor(item, mode));
  const view = (item: FixtureItem, lang: string, mode: Mode) => itemView(item, lang, mode, scale);

  const yoga = createYoga({
    logging: false,
    maskedErrors: false,
    schema: createSchema({
      typeDefs,
      resolvers: {
        Vendor: { __resolveType: (vendor: { trader?: unknown }) => (vendor.trader ? 'TraderOffer' : 'FleaMarket') },
        Query: {
          items: (_: unknown, args: { ids?: string[] | null; name?: string | null; lang?: string | null; gameMode?: Mode | null; limit?: number | null; offset?: number | null }) => {
            if (state.failure === 'graphql') throw new Error('Error fetching items: upstream KV timeout');
            const lang = args.lang ?? 'en';
            let list = items;
            if (args.ids) list = args.ids.flatMap((id) => byId.get(id) ?? []);
            if (args.name) {
              const needle = args.name.toLowerCase();
              list = list.filter((i) => translated(i, lang).name.toLowerCase().includes(needle));
            }
            const offset = args.offset ?? 0;
            list = list.slice(offset, args.limit == null ? undefined : offset + args.limit);
            return list.map((i) => view(i, lang, args.gameMode ?? 'regular'));
          },
          item: (_: unknown, args: { id?: string | null; normalizedName?: string | null; lang?: string | null; gameMode?: Mode | null }) => {
            if (state.failure === 'graphql') throw new Error('Error fetching item');
            const item = args.id ? byId.get(args.id) : items.find((i) => normalizedNameOf(i.name) === args.normalizedName);
            return item ? view(item, args.lang ?? 'en', args.gameMode ?? 'regular') : null;
          },
          historicalItemPrices: (_: unknown, args: { id: string; days?: number | null; gameMode?: Mode | null }) => {
            if (state.failure === 'graphql') throw new Error('Historical prices cache is empty');
            const item = byId.get(args.id);
            if (!item?.flea) return [];
            // The real API falls back to 7 days when `days` is out of 1-30.
            const days = args.days != null && args.days >= 1 && args.days <= 30 ? args.days : 7;
            return history(item, days, args.gameMode ?? 'regular', state.priceFactor);
          },
          fleaMarket: () => {
            if (state.failure === 'graphql') throw new Error('Error fetching flea market');
            return FLEA_MARKET;
          },
          traders: () => Object.values(TRADERS).map((t) => ({ id: t.id, name: t.name, normalizedName: t.name.toLowerCase(), discount: 0, resetTime: null })),
        },
      },
    }),
  });

  const server = await startFakeServer({ port: options.port }, async (req, res, body) => {
    if (req.url === '/control' && req.method === 'POST') {
      applyControl(state, body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state));
      return;
    }
    if (req.method === 'POST') {
      try {
        const parsed = JSON.parse(body) as { operationName?: string; variables?: Record<string, unknown>; query?: string };
        requests.push({ operationName: parsed.operationName ?? operationNameOf(parsed.query), variables: parsed.variables ?? {}, at: Date.now() });
      } catch {
        requests.push({ operationName: null, variables: {}, at: Date.now() });
      }
    }
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (res.destroyed) return;
    if (state.failure === 'http') {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>503 Service Temporarily Unavailable</body></html>');
      return;
    }
    const response = await yoga.fetch(`http://fake${req.url ?? '/'}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });

  return {
    url: `http://127.0.0.1:${server.port}/graphql`,
    requests,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get failure() {
      return state.failure;
    },
    set failure(failure: FakeFailure) {
      state.failure = failure;
    },
    get priceFactor() {
      return state.priceFactor;
    },
    set priceFactor(factor: number) {
      state.priceFactor = factor;
    },
    close: server.close,
  };
}

// Lets a shell or another process steer a fake it did not start: POST /control {delayMs?, failure?, priceFactor?}.
function applyControl(state: { delayMs: number; failure: FakeFailure; priceFactor: number }, body: string): void {
  const patch = JSON.parse(body || '{}') as Partial<typeof state>;
  if (typeof patch.delayMs === 'number' && patch.delayMs >= 0) state.delayMs = patch.delayMs;
  if (patch.failure === null || patch.failure === 'http' || patch.failure === 'graphql') state.failure = patch.failure;
  if (typeof patch.priceFactor === 'number' && patch.priceFactor > 0) state.priceFactor = patch.priceFactor;
}

function operationNameOf(query: string | undefined): string | null {
  return query ? (/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? null) : null;
}

function translated(item: FixtureItem, lang: string): { name: string; shortName: string } {
  return item.translations?.[lang] ?? { name: item.name, shortName: item.shortName };
}

// PvE has its own market: prices differ per item, and far fewer offers are up.
function modeFactor(item: FixtureItem, mode: Mode): number {
  if (mode === 'regular') return 1;
  return 0.7 + (hash(item.id) % 60) / 100;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function traderOffer(key: TraderKey, level: number | null) {
  const trader = TRADERS[key];
  return {
    name: trader.name,
    normalizedName: key,
    trader: { id: trader.id, name: trader.name, normalizedName: key, discount: 0 },
    minTraderLevel: level,
    buyLimit: null,
  };
}

/** An ItemPrice as resolved: the vendor is a TraderOffer (has `trader`) or the FleaMarket. */
interface PriceView {
  vendor: { name: string; normalizedName: string };
  price: number;
  currency: string;
  priceRUB: number;
}

function itemView(item: FixtureItem, lang: string, mode: Mode, scale: (value: number, item: FixtureItem, mode: Mode) => number) {
  const { name, shortName } = translated(item, lang);
  const noFlea = item.types.includes('noFlea');
  const flea = item.flea && !noFlea ? item.flea : null;
  const sellFor: PriceView[] = item.sellTo.map((key) => {
    const trader = TRADERS[key];
    const priceRUB = Math.floor(item.basePrice * trader.rate);
    const price = trader.currency === 'RUB' ? priceRUB : Math.floor(priceRUB / EXCHANGE[trader.currency]);
    return { vendor: traderOffer(key, 1), price, currency: trader.currency, priceRUB: price * EXCHANGE[trader.currency] };
  });
  if (flea) sellFor.push({ vendor: FLEA_MARKET, price: scale(flea.lastLow, item, mode), currency: 'RUB', priceRUB: scale(flea.lastLow, item, mode) });
  const buyFor: PriceView[] = (item.buyFrom ?? []).map((offer) => ({
    vendor: traderOffer(offer.trader, offer.level),
    price: offer.price,
    currency: offer.currency,
    priceRUB: Math.round(offer.price * EXCHANGE[offer.currency]),
  }));
  if (flea) buyFor.push({ vendor: FLEA_MARKET, price: scale(flea.avg, item, mode), currency: 'RUB', priceRUB: scale(flea.avg, item, mode) });
  const offers = flea ? (mode === 'pve' ? Math.max(1, Math.round(flea.offers * 0.3)) : flea.offers) : null;
  return {
    id: item.id,
    name,
    shortName,
    normalizedName: normalizedNameOf(item.name),
    description: null,
    basePrice: item.basePrice,
    updated: new Date().toISOString(),
    width: item.width,
    height: item.height,
    backgroundColor: 'default',
    iconLink: `https://assets.tarkov.dev/${item.id}-icon.webp`,
    wikiLink: `https://escapefromtarkov.fandom.com/wiki/${encodeURIComponent(item.name.replace(/ /g, '_'))}`,
    link: `https://tarkov.dev/item/${normalizedNameOf(item.name)}`,
    types: item.types,
    avg24hPrice: flea ? scale(flea.avg, item, mode) : null,
    low24hPrice: flea ? scale(flea.low, item, mode) : null,
    high24hPrice: flea ? scale(flea.high, item, mode) : null,
    lastLowPrice: flea ? scale(flea.lastLow, item, mode) : null,
    changeLast48hPercent: flea ? flea.change48hPercent : null,
    changeLast48h: flea ? Math.round((scale(flea.avg, item, mode) * flea.change48hPercent) / 100) : null,
    lastOfferCount: offers,
    sellFor,
    buyFor,
    weight: 0.5,
    minLevelForFlea: noFlea ? null : 15,
  };
}

// A deterministic walk that ends at today's average: a trend matching the 48 h change plus a daily wave.
function history(item: FixtureItem, days: number, mode: Mode, priceFactor: number) {
  const flea = item.flea!;
  const now = Math.floor(Date.now() / HISTORY_STEP) * HISTORY_STEP;
  const points = Math.floor((days * 24 * HOUR) / HISTORY_STEP);
  const seed = hash(item.id) % 628;
  const perStep = flea.change48hPercent / 100 / 24;
  const avg = flea.avg * priceFactor * modeFactor(item, mode);
  const out = [];
  for (let i = points - 1; i >= 0; i--) {
    const wave = 0.03 * Math.sin(seed / 100 + i * 0.52);
    const price = Math.round(avg * (1 - perStep * i + wave));
    const offerCount = Math.max(0, Math.round(flea.offers * (1 + 0.25 * Math.sin(seed / 50 + i * 0.3))));
    out.push({
      price,
      priceMin: Math.round(price * 0.95),
      offerCount,
      offerCountMin: Math.round(offerCount * 0.8),
      timestamp: String(now - i * HISTORY_STEP),
    });
  }
  return out;
}
