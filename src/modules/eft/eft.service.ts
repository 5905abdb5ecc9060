// The eft module's operations, shaped for chat commands and the HTTP API alike: every method takes
// plain values and returns a result object with a stable error code when it cannot answer.
import type { Cache, ChatSender, Logger } from '../../core/ports.ts';
import type { TarkovDevApi } from './adapters/tarkov-dev.client.ts';
import type { Catalogue, CatalogueItem, FleaRules, GameMode } from './eft.catalogue.ts';
import type { CatalogueStatus, CatalogueStore, Freshness } from './eft.catalogue-store.ts';
import { formatMoney } from './eft.format.ts';
import {
  bestTraderSell,
  fleaSale,
  historyStats,
  itemValue,
  perSlot,
  sellVerdict,
  supplyStats,
  type FleaSale,
  type HistoryPoint,
  type HistoryStats,
  type SupplyStats,
  type Verdict,
} from './eft.prices.ts';
import type { AlertsRepository } from './eft.repository.ts';
import type { EftSettings, MarketContext } from './eft.settings.ts';
import type { AlertDirection, EftAlert } from './eft.tables.ts';

/** Stable error codes of the eft module. */
export type EftErrorCode =
  | 'eft.catalogue_unavailable'
  | 'eft.item_not_found'
  | 'eft.item_ambiguous'
  | 'eft.history_unavailable'
  | 'eft.no_flea_price'
  | 'eft.alert_limit'
  | 'eft.alert_not_found'
  | 'eft.bad_input';

export type EftFailure = { ok: false; error: EftErrorCode; query?: string; candidates?: CatalogueItem[]; message?: string };

/** A successful answer with the catalogue it came from. */
export type EftResult<T> = ({ ok: true; freshness: Freshness; flea: FleaRules } & T) | EftFailure;

export interface EftServiceDeps {
  store: CatalogueStore;
  api: TarkovDevApi;
  cache: Cache;
  alerts: AlertsRepository;
  chat: ChatSender;
  logger: Logger;
  /** Persists a channel's eft settings (the channel configuration reloads from it); false for an unknown channel. */
  saveSettings: (channel: string, settings: EftSettings) => Promise<boolean>;
  /** How long fetched history stays cached. */
  historyTtlSeconds?: number;
}

export const HISTORY_DAYS = { default: 7, min: 1, max: 30 } as const;
/** The period `!supply` compares the current offer count with. */
export const SUPPLY_DAYS = 3;

export interface PriceInfo {
  item: CatalogueItem;
  bestTrader: ReturnType<typeof bestTraderSell>;
  /** Per slot, from the flea average when there is one, else the best trader. */
  perSlot: number | null;
  sale: FleaSale | null;
}

export class EftService {
  private readonly historyInflight = new Map<string, Promise<HistoryPoint[]>>();

  constructor(private readonly deps: EftServiceDeps) {}

  catalogueStatus(): CatalogueStatus[] {
    return this.deps.store.status();
  }

  /** Finds the item a query means in the market's catalogue. */
  find(query: string, market: MarketContext): EftResult<{ item: CatalogueItem; catalogue: Catalogue }> {
    const catalogue = this.deps.store.get(market.mode, market.lang);
    if (!catalogue) return { ok: false, error: 'eft.catalogue_unavailable' };
    const trimmed = query.trim();
    if (!trimmed) return { ok: false, error: 'eft.bad_input', message: 'no item given' };
    const { match, candidates } = catalogue.index.search(trimmed);
    if (match) return { ok: true, item: match, catalogue, freshness: this.deps.store.freshness(catalogue), flea: catalogue.data.flea };
    if (candidates.length > 0) return { ok: false, error: 'eft.item_ambiguous', query: trimmed, candidates };
    return { ok: false, error: 'eft.item_not_found', query: trimmed };
  }

