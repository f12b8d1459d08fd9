import * as tf from '@tensorflow/tfjs-core';

// The wasm backend runs only plain 2-D matmuls (no transpose flags, batch 1) on XNNPACK; transposed or
// batched products fall back to a naive loop that is 5-10x slower. tfjs's own matMul gradient uses transpose
// flags, so `dense` brings its own gradient built from explicit transposes (cheap) and plain 2-D products.
// (Splitting a batched product into per-matrix 2-D products was tried: tf.unstack/split cost more than it saved.)

type Grad = (...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  value: tf.Tensor;
  gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
};

function transpose2d(x: tf.Tensor): tf.Tensor2D {
  return tf.transpose(x as tf.Tensor2D, [1, 0]);
}

/** y = x [M, K] @ w [K, N] + b [N], gradients through plain 2-D products. */
export const dense = tf.customGrad(((...args) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.fused.matMul({ a: x, b: w, bias: b }),
    // In a tidy: tfjs runs custom gradients outside one, so the transposes would live until the backward pass ends.
    gradFunc: (dy, [input, weight]) =>
      tf.tidy(() => [
        tf.matMul(dy as tf.Tensor2D, transpose2d(weight)),
        tf.matMul(transpose2d(input), dy as tf.Tensor2D),
        tf.sum(dy, 0),
      ]),
  };
}) as Grad) as (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor2D;
