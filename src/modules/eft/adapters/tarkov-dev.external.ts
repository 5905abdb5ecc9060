// tarkov.dev's GraphQL wire format (schema: the-hideout/tarkov-api, schema-static.mjs): the queries we
// send, the shape of their answers as validated on arrival, and the one mapping into our own types.
import { parse, type DocumentNode } from 'graphql';
import { z } from 'zod';
import type { CatalogueData, CatalogueItem, Currency, FleaRules, GameMode, Language, TraderPrice } from '../eft.catalogue.ts';
import type { HistoryPoint } from '../eft.prices.ts';

/** A GraphQL document with the types of its variables and its answer. */
export interface TypedQuery<Result, Variables extends object> {
  document: DocumentNode;
  /** Validates an answer; the API is outside input like any other. */
  result: z.ZodType<Result>;
  /** Never set: carries the variables' type. */
  variables?: Variables;
}

const vendor = z.object({
  name: z.string(),
  normalizedName: z.string(),
  minTraderLevel: z.number().int().nullish(),
});

const itemPrice = z.object({
  vendor,
  price: z.number().nullish(),
  currency: z.string().nullish(),
  priceRUB: z.number().nullish(),
});

const itemWire = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  shortName: z.string().nullish(),
  normalizedName: z.string().nullish(),
  types: z.array(z.string().nullable()),
  width: z.number().int(),
  height: z.number().int(),
  basePrice: z.number(),
  avg24hPrice: z.number().nullish(),
  low24hPrice: z.number().nullish(),
  high24hPrice: z.number().nullish(),
  lastLowPrice: z.number().nullish(),
  changeLast48hPercent: z.number().nullish(),
  lastOfferCount: z.number().nullish(),
  sellFor: z.array(itemPrice).nullish(),
  buyFor: z.array(itemPrice).nullish(),
});
export type ItemWire = z.infer<typeof itemWire>;

const fleaMarketWire = z.object({
  enabled: z.boolean(),
  minPlayerLevel: z.number().int(),
  sellOfferFeeRate: z.number(),
  sellRequirementFeeRate: z.number(),
});

const PRICE_FIELDS = `
    vendor { name normalizedName ... on TraderOffer { minTraderLevel } }
    price currency priceRUB`;

// Items are validated one by one in toCatalogueData, so one malformed entry costs that item, not the catalogue.
const catalogueResult = z.object({ items: z.array(z.unknown()), fleaMarket: fleaMarketWire });

export const catalogueQuery: TypedQuery<z.infer<typeof catalogueResult>, { lang: Language; gameMode: GameMode }> = {
  document: parse(`query EftCatalogue($lang: LanguageCode, $gameMode: GameMode) {
  items(lang: $lang, gameMode: $gameMode) {
    id name shortName normalizedName types width height basePrice
    avg24hPrice low24hPrice high24hPrice lastLowPrice changeLast48hPercent lastOfferCount
    sellFor {${PRICE_FIELDS} }
    buyFor {${PRICE_FIELDS} }
  }
  fleaMarket(lang: $lang, gameMode: $gameMode) { enabled minPlayerLevel sellOfferFeeRate sellRequirementFeeRate }
}`),
  result: catalogueResult,
};

const historyPointWire = z.object({
  price: z.number().nullish(),
  priceMin: z.number().nullish(),
  offerCount: z.number().nullish(),
  offerCountMin: z.number().nullish(),
  timestamp: z.string().nullish(),
});

const historyResult = z.object({ historicalItemPrices: z.array(historyPointWire.nullable()) });

export const historyQuery: TypedQuery<z.infer<typeof historyResult>, { id: string; days: number; gameMode: GameMode }> = {
  document: parse(`query EftHistory($id: ID!, $days: Int, $gameMode: GameMode) {
  historicalItemPrices(id: $id, days: $days, gameMode: $gameMode) { price priceMin offerCount offerCountMin timestamp }
}`),
  result: historyResult,
};

const FLEA_VENDOR = 'flea-market';

function currencyOf(code: string | null | undefined): Currency {
  return code === 'USD' || code === 'EUR' ? code : 'RUB';
}

// tarkov.dev reports a missing flea figure as null or as 0, depending on the field and the item.
function positive(value: number | null | undefined): number | null {
  return value != null && value > 0 ? Math.round(value) : null;
}

function traderPrices(prices: z.infer<typeof itemPrice>[] | null | undefined): TraderPrice[] {
  const out: TraderPrice[] = [];
  for (const p of prices ?? []) {
    if (p.vendor.normalizedName === FLEA_VENDOR) continue;
    const priceRub = positive(p.priceRUB);
    const price = positive(p.price);
    if (priceRub === null || price === null) continue;
    out.push({
      trader: p.vendor.normalizedName,
      traderName: p.vendor.name,
      price,
      currency: currencyOf(p.currency),
      priceRub,
      minLevel: p.vendor.minTraderLevel ?? null,
    });
  }
  return out;
}

/** Maps one item of the wire into a catalogue item; null for an entry too broken to use. */
export function toCatalogueItem(wire: ItemWire): CatalogueItem | null {
  const name = wire.name?.trim();
  if (!name) return null;
  const types = wire.types.filter((t): t is string => t !== null);
  const fleaSellable = !types.includes('noFlea');
  return {
    id: wire.id,
    name,
    shortName: wire.shortName?.trim() || name,
    normalizedName: wire.normalizedName ?? '',
    types,
    width: Math.max(1, wire.width),
    height: Math.max(1, wire.height),
    basePrice: Math.max(0, Math.round(wire.basePrice)),
    fleaSellable,
    flea: {
      avg24h: positive(wire.avg24hPrice),
      low24h: positive(wire.low24hPrice),
      high24h: positive(wire.high24hPrice),
      lastLow: positive(wire.lastLowPrice),
      change48hPercent: wire.changeLast48hPercent ?? null,
      offerCount: wire.lastOfferCount != null && wire.lastOfferCount >= 0 ? Math.round(wire.lastOfferCount) : null,
    },
    sellTo: traderPrices(wire.sellFor).sort((a, b) => b.priceRub - a.priceRub),
    buyFrom: traderPrices(wire.buyFor).sort((a, b) => a.priceRub - b.priceRub),
  };
}

/** Maps the catalogue query's answer; entries that cannot be used are counted in `dropped`. */
export function toCatalogueData(
  result: z.infer<typeof catalogueResult>,
  mode: GameMode,
  lang: Language,
  fetchedAt: number,
): { data: CatalogueData; dropped: number } {
  const items: CatalogueItem[] = [];
  let dropped = 0;
  for (const entry of result.items) {
    const wire = itemWire.safeParse(entry);
    const item = wire.success ? toCatalogueItem(wire.data) : null;
    if (item) items.push(item);
    else dropped++;
  }
  const flea: FleaRules = {
    enabled: result.fleaMarket.enabled,
    minPlayerLevel: result.fleaMarket.minPlayerLevel,
    offerFeeRate: result.fleaMarket.sellOfferFeeRate,
    requirementFeeRate: result.fleaMarket.sellRequirementFeeRate,
  };
  return { data: { mode, lang, fetchedAt, flea, items }, dropped };
}

/** Maps history points, oldest first, dropping points without a price or time. */
export function toHistory(result: z.infer<typeof historyResult>): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const p of result.historicalItemPrices) {
    const at = Number(p?.timestamp);
    const price = positive(p?.price);
    if (!p || !Number.isFinite(at) || price === null) continue;
    points.push({ at, price, priceMin: positive(p.priceMin), offerCount: p.offerCount ?? null });
  }
  return points.sort((a, b) => a.at - b.at);
}
