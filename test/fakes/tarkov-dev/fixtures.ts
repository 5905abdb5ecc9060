// Fixture data for the tarkov.dev fake: a few dozen real items with values in the range the live API
// reported during a wipe. Trader prices follow the game's rule (a trader pays a fixed share of the
// item's base price; Peacekeeper pays in dollars), so they are derived rather than typed in.

export type TraderKey = 'prapor' | 'therapist' | 'fence' | 'skier' | 'peacekeeper' | 'mechanic' | 'ragman' | 'jaeger';
export type Currency = 'RUB' | 'USD' | 'EUR';

export interface FixtureFlea {
  avg: number;
  low: number;
  high: number;
  lastLow: number;
  change48hPercent: number;
  offers: number;
}

export interface FixtureItem {
  id: string;
  name: string;
  shortName: string;
  types: string[];
  width: number;
  height: number;
  basePrice: number;
  /** null: nobody listed it in the last 24 h (or it is flea banned, see types `noFlea`). */
  flea: FixtureFlea | null;
  /** Traders that buy the item from a player. */
  sellTo: TraderKey[];
  /** Traders that sell the item. */
  buyFrom?: { trader: TraderKey; price: number; currency: Currency; level: number }[];
  translations?: Partial<Record<string, { name: string; shortName: string }>>;
}

export const TRADERS: Record<TraderKey, { id: string; name: string; rate: number; currency: Currency }> = {
  prapor: { id: '54cb50c76803fa8b248b4571', name: 'Prapor', rate: 0.5, currency: 'RUB' },
  therapist: { id: '54cb57776803fa99248b456e', name: 'Therapist', rate: 0.63, currency: 'RUB' },
  fence: { id: '579dc571d53a0658a154fbec', name: 'Fence', rate: 0.4, currency: 'RUB' },
  skier: { id: '58330581ace78e27b8b10cee', name: 'Skier', rate: 0.49, currency: 'RUB' },
  peacekeeper: { id: '5935c25fb3acc3127c3d8cd9', name: 'Peacekeeper', rate: 0.495, currency: 'USD' },
  mechanic: { id: '5a7c2eca46aef81a7ca2145d', name: 'Mechanic', rate: 0.56, currency: 'RUB' },
  ragman: { id: '5ac3b934156ae10c4430e83c', name: 'Ragman', rate: 0.62, currency: 'RUB' },
  jaeger: { id: '5c0647fdd443bc2504c2d371', name: 'Jaeger', rate: 0.6, currency: 'RUB' },
};

/** Roubles per unit, as the traders exchange them. */
export const EXCHANGE: Record<Currency, number> = { RUB: 1, USD: 139, EUR: 153 };

function flea(avg: number, lastLow: number, change48hPercent: number, offers: number): FixtureFlea {
  return { avg, low: Math.round(Math.min(avg, lastLow) * 0.94), high: Math.round(avg * 1.08), lastLow, change48hPercent, offers };
}

