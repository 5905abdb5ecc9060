import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bigramIndex, featureIndexes, MENTION_HASH, modelTokens, START_HASH, tokenHash, unigramIndex } from './toxicity.features.ts';
import { modelLogit, quantize, sigmoid } from './toxicity.model.ts';
import { seededRandom, train, type Example } from './toxicity.training.ts';

describe('toxicity features', () => {
  test('unigrams and bigrams from a start marker, one token for every mention', () => {
    const h = tokenHash('you');
    assert.deepEqual(featureIndexes(['@anyone', 'you']), [unigramIndex(MENTION_HASH), bigramIndex(START_HASH, MENTION_HASH), unigramIndex(h), bigramIndex(MENTION_HASH, h)]);
    assert.deepEqual(featureIndexes(['@someone_else']), featureIndexes(['@anyone']));
  });

  test('long runs of one letter count as two: "soooo" is "soo", not "so"', () => {
    assert.equal(tokenHash('soooooo'), tokenHash('soo'));
    assert.notEqual(tokenHash('soo'), tokenHash('so'));
  });

  test('the model does not read swearing', () => {
    assert.deepEqual(modelTokens(['what', 'the', 'fuuuck', 'you', 'shit', 'idiot']), ['what', 'the', 'you', 'idiot']);
  });
});

describe('toxicity training', () => {
  // "bad" marks toxic rows; the rest are noise words; weights favour the toxic class twice.
  const random = seededRandom(3);
  const words = ['a', 'b', 'c', 'd', 'e', 'f'];
  const examples: Example[] = Array.from({ length: 400 }, (_, i) => {
    const toxic = i % 4 === 0;
    const tokens = [words[Math.floor(random() * words.length)]!, ...(toxic ? ['bad'] : []), words[Math.floor(random() * words.length)]!];
    return { features: featureIndexes(tokens), toxic, weight: toxic ? 2 : 1 };
  });
  const options = { epochs: 5, learningRate: 0.1, l2: 1e-4, seed: 7 };

  test('learns a separable signal', () => {
    const trained = train(examples, options);
    const model = quantize(trained.weights, trained.bias);
    assert.ok(sigmoid(modelLogit(model, featureIndexes(['a', 'bad', 'b']))) > 0.9);
    assert.ok(sigmoid(modelLogit(model, featureIndexes(['a', 'c']))) < 0.1);
  });

  test('is deterministic for a seed, and the seed matters', () => {
    const first = train(examples, options);
    const again = train(examples, options);
    assert.deepEqual(again.weights, first.weights);
    assert.equal(again.bias, first.bias);
    const losses: number[] = [];
    const other = train(examples, { ...options, seed: 8, onEpoch: (_, loss) => losses.push(loss) });
    assert.notDeepEqual(other.weights, first.weights);
    assert.equal(losses.length, 5);
    assert.ok(losses[4]! < losses[0]!, 'the loss falls');
  });
});