  price(query: string, market: MarketContext): EftResult<PriceInfo> {
    const found = this.find(query, market);
    if (!found.ok) return found;
    const { item } = found;
    const bestTrader = bestTraderSell(item);
    const fleaAvg = item.fleaSellable ? (item.flea.avg24h ?? item.flea.lastLow) : null;
    const basis = fleaAvg ?? bestTrader?.priceRub ?? null;
    return { ...found, bestTrader, perSlot: basis === null ? null : perSlot(basis, item), sale: fleaSale(item, found.flea) };
  }

  traders(query: string, market: MarketContext): EftResult<{ item: CatalogueItem; verdict: Verdict; sale: FleaSale | null }> {
    const found = this.find(query, market);
    if (!found.ok) return found;
    return { ...found, verdict: sellVerdict(found.item, found.flea), sale: fleaSale(found.item, found.flea) };
  }

  async history(query: string, days: number, market: MarketContext): Promise<EftResult<{ item: CatalogueItem; stats: HistoryStats }>> {
    if (!Number.isInteger(days) || days < HISTORY_DAYS.min || days > HISTORY_DAYS.max) {
      return { ok: false, error: 'eft.bad_input', message: `days must be ${HISTORY_DAYS.min}-${HISTORY_DAYS.max}` };
    }
    const found = this.find(query, market);
    if (!found.ok) return found;
    if (!found.item.fleaSellable) return { ok: false, error: 'eft.no_flea_price', query: found.item.name };
    const points = await this.fetchHistory(found.item.id, days, market.mode);
    if (!points) return { ok: false, error: 'eft.history_unavailable', query: found.item.name };
    const stats = historyStats(points, days);
    if (!stats) return { ok: false, error: 'eft.no_flea_price', query: found.item.name };
    return { ...found, stats };
  }

  async supply(query: string, market: MarketContext): Promise<EftResult<{ item: CatalogueItem; stats: SupplyStats }>> {
    const found = this.find(query, market);
    if (!found.ok) return found;
    const now = found.item.flea.offerCount;
    if (!found.item.fleaSellable || now === null) return { ok: false, error: 'eft.no_flea_price', query: found.item.name };
    const points = await this.fetchHistory(found.item.id, SUPPLY_DAYS, market.mode);
    if (!points) return { ok: false, error: 'eft.history_unavailable', query: found.item.name };
    const stats = supplyStats(now, points);
    if (!stats) return { ok: false, error: 'eft.history_unavailable', query: found.item.name };
    return { ...found, stats };
  }

  /** Ranks items by value per slot (the better of flea average and best trader); unknown queries are listed apart. */
  worth(
    queries: string[],
    market: MarketContext,
  ): EftResult<{ ranking: { item: CatalogueItem; value: number; perSlot: number }[]; unknown: string[]; ambiguous: { query: string; candidates: CatalogueItem[] }[] }> {
    const catalogue = this.deps.store.get(market.mode, market.lang);
    if (!catalogue) return { ok: false, error: 'eft.catalogue_unavailable' };
    const ranking: { item: CatalogueItem; value: number; perSlot: number }[] = [];
    const unknown: string[] = [];
    const ambiguous: { query: string; candidates: CatalogueItem[] }[] = [];
    for (const query of queries) {
      const { match, candidates } = catalogue.index.search(query);
      if (!match) {
        if (candidates.length > 0) ambiguous.push({ query, candidates });
        else unknown.push(query);
        continue;
      }
      if (ranking.some((r) => r.item.id === match.id)) continue;
      const value = itemValue(match);
      ranking.push({ item: match, value, perSlot: perSlot(value, match) });
    }
    ranking.sort((a, b) => b.perSlot - a.perSlot);
    return { ok: true, ranking, unknown, ambiguous, freshness: this.deps.store.freshness(catalogue), flea: catalogue.data.flea };
  }

  async setGameMode(channel: string, settings: EftSettings, mode: GameMode): Promise<boolean> {
    return this.deps.saveSettings(channel, { ...settings, gameMode: mode });
  }

  listAlerts(channel: string): Promise<EftAlert[]> {
    return this.deps.alerts.listPending(channel);
  }

