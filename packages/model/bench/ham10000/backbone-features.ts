// Frozen-backbone features of grey 8x8 images: upscaled bilinearly, grey copied to the 3 channels, and the
// DINOv2 linear-evaluation feature (CLS token concatenated with the mean patch token).
import * as tf from '@tensorflow/tfjs-core';
import type { VitModel } from '../../src/vit/create-vit';
import { normalizeImages } from '../../src/vit/normalize';
import { vitForward } from '../../src/vit/vit-forward';

/** [count, 8, 8] grey in 0..1 -> [count, size, size, 3] in 0..1 (the caller disposes). */
export function greyToRgb(pixels: Float32Array, count: number, size: number, source = 8): tf.Tensor4D {
  return tf.tidy(() => {
    const grey = tf.tensor4d(pixels, [count, source, source, 1]);
    const up = size === source ? grey : tf.image.resizeBilinear(grey, [size, size], false, true);
    return tf.tile(tf.clipByValue(up, 0, 1), [1, 1, 1, 3]) as tf.Tensor4D;
  });
}

export type FeatureKind = 'cls' | 'cls+mean';

export function backboneFeatures(
  model: VitModel,
  images: tf.Tensor4D,
  kind: FeatureKind = 'cls+mean',
  batchSize = 256,
): Float32Array {
  const count = images.shape[0];
  const dim = kind === 'cls' ? model.config.width : 2 * model.config.width;
  const out = new Float32Array(count * dim);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const features = tf.tidy(() => {
      const batch = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]) as tf.Tensor4D;
      const { cls, patches } = vitForward(model, normalizeImages(batch));
      return kind === 'cls' ? cls : tf.concat([cls, tf.mean(patches, 1)], 1);
    });
    out.set(features.dataSync(), start * dim);
    features.dispose();
  }
  return out;
}
