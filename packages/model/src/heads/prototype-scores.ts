import * as tf from '@tensorflow/tfjs-core';

const transpose2d = (x: tf.Tensor) => tf.transpose(x as tf.Tensor2D, [1, 0]) as tf.Tensor2D;

/**
 * Scores of bottleneck features z [M, d] against weight-normalised prototypes (each column of v [d, K] divided by
 * its L2 norm, clamped at 1e-12; g = 1): (z v) / ||v||, which equals z (v / ||v||) without materialising the
 * normalised [d, K] copy. Its own gradient saves only z and the norms: with 65,536 prototypes, autograd through
 * `v / ||v||` and the product kept five [d, K] copies per head until the backward pass (wasm copies every saved
 * tensor), ~320 MB per ViT-S head; the scores are recomputed there instead. `v` must outlive the backward pass
 * (it is a weight).
 */
export const prototypeScores = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [z, v, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  const norm = tf.maximum(tf.sqrt(tf.sum(tf.square(v), 0, true)), 1e-12);
  // Where the norm is clamped, tf.maximum passes no gradient to it: the same here.
  const unclamped = tf.cast(tf.greater(norm, 1e-12), 'float32');
  save([z, norm, unclamped]);
  return {
    value: tf.div(tf.matMul(z, v), norm),
    gradFunc: (dy: tf.Tensor, [features, columnNorm, active]: tf.Tensor[]) => {
      const g = tf.div(dy, columnNorm) as tf.Tensor2D;
      const scores = tf.div(tf.matMul(features as tf.Tensor2D, v), columnNorm);
      // d/dv of 1/||v||: -v / ||v||^2 times the column sums of dy * scores.
      const along = tf.mul(tf.sum(tf.mul(dy, scores), 0, true), active);
      return [
        tf.matMul(g, transpose2d(v)),
        tf.sub(tf.matMul(transpose2d(features), g), tf.mul(v, tf.div(along, tf.square(columnNorm)))),
      ];
    },
  };
}) as (z: tf.Tensor2D, v: tf.Tensor2D) => tf.Tensor2D;
