import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fleaFee, fleaSale, historyStats, itemValue, parsePrice, perSlot, sellVerdict, supplyStats, type HistoryPoint } from './eft.prices.ts';
import { TEST_FLEA_RULES, testItem, trader } from './eft.testing.ts';

describe('flea market fee', () => {
  test('at the base price both terms are base × rate: 100k at 3 % + 3 % is 6k', () => {
    assert.equal(fleaFee(100_000, 100_000, TEST_FLEA_RULES), 6_000);
  });

  test('matches the official formula above and below the base price', () => {
    // Reference values computed separately from fee = V0·Ti·4^P0 + VR·Tr·4^PR (exponent 1.08 on the side that applies).
    assert.equal(fleaFee(166_000, 985_000, TEST_FLEA_RULES), 86_168); // LEDX listed at 985k
    assert.equal(fleaFee(250_000, 598_000, TEST_FLEA_RULES), 33_598);
    assert.equal(fleaFee(40_000, 20_000, TEST_FLEA_RULES), 2_148); // listed below base price
    assert.equal(fleaFee(690, 1_090, TEST_FLEA_RULES), 57);
  });

  test('scales with the count and the rates; zero or missing prices cost nothing', () => {
    assert.equal(fleaFee(100_000, 100_000, TEST_FLEA_RULES, 3), 18_000);
    assert.equal(fleaFee(100_000, 100_000, { offerFeeRate: 0.05, requirementFeeRate: 0.05 }), 10_000);
    assert.equal(fleaFee(0, 100_000, TEST_FLEA_RULES), 0);
    assert.equal(fleaFee(100_000, 0, TEST_FLEA_RULES), 0);
  });
});

describe('per slot, sale and verdicts', () => {
  test('per slot divides by width × height', () => {
    assert.equal(perSlot(612_000, { width: 2, height: 1 }), 306_000);
    assert.equal(perSlot(280_000, { width: 3, height: 2 }), 46_667);
  });

  test('a flea sale lists at the last low price, else the average; banned items have none', () => {
    const ledx = testItem('LEDX', 'LEDX', { basePrice: 166_000, flea: { avg24h: 1_020_000, low24h: null, high24h: null, lastLow: 985_000, change48hPercent: -2.1, offerCount: 142 } });
    assert.deepEqual(fleaSale(ledx, TEST_FLEA_RULES), { price: 985_000, fee: 86_168, net: 898_832 });
    const avgOnly = testItem('X', 'X', { basePrice: 100_000, flea: { avg24h: 100_000, low24h: null, high24h: null, lastLow: null, change48hPercent: null, offerCount: null } });
    assert.deepEqual(fleaSale(avgOnly, TEST_FLEA_RULES), { price: 100_000, fee: 6_000, net: 94_000 });
    assert.equal(fleaSale(testItem('M995', 'M995', { fleaSellable: false }), TEST_FLEA_RULES), null);
    assert.equal(fleaSale(ledx, { ...TEST_FLEA_RULES, enabled: false }), null, 'flea disabled');
  });

  test('sell to a trader when it beats the flea after fee, with the margin', () => {
    // 100k base listed at 100k: the fee is 6k, so the flea nets 94k; Therapist pays 106k.
    const item = testItem('Thing', 'Thing', {
      basePrice: 100_000,
      flea: { avg24h: 100_000, low24h: null, high24h: null, lastLow: 100_000, change48hPercent: 0, offerCount: 5 },
      sellTo: [trader('Therapist', 106_000), trader('Fence', 40_000)],
    });
    const verdict = sellVerdict(item, TEST_FLEA_RULES);
    assert.equal(verdict.kind, 'trader');
    assert.ok(verdict.kind === 'trader' && verdict.trader.traderName === 'Therapist' && verdict.margin === 12_000);
  });

  test('sell on the flea when it nets more; banned items go to the best trader; nothing buys some items', () => {
    const ledx = testItem('LEDX', 'LEDX', {
      basePrice: 166_000,
      flea: { avg24h: 1_020_000, low24h: null, high24h: null, lastLow: 985_000, change48hPercent: -2.1, offerCount: 142 },
      sellTo: [trader('Therapist', 104_580)],
    });
    const flea = sellVerdict(ledx, TEST_FLEA_RULES);
    assert.ok(flea.kind === 'flea' && flea.margin === 898_832 - 104_580);
    const banned = sellVerdict(testItem('M995', 'M995', { fleaSellable: false, sellTo: [trader('Prapor', 525)] }), TEST_FLEA_RULES);
    assert.ok(banned.kind === 'trader' && banned.flea === null && banned.margin === 525);
    const kappa = testItem('Kappa', 'Kappa', { fleaSellable: false, flea: { avg24h: null, low24h: null, high24h: null, lastLow: null, change48hPercent: null, offerCount: null } });
    assert.deepEqual(sellVerdict(kappa, TEST_FLEA_RULES), { kind: 'none' });
  });

  test('value for !worth: the better of flea average and best trader', () => {
    assert.equal(itemValue(testItem('A', 'A', { sellTo: [trader('Therapist', 5_000)] })), 20_000);
    assert.equal(itemValue(testItem('B', 'B', { fleaSellable: false, sellTo: [trader('Jaeger', 13_200)] })), 13_200);
  });
});

function points(prices: number[], offers: (number | null)[] = []): HistoryPoint[] {
  return prices.map((price, i) => ({ at: 1_700_000_000_000 + i * 7_200_000, price, priceMin: null, offerCount: offers[i] ?? null }));
}

describe('history and supply', () => {
  test('min, max, average and the trend between the first and the last quarter', () => {
    const stats = historyStats(points([100, 100, 110, 120, 130, 140, 150, 150]), 7)!;
    assert.equal(stats.min, 100);
    assert.equal(stats.max, 150);
    assert.equal(stats.avg, 125);
    assert.equal(stats.trendPercent, 50); // first quarter avg 100, last quarter avg 150
    assert.equal(historyStats([], 7), null);
    assert.equal(historyStats(points([42]), 1)!.trendPercent, 0);
  });

  test('supply compares the current offer count with the period average', () => {
    const history = points([1, 1, 1, 1], [100, 100, 100, 100]);
    assert.deepEqual(supplyStats(100, history), { now: 100, avg: 100, changePercent: 0, level: 'normal' });
    assert.equal(supplyStats(160, history)!.level, 'flooded');
    assert.equal(supplyStats(120, history)!.level, 'high');
    assert.equal(supplyStats(80, history)!.level, 'low');
    assert.equal(supplyStats(40, history)!.level, 'scarce');
    assert.equal(supplyStats(10, points([1], [null])), null, 'no offer counts in the history');
  });
});

describe('prices typed in chat', () => {
  test('k, m, separators and currency words', () => {
    assert.equal(parsePrice('900k'), 900_000);
    assert.equal(parsePrice('1.2m'), 1_200_000);
    assert.equal(parsePrice('1,5M'), 1_500_000);
    assert.equal(parsePrice('250000'), 250_000);
    assert.equal(parsePrice('45 000'), 45_000);
    assert.equal(parsePrice('1,250,000'), 1_250_000);
    assert.equal(parsePrice('300k₽'), 300_000);
    assert.equal(parsePrice('300k rub'), 300_000);
  });

  test('anything else is not a price', () => {
    for (const bad of ['', 'abc', '-5k', '0', '1e9', '12kk', '9'.repeat(30), '5$']) assert.equal(parsePrice(bad), null, bad);
  });
});
