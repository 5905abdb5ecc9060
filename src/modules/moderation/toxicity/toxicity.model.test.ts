import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { normalizeText } from '../moderation.text.ts';
import { OfflineToxicityAnalyser } from './offline.analyser.ts';
import { FEATURE_BITS, featureIndexes, tokenHash, unigramIndex } from './toxicity.features.ts';
import { DEFAULT_MODEL_PATH, loadModel, modelLogit, parseModel, quantize, serializeModel, ToxicityModelError, type ModelMetadata, type ToxicityModel } from './toxicity.model.ts';

const metadata: ModelMetadata = { trainedOn: { file: 'test', sha256: '0', rows: 0 }, options: {}, heldOut: {}, attribution: 'test' };
const dir = mkdtempSync(join(tmpdir(), 'toxicity-model-'));

// A model that knows one word, "zorp", as strongly abusive and nothing else.
function oneWordModel(word: string, weight: number): ToxicityModel {
  const weights = new Float32Array(1 << FEATURE_BITS);
  weights[unigramIndex(tokenHash(word))] = weight;
  return quantize(weights, -4);
}

describe('toxicity model file', () => {
  test('the committed model loads, is small, and has learned something', () => {
    const started = performance.now();
    const model = loadModel();
    const ms = performance.now() - started;
    assert.ok(readFileSync(DEFAULT_MODEL_PATH).length < 2 * 1024 * 1024, 'the model file stays under 2 MiB');
    assert.ok(model.weights.some((w) => w !== 0));
    assert.ok(model.scale > 0 && Number.isFinite(model.bias));
    assert.ok(ms < 1000, `loading took ${ms.toFixed(0)} ms`);
  });

  test('a written model reads back with the same weights', () => {
    const weights = new Float32Array(1 << FEATURE_BITS);
    weights[0] = 1.5;
    weights[1] = -0.7;
    weights[(1 << FEATURE_BITS) - 1] = 3;
    weights[70000] = 0.01; // rounds to zero and is not stored
    const model = quantize(weights, -0.25);
    const read = parseModel(serializeModel(model, metadata));
    assert.deepEqual(read.weights, model.weights);
    assert.equal(read.scale, model.scale);
    assert.equal(read.bias, -0.25);
    assert.equal(read.weights[70000], 0);
    assert.equal(modelLogit(read, [0, 1]), -0.25 + (model.weights[0]! + model.weights[1]!) * model.scale);
  });

  test('a missing model file is a clear error naming the file and the fix', () => {
    const path = join(dir, 'nowhere.json');
    assert.throws(() => loadModel(path), (error: Error) => error instanceof ToxicityModelError && error.message.includes(path) && error.message.includes('is missing') && error.message.includes('npm run moderation:train'));
  });

  test('a damaged model file is refused, not used', () => {
    const good = serializeModel(oneWordModel('zorp', 3), metadata);
    const file = JSON.parse(good) as Record<string, unknown>;
    const weights = file.weights as string;
    const damaged: Record<string, string> = {
      'not JSON': good.slice(0, good.length / 2),
      'is not a utb-toxicity-logreg v1 file': JSON.stringify({ ...file, version: 2 }),
      'feature bits': JSON.stringify({ ...file, featureBits: 20 }),
      'no valid bias and scale': JSON.stringify({ ...file, scale: 0 }),
      checksum: JSON.stringify({ ...file, weights: (weights[0] === 'A' ? 'B' : 'A') + weights.slice(1) }),
      'header says': JSON.stringify({ ...file, nonZero: 99 }),
    };
    for (const [problem, text] of Object.entries(damaged)) {
      const path = join(dir, 'damaged.json');
      writeFileSync(path, text);
      assert.throws(() => loadModel(path), (error: Error) => error instanceof ToxicityModelError && error.message.includes(problem), problem);
    }
  });
});

describe('the model inside the analyser', () => {
  const analyser = new OfflineToxicityAnalyser(oneWordModel('zorp', 12));
  const result = (text: string) => analyser.analyse(normalizeText(text));

  test('abusive wording the rules do not know counts when it is aimed at someone', () => {
    const aimed = result('you are such a zorp');
    assert.ok(aimed.score >= 0.75, `score ${aimed.score}`);
    assert.equal(aimed.category, 'insult');
    assert.equal(aimed.evidence, 'model: zorp');
    assert.ok(result('@someone zorp').score >= 0.75);
  });

  test('the rules keep their veto: a thing, game talk, negation, talk about it, the speaker, praise', () => {
    for (const text of ['this boss is so zorp', 'zorp', 'zorp him in game to respawn', "you're not zorp at all", "don't call people zorp", "i'm so zorp today", 'you zorp legend']) {
      assert.ok(result(text).score < 0.75, text);
    }
  });

  test('a group named with it makes it an identity attack', () => {
    assert.equal(result('women are zorp').category, 'identity_attack');
  });

  test('without the word the model adds nothing, on the quick path too', () => {
    assert.deepEqual(result('you are such a nice person'), { score: 0.01, category: null, evidence: null });
    assert.equal(featureIndexes(['zorp']).length, 2);
  });
});
