import * as tf from '@tensorflow/tfjs-core';

/**
 * Row-wise cross-entropy -sum_k t_k log_softmax(s / tau)_k of logits s [M, K] against constant targets t [M, K]
 * (teacher probabilities: no gradient flows into them), as [M]. Its own gradient, (p sum_k t_k - t) / tau with
 * p = softmax(s / tau), saves only p: autograd through div, logSoftmax and mul kept five [M, K] copies until the
 * backward pass (123 MB each for ViT-S's iBOT head at batch 8). `targets` must outlive the backward pass.
 */
export function softCrossEntropy(
  logits: tf.Tensor2D,
  targets: tf.Tensor2D,
  temperature: number,
): tf.Tensor1D {
  const fn = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [s, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const logProbs = tf.logSoftmax(tf.div(s, temperature));
    save([tf.exp(logProbs)]);
    return {
      value: tf.neg(tf.sum(tf.mul(targets, logProbs), 1)),
      gradFunc: (dy: tf.Tensor, [probs]: tf.Tensor[]) =>
        tf.tidy(() => {
          const rowMass = tf.sum(targets, 1, true);
          const perRow = tf.div(tf.reshape(dy, [-1, 1]), temperature);
          return [tf.mul(perRow, tf.sub(tf.mul(probs, rowMass), targets))];
        }),
    };
  });
  return fn(logits) as tf.Tensor1D;
}
