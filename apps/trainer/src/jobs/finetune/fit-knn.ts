import * as tf from '@tensorflow/tfjs-core';
import { accuracy, knnClassify } from '@dermino/model';

const KS = [5, 10, 20, 50, 100, 200];
export const KNN_TEMPERATURE = 0.07;

/** kNN scores of query features against a memory, normalised to probabilities per row. */
export function knnProbabilities(
  memory: { features: Float32Array; labels: Int32Array },
  query: Float32Array,
  dims: number,
  classes: number,
  k: number,
): Float32Array {
  const train = tf.tensor2d(memory.features, [memory.labels.length, dims]);
  const q = tf.tensor2d(query, [query.length / dims, dims]);
  const { scores } = knnClassify(train, memory.labels, q, { k, temperature: KNN_TEMPERATURE, classes });
  tf.dispose([train, q]);
  for (let i = 0; i < scores.length; i += classes) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += scores[i + c];
    for (let c = 0; c < classes; c++) scores[i + c] = sum > 0 ? scores[i + c] / sum : 1 / classes;
  }
  return scores;
}

export const argmaxRows = (probabilities: Float32Array, classes: number) =>
  Int32Array.from({ length: probabilities.length / classes }, (_, i) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    return best;
  });

/** k chosen on the validation split among 5..200 (capped at the memory size); 20 when there is no validation data. */
export function fitKnn(
  train: { features: Float32Array; labels: Int32Array },
  val: { features: Float32Array; labels: Int32Array },
  dims: number,
  classes: number,
): { k: number; valAccuracy: number | null } {
  const candidates = [...new Set(KS.map((k) => Math.min(k, train.labels.length)))];
  if (!val.labels.length) return { k: Math.min(20, train.labels.length), valAccuracy: null };
  let best = { k: candidates[0], valAccuracy: -1 };
  for (const k of candidates) {
    const predicted = argmaxRows(knnProbabilities(train, val.features, dims, classes, k), classes);
    const valAccuracy = accuracy(predicted, val.labels);
    if (valAccuracy > best.valAccuracy) best = { k, valAccuracy };
  }
  return best;
}
