import * as tf from '@tensorflow/tfjs-core';
import type { VitModel } from './create-vit';

export interface NamedWeight {
  shape: number[];
  data: Float32Array;
}
export type WeightMap = Record<string, NamedWeight>;

/** Copies every variable out as contract-named float32 arrays. */
export function getWeights(weights: Record<string, tf.Variable>): WeightMap {
  const out: WeightMap = {};
  for (const [name, variable] of Object.entries(weights)) {
    out[name] = { shape: [...variable.shape], data: new Float32Array(variable.dataSync() as Float32Array) };
  }
  return out;
}

/** Assigns named arrays to variables; every variable must be present with the same shape, no extras. */
export function setWeights(weights: Record<string, tf.Variable>, values: WeightMap, what = 'model'): void {
  const expected = Object.keys(weights);
  const missing = expected.filter((name) => !(name in values));
  const extra = Object.keys(values).filter((name) => !(name in weights));
  if (missing.length || extra.length) {
    throw new Error(
      `${what} weights do not match: missing [${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}], unexpected [${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', ...' : ''}]`,
    );
  }
  for (const name of expected) {
    const { shape, data } = values[name];
    const variable = weights[name];
    if (shape.length !== variable.shape.length || shape.some((d, i) => d !== variable.shape[i])) {
      throw new Error(`${what} weight ${name}: expected shape [${variable.shape}], got [${shape}]`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size)
      throw new Error(`${what} weight ${name}: expected ${size} values, got ${data.length}`);
  }
  for (const name of expected) {
    const value = tf.tensor(values[name].data, values[name].shape, 'float32');
    weights[name].assign(value);
    value.dispose();
  }
}

export function getVitWeights(model: VitModel): WeightMap {
  return getWeights(model.weights);
}

export function setVitWeights(model: VitModel, values: WeightMap): void {
  setWeights(model.weights, values, 'ViT');
}
