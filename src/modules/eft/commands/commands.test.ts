import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAlertArgs } from './alert.command.ts';
import { parseHistArgs } from './hist.command.ts';
import { splitItems } from './worth.command.ts';

describe('eft command arguments', () => {
  test('!hist: a trailing number or Nd is the period', () => {
    assert.deepEqual(parseHistArgs(['ledx', '14']), { query: 'ledx', days: 14 });
    assert.deepEqual(parseHistArgs(['graphics', 'card', '3d']), { query: 'graphics card', days: 3 });
    assert.deepEqual(parseHistArgs(['ledx']), { query: 'ledx', days: 7 });
    assert.deepEqual(parseHistArgs(['5.56x45mm', 'M855']), { query: '5.56x45mm M855', days: 7 });
    assert.deepEqual(parseHistArgs(['1']), { query: '1', days: 7 }, 'a lone number is the item');
  });

  test('!worth: commas, pipes or vs separate items; otherwise each word is one', () => {
    assert.deepEqual(splitItems('ledx gpu btc'), ['ledx', 'gpu', 'btc']);
    assert.deepEqual(splitItems('graphics card, physical bitcoin'), ['graphics card', 'physical bitcoin']);
    assert.deepEqual(splitItems('graphics card vs ledx | tank battery'), ['graphics card', 'ledx', 'tank battery']);
    assert.deepEqual(splitItems('  '), []);
  });

  test('!alert: list, delete and add with below/above and a price', () => {
    assert.deepEqual(parseAlertArgs(''), { kind: 'list' });
    assert.deepEqual(parseAlertArgs('LIST'), { kind: 'list' });
    assert.deepEqual(parseAlertArgs('del #12'), { kind: 'delete', id: 12 });
    assert.deepEqual(parseAlertArgs('ledx below 900k'), { kind: 'add', query: 'ledx', direction: 'below', price: 900_000 });
    assert.deepEqual(parseAlertArgs('graphics card above 1.2m'), { kind: 'add', query: 'graphics card', direction: 'above', price: 1_200_000 });
    assert.deepEqual(parseAlertArgs('btc < 400 000'), { kind: 'add', query: 'btc', direction: 'below', price: 400_000 });
    assert.equal(parseAlertArgs('ledx cheap').kind, 'invalid');
    assert.deepEqual(parseAlertArgs('ledx below lots'), { kind: 'invalid', reason: '"lots" is not a price (try 900k or 1.2m)' });
  });
});
