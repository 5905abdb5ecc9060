import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_BITS } from './toxicity.features.ts';

/**
 * The trained part of the analyser: one signed byte per feature bucket (weight = byte × scale) and
 * a bias. Bytes keep the table at 256 KiB, small enough to stay in cache while chat is scanned.
 */
export interface ToxicityModel {
  weights: Int8Array;
  scale: number;
  bias: number;
}

/** The committed model, written by `npm run moderation:train`. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./model/toxicity.model.json', import.meta.url));

const FORMAT = 'utb-toxicity-logreg';
const VERSION = 1;

/** What the model file holds besides the weights: where they came from and how they measured. */
export interface ModelMetadata {
  trainedOn: { file: string; sha256: string; rows: number };
  options: Record<string, number | string>;
  heldOut: Record<string, { precision: number; recall: number; threshold: number; rows: number }>;
  attribution: string;
}

interface ModelFile extends ModelMetadata {
  format: string;
  version: number;
  featureBits: number;
  bias: number;
  scale: number;
  nonZero: number;
  /** base64 of (varint gap to the previous non-zero bucket, signed byte) pairs. */
  weights: string;
  /** sha256 of the decoded bytes, so a damaged file is refused instead of scoring nonsense. */
  sha256: string;
}

export class ToxicityModelError extends Error {
  constructor(path: string, problem: string) {
    super(`toxicity model ${path}: ${problem}; run \`npm run moderation:train\` to rebuild it`);
    this.name = 'ToxicityModelError';
  }
}

/** Rounds float weights to bytes: the scale maps the largest weight to 127. */
export function quantize(weights: Float32Array, bias: number): ToxicityModel {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest > 0 ? largest / 127 : 1;
  const bytes = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i]! / scale);
  return { weights: bytes, scale, bias };
}

export function serializeModel(model: ToxicityModel, metadata: ModelMetadata): string {
  const packed: number[] = [];
  let previous = -1;
  let nonZero = 0;
  for (let i = 0; i < model.weights.length; i++) {
    const w = model.weights[i]!;
    if (w === 0) continue;
    for (let gap = i - previous; ; gap >>>= 7) {
      if (gap < 0x80) {
        packed.push(gap);
        break;
      }
      packed.push((gap & 0x7f) | 0x80);
    }
    packed.push(w & 0xff);
    previous = i;
    nonZero++;
  }
  const bytes = Buffer.from(packed);
  const file: ModelFile = {
    format: FORMAT,
    version: VERSION,
    featureBits: FEATURE_BITS,
    bias: model.bias,
    scale: model.scale,
    nonZero,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...metadata,
    weights: bytes.toString('base64'),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export function parseModel(text: string, path = '(text)'): ToxicityModel {
  let file: Partial<ModelFile>;
  try {
    file = JSON.parse(text) as Partial<ModelFile>;
  } catch {
    throw new ToxicityModelError(path, 'is not JSON');
  }
  if (file.format !== FORMAT || file.version !== VERSION) throw new ToxicityModelError(path, `is not a ${FORMAT} v${VERSION} file`);
  if (file.featureBits !== FEATURE_BITS) throw new ToxicityModelError(path, `has ${file.featureBits} feature bits, the analyser uses ${FEATURE_BITS}`);
  if (!Number.isFinite(file.bias) || !Number.isFinite(file.scale) || !(file.scale! > 0)) throw new ToxicityModelError(path, 'has no valid bias and scale');
  if (typeof file.weights !== 'string' || typeof file.sha256 !== 'string') throw new ToxicityModelError(path, 'has no weights');
  const bytes = Buffer.from(file.weights, 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new ToxicityModelError(path, 'weights do not match their checksum (damaged or edited)');
  const weights = new Int8Array(1 << FEATURE_BITS);
  let at = 0;
  let index = -1;
  let count = 0;
  while (at < bytes.length) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= bytes.length || shift > 21) throw new ToxicityModelError(path, 'weights are truncated');
      const b = bytes[at++]!;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    index += gap;
    if (gap === 0 || index >= weights.length || at >= bytes.length) throw new ToxicityModelError(path, 'weights are out of range');
    weights[index] = (bytes[at++]! << 24) >> 24;
    count++;
  }
  if (count !== file.nonZero) throw new ToxicityModelError(path, `holds ${count} weights, its header says ${file.nonZero}`);
  return { weights, scale: file.scale!, bias: file.bias! };
}

export function loadModel(path: string = DEFAULT_MODEL_PATH): ToxicityModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ToxicityModelError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(error as Error).message})`);
  }
  return parseModel(text, path);
}

let shared: ToxicityModel | undefined;

/** The committed model, read once per process and shared by every analyser. */
export function defaultModel(): ToxicityModel {
  shared ??= loadModel();
  return shared;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's logit for a list of feature buckets. */
export function modelLogit(model: ToxicityModel, features: readonly number[]): number {
  let sum = 0;
  for (const f of features) sum += model.weights[f]!;
  return model.bias + sum * model.scale;
}
