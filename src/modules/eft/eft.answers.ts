// Turns service results into one chat message each: the channel's template, compact numbers, the
// catalogue's age when it is stale, and a clear sentence for every error code.
import { slotsOf, type CatalogueItem, type TraderPrice } from './eft.catalogue.ts';
import type { Freshness } from './eft.catalogue-store.ts';
import { fitMessage, formatAge, formatMoney, formatPercent, formatSignedMoney, renderTemplate, type TemplateVars } from './eft.format.ts';
import type { FleaSale, HistoryStats, SupplyLevel, SupplyStats, Verdict } from './eft.prices.ts';
import type { EftFailure, PriceInfo } from './eft.service.ts';
import type { EftSettings } from './eft.settings.ts';

type Templates = EftSettings['templates'];

/** `(prices from 14 min ago)` when the catalogue is stale, nothing otherwise. */
function withAge(text: string, freshness: Freshness): string {
  const suffix = freshness.stale ? ` (prices from ${formatAge(freshness.ageMs)} ago)` : '';
  return fitMessage(`${fitMessage(text, 500 - suffix.length)}${suffix}`);
}

function names(items: readonly CatalogueItem[]): string {
  const list = items.map((i) => i.name);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]!}`;
}

export function failureAnswer(failure: EftFailure, usage?: string): string {
  switch (failure.error) {
    case 'eft.catalogue_unavailable':
      return 'Prices are still loading from tarkov.dev; try again in a moment.';
    case 'eft.item_not_found':
      return fitMessage(`No item matches "${failure.query ?? ''}".`);
    case 'eft.item_ambiguous':
      return fitMessage(`Did you mean ${names(failure.candidates ?? [])}?`);
    case 'eft.history_unavailable':
      return `tarkov.dev's price history for ${failure.query ?? 'that item'} is unavailable right now; try again later.`;
    case 'eft.no_flea_price':
      return fitMessage(`${failure.query ?? 'That item'} has no flea price (flea banned or no offers).`);
    case 'eft.alert_limit':
      return `Alert not set: ${failure.message ?? 'too many alerts'}.`;
    case 'eft.alert_not_found':
      return 'No such pending alert.';
    case 'eft.bad_input':
      return fitMessage(`${failure.message ?? 'Bad input'}${usage ? `. Usage: ${usage}` : ''}`);
  }
}

export function traderPriceText(offer: TraderPrice): string {
  const price = formatMoney(offer.price, offer.currency);
  return offer.currency === 'RUB' ? `${offer.traderName} ${price}` : `${offer.traderName} ${price} (${formatMoney(offer.priceRub)})`;
}

function fleaSummary(item: CatalogueItem): string {
  if (!item.fleaSellable) return 'flea banned';
  const { avg24h, lastLow } = item.flea;
  if (avg24h === null && lastLow === null) return 'no flea offers in 24 h';
  const parts = [];
  if (avg24h !== null) parts.push(`avg ${formatMoney(avg24h)}`);
  if (lastLow !== null) parts.push(`last low ${formatMoney(lastLow)}`);
  return `flea ${parts.join(', ')}`;
}

function money(value: number | null): string | null {
  return value === null ? null : formatMoney(value);
}

export function priceAnswer(result: PriceInfo & { freshness: Freshness }, templates: Templates): string {
  const { item } = result;
  const cheapestBuy = item.buyFrom[0];
  const vars: TemplateVars = {
    name: item.name,
    short: item.shortName,
    flea: fleaSummary(item),
    avg: money(item.flea.avg24h),
    lastLow: money(item.flea.lastLow),
    low: money(item.flea.low24h),
    high: money(item.flea.high24h),
    change: item.flea.change48hPercent === null || !item.fleaSellable ? null : formatPercent(item.flea.change48hPercent),
    offers: item.flea.offerCount === null ? null : String(item.flea.offerCount),
    perSlot: money(result.perSlot),
    slots: String(slotsOf(item)),
    trader: result.bestTrader ? traderPriceText(result.bestTrader) : 'none buys it',
    traderBuy: cheapestBuy ? `${traderPriceText(cheapestBuy)}${cheapestBuy.minLevel ? ` (LL${cheapestBuy.minLevel})` : ''}` : null,
    fleaNet: result.sale ? formatMoney(result.sale.net) : null,
  };
  return withAge(renderTemplate(templates.price, vars), result.freshness);
}

