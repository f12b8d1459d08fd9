import * as tf from '@tensorflow/tfjs-core';
import { l2Normalize } from '../nn/layers';

export interface KnnOptions {
  k?: number;
  /** Softmax temperature of the similarity weights (DINO: 0.07). */
  temperature?: number;
  classes: number;
}

/**
 * Weighted kNN on cosine similarity (Wu et al. 2018, as in DINO's evaluation): each of the k nearest training
 * features votes for its class with weight exp(similarity / T). Returns class scores [Q, C] and the argmax.
 */
export function knnClassify(
  trainFeatures: tf.Tensor2D,
  trainLabels: ArrayLike<number>,
  queryFeatures: tf.Tensor2D,
  options: KnnOptions,
): { scores: Float32Array; predictions: Int32Array } {
  const k = Math.min(options.k ?? 20, trainFeatures.shape[0]);
  const temperature = options.temperature ?? 0.07;
  if (trainLabels.length !== trainFeatures.shape[0])
    throw new Error(
      `knnClassify: ${trainLabels.length} labels for ${trainFeatures.shape[0]} training features`,
    );
  // tf.tidy walks every element of a returned typed array, so it returns tensors and they are read after.
  const top = tf.tidy(() => {
    const similarity = tf.matMul(
      l2Normalize(queryFeatures) as tf.Tensor2D,
      tf.transpose(l2Normalize(trainFeatures)) as tf.Tensor2D,
    );
    return tf.topk(similarity, k);
  });
  const values = top.values.dataSync();
  const indices = top.indices.dataSync();
  tf.dispose([top.values, top.indices]);
  const queries = queryFeatures.shape[0];
  const scores = new Float32Array(queries * options.classes);
  const predictions = new Int32Array(queries);
  for (let q = 0; q < queries; q++) {
    for (let j = 0; j < k; j++) {
      const label = trainLabels[indices[q * k + j]];
      scores[q * options.classes + label] += Math.exp(values[q * k + j] / temperature);
    }
    let best = 0;
    for (let c = 1; c < options.classes; c++)
      if (scores[q * options.classes + c] > scores[q * options.classes + best]) best = c;
    predictions[q] = best;
  }
  return { scores, predictions };
}
