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

export type FeatureKind = 'cls' | 'cls+mean' | 'cls+mean+grid2' | 'cls+mean+grid4';

/** Patch tokens [B, N, D] of a g x g token grid average-pooled to a k x k grid, flattened: [B, k * k * D]. */
function gridPool(patches: tf.Tensor3D, k: number): tf.Tensor2D {
  const [batch, count, dim] = patches.shape;
  const g = Math.round(Math.sqrt(count));
  const grid = tf.reshape(patches, [batch, g, g, dim]) as tf.Tensor4D;
  const pooled = g === k ? grid : tf.avgPool(grid, g / k, g / k, 'valid');
  return tf.reshape(pooled, [batch, k * k * dim]);
}

export function backboneFeatures(
  model: VitModel,
  images: tf.Tensor4D,
  kind: FeatureKind = 'cls+mean',
  batchSize = 256,
): Float32Array {
  const count = images.shape[0];
  const cells = kind === 'cls+mean+grid2' ? 4 : kind === 'cls+mean+grid4' ? 16 : 0;
  const dim = (kind === 'cls' ? 1 : 2 + cells) * model.config.width;
  const out = new Float32Array(count * dim);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const features = tf.tidy(() => {
      const batch = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]) as tf.Tensor4D;
      const { cls, patches } = vitForward(model, normalizeImages(batch));
      if (kind === 'cls') return cls;
      const both = [cls, tf.mean(patches, 1) as tf.Tensor2D];
      return tf.concat(cells ? [...both, gridPool(patches, Math.sqrt(cells))] : both, 1);
    });
    out.set(features.dataSync(), start * dim);
    features.dispose();
  }
  return out;
}
