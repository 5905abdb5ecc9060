import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compactNumber, fitMessage, formatAge, formatMoney, formatPercent, formatSignedMoney, renderTemplate } from './eft.format.ts';

describe('compact numbers', () => {
  test('three significant digits with k, M, B', () => {
    assert.equal(compactNumber(0), '0');
    assert.equal(compactNumber(850), '850');
    assert.equal(compactNumber(4_530), '4.53k');
    assert.equal(compactNumber(45_300), '45.3k');
    assert.equal(compactNumber(45_000), '45k');
    assert.equal(compactNumber(452_600), '453k');
    assert.equal(compactNumber(1_200_000), '1.2M');
    assert.equal(compactNumber(1_234_567), '1.23M');
    assert.equal(compactNumber(999_999), '1M', 'rounding up moves to the next unit');
    assert.equal(compactNumber(6_800_000_000), '6.8B');
    assert.equal(compactNumber(-12_000), '-12k');
  });

  test('roubles, dollars and euros', () => {
    assert.equal(formatMoney(1_200_000), '1.2M ₽');
    assert.equal(formatMoney(45_300), '45.3k ₽');
    assert.equal(formatMoney(142, 'USD'), '$142');
    assert.equal(formatMoney(1_180, 'EUR'), '€1.18k');
    assert.equal(formatSignedMoney(12_000), '+12k ₽');
    assert.equal(formatSignedMoney(-3_400), '-3.4k ₽');
  });

  test('percentages and ages', () => {
    assert.equal(formatPercent(8.24), '+8.2%');
    assert.equal(formatPercent(-2.1), '-2.1%');
    assert.equal(formatPercent(12.6), '+13%');
    assert.equal(formatPercent(0.01), '0%');
    assert.equal(formatAge(35_000), '35 s');
    assert.equal(formatAge(14 * 60_000), '14 min');
    assert.equal(formatAge(3 * 3_600_000), '3 h');
    assert.equal(formatAge(3 * 86_400_000), '3 d');
  });
});

describe('templates', () => {
  test('fills placeholders and drops bracketed parts whose value is missing', () => {
    const template = '{name}: {flea}[ · 48h {change}] · best trader: {trader}';
    assert.equal(renderTemplate(template, { name: 'LEDX', flea: 'flea avg 1M ₽', change: '-2.1%', trader: 'Therapist 105k ₽' }), 'LEDX: flea avg 1M ₽ · 48h -2.1% · best trader: Therapist 105k ₽');
    assert.equal(renderTemplate(template, { name: 'M995', flea: 'flea banned', change: null, trader: 'Prapor 525 ₽' }), 'M995: flea banned · best trader: Prapor 525 ₽');
  });

  test('unknown placeholders stay visible; values are never expanded again', () => {
    assert.equal(renderTemplate('{name} {nope}', { name: 'A' }), 'A {nope}');
    assert.equal(renderTemplate('{name}: {avg}', { name: '{avg}', avg: '1k ₽' }), '{avg}: 1k ₽');
    assert.equal(renderTemplate('{constructor}', {}), '{constructor}');
  });

  test('answers are cut to one chat message at a word boundary', () => {
    const long = `${'word '.repeat(150)}end`;
    const fitted = fitMessage(long);
    assert.ok(fitted.length <= 500);
    assert.ok(fitted.endsWith('word…'));
    assert.equal(fitMessage('short'), 'short');
  });
});
