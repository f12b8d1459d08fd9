import * as tf from '@tensorflow/tfjs-core';

export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** [B, H, W, 3] values in 0..1 -> the normalised input the contract expects. */
export function normalizeImages(images: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() =>
    tf.div(tf.sub(images, IMAGENET_MEAN as unknown as number[]), IMAGENET_STD as unknown as number[]),
  );
}