export const FIXTURE_ITEMS: FixtureItem[] = [
  {
    id: '5c0530ee86f774697952d952', name: 'LEDX Skin Transilluminator', shortName: 'LEDX', types: ['barter'], width: 1, height: 1, basePrice: 166000,
    flea: flea(1_020_000, 985_000, -2.1, 142), sellTo: ['therapist', 'fence'],
    translations: { de: { name: 'LEDX Haut-Transilluminator', shortName: 'LEDX' }, ru: { name: 'Трансиллюминатор LEDX', shortName: 'LEDX' } },
  },
  {
    id: '57347ca924597744596b4e71', name: 'Graphics card', shortName: 'GPU', types: ['barter'], width: 2, height: 1, basePrice: 250000,
    flea: flea(612_000, 598_000, 1.4, 96), sellTo: ['mechanic', 'therapist', 'fence'],
    translations: { de: { name: 'Grafikkarte', shortName: 'GPU' }, ru: { name: 'Видеокарта', shortName: 'Видео' } },
  },
  {
    id: '59faff1d86f7746c51718c9c', name: 'Physical bitcoin', shortName: '0.2BTC', types: ['barter'], width: 1, height: 1, basePrice: 370000,
    flea: flea(415_000, 405_000, 3.8, 210), sellTo: ['therapist', 'fence'],
    translations: { de: { name: 'Physischer Bitcoin', shortName: '0,2BTC' }, ru: { name: 'Физический биткоин', shortName: '0.2BTC' } },
  },
  {
    id: '54527ac44bdc2d36668b4567', name: '5.56x45mm M855A1', shortName: 'M855A1', types: ['ammo'], width: 1, height: 1, basePrice: 690,
    flea: flea(1_150, 1_090, -0.5, 1880), sellTo: ['prapor', 'fence'],
    buyFrom: [{ trader: 'peacekeeper', price: 6, currency: 'USD', level: 3 }],
  },
  {
    id: '54527a984bdc2d4e668b4567', name: '5.56x45mm M855', shortName: 'M855', types: ['ammo'], width: 1, height: 1, basePrice: 400,
    flea: flea(620, 580, 0.8, 2410), sellTo: ['prapor', 'fence'],
    buyFrom: [{ trader: 'peacekeeper', price: 3, currency: 'USD', level: 1 }],
  },
  {
    id: '5c0d5ae286f7741e46554302', name: '5.56x45mm M856A1', shortName: 'M856A1', types: ['ammo'], width: 1, height: 1, basePrice: 520,
    flea: flea(890, 850, 2.2, 1320), sellTo: ['prapor', 'fence'],
  },
  {
    id: '59e690b686f7746c9f75e848', name: '5.56x45mm M995', shortName: 'M995', types: ['ammo', 'noFlea'], width: 1, height: 1, basePrice: 1050,
    flea: null, sellTo: ['prapor', 'fence'],
    buyFrom: [{ trader: 'peacekeeper', price: 9, currency: 'USD', level: 4 }],
  },
  {
    id: '5e4abb5086f77406975c9342', name: 'LBT-6094A Slick Plate Carrier (Black)', shortName: 'Slick', types: ['armor', 'wearable'], width: 3, height: 3, basePrice: 248000,
    flea: flea(410_000, 395_000, -1.2, 34), sellTo: ['ragman', 'fence'],
  },
  {
    id: '6038b4b292ec1c3103795a0b', name: 'LBT-6094A Slick Plate Carrier (Olive)', shortName: 'Slick', types: ['armor', 'wearable'], width: 3, height: 3, basePrice: 248000,
    flea: flea(405_000, 389_000, 0.4, 28), sellTo: ['ragman', 'fence'],
  },
  {
    id: '6038b4ca92ec1c3103795a0d', name: 'LBT-6094A Slick Plate Carrier (Tan)', shortName: 'Slick', types: ['armor', 'wearable'], width: 3, height: 3, basePrice: 248000,
    flea: flea(398_000, 384_000, -0.7, 22), sellTo: ['ragman', 'fence'],
  },
  {
    id: '544fb45d4bdc2dee738b4568', name: 'Salewa first aid kit', shortName: 'Salewa', types: ['meds'], width: 1, height: 2, basePrice: 21000,
    flea: flea(27_500, 26_800, 4.0, 611), sellTo: ['therapist', 'fence'],
    buyFrom: [{ trader: 'therapist', price: 24_900, currency: 'RUB', level: 2 }],
    translations: { de: { name: 'Salewa Erste-Hilfe-Set', shortName: 'Salewa' }, ru: { name: 'Аптечка Salewa', shortName: 'Salewa' } },
  },
  {
    id: '590c678286f77426c9660122', name: 'IFAK individual first aid kit', shortName: 'IFAK', types: ['meds'], width: 1, height: 1, basePrice: 18500,
    flea: flea(24_800, 23_900, -3.2, 488), sellTo: ['therapist', 'fence'],
    buyFrom: [{ trader: 'therapist', price: 21_200, currency: 'RUB', level: 2 }],
  },
  {
    id: '5c0e530286f7747fa1419862', name: 'Propital regenerative stimulant injector', shortName: 'Propital', types: ['meds', 'injectors'], width: 1, height: 1, basePrice: 25000,
    flea: flea(58_000, 55_500, 6.5, 173), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5d1b376e86f774252519444e', name: 'Bottle of Fierce Hatchling moonshine', shortName: 'Moonshine', types: ['provisions', 'barter'], width: 1, height: 2, basePrice: 100000,
    flea: flea(185_000, 179_000, 1.1, 48), sellTo: ['therapist', 'jaeger', 'fence'],
  },
  {
    id: '5bc9bc53d4351e00367fbcee', name: 'Golden rooster figurine', shortName: 'Rooster', types: ['barter'], width: 2, height: 2, basePrice: 105000,
    flea: flea(128_000, 121_000, -4.4, 73), sellTo: ['therapist', 'fence'],
  },
  {
    id: '59faf7ca86f7740dbe19f6c2', name: 'Roler Submariner gold wrist watch', shortName: 'Roler', types: ['barter'], width: 1, height: 1, basePrice: 40000,
    flea: flea(52_000, 49_500, 2.9, 210), sellTo: ['therapist', 'peacekeeper', 'fence'],
  },
  {
    id: '59e3639286f7741777737013', name: 'Bronze lion figurine', shortName: 'Lion', types: ['barter'], width: 2, height: 2, basePrice: 86000,
    flea: flea(168_000, 161_000, 0.6, 57), sellTo: ['therapist', 'fence'],
  },
  {
    id: '59e3647686f774176a362507', name: 'Wooden clock', shortName: 'Clock', types: ['barter'], width: 2, height: 2, basePrice: 26000,
    flea: flea(34_500, 33_000, -1.9, 95), sellTo: ['therapist', 'fence'],
  },
  {
    id: '573478bc24597738002c6175', name: 'Horse figurine', shortName: 'Horse', types: ['barter'], width: 1, height: 2, basePrice: 32000,
    flea: flea(38_500, 37_000, 0.2, 131), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5c94bbff86f7747ee735c08f', name: 'TerraGroup Labs access keycard', shortName: 'Labs', types: ['keys'], width: 1, height: 1, basePrice: 35000,
    flea: flea(78_000, 74_000, -0.9, 405), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5c1d0efb86f7744baf2e7b7b', name: 'TerraGroup Labs keycard (Red)', shortName: 'Red', types: ['keys'], width: 1, height: 1, basePrice: 90000,
    flea: flea(6_800_000, 6_650_000, 5.3, 6), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5c1d0c5f86f7744bb2683cf0', name: 'TerraGroup Labs keycard (Blue)', shortName: 'Blue', types: ['keys'], width: 1, height: 1, basePrice: 80000,
    flea: flea(3_900_000, 3_820_000, -6.1, 4), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5c0126f40db834002a125382', name: 'Red Rebel ice pick', shortName: 'RedRebel', types: ['noFlea'], width: 1, height: 3, basePrice: 22000,
    flea: null, sellTo: ['jaeger', 'fence'],
  },
  {
    id: '5c05308086f7746b2101e90b', name: 'Virtex programmable processor', shortName: 'Virtex', types: ['barter'], width: 1, height: 1, basePrice: 68000,
    flea: flea(112_000, 108_000, 1.7, 64), sellTo: ['mechanic', 'therapist', 'fence'],
  },
  {
    id: '5d0377ce86f774186372f689', name: 'Military power filter', shortName: 'MPF', types: ['barter'], width: 1, height: 2, basePrice: 55000,
    flea: flea(175_000, 168_000, 7.4, 29), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '590a3efd86f77437d351a25b', name: 'Gas analyzer', shortName: 'GasAn', types: ['barter'], width: 1, height: 2, basePrice: 13500,
    flea: flea(28_000, 26_500, -2.6, 356), sellTo: ['mechanic', 'therapist', 'fence'],
  },
  {
    id: '590a3b0486f7743954552bdb', name: 'Printed circuit board', shortName: 'PCB', types: ['barter'], width: 1, height: 2, basePrice: 9000,
    flea: flea(19_500, 18_700, 0.9, 512), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '5734779624597737e04bf329', name: 'CPU fan', shortName: 'CPU Fan', types: ['barter'], width: 1, height: 1, basePrice: 7000,
    flea: flea(16_800, 15_900, 3.1, 744), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '5c06779c86f77426e00dd782', name: 'Wires', shortName: 'Wires', types: ['barter'], width: 1, height: 1, basePrice: 6500,
    flea: flea(14_900, 14_100, -0.3, 902), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '59e3596386f774176c10a2a2', name: 'Pack of sugar', shortName: 'Sugar', types: ['provisions', 'barter'], width: 1, height: 1, basePrice: 9000,
    flea: flea(33_000, 31_500, 12.5, 187), sellTo: ['therapist', 'jaeger', 'fence'],
  },
  {
    id: '5c12613b86f7743bbe2c3f76', name: 'Intelligence folder', shortName: 'Intelligence', types: ['barter'], width: 2, height: 1, basePrice: 45000,
    flea: flea(245_000, 236_000, -1.4, 51), sellTo: ['therapist', 'fence'],
  },
  {
    id: '59e0d99486f7744a32234762', name: '7.62x39mm BP gzh', shortName: 'BP', types: ['ammo'], width: 1, height: 1, basePrice: 370,
    flea: flea(860, 820, 1.0, 3120), sellTo: ['prapor', 'fence'],
    buyFrom: [{ trader: 'prapor', price: 748, currency: 'RUB', level: 3 }],
  },
  {
    id: '57a0e5022459774d1673f889', name: '5.45x39mm BS gs', shortName: 'BS', types: ['ammo'], width: 1, height: 1, basePrice: 660,
    flea: flea(1_550, 1_480, -0.8, 2050), sellTo: ['prapor', 'fence'],
  },
  {
    id: '5c12688486f77426843c7d32', name: 'Tetriz portable game console', shortName: 'Tetriz', types: ['barter'], width: 2, height: 1, basePrice: 38000,
    flea: flea(52_000, 49_800, -2.0, 118), sellTo: ['mechanic', 'therapist', 'fence'],
  },
  {
    id: '5d235a5986f77443f6329bc6', name: 'Gold skull ring', shortName: 'Skullring', types: ['barter'], width: 1, height: 1, basePrice: 14000,
    flea: flea(31_000, 29_500, 0.0, 144), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5c093ca986f7740a1867ab12', name: 'Secure container Kappa', shortName: 'Kappa', types: ['container', 'noFlea'], width: 3, height: 3, basePrice: 40000,
    flea: null, sellTo: [],
  },
  {
    id: '5c1265fc86f7743f896a21c2', name: 'Chain with Prokill medallion', shortName: 'Prokill', types: ['barter'], width: 1, height: 1, basePrice: 18500,
    flea: null, sellTo: ['therapist', 'fence'],
  },
  {
    id: '5a1eaa87fcdbcb001865f75e', name: 'Trijicon REAP-IR thermal riflescope', shortName: 'REAP-IR', types: ['mods'], width: 2, height: 1, basePrice: 133000,
    flea: flea(215_000, 207_000, -3.5, 41), sellTo: ['mechanic', 'peacekeeper', 'fence'],
    buyFrom: [{ trader: 'mechanic', price: 1_180, currency: 'EUR', level: 4 }],
  },
  {
    id: '5448fee04bdc2dbc018b4567', name: 'Bottle of water (0.6L)', shortName: 'Water', types: ['provisions'], width: 1, height: 2, basePrice: 7000,
    flea: flea(16_500, 15_800, 0.5, 640), sellTo: ['therapist', 'jaeger', 'fence'],
    buyFrom: [{ trader: 'jaeger', price: 9_000, currency: 'RUB', level: 1 }],
  },
  {
    id: '5d1b2ffd86f77425243e8d17', name: '6-STEN-140-M military battery', shortName: 'Tank battery', types: ['barter'], width: 3, height: 2, basePrice: 91000,
    flea: flea(280_000, 271_000, 2.4, 19), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '573476d324597737da2adc13', name: 'Malboro Cigarettes', shortName: 'Malboro', types: ['barter'], width: 1, height: 1, basePrice: 4500,
    flea: flea(11_800, 11_200, -5.0, 265), sellTo: ['therapist', 'fence'],
  },
  {
    id: '5734781f24597737e04bf32a', name: 'DVD drive', shortName: 'DVD', types: ['barter'], width: 2, height: 1, basePrice: 9500,
    flea: flea(12_900, 12_300, 1.3, 203), sellTo: ['mechanic', 'fence'],
  },
  {
    id: '5e2af55f86f7746d4159f07c', name: 'Grenade case', shortName: 'Grenades', types: ['container'], width: 2, height: 2, basePrice: 90000,
    flea: flea(410_000, 398_000, 0.3, 37), sellTo: ['jaeger', 'fence'],
  },
];

