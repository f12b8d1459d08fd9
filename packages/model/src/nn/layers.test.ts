import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { gelu, l2Normalize, layerNorm } from './layers';
import { dense } from './matmul';

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('layers with hand-written gradients', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('gelu is the exact erf form, value and gradient', () => {
    // python3: 0.5*x*(1+math.erf(x/sqrt2)) and its derivative Phi(x) + x*phi(x), for these x.
    const x = tf.tensor1d([-3, -1, -0.5, 0, 0.5, 1, 3]);
    const expected = [-0.00404969, -0.15865525, -0.15426877, 0, 0.34573123, 0.84134475, 2.99595031];
    const expectedGrad = [-0.01194565, -0.08331547, 0.13250488, 0.5, 0.86749512, 1.08331547, 1.01194565];
    const y = gelu(x);
    const g = tf.grad((input: tf.Tensor) => tf.sum(gelu(input)))(x);
    Array.from(y.dataSync()).forEach((v, i) => void expect(v).toBeCloseTo(expected[i], 5));
    Array.from(g.dataSync()).forEach((v, i) => void expect(v).toBeCloseTo(expectedGrad[i], 5));
    tf.dispose([x, y, g]);
  });

  it('dense matches tf.matMul + bias in value and in all three gradients', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.randomNormal([7, 5], 0, 1, 'float32', 1);
      const w = tf.randomNormal([5, 3], 0, 1, 'float32', 2);
      const b = tf.randomNormal([3], 0, 1, 'float32', 3);
      const weights = tf.randomNormal([7, 3], 0, 1, 'float32', 4);
      const ours = tf.grads((a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) =>
        tf.sum(tf.mul(dense(a, c, d), weights)),
      )([x, w, b]);
      const reference = tf.grads((a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) =>
        tf.sum(tf.mul(tf.add(tf.matMul(a as tf.Tensor2D, c as tf.Tensor2D), d), weights)),
      )([x, w, b]);
      expect(maxDiff(dense(x, w, b), tf.add(tf.matMul(x, w), b))).toBeLessThan(1e-5);
      ours.forEach((g, i) => void expect(maxDiff(g, reference[i])).toBeLessThan(1e-5));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('layerNorm gradient matches autograd through the plain formula', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.randomNormal([3, 4, 6], 0, 2, 'float32', 5);
      const w = tf.randomNormal([6], 1, 0.5, 'float32', 6);
      const b = tf.randomNormal([6], 0, 1, 'float32', 7);
      const r = tf.randomNormal([3, 4, 6], 0, 1, 'float32', 8);
      const plain = (a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) => {
        const centred = tf.sub(a, tf.mean(a, 2, true));
        return tf.add(
          tf.mul(tf.div(centred, tf.sqrt(tf.add(tf.mean(tf.square(centred), 2, true), 1e-6))), c),
          d,
        );
      };
      const ours = tf.grads((a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) =>
        tf.sum(tf.mul(layerNorm(a, c, d, 1e-6), r)),
      )([x, w, b]);
      const reference = tf.grads((a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) =>
        tf.sum(tf.mul(plain(a, c, d), r)),
      )([x, w, b]);
      expect(maxDiff(layerNorm(x, w, b, 1e-6), plain(x, w, b))).toBeLessThan(1e-5);
      ours.forEach((g, i) => void expect(maxDiff(g, reference[i])).toBeLessThan(1e-4));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('layerNorm and l2Normalize match hand-computed rows', () => {
    const x = tf.tensor2d([
      [1, 2, 3, 4],
      [3, 0, 4, 0],
    ]);
    // row 1: mean 2.5, biased var 1.25 -> (x - 2.5) / sqrt(1.25 + 1e-6)
    const ln = layerNorm(x, tf.ones([4]), tf.zeros([4]), 1e-6).arraySync() as number[][];
    [-1.5, -0.5, 0.5, 1.5].forEach(
      (v, i) => void expect(ln[0][i]).toBeCloseTo(v / Math.sqrt(1.25 + 1e-6), 5),
    );
    const normalised = l2Normalize(x).arraySync() as number[][];
    expect(normalised[1]).toEqual([0.6, 0, 0.8, 0].map((v) => expect.closeTo(v, 6)));
  });
});
