// Builders for unit tests: catalogue items with plausible defaults, overridable field by field.
import type { Cache } from '../../core/ports.ts';
import type { CatalogueData, CatalogueItem, FleaRules, TraderPrice } from './eft.catalogue.ts';

export const TEST_FLEA_RULES: FleaRules = { enabled: true, minPlayerLevel: 15, offerFeeRate: 0.03, requirementFeeRate: 0.03 };

let nextId = 0;

export function testItem(name: string, shortName: string, overrides: Partial<CatalogueItem> = {}): CatalogueItem {
  return {
    id: `test${(nextId++).toString(16).padStart(20, '0')}`,
    name,
    shortName,
    normalizedName: name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    types: ['barter'],
    width: 1,
    height: 1,
    basePrice: 10_000,
    fleaSellable: true,
    flea: { avg24h: 20_000, low24h: 18_000, high24h: 22_000, lastLow: 19_000, change48hPercent: 1.5, offerCount: 100 },
    sellTo: [],
    buyFrom: [],
    ...overrides,
  };
}

export function trader(name: string, priceRub: number, currency: TraderPrice['currency'] = 'RUB', price = priceRub): TraderPrice {
  return { trader: name.toLowerCase(), traderName: name, price, currency, priceRub, minLevel: null };
}

export function testCatalogueData(items: CatalogueItem[], fetchedAt = Date.now()): CatalogueData {
  return { mode: 'regular', lang: 'en', fetchedAt, flea: TEST_FLEA_RULES, items };
}

/** A Cache port over a Map, with TTLs on the system clock: what the store needs of Redis, shared between "instances" in a test. */
export function fakeCache(): Cache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    get: async (key) => live(key)?.value ?? null,
    set: async (key, value, ttlSeconds) => void entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 }),
    delete: async (key) => void entries.delete(key),
    setIfAbsent: async (key, value, ttlSeconds) => {
      if (live(key)) return false;
      entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
      return true;
    },
    ping: async () => {},
  };
}
