import * as tf from '@tensorflow/tfjs-core';
import { dense } from './matmul';

/** x [M, in] @ weight [in, out] + bias [out], as one fused kernel where the backend has it. */
export function linear(x: tf.Tensor, weight: tf.Tensor, bias?: tf.Tensor): tf.Tensor2D {
  if (bias) return dense(x, weight, bias);
  return tf.matMul(x as tf.Tensor2D, weight as tf.Tensor2D);
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Exact GELU 0.5 x (1 + erf(x / sqrt 2)) with a hand-written gradient: autograd through erf would keep
 * more intermediates alive and launch more kernels.
 */
export const gelu = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(x, SQRT1_2))));
  save([x, cdf]);
  return {
    value: tf.mul(x, cdf),
    // tfjs runs a custom gradient outside any tidy: its intermediates would live until the backward pass ends.
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
      tf.tidy(() => {
        const [input, phi] = saved;
        const pdf = tf.mul(INV_SQRT_2PI, tf.exp(tf.mul(-0.5, tf.square(input))));
        return [tf.mul(dy, tf.add(phi, tf.mul(input, pdf)))];
      }),
  };
}) as (x: tf.Tensor) => tf.Tensor;

/**
 * LayerNorm over the last axis, biased variance, as in PyTorch. The hand-written gradient keeps only the
 * normalised input and 1/std alive until backprop (autograd would keep ~6 full-size intermediates per call,
 * which decides whether a ViT-S step fits the wasm backend's 4 GB heap).
 */
export function layerNorm(x: tf.Tensor, weight: tf.Tensor, bias: tf.Tensor, eps: number): tf.Tensor {
  const axis = x.rank - 1;
  const reduceAxes = Array.from({ length: axis }, (_, i) => i);
  const fn = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [input, w, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const centred = tf.sub(input, tf.mean(input, axis, true));
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), axis, true), eps));
    const normalised = tf.mul(centred, rstd);
    save([normalised, rstd, w]);
    return {
      value: tf.add(tf.mul(normalised, w), b),
      gradFunc: (dy: tf.Tensor, [xhat, inverseStd, scale]: tf.Tensor[]) =>
        tf.tidy(() => {
          const dxhat = tf.mul(dy, scale);
          const dx = tf.mul(
            inverseStd,
            tf.sub(
              tf.sub(dxhat, tf.mean(dxhat, axis, true)),
              tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), axis, true)),
            ),
          );
          return [dx, tf.sum(tf.mul(dy, xhat), reduceAxes), tf.sum(dy, reduceAxes)];
        }),
    };
  });
  return fn(x, weight, bias);
}

/** L2-normalise rows (last axis), x / max(||x||, eps) as torch.nn.functional.normalize. */
export function l2Normalize(x: tf.Tensor, eps = 1e-12): tf.Tensor {
  const norm = tf.sqrt(tf.sum(tf.square(x), x.rank - 1, true));
  return tf.div(x, tf.maximum(norm, eps));
}