  /**
   * Adds a price alert on the item's flea price (the last lowest offer). `limits.perViewer` undefined
   * means the caller is not limited per viewer (a moderator).
   */
  async addAlert(input: {
    channel: string;
    login: string;
    query: string;
    direction: AlertDirection;
    price: number;
    market: MarketContext;
    limits: { perViewer?: number; perChannel: number };
  }): Promise<EftResult<{ alert: EftAlert; item: CatalogueItem; current: number }>> {
    if (!Number.isSafeInteger(input.price) || input.price <= 0 || input.price > 2_000_000_000) {
      return { ok: false, error: 'eft.bad_input', message: 'the price must be between 1 and 2B roubles' };
    }
    if (input.limits.perViewer === 0) return { ok: false, error: 'eft.alert_limit', message: 'only moderators set alerts in this channel' };
    const found = this.find(input.query, input.market);
    if (!found.ok) return found;
    const current = alertPrice(found.item);
    if (current === null) return { ok: false, error: 'eft.no_flea_price', query: found.item.name };
    if ((await this.deps.alerts.countPending(input.channel)) >= input.limits.perChannel) {
      return { ok: false, error: 'eft.alert_limit', message: `this channel has ${input.limits.perChannel} alerts already` };
    }
    if (input.limits.perViewer !== undefined && (await this.deps.alerts.countPending(input.channel, input.login)) >= input.limits.perViewer) {
      return { ok: false, error: 'eft.alert_limit', message: `you have ${input.limits.perViewer} alerts already` };
    }
    const alert = await this.deps.alerts.add({
      channel: input.channel,
      itemId: found.item.id,
      itemName: found.item.name,
      gameMode: input.market.mode,
      direction: input.direction,
      price: input.price,
      createdBy: input.login,
    });
    return { ...found, alert, current };
  }

  async removeAlert(channel: string, id: number, onlyBy?: string): Promise<{ ok: true } | EftFailure> {
    return (await this.deps.alerts.remove(channel, id, onlyBy)) ? { ok: true } : { ok: false, error: 'eft.alert_not_found' };
  }

  /**
   * Fires the pending alerts of the catalogue's game mode that its prices cross, once each across
   * all instances (the database claim decides who posts).
   */
  async checkAlerts(catalogue: Catalogue): Promise<number> {
    let fired = 0;
    for (const alert of await this.deps.alerts.pendingForMode(catalogue.data.mode)) {
      const item = catalogue.byId.get(alert.itemId);
      const current = item ? alertPrice(item) : null;
      if (current === null) continue;
      const crossed = alert.direction === 'below' ? current <= alert.price : current >= alert.price;
      if (!crossed || !(await this.deps.alerts.claim(alert.id))) continue;
      fired++;
      const mode = alert.gameMode === 'pve' ? ' (PvE)' : '';
      await this.deps.chat
        .send({
          channel: alert.channel,
          text: `@${alert.createdBy} price alert: ${alert.itemName}${mode} is now ${alert.direction} ${formatMoney(alert.price)}: ${formatMoney(current)} on the flea.`,
        })
        .catch((err: unknown) => this.deps.logger.warn({ err, alert: alert.id }, 'posting an eft price alert failed'));
    }
    return fired;
  }

  private async fetchHistory(itemId: string, days: number, mode: GameMode): Promise<HistoryPoint[] | null> {
    const key = `eft:history:${mode}:${itemId}:${days}`;
    const cached = await this.deps.cache.get(key);
    if (cached) return JSON.parse(cached) as HistoryPoint[];
    let running = this.historyInflight.get(key);
    if (!running) {
      running = this.deps.api.fetchHistory(itemId, days, mode).finally(() => this.historyInflight.delete(key));
      this.historyInflight.set(key, running);
    }
    try {
      const points = await running;
      await this.deps.cache.set(key, JSON.stringify(points), this.deps.historyTtlSeconds ?? 600);
      return points;
    } catch (err) {
      this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err), itemId, days, mode }, 'eft history unavailable');
      return null;
    }
  }
}

/** The price alerts watch: what a buyer would pay now. */
export function alertPrice(item: CatalogueItem): number | null {
  if (!item.fleaSellable) return null;
  return item.flea.lastLow ?? item.flea.avg24h;
}
