// Logistic regression over hashed features, trained with AdaGrad on weighted examples. Written
// here rather than taken from a package: the npm ones hold dense matrices (2^18 columns would not
// fit) or take no per-example weights, and the weights must be laid out for the analyser's scan.

import { FEATURE_BITS } from './toxicity.features.ts';
import { sigmoid } from './toxicity.model.ts';

export interface Example {
  /** Feature buckets (see toxicity.features.ts). */
  features: readonly number[];
  toxic: boolean;
  /** How much the example counts (class, source and label agreement). */
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the weights an example touches. */
  l2: number;
  /** Seeds the shuffle: the same seed and data give the same weights. */
  seed: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

/** A small seeded generator (mulberry32), so a training run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function logit(model: LinearModel, features: readonly number[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f]!;
  return z;
}

export function train(examples: readonly Example[], options: TrainOptions): LinearModel {
  const size = 1 << FEATURE_BITS;
  const weights = new Float32Array(size);
  const squared = new Float64Array(size);
  let bias = 0;
  let biasSquared = 0;
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  const totalWeight = examples.reduce((sum, e) => sum + e.weight, 0);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const index of order) {
      const example = examples[index]!;
      let z = bias;
      for (const f of example.features) z += weights[f]!;
      const p = sigmoid(z);
      const y = example.toxic ? 1 : 0;
      loss -= example.weight * Math.log(Math.max(1e-12, y ? p : 1 - p));
      const g = example.weight * (p - y);
      for (const f of example.features) {
        const grad = g + options.l2 * weights[f]!;
        squared[f] = squared[f]! + grad * grad;
        weights[f] = weights[f]! - (options.learningRate * grad) / Math.sqrt(squared[f]! + 1e-8);
      }
      biasSquared += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasSquared + 1e-8);
    }
    options.onEpoch?.(epoch, loss / totalWeight);
  }
  return { weights, bias };
}
