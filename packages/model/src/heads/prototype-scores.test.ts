import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { prototypeCrossEntropy, prototypeScores } from './prototype-scores';

type Fn = (...args: tf.Tensor[]) => tf.Tensor;

/** The plain autograd formulations the fused ops replace. */
const referenceScores = (z: tf.Tensor, v: tf.Tensor) =>
  tf.matMul(z as tf.Tensor2D, tf.div(v, tf.maximum(tf.sqrt(tf.sum(tf.square(v), 0, true)), 1e-12)));
const referenceCrossEntropy = (targets: tf.Tensor, z: tf.Tensor, v: tf.Tensor) =>
  tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(tf.div(referenceScores(z, v), 0.1))), 1));

const maxAbs = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

/** Value and gradients for z and v of `fused` and `reference`, and the largest differences. */
function compare(fused: Fn, reference: Fn, dyShape: number[]) {
  const z = tf.randomNormal([5, 4], 0, 1, 'float32', 1);
  const v = tf.randomNormal([4, 7], 0, 0.3, 'float32', 2);
  const dy = tf.randomNormal(dyShape, 0, 1, 'float32', 3);
  const before = tf.memory().numTensors;
  const mine = tf.tidy(() => [fused(z, v), ...tf.grads(fused)([z, v], dy)]);
  expect(tf.memory().numTensors).toBe(before + 3);
  const plain = tf.tidy(() => [reference(z, v), ...tf.grads(reference)([z, v], dy)]);
  const differences = mine.map((t, i) => maxAbs(t, plain[i]));
  const gradientScale = tf.tidy(() => tf.max(tf.abs(mine[2])).dataSync()[0]);
  tf.dispose([z, v, dy, ...mine, ...plain]);
  return { differences, gradientScale };
}

describe('fused prototype layer', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('prototypeScores equals z (v / ||v||) in value and in its gradients for z and v, and leaks nothing', () => {
    const { differences, gradientScale } = compare(prototypeScores as Fn, referenceScores, [5, 7]);
    // Measured ~1e-7 on wasm (float32 rounding of the two orders of operations).
    for (const difference of differences) expect(difference).toBeLessThan(1e-5);
    expect(gradientScale).toBeGreaterThan(0.01);
  });

  it('prototypeCrossEntropy equals the soft cross-entropy of those scores, value and gradients, whole or chunked', () => {
    const targets = tf.softmax(tf.randomNormal([5, 7], 0, 3, 'float32', 4)) as tf.Tensor2D;
    const reference = (z: tf.Tensor, v: tf.Tensor) => referenceCrossEntropy(targets, z, v);
    // Whole, and in row chunks of 2 (2 x 7 scores: chunks of 2, 2 and 1 rows).
    for (const chunkElements of [2 ** 23, 14]) {
      const chunked = (z: tf.Tensor, v: tf.Tensor) =>
        prototypeCrossEntropy(z as tf.Tensor2D, v as tf.Tensor2D, targets, 0.1, chunkElements);
      const { differences, gradientScale } = compare(chunked, reference, [5]);
      // Measured ~1e-6 on wasm against gradients of size ~10 (tau = 0.1).
      for (const difference of differences) expect(difference).toBeLessThan(1e-4);
      expect(gradientScale).toBeGreaterThan(0.1);
    }
    targets.dispose();
  });
});
