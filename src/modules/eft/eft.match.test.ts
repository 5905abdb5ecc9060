import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundedDistance, buildItemIndex, normalizeQuery } from './eft.match.ts';
import { testItem } from './eft.testing.ts';

const items = [
  testItem('LEDX Skin Transilluminator', 'LEDX'),
  testItem('Graphics card', 'GPU'),
  testItem('Physical bitcoin', '0.2BTC'),
  testItem('5.56x45mm M855A1', 'M855A1', { types: ['ammo'] }),
  testItem('5.56x45mm M855', 'M855', { types: ['ammo'] }),
  testItem('5.56x45mm M856A1', 'M856A1', { types: ['ammo'] }),
  testItem('LBT-6094A Slick Plate Carrier (Black)', 'Slick'),
  testItem('LBT-6094A Slick Plate Carrier (Olive)', 'Slick'),
  testItem('LBT-6094A Slick Plate Carrier (Tan)', 'Slick'),
  testItem('TerraGroup Labs keycard (Red)', 'Red'),
  testItem('Red Rebel ice pick', 'RedRebel'),
  testItem('CPU fan', 'CPU Fan'),
  testItem('Salewa first aid kit', 'Salewa'),
  testItem('Colt M4A1 5.56x45 assault rifle Default', 'M4A1', { types: ['preset', 'gun'] }),
  testItem('Colt M4A1 5.56x45 assault rifle', 'M4A1', { types: ['gun'] }),
  testItem('Аптечка АИ-2', 'АИ-2', { normalizedName: 'ai-2-medkit' }),
];
const index = buildItemIndex(items);
const matchName = (q: string) => index.search(q).match?.name ?? null;
const candidateNames = (q: string) => index.search(q).candidates.map((c) => c.name);

describe('item matching', () => {
  test('short names, in any case, rank first', () => {
    assert.equal(matchName('ledx'), 'LEDX Skin Transilluminator');
    assert.equal(matchName('LEDX'), 'LEDX Skin Transilluminator');
    assert.equal(matchName('m855a1'), '5.56x45mm M855A1');
    assert.equal(matchName('M855'), '5.56x45mm M855', 'the exact short name beats the longer M855A1');
    assert.equal(matchName('red'), 'TerraGroup Labs keycard (Red)', 'short name "Red" beats the word red in Red Rebel');
    assert.equal(matchName('0.2btc'), 'Physical bitcoin', 'punctuation does not matter');
    assert.equal(matchName('cpu fan'), 'CPU fan');
  });

  test('full names, words in them and the alias table', () => {
    assert.equal(matchName('graphics card'), 'Graphics card');
    assert.equal(matchName('Graphics-Card!'), 'Graphics card');
    assert.equal(matchName('bitcoin'), 'Physical bitcoin');
    assert.equal(matchName('btc'), 'Physical bitcoin');
    assert.equal(matchName('gpu'), 'Graphics card');
    assert.equal(matchName('slick black'), 'LBT-6094A Slick Plate Carrier (Black)');
    assert.equal(matchName('transillum'), 'LEDX Skin Transilluminator', 'a word prefix');
  });

  test('typos within one edit (two for long words), swaps included', () => {
    assert.equal(matchName('lexd'), 'LEDX Skin Transilluminator');
    assert.equal(matchName('bitcion'), 'Physical bitcoin');
    assert.equal(matchName('grafics card'), 'Graphics card');
    assert.equal(matchName('salewaa'), 'Salewa first aid kit');
    assert.equal(matchName('xyz'), null, 'short words get no typo tolerance');
    assert.deepEqual(candidateNames('qwertyuiop'), []);
  });

  test('ambiguous queries give the top 3 candidates and no match', () => {
    const slick = index.search('slick');
    assert.equal(slick.match, null);
    assert.deepEqual(slick.candidates.map((c) => c.name), [
      'LBT-6094A Slick Plate Carrier (Black)',
      'LBT-6094A Slick Plate Carrier (Olive)',
      'LBT-6094A Slick Plate Carrier (Tan)',
    ]);
    const m85 = index.search('m85');
    assert.equal(m85.match, null);
    assert.deepEqual(new Set(m85.candidates.map((c) => c.shortName)), new Set(['M855', 'M855A1', 'M856A1']));
  });

  test('a preset does not shadow the item with the same short name', () => {
    assert.equal(matchName('m4a1'), 'Colt M4A1 5.56x45 assault rifle');
  });

  test('translated catalogues: native names and scripts, and the English normalized name', () => {
    assert.equal(matchName('аптечка'), 'Аптечка АИ-2');
    assert.equal(matchName('аи2'), 'Аптечка АИ-2');
    const russian = buildItemIndex([testItem('Видеокарта', 'Видео', { normalizedName: 'graphics-card' }), testItem('Физический биткоин', '0.2BTC', { normalizedName: 'physical-bitcoin' })]);
    assert.equal(russian.search('видеокарта').match?.shortName, 'Видео');
    assert.equal(russian.search('graphics card').match?.shortName, 'Видео', 'English queries work in any language');
    assert.equal(russian.search('gpu').match?.shortName, 'Видео', 'aliases point at the English normalized name');
  });

  test('empty, whitespace-only, huge and hostile queries are answered, never thrown', () => {
    assert.deepEqual(index.search(''), { match: null, candidates: [] });
    assert.deepEqual(index.search('   '), { match: null, candidates: [] });
    assert.deepEqual(index.search('(((.*)*)*)'), { match: null, candidates: [] });
    assert.doesNotThrow(() => index.search('a '.repeat(10_000)));
    assert.doesNotThrow(() => index.search('constructor __proto__ toString'));
  });

  test('normalization strips accents and punctuation', () => {
    assert.equal(normalizeQuery('  Café—Crème!! '), 'cafe creme');
    assert.equal(normalizeQuery('5.56x45mm'), '5 56x45mm');
  });

  test('bounded distance counts swaps as one edit and stops past the bound', () => {
    assert.equal(boundedDistance('lexd', 'ledx', 1), 1);
    assert.equal(boundedDistance('grafics', 'graphics', 2), 2);
    assert.equal(boundedDistance('abc', 'abc', 0), 0);
    assert.equal(boundedDistance('kitten', 'sitting', 1), 2, 'past the bound it reports bound + 1');
    assert.equal(boundedDistance('a', 'abcdef', 2), 3);
  });
});
