import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { failureAnswer, priceAnswer, traderAnswer, verdictText, worthAnswer } from './eft.answers.ts';
import { fleaSale, sellVerdict } from './eft.prices.ts';
import { eftSettingsSchema } from './eft.settings.ts';
import { TEST_FLEA_RULES, testItem, trader } from './eft.testing.ts';

const templates = eftSettingsSchema.parse({}).templates;
const fresh = { fetchedAt: 0, ageMs: 5_000, stale: false };
const stale = { fetchedAt: 0, ageMs: 14 * 60_000, stale: true };

describe('chat answers', () => {
  const ledx = testItem('LEDX Skin Transilluminator', 'LEDX', {
    basePrice: 166_000,
    flea: { avg24h: 1_020_000, low24h: 925_900, high24h: 1_101_600, lastLow: 985_000, change48hPercent: -2.1, offerCount: 142 },
    sellTo: [trader('Therapist', 104_580), trader('Fence', 66_400)],
  });

  test('!price with every figure, and with the age of stale prices', () => {
    const result = { item: ledx, bestTrader: ledx.sellTo[0]!, perSlot: 1_020_000, sale: fleaSale(ledx, TEST_FLEA_RULES), freshness: fresh };
    const text = 'LEDX Skin Transilluminator: flea avg 1.02M ₽, last low 985k ₽ · 1.02M ₽/slot · 48h -2.1% · best trader: Therapist 105k ₽';
    assert.equal(priceAnswer(result, templates), text);
    assert.equal(priceAnswer({ ...result, freshness: stale }, templates), `${text} (prices from 14 min ago)`);
  });

  test('!price for a flea-banned item and an item nobody buys', () => {
    const banned = testItem('Red Rebel ice pick', 'RedRebel', { fleaSellable: false, width: 1, height: 3, sellTo: [trader('Jaeger', 13_200)] });
    assert.equal(
      priceAnswer({ item: banned, bestTrader: banned.sellTo[0]!, perSlot: 4_400, sale: null, freshness: fresh }, templates),
      'Red Rebel ice pick: flea banned · 4.4k ₽/slot · best trader: Jaeger 13.2k ₽',
    );
    const none = testItem('Secure container Kappa', 'Kappa', { fleaSellable: false, flea: { avg24h: null, low24h: null, high24h: null, lastLow: null, change48hPercent: null, offerCount: null } });
    assert.equal(priceAnswer({ item: none, bestTrader: null, perSlot: null, sale: null, freshness: fresh }, templates), 'Secure container Kappa: flea banned · best trader: none buys it');
  });

  test('a channel template with its own wording and variables', () => {
    const custom = { ...templates, price: '{short} ~ {avg} ({offers} offers)[, buy {traderBuy}]' };
    assert.equal(priceAnswer({ item: ledx, bestTrader: null, perSlot: null, sale: null, freshness: fresh }, custom), 'LEDX ~ 1.02M ₽ (142 offers)');
  });

  test('!trader lists traders in their currency and gives a verdict', () => {
    const roler = testItem('Roler Submariner gold wrist watch', 'Roler', {
      basePrice: 40_000,
      flea: { avg24h: 52_000, low24h: null, high24h: null, lastLow: 49_500, change48hPercent: 2.9, offerCount: 210 },
      sellTo: [trader('Therapist', 25_200), trader('Peacekeeper', 19_738, 'USD', 142)],
    });
    const sale = fleaSale(roler, TEST_FLEA_RULES); // fee at 49.5k on a 40k base: 2,707 (the official formula)
    assert.equal(
      traderAnswer({ item: roler, verdict: sellVerdict(roler, TEST_FLEA_RULES), sale, freshness: fresh }, templates),
      `Roler Submariner gold wrist watch: Therapist 25.2k ₽, Peacekeeper $142 (19.7k ₽) · flea 49.5k ₽ - fee 2.71k ₽ = 46.8k ₽ → sell on flea (+21.6k ₽ vs Therapist)`,
    );
  });

  test('verdict wording', () => {
    const cheapFlea = testItem('Thing', 'Thing', {
      basePrice: 100_000,
      flea: { avg24h: 100_000, low24h: null, high24h: null, lastLow: 100_000, change48hPercent: 0, offerCount: 1 },
      sellTo: [trader('Therapist', 106_000)],
    });
    assert.equal(verdictText(sellVerdict(cheapFlea, TEST_FLEA_RULES)), 'sell to Therapist (+12k ₽ vs flea after fee)');
    assert.equal(verdictText({ kind: 'none' }), 'nobody buys it');
  });

  test('every failure code has a sentence', () => {
    assert.equal(failureAnswer({ ok: false, error: 'eft.catalogue_unavailable' }), 'Prices are still loading from tarkov.dev; try again in a moment.');
    assert.equal(failureAnswer({ ok: false, error: 'eft.item_ambiguous', candidates: [ledx, testItem('B', 'B'), testItem('C', 'C')] }), 'Did you mean LEDX Skin Transilluminator, B or C?');
    assert.equal(failureAnswer({ ok: false, error: 'eft.bad_input', message: 'days must be 1-30' }, '!hist <item> [days]'), 'days must be 1-30. Usage: !hist <item> [days]');
  });

  test('answers never exceed 500 characters, even with long names and the stale suffix', () => {
    const long = testItem('X'.repeat(600), 'Y'.repeat(300), { sellTo: Array.from({ length: 9 }, (_, i) => trader(`Trader${i}`, 1_000 * i)) });
    const price = priceAnswer({ item: long, bestTrader: long.sellTo[0]!, perSlot: 1, sale: null, freshness: stale }, templates);
    assert.ok(price.length <= 500);
    assert.ok(price.endsWith('(prices from 14 min ago)'), 'the age survives the cut');
    const worth = worthAnswer({ ranking: [{ item: long, perSlot: 5 }], unknown: ['z'.repeat(400)], ambiguous: [], freshness: fresh }, templates);
    assert.ok(worth.length <= 500);
  });
});
