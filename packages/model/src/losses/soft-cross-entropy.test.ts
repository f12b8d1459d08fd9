import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { softCrossEntropy } from './soft-cross-entropy';

const maxAbs = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('softCrossEntropy', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('equals -sum(t log_softmax(s / tau)) in value and gradient, and leaks nothing', () => {
    const logits = tf.randomNormal([6, 9], 0, 2, 'float32', 4) as tf.Tensor2D;
    // Teacher rows sum to 1, except an all-zero row (a weight of 0 must give a zero gradient row).
    const targets = tf.tidy(() =>
      tf.concat([tf.softmax(tf.randomNormal([5, 9], 0, 3, 'float32', 5)), tf.zeros([1, 9])], 0),
    ) as tf.Tensor2D;
    const dy = tf.tensor1d([1, -0.5, 2, 0.25, 1, 3]);
    const plainLoss = (s: tf.Tensor) => tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(tf.div(s, 0.1))), 1));
    const before = tf.memory().numTensors;
    const fused = softCrossEntropy(logits, targets, 0.1);
    const [fusedGrad] = tf.grads((s: tf.Tensor) => softCrossEntropy(s as tf.Tensor2D, targets, 0.1))(
      [logits],
      dy,
    );
    expect(tf.memory().numTensors).toBe(before + 2);
    const plain = plainLoss(logits);
    const [plainGrad] = tf.grads(plainLoss)([logits], dy);
    expect(maxAbs(fused, plain)).toBe(0);
    // Measured ~1e-6 on wasm against gradients of size ~10 (tau = 0.1).
    expect(maxAbs(fusedGrad, plainGrad)).toBeLessThan(1e-5);
    expect(tf.tidy(() => tf.max(tf.abs(fusedGrad)).dataSync()[0])).toBeGreaterThan(1);
    expect(Array.from(fusedGrad.dataSync().slice(45))).toEqual(new Array(9).fill(0));
    tf.dispose([logits, targets, dy, fused, fusedGrad, plain, plainGrad]);
  });
});
