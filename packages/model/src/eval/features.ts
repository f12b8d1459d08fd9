import * as tf from '@tensorflow/tfjs-core';
import type { VitModel } from '../vit/create-vit';
import { normalizeImages } from '../vit/normalize';
import { vitForward } from '../vit/vit-forward';

/** CLS embeddings [N, D] of 0..1 images [N, H, W, 3] through a frozen backbone, in batches. */
export function extractFeatures(
  model: VitModel,
  images: tf.Tensor4D,
  options: { batchSize?: number } = {},
): tf.Tensor2D {
  const batchSize = options.batchSize ?? 64;
  const count = images.shape[0];
  return tf.tidy(() => {
    const chunks: tf.Tensor2D[] = [];
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      chunks.push(
        tf.tidy(() => {
          const batch = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]) as tf.Tensor4D;
          return vitForward(model, normalizeImages(batch)).cls;
        }),
      );
    }
    return tf.concat(chunks, 0) as tf.Tensor2D;
  });
}

/** Indices of a class-stratified subset keeping `fraction` of each class (at least one image per class). */
export function sampleLabelFraction(labels: ArrayLike<number>, fraction: number, seed = 0): number[] {
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`sampleLabelFraction: fraction must be in (0, 1], got ${fraction}`);
  const byClass = new Map<number, number[]>();
  for (let index = 0; index < labels.length; index++) {
    byClass.set(labels[index], [...(byClass.get(labels[index]) ?? []), index]);
  }
  let state = seed + 0x2545f491;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const chosen: number[] = [];
  for (const indices of byClass.values()) {
    const shuffled = [...indices];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    chosen.push(...shuffled.slice(0, Math.max(1, Math.round(indices.length * fraction))));
  }
  return chosen.sort((a, b) => a - b);
}

export function accuracy(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predictions.length !== labels.length)
    throw new Error(`accuracy: ${predictions.length} predictions for ${labels.length} labels`);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predictions[i] === labels[i]) correct++;
  return correct / labels.length;
}
