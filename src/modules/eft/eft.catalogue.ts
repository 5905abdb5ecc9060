import { buildItemIndex, type ItemIndex } from './eft.match.ts';

/** tarkov.dev's game modes: `regular` is PvP. */
export const GAME_MODES = ['regular', 'pve'] as const;
export type GameMode = (typeof GAME_MODES)[number];

/** The languages tarkov.dev translates item names into. */
export const LANGUAGES = ['cs', 'de', 'en', 'es', 'fr', 'hu', 'it', 'ja', 'ko', 'pl', 'pt', 'ro', 'ru', 'sk', 'tr', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Currency = 'RUB' | 'USD' | 'EUR';

/** A trader's price for an item, in the trader's currency and in roubles. */
export interface TraderPrice {
  /** tarkov.dev's normalized trader name, e.g. `therapist`. */
  trader: string;
  /** Display name, e.g. `Therapist`. */
  traderName: string;
  price: number;
  currency: Currency;
  priceRub: number;
  /** Loyalty level needed (offers to buy from a trader only). */
  minLevel: number | null;
}

/** The latest flea-market figures; null fields mean tarkov.dev has no data for them. */
export interface FleaStats {
  avg24h: number | null;
  low24h: number | null;
  high24h: number | null;
  lastLow: number | null;
  change48hPercent: number | null;
  offerCount: number | null;
}

export interface CatalogueItem {
  id: string;
  name: string;
  shortName: string;
  normalizedName: string;
  types: string[];
  width: number;
  height: number;
  basePrice: number;
  /** False for flea-banned items (type `noFlea`). */
  fleaSellable: boolean;
  flea: FleaStats;
  /** Traders that buy the item from a player, best price first. */
  sellTo: TraderPrice[];
  /** Traders that sell the item, cheapest first. */
  buyFrom: TraderPrice[];
}

/** The flea market's rules that fees and access depend on. */
export interface FleaRules {
  enabled: boolean;
  minPlayerLevel: number;
  offerFeeRate: number;
  requirementFeeRate: number;
}

/** One catalogue as fetched: what is cached and shared between instances. */
export interface CatalogueData {
  mode: GameMode;
  lang: Language;
  /** When tarkov.dev answered (ms since the epoch). */
  fetchedAt: number;
  flea: FleaRules;
  items: CatalogueItem[];
}

/** A catalogue ready to answer from: the data plus its lookup structures, built once per refresh. */
export class Catalogue {
  readonly byId: ReadonlyMap<string, CatalogueItem>;
  readonly index: ItemIndex;

  constructor(readonly data: CatalogueData) {
    this.byId = new Map(data.items.map((item) => [item.id, item]));
    this.index = buildItemIndex(data.items);
  }

  get fetchedAt(): number {
    return this.data.fetchedAt;
  }
}

/** Slots an item takes in the stash. */
export function slotsOf(item: Pick<CatalogueItem, 'width' | 'height'>): number {
  return Math.max(1, item.width * item.height);
}

export function isGameMode(value: string): value is GameMode {
  return (GAME_MODES as readonly string[]).includes(value);
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
