import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random';

// Per-image photometric augmentations on a batch [B, S, S, 3] of 0..1 values. Each function draws one
// parameter per image from `rng` and applies all images in a few batched kernels.

const LUMA = [0.299, 0.587, 0.114];

function perImage(values: number[]): tf.Tensor4D {
  return tf.tensor4d(values, [values.length, 1, 1, 1]);
}

function grey(x: tf.Tensor4D): tf.Tensor4D {
  return tf.sum(tf.mul(x, LUMA), 3, true) as tf.Tensor4D;
}

/** YIQ hue rotation by `turns` of a full circle, as a 3x3 matrix acting on RGB row vectors. */
function hueMatrix(turns: number): number[] {
  const toYiq = [
    [0.299, 0.596, 0.211],
    [0.587, -0.274, -0.523],
    [0.114, -0.322, 0.312],
  ];
  const fromYiq = [
    [1, 1, 1],
    [0.956, -0.272, -1.106],
    [0.621, -0.647, 1.703],
  ];
  const c = Math.cos(2 * Math.PI * turns),
    s = Math.sin(2 * Math.PI * turns);
  const rotate = [
    [1, 0, 0],
    [0, c, -s],
    [0, s, c],
  ];
  const mul = (a: number[][], b: number[][]) =>
    a.map((row) => b[0].map((_, j) => row.reduce((sum, v, k) => sum + v * b[k][j], 0)));
  return mul(mul(toYiq, rotate), fromYiq).flat();
}

export interface ColourJitter {
  probability: number;
  brightness: number;
  contrast: number;
  saturation: number;
  hue: number;
}

export function colourJitter(x: tf.Tensor4D, rng: Rng, jitter: ColourJitter): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, size] = x.shape;
    const on = Array.from({ length: batch }, () => rng.next() < jitter.probability);
    const factor = (spread: number) => on.map((active) => (active ? rng.uniform(1 - spread, 1 + spread) : 1));
    let y = tf.clipByValue(tf.mul(x, perImage(factor(jitter.brightness))), 0, 1) as tf.Tensor4D;
    const meanGrey = tf.mean(grey(y), [1, 2, 3], true);
    y = tf.clipByValue(
      tf.add(tf.mul(tf.sub(y, meanGrey), perImage(factor(jitter.contrast))), meanGrey),
      0,
      1,
    ) as tf.Tensor4D;
    const g = grey(y);
    y = tf.clipByValue(
      tf.add(tf.mul(tf.sub(y, g), perImage(factor(jitter.saturation))), g),
      0,
      1,
    ) as tf.Tensor4D;
    const matrices = on.flatMap((active) => hueMatrix(active ? rng.uniform(-jitter.hue, jitter.hue) : 0));
    const rotated = tf.matMul(tf.reshape(y, [batch, size * size, 3]), tf.tensor3d(matrices, [batch, 3, 3]));
    return tf.clipByValue(tf.reshape(rotated, x.shape), 0, 1) as tf.Tensor4D;
  });
}

export function randomGreyscale(x: tf.Tensor4D, rng: Rng, probability: number): tf.Tensor4D {
  return tf.tidy(() => {
    const pick = perImage(Array.from({ length: x.shape[0] }, () => (rng.next() < probability ? 1 : 0)));
    return tf.add(tf.mul(x, tf.sub(1, pick)), tf.mul(grey(x), pick)) as tf.Tensor4D;
  });
}

/** Row-stochastic Gaussian smoothing matrix [S, S]: rows renormalised at the borders. */
function gaussianMatrix(size: number, sigma: number): number[] {
  const out = new Array<number>(size * size).fill(0);
  for (let i = 0; i < size; i++) {
    let total = 0;
    for (let j = 0; j < size; j++)
      total += out[i * size + j] = Math.exp(-((i - j) ** 2) / (2 * sigma * sigma));
    for (let j = 0; j < size; j++) out[i * size + j] /= total;
  }
  return out;
}

/**
 * Gaussian blur with sigma ~ U[0.1, 2] px at 224 px, scaled to the crop size, applied as two batched products
 * with per-image smoothing matrices (rows, then columns).
 */
export function randomBlur(
  x: tf.Tensor4D,
  rng: Rng,
  probability: number,
  sigmaRange: [number, number] = [0.1, 2],
): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, size] = x.shape;
    const identity = Array.from({ length: size * size }, (_, k) =>
      Math.floor(k / size) === k % size ? 1 : 0,
    );
    const matrices = Array.from({ length: batch }, () =>
      rng.next() < probability
        ? gaussianMatrix(size, (rng.uniform(sigmaRange[0], sigmaRange[1]) * size) / 224)
        : identity,
    ).flat();
    const kernel = tf.tensor3d(matrices, [batch, size, size]);
    const rows = tf.matMul(kernel, tf.reshape(x, [batch, size, size * 3]));
    const swapped = tf.reshape(tf.transpose(tf.reshape(rows, [batch, size, size, 3]), [0, 2, 1, 3]), [
      batch,
      size,
      size * 3,
    ]);
    const cols = tf.matMul(kernel, swapped);
    return tf.transpose(tf.reshape(cols, [batch, size, size, 3]), [0, 2, 1, 3]) as tf.Tensor4D;
  });
}

export function randomSolarize(x: tf.Tensor4D, rng: Rng, probability: number, threshold = 0.5): tf.Tensor4D {
  return tf.tidy(() => {
    const pick = perImage(Array.from({ length: x.shape[0] }, () => (rng.next() < probability ? 1 : 0)));
    const flip = tf.mul(tf.cast(tf.greaterEqual(x, threshold), 'float32'), pick);
    return tf.add(x, tf.mul(flip, tf.sub(1, tf.mul(2, x)))) as tf.Tensor4D;
  });
}
