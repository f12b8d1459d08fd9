import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { registerGradients } from '../register-gradients';
import { createVit, disposeModel } from '../vit/create-vit';
import { accuracy, extractFeatures, sampleLabelFraction } from './features';
import { fineTune } from './fine-tune';
import { knnClassify } from './knn';
import { classWeights, predictClasses, trainLinearProbe } from './linear-probe';

describe('evaluation helpers', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('kNN weights the k nearest by exp(cos / T)', () => {
    const train = tf.tensor2d([
      [1, 0],
      [0.9, 0.1],
      [0, 1],
      [-1, 0],
    ]);
    const query = tf.tensor2d([
      [1, 0.05],
      [0.1, 1],
    ]);
    const { predictions, scores } = knnClassify(train, [0, 0, 1, 1], query, {
      k: 3,
      classes: 2,
      temperature: 0.07,
    });
    expect(Array.from(predictions)).toEqual([0, 1]);
    // Query 2's neighbours: [0,1] (class 1) and the two class-0 rows; hand-computed class-1 score:
    const cos = (a: number[], b: number[]) =>
      (a[0] * b[0] + a[1] * b[1]) / (Math.hypot(...a) * Math.hypot(...b));
    expect(scores[3] / Math.exp(cos([0.1, 1], [0, 1]) / 0.07)).toBeCloseTo(1, 5);
    tf.dispose([train, query]);
  });

  it('linear probe with class weights separates a rare class', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 60; i++) {
      const rare = i % 10 === 0;
      rows.push([rare ? 1 + (i % 3) * 0.1 : -1 - (i % 5) * 0.1, Math.sin(i)]);
      labels.push(rare ? 1 : 0);
    }
    // 54 common and 6 rare rows: 60 / (2 * 54) and 60 / (2 * 6).
    Array.from(classWeights(labels, 2)).forEach((w, c) => void expect(w).toBeCloseTo([60 / 108, 5][c], 5));
    const features = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    const probe = trainLinearProbe(features, labels, { classes: 2, epochs: 100, lr: 0.05 });
    expect(accuracy(predictClasses(probe, features), labels)).toBe(1);
    tf.dispose(Object.values(probe.weights));
    expect(tf.memory().numTensors).toBe(before);
    features.dispose();
  });

  it('samples label fractions per class, at least one per class', () => {
    const labels = Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i < 995 ? 1 : 2));
    const ten = sampleLabelFraction(labels, 0.1, 1);
    expect(ten.filter((i) => labels[i] === 0)).toHaveLength(90);
    expect(ten.filter((i) => labels[i] === 2)).toHaveLength(1);
    expect(sampleLabelFraction(labels, 0.01, 1).length).toBe(9 + 1 + 1);
    expect(sampleLabelFraction(labels, 1)).toHaveLength(1000);
    expect(() => sampleLabelFraction(labels, 0)).toThrow(/fraction must be in \(0, 1\]/);
  });

  it('extracts features and fine-tunes the whole model without leaking', () => {
    const model = createVit({ imageSize: 8, patchSize: 4, width: 8, depth: 1, heads: 2 });
    const images = tf.tidy(
      () => tf.concat([tf.fill([6, 8, 8, 3], 0.9), tf.fill([6, 8, 8, 3], 0.1)]) as tf.Tensor4D,
    );
    const labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const before = tf.memory().numTensors;
    const features = extractFeatures(model, images, { batchSize: 5 });
    expect(features.shape).toEqual([12, 8]);
    features.dispose();
    const head = fineTune(model, images, labels, { classes: 2, epochs: 8, batchSize: 4, lr: 0.05 });
    const tuned = extractFeatures(model, images);
    const predictions = predictClasses(head, tuned);
    expect(accuracy(predictions, labels)).toBe(1);
    tf.dispose([tuned, ...Object.values(head.weights)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(images);
    disposeModel(model);
  });

  it('fine-tunes only the last N blocks and the final norm when asked, leaving the rest unchanged', () => {
    const model = createVit({ imageSize: 8, patchSize: 4, width: 8, depth: 3, heads: 2 });
    const images = tf.tidy(
      () => tf.concat([tf.fill([6, 8, 8, 3], 0.9), tf.fill([6, 8, 8, 3], 0.1)]) as tf.Tensor4D,
    );
    const labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const before = Object.fromEntries(
      Object.entries(model.weights).map(([n, v]) => [n, v.dataSync().slice()]),
    );
    const head = fineTune(model, images, labels, {
      classes: 2,
      epochs: 2,
      batchSize: 4,
      lr: 0.05,
      trainableBlocks: 1,
    });
    const changed = Object.keys(before).filter((n) =>
      model.weights[n].dataSync().some((v, i) => v !== before[n][i]),
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((n) => n.startsWith('blocks.2.') || n.startsWith('norm.'))).toBe(true);
    expect(changed).toContain('norm.weight');
    expect(() => fineTune(model, images, labels, { classes: 2, epochs: 1, trainableBlocks: 4 })).toThrow(
      /trainableBlocks must be an integer from 1 to the depth 3, got 4/,
    );
    tf.dispose([images, ...Object.values(head.weights)]);
    disposeModel(model);
  });
});
