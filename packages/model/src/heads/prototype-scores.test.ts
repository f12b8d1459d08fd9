import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { prototypeScores } from './prototype-scores';

/** The plain autograd formulation the fused op replaces. */
const reference = (z: tf.Tensor2D, v: tf.Tensor2D) =>
  tf.matMul(z, tf.div(v, tf.maximum(tf.sqrt(tf.sum(tf.square(v), 0, true)), 1e-12)));

const maxAbs = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('prototypeScores', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('equals z (v / ||v||) in value and in its gradients for z and v, and leaks nothing', () => {
    const z = tf.randomNormal([5, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
    const v = tf.randomNormal([4, 7], 0, 0.3, 'float32', 2) as tf.Tensor2D;
    const dy = tf.randomNormal([5, 7], 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    const [fused, fusedGrads] = tf.tidy(
      () => [prototypeScores(z, v), tf.grads(prototypeScores)([z, v], dy)] as const,
    );
    expect(tf.memory().numTensors).toBe(before + 3);
    const [plain, plainGrads] = tf.tidy(() => [reference(z, v), tf.grads(reference)([z, v], dy)] as const);
    expect(maxAbs(fused, plain)).toBeLessThan(1e-6);
    // Measured ~1e-7 on wasm (float32 rounding of the two orders of operations).
    expect(maxAbs(fusedGrads[0], plainGrads[0])).toBeLessThan(1e-5);
    expect(maxAbs(fusedGrads[1], plainGrads[1])).toBeLessThan(1e-5);
    expect(tf.tidy(() => tf.max(tf.abs(fusedGrads[1])).dataSync()[0])).toBeGreaterThan(0.01);
    tf.dispose([z, v, dy, fused, plain, ...fusedGrads, ...plainGrads]);
  });
});
