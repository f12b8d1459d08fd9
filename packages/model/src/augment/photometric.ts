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

/** Gaussian taps g(-r..r) of one image (a delta when sigma is 0: not blurred). */
function gaussianTaps(radius: number, sigma: number): number[] {
  return Array.from({ length: 2 * radius + 1 }, (_, t) =>
    sigma > 0 ? Math.exp(-((t - radius) ** 2) / (2 * sigma * sigma)) : t === radius ? 1 : 0,
  );
}

/** Σ_j g(i - j) over the pixels j inside the image, for each i: the border renormalisation. */
function tapSums(taps: number[], size: number): number[] {
  const radius = (taps.length - 1) / 2;
  return Array.from({ length: size }, (_, i) => {
    let total = 0;
    for (let j = Math.max(0, i - radius); j <= Math.min(size - 1, i + radius); j++)
      total += taps[j - i + radius]!;
    return total;
  });
}

/**
 * Gaussian blur with sigma ~ U[0.1, 2] px at 224 px, scaled to the crop size, separable and renormalised at the
 * borders (each output pixel is a weighted mean of the pixels inside the image). The batch is moved into channels
 * so that one depthwise convolution per axis blurs every image with its own kernel, cut at 4 sigma of the
 * widest (or the image size); the batched products it replaces ran on the wasm backend's naive loop, 8% of a step.
 */
export function randomBlur(
  x: tf.Tensor4D,
  rng: Rng,
  probability: number,
  sigmaRange: [number, number] = [0.1, 2],
): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, size, , channels] = x.shape;
    const sigmas = Array.from({ length: batch }, () =>
      rng.next() < probability ? (rng.uniform(sigmaRange[0], sigmaRange[1]) * size) / 224 : 0,
    );
    const widest = Math.max(...sigmas);
    if (widest === 0) return tf.clone(x);
    const radius = Math.min(size - 1, Math.max(1, Math.ceil(4 * widest)));
    const taps = sigmas.map((sigma) => gaussianTaps(radius, sigma));
    const sums = taps.map((t) => tapSums(t, size));
    // Channel b * C + c holds channel c of image b; each image's taps repeat over its channels.
    const perChannel = <T>(values: T[]) => values.flatMap((value) => Array<T>(channels).fill(value));
    const channelTaps = perChannel(taps);
    const filter = (rows: number, cols: number) =>
      tf.tensor4d(
        Array.from({ length: 2 * radius + 1 }, (_, t) => channelTaps.map((tapsOf) => tapsOf[t]!)).flat(),
        [rows, cols, batch * channels, 1],
      );
    const stacked = tf.reshape(tf.transpose(x, [1, 2, 0, 3]), [
      1,
      size,
      size,
      batch * channels,
    ]) as tf.Tensor4D;
    const alongRows = tf.depthwiseConv2d(stacked, filter(2 * radius + 1, 1), 1, 'same');
    const blurred = tf.depthwiseConv2d(alongRows, filter(1, 2 * radius + 1), 1, 'same');
    const norm = perChannel(sums);
    const rowNorm = tf.tensor4d(Array.from({ length: size }, (_, i) => norm.map((n) => n[i]!)).flat(), [
      1,
      size,
      1,
      batch * channels,
    ]);
    const colNorm = tf.reshape(rowNorm, [1, 1, size, batch * channels]);
    const out = tf.div(tf.div(blurred, rowNorm), colNorm);
    return tf.transpose(tf.reshape(out, [size, size, batch, channels]), [2, 0, 1, 3]) as tf.Tensor4D;
  });
}

export function randomSolarize(x: tf.Tensor4D, rng: Rng, probability: number, threshold = 0.5): tf.Tensor4D {
  return tf.tidy(() => {
    const pick = perImage(Array.from({ length: x.shape[0] }, () => (rng.next() < probability ? 1 : 0)));
    const flip = tf.mul(tf.cast(tf.greaterEqual(x, threshold), 'float32'), pick);
    return tf.add(x, tf.mul(flip, tf.sub(1, tf.mul(2, x)))) as tf.Tensor4D;
  });
}