function fleaSaleText(item: CatalogueItem, sale: FleaSale | null): string {
  if (!item.fleaSellable) return 'flea banned';
  if (!sale) return 'no flea offers';
  return `flea ${formatMoney(sale.price)} - fee ${formatMoney(sale.fee)} = ${formatMoney(sale.net)}`;
}

export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'trader':
      return verdict.flea && verdict.flea.net > 0
        ? `sell to ${verdict.trader.traderName} (${formatSignedMoney(verdict.margin)} vs flea after fee)`
        : `sell to ${verdict.trader.traderName}`;
    case 'flea':
      return verdict.trader ? `sell on flea (${formatSignedMoney(verdict.margin)} vs ${verdict.trader.traderName})` : 'sell on flea';
    case 'none':
      return 'nobody buys it';
  }
}

export function traderAnswer(
  result: { item: CatalogueItem; verdict: Verdict; sale: FleaSale | null; freshness: Freshness },
  templates: Templates,
): string {
  const { item } = result;
  const vars: TemplateVars = {
    name: item.name,
    short: item.shortName,
    traders: item.sellTo.length > 0 ? item.sellTo.map(traderPriceText).join(', ') : 'no trader buys it',
    flea: fleaSaleText(item, result.sale),
    fee: result.sale ? formatMoney(result.sale.fee) : null,
    fleaNet: result.sale ? formatMoney(result.sale.net) : null,
    verdict: verdictText(result.verdict),
  };
  return withAge(renderTemplate(templates.trader, vars), result.freshness);
}

function trendText(percent: number): string {
  const arrow = percent >= 2 ? '↑' : percent <= -2 ? '↓' : '→';
  return `${arrow} ${formatPercent(percent).replace(/^\+/, '')}`;
}

export function histAnswer(result: { item: CatalogueItem; stats: HistoryStats; freshness: Freshness }, templates: Templates): string {
  const { item, stats } = result;
  const vars: TemplateVars = {
    name: item.name,
    short: item.shortName,
    days: String(stats.days),
    min: formatMoney(stats.min),
    max: formatMoney(stats.max),
    avg: formatMoney(stats.avg),
    trend: trendText(stats.trendPercent),
    points: String(stats.points),
  };
  return withAge(renderTemplate(templates.hist, vars), result.freshness);
}

const SUPPLY_MEANING: Record<SupplyLevel, string> = {
  flooded: 'flooded: sellers are dumping, prices may drop',
  high: 'more offers than usual, prices may soften',
  normal: 'usual supply',
  low: 'fewer offers than usual, prices may climb',
  scarce: 'scarce: expect prices to rise',
};

export function supplyAnswer(result: { item: CatalogueItem; stats: SupplyStats; freshness: Freshness }, days: number, templates: Templates): string {
  const { item, stats } = result;
  const vars: TemplateVars = {
    name: item.name,
    short: item.shortName,
    offers: String(stats.now),
    avgOffers: String(stats.avg),
    days: String(days),
    change: formatPercent(stats.changePercent),
    meaning: SUPPLY_MEANING[stats.level],
  };
  return withAge(renderTemplate(templates.supply, vars), result.freshness);
}

export function worthAnswer(
  result: {
    ranking: { item: CatalogueItem; perSlot: number }[];
    unknown: string[];
    ambiguous: { query: string; candidates: CatalogueItem[] }[];
    freshness: Freshness;
  },
  templates: Templates,
): string {
  const ranking = result.ranking
    .map(({ item, perSlot }) => {
      const slots = slotsOf(item);
      return `${item.shortName} ${formatMoney(perSlot)}${slots > 1 ? ` (${slots} slots)` : ''}`;
    })
    .join(' > ');
  const notes = [
    ...result.ambiguous.map((a) => `"${a.query}": ${names(a.candidates)}?`),
    ...(result.unknown.length > 0 ? [`unknown: ${result.unknown.join(', ')}`] : []),
  ];
  const text = renderTemplate(templates.worth, { ranking: ranking || 'nothing found' });
  return withAge(notes.length > 0 ? `${text} · ${notes.join(' · ')}` : text, result.freshness);
}
