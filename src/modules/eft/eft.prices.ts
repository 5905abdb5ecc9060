// Price arithmetic: per-slot value, the flea-market fee, trader-versus-flea verdicts, history and
// supply figures. Pure functions over catalogue items; formatting lives in eft.format.ts.
import { slotsOf, type CatalogueItem, type FleaRules, type TraderPrice } from './eft.catalogue.ts';

/** One point of an item's price history. */
export interface HistoryPoint {
  /** ms since the epoch */
  at: number;
  /** average flea price at that time */
  price: number;
  priceMin: number | null;
  offerCount: number | null;
}

/**
 * The fee for listing `count` items at `price` each, as the game computes it (the formula tarkov.dev's
 * `fleaMarketFee` implements, with the rates from its `fleaMarket` query):
 * fee = V0·Ti·4^P0·Q + VR·Tr·4^PR·Q, where P0 = log10(V0/VR) and PR = log10(VR/V0), each raised to 1.08
 * on the side where the listing is above (PR) or below (P0) the base price.
 */
export function fleaFee(basePrice: number, price: number, rules: Pick<FleaRules, 'offerFeeRate' | 'requirementFeeRate'>, count = 1): number {
  if (!(basePrice > 0) || !(price > 0)) return 0;
  const v0 = basePrice;
  const vr = price;
  let p0 = Math.log10(v0 / vr);
  if (vr < v0) p0 = Math.pow(p0, 1.08);
  let pr = Math.log10(vr / v0);
  if (vr >= v0) pr = Math.pow(pr, 1.08);
  const fee = v0 * rules.offerFeeRate * Math.pow(4, p0) * count + vr * rules.requirementFeeRate * Math.pow(4, pr) * count;
  return Math.round(Math.min(fee, Number.MAX_SAFE_INTEGER));
}

/** What listing one item on the flea would bring: at the last lowest price (the price to undercut), else the 24 h average. */
export interface FleaSale {
  price: number;
  fee: number;
  net: number;
}

export function fleaSale(item: CatalogueItem, rules: FleaRules): FleaSale | null {
  if (!item.fleaSellable || !rules.enabled) return null;
  const price = item.flea.lastLow ?? item.flea.avg24h;
  if (price === null) return null;
  const fee = fleaFee(item.basePrice, price, rules);
  return { price, fee, net: price - fee };
}

export function bestTraderSell(item: CatalogueItem): TraderPrice | null {
  return item.sellTo[0] ?? null;
}

export function perSlot(value: number, item: Pick<CatalogueItem, 'width' | 'height'>): number {
  return Math.round(value / slotsOf(item));
}

/** Where to sell one item, and by how much that beats the other way (roubles). */
export type Verdict =
  | { kind: 'trader'; trader: TraderPrice; margin: number; flea: FleaSale | null }
  | { kind: 'flea'; sale: FleaSale; margin: number; trader: TraderPrice | null }
  | { kind: 'none' };

export function sellVerdict(item: CatalogueItem, rules: FleaRules): Verdict {
  const trader = bestTraderSell(item);
  const sale = fleaSale(item, rules);
  if (sale && sale.net > 0 && (!trader || sale.net > trader.priceRub)) {
    return { kind: 'flea', sale, margin: sale.net - (trader?.priceRub ?? 0), trader };
  }
  if (trader) return { kind: 'trader', trader, margin: trader.priceRub - Math.max(0, sale?.net ?? 0), flea: sale };
  return { kind: 'none' };
}

/** What one item is worth to a player: the better of the flea's 24 h average and the best trader. */
export function itemValue(item: CatalogueItem): number {
  const flea = item.fleaSellable ? (item.flea.avg24h ?? item.flea.lastLow ?? 0) : 0;
  return Math.max(flea, bestTraderSell(item)?.priceRub ?? 0);
}

export interface HistoryStats {
  days: number;
  min: number;
  max: number;
  avg: number;
  /** Change from the first quarter of the period to the last quarter, in percent. */
  trendPercent: number;
  points: number;
}

// Comparing quarter averages rather than the first and last point keeps one odd sample from deciding the trend.
export function historyStats(points: readonly HistoryPoint[], days: number): HistoryStats | null {
  if (points.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const p of points) {
    if (p.price < min) min = p.price;
    if (p.price > max) max = p.price;
    sum += p.price;
  }
  const quarter = Math.max(1, Math.floor(points.length / 4));
  const first = mean(points.slice(0, quarter).map((p) => p.price));
  const last = mean(points.slice(-quarter).map((p) => p.price));
  return { days, min, max, avg: Math.round(sum / points.length), trendPercent: first > 0 ? ((last - first) / first) * 100 : 0, points: points.length };
}

export type SupplyLevel = 'flooded' | 'high' | 'normal' | 'low' | 'scarce';

export interface SupplyStats {
  now: number;
  avg: number;
  changePercent: number;
  level: SupplyLevel;
}

/** The current offer count against the period's average. */
export function supplyStats(now: number, points: readonly HistoryPoint[]): SupplyStats | null {
  const counts = points.flatMap((p) => (p.offerCount != null ? [p.offerCount] : []));
  if (counts.length === 0) return null;
  const avg = mean(counts);
  const changePercent = avg > 0 ? ((now - avg) / avg) * 100 : now > 0 ? 100 : 0;
  return { now, avg: Math.round(avg), changePercent, level: supplyLevel(changePercent) };
}

function supplyLevel(changePercent: number): SupplyLevel {
  if (changePercent >= 50) return 'flooded';
  if (changePercent >= 15) return 'high';
  if (changePercent <= -50) return 'scarce';
  if (changePercent <= -15) return 'low';
  return 'normal';
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

const PRICE_INPUT = /^(\d+(?:[.,]\d+)?)\s*([km]?)\s*(?:₽|rub|roubles?|rubles?)?$/i;

/** Reads a price as chat types it: `900k`, `1.2m`, `1,5m`, `250000`, `45 000`, `300k₽`; null when it is not one. */
export function parsePrice(text: string): number | null {
  const match = PRICE_INPUT.exec(text.trim().replace(/(?<=\d)[ _,](?=\d{3}\b)/g, ''));
  if (!match) return null;
  const number = Number(match[1]!.replace(',', '.'));
  const unit = match[2]!.toLowerCase();
  const value = Math.round(number * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