/** The normalizedName tarkov.dev derives from a name. */
export function normalizedNameOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const WORDS_A = ['Tactical', 'Military', 'Old', 'Rusty', 'Bronze', 'Golden', 'Damaged', 'Sealed', 'Portable', 'Heavy', 'Compact', 'Armored', 'Field', 'Medical', 'Digital'];
const WORDS_B = ['lamp', 'cable', 'canister', 'scope', 'kit', 'case', 'mount', 'battery', 'drive', 'filter', 'pouch', 'helmet', 'radio', 'flask', 'valve', 'bolt', 'rail', 'stock', 'grip', 'magazine'];
const TYPE_POOL = [['barter'], ['mods'], ['ammo'], ['meds'], ['provisions'], ['keys'], ['barter', 'noFlea'], ['wearable', 'armor']];
const TRADER_KEYS = Object.keys(TRADERS) as TraderKey[];

/**
 * `count` more items with plausible names, sizes and prices, for catalogues the size of the live
 * one (about 4,000 items); deterministic, so runs compare.
 */
export function syntheticItems(count: number): FixtureItem[] {
  const items: FixtureItem[] = [];
  for (let i = 0; i < count; i++) {
    const a = WORDS_A[i % WORDS_A.length]!;
    const b = WORDS_B[Math.floor(i / WORDS_A.length) % WORDS_B.length]!;
    const series = Math.floor(i / (WORDS_A.length * WORDS_B.length));
    const name = `${a} ${b} mk${series + 1}`;
    const types = TYPE_POOL[i % TYPE_POOL.length]!;
    const basePrice = 500 + ((i * 7919) % 150_000);
    const noFlea = types.includes('noFlea');
    const avg = Math.round(basePrice * (1.2 + ((i * 31) % 100) / 100));
    items.push({
      id: (0x5f0000000000000000000000n + BigInt(i)).toString(16).padStart(24, '0'),
      name,
      shortName: `${a.slice(0, 3)}${b.slice(0, 3)}${series + 1}`,
      types,
      width: 1 + (i % 3),
      height: 1 + ((i >> 2) % 2),
      basePrice,
      flea: noFlea || i % 17 === 0 ? null : flea(avg, Math.round(avg * 0.96), ((i * 13) % 200) / 10 - 10, 5 + ((i * 37) % 900)),
      sellTo: ['fence', TRADER_KEYS[i % TRADER_KEYS.length]!].filter((t, k, all) => all.indexOf(t) === k) as TraderKey[],
    });
  }
  return items;
}
