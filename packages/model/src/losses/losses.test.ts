import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { dinoLoss, sinkhornKnopp, teacherSoftmaxCentred, updateCentre } from './dino-loss';
import { ibotLoss, maskedPositions } from './ibot-loss';
import { koleoLoss } from './koleo-loss';
import { labelLoss } from './label-loss';

// Expected values: test/reference/loss_reference.py (numpy 2.4, float64), same formula inputs.
const formula = (shape: number[], a: number, b: number) =>
  tf.tensor(
    Array.from({ length: shape.reduce((x, y) => x * y, 1) }, (_, i) => Math.sin(a * i + b)),
    shape,
  );

function leakFree<T extends tf.TensorContainer>(run: () => T): T {
  const before = tf.memory().numTensors;
  const result = tf.tidy(run) as T;
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

describe('losses against numpy references', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('DINO: centred, sharpened teacher; pairs of different views only', () => {
    const value = leakFree(() => {
      const student = [0, 1, 2, 3].map((v) => formula([3, 5], 0.9, v) as tf.Tensor2D);
      const teacherLogits = [0, 1].map((v) => formula([3, 5], 0.45, 10 + v) as tf.Tensor2D);
      const centre = tf.mul(formula([1, 5], 0.3, 2), 0.2);
      const teacherProbs = teacherLogits.map((t) => teacherSoftmaxCentred(t, centre, 0.04));
      const newCentre = updateCentre(centre, teacherLogits[0], 0.9).dataSync();
      [0.166332, 0.133088, 0.088082, 0.035723, -0.01902].forEach(
        (v, i) => void expect(newCentre[i]).toBeCloseTo(v, 5),
      );
      return dinoLoss({ studentLogits: student, teacherProbs }).dataSync()[0];
    });
    expect(value).toBeCloseTo(11.297926, 3);
  });

  it('Sinkhorn-Knopp (3 iterations) matches the SwAV recipe', () => {
    const rows = leakFree(() =>
      Array.from(sinkhornKnopp(formula([3, 5], 0.45, 10) as tf.Tensor2D, 0.04).dataSync()),
    );
    const expected = [
      0.444379, 0.175553, 0.359499, 0.001348, 0.019222, 0, 0, 0.204601, 0.402605, 0.392794, 0.340784,
      0.656181, 0.003035, 0, 0,
    ];
    rows.forEach((v, i) => void expect(v).toBeCloseTo(expected[i], 4));
  });

  it('iBOT: cross-entropy at masked patches weighted 1/(masked patches of the image), over all images', () => {
    const positions = maskedPositions([
      [0, 1, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(Array.from(positions.indices)).toEqual([1, 2, 7]);
    expect(Array.from(positions.weights)).toEqual([0.5, 0.5, 1]);
    const value = leakFree(() => {
      const teacherProbs = tf.softmax(tf.div(formula([3, 5], 0.5, 3), 0.07)) as tf.Tensor2D;
      return ibotLoss({
        studentLogits: formula([3, 5], 0.7, 1) as tf.Tensor2D,
        teacherProbs,
        positions,
      }).dataSync()[0];
    });
    expect(value).toBeCloseTo(0.38617, 4);
  });

  it('KoLeo: -mean log nearest-neighbour distance of normalised rows', () => {
    expect(leakFree(() => koleoLoss(formula([5, 4], 1.1, 0.2) as tf.Tensor2D).dataSync()[0])).toBeCloseTo(
      0.36193,
      4,
    );
  });

  it('label loss: BCE masked to the label space, averaged over labelled images only', () => {
    const value = leakFree(
      () =>
        labelLoss({
          logits: tf.mul(formula([3, 4], 1.3, 0.4), 3) as tf.Tensor2D,
          targets: tf.tensor2d([
            [1, 0, 0, 0],
            [0, 1, 1, 0],
            [0, 0, 0, 0],
          ]),
          labelSpace: tf.tensor2d([
            [1, 1, 0, 0],
            [1, 1, 1, 1],
            [0, 0, 0, 0],
          ]),
        }).dataSync()[0],
    );
    expect(value).toBeCloseTo(0.942268, 4);
  });

  it('label loss of a batch without labelled images is 0 with a finite gradient', () => {
    const logits = tf.tensor2d([
      [2, -1],
      [0.5, 3],
    ]);
    const none = tf.zeros([2, 2]) as tf.Tensor2D;
    const loss = (x: tf.Tensor) => labelLoss({ logits: x as tf.Tensor2D, targets: none, labelSpace: none });
    expect(loss(logits).dataSync()[0]).toBe(0);
    const grad = tf.grad(loss)(logits);
    expect(Array.from(grad.dataSync()).map(Math.abs)).toEqual([0, 0, 0, 0]);
    tf.dispose([logits, none, grad]);
  });

  it('rejects mismatched inputs with a clear message', () => {
    const a = tf.zeros([2, 3]) as tf.Tensor2D;
    const b = tf.zeros([2, 4]) as tf.Tensor2D;
    expect(() => labelLoss({ logits: a, targets: b, labelSpace: a })).toThrow(/targets \[2,4\]/);
    expect(() => dinoLoss({ studentLogits: [a], teacherProbs: [a] })).toThrow(/no pair of different views/);
    expect(() => koleoLoss(tf.zeros([1, 3]) as tf.Tensor2D)).toThrow(/at least 2 rows/);
    tf.dispose([a, b]);
  });
});
