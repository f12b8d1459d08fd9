import * as tf from '@tensorflow/tfjs-core';

// With 65,536 prototypes, autograd through the weight-normalised prototype layer and the iBOT cross-entropy kept
// about ten [d, K] and [M, K] tensors until the backward pass (wasm copies every saved tensor): most of a ViT-S
// step's memory at batch 8. These ops save only the bottleneck features and the column norms, and recompute the
// scores in the backward pass. `v` (a weight) and the targets (teacher outputs) must outlive the backward pass.

const transpose2d = (x: tf.Tensor) => tf.transpose(x as tf.Tensor2D, [1, 0]) as tf.Tensor2D;

/** Column norms of v, clamped at 1e-12, and where they are not clamped (tf.maximum passes no gradient there). */
function columnNorms(v: tf.Tensor2D): [tf.Tensor, tf.Tensor] {
  const norm = tf.maximum(tf.sqrt(tf.sum(tf.square(v), 0, true)), 1e-12);
  return [norm, tf.cast(tf.greater(norm, 1e-12), 'float32')];
}

const scoresOf = (z: tf.Tensor, v: tf.Tensor2D, norm: tf.Tensor) =>
  tf.div(tf.matMul(z as tf.Tensor2D, v), norm);

/** Gradients for z and v of s = (z v) / ||v|| given ds (s recomputed or passed). */
function scoreGradients(
  ds: tf.Tensor,
  s: tf.Tensor,
  z: tf.Tensor,
  v: tf.Tensor2D,
  norm: tf.Tensor,
  active: tf.Tensor,
) {
  const g = tf.div(ds, norm) as tf.Tensor2D;
  // d/dv of 1/||v||: -v / ||v||^2 times the column sums of ds * s.
  const along = tf.mul(tf.sum(tf.mul(ds, s), 0, true), active);
  return [
    tf.matMul(g, transpose2d(v)),
    tf.sub(tf.matMul(transpose2d(z), g), tf.mul(v, tf.div(along, tf.square(norm)))),
  ];
}

/**
 * Scores of bottleneck features z [M, d] against weight-normalised prototypes (each column of v [d, K] divided by
 * its L2 norm; g = 1): (z v) / ||v||, equal to z (v / ||v||) without the normalised [d, K] copy.
 */
export const prototypeScores = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [z, v, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  const [norm, active] = columnNorms(v);
  save([z, norm, active]);
  return {
    value: scoresOf(z, v, norm),
    gradFunc: (dy: tf.Tensor, [features, columnNorm, unclamped]: tf.Tensor[]) =>
      scoreGradients(dy, scoresOf(features, v, columnNorm), features, v, columnNorm, unclamped),
  };
}) as (z: tf.Tensor2D, v: tf.Tensor2D) => tf.Tensor2D;

/**
 * Row-wise cross-entropy [M] of the prototype scores against constant targets t [M, K] (teacher probabilities):
 * -sum_k t_k log_softmax(prototypeScores(z, v) / tau)_k, with no [M, K] tensor kept for the backward pass.
 * Gradient of the scores: (softmax(s / tau) sum_k t_k - t) / tau.
 */
export function prototypeCrossEntropy(
  z: tf.Tensor2D,
  v: tf.Tensor2D,
  targets: tf.Tensor2D,
  temperature: number,
): tf.Tensor1D {
  const fn = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [features, weight, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const [norm, active] = columnNorms(weight);
    save([features, norm, active]);
    const logProbs = tf.logSoftmax(tf.div(scoresOf(features, weight, norm), temperature));
    return {
      value: tf.neg(tf.sum(tf.mul(targets, logProbs), 1)),
      gradFunc: (dy: tf.Tensor, [input, columnNorm, unclamped]: tf.Tensor[]) => {
        const s = scoresOf(input, weight, columnNorm);
        const probs = tf.softmax(tf.div(s, temperature));
        const perRow = tf.div(tf.reshape(dy, [-1, 1]), temperature);
        const ds = tf.mul(perRow, tf.sub(tf.mul(probs, tf.sum(targets, 1, true)), targets));
        return scoreGradients(ds, s, input, weight, columnNorm, unclamped);
      },
    };
  });
  return fn(z, v) as tf.Tensor1D;
}
