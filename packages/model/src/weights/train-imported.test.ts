import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { accuracy, extractFeatures } from '../eval/features';
import { fineTune } from '../eval/fine-tune';
import { predictClasses } from '../eval/linear-probe';
import { createPretrainState, disposePretrainState } from '../train/pretrain-state';
import { trainStep } from '../train/train-step';
import { createVit, disposeModel } from '../vit/create-vit';
import { setVitWeights } from '../vit/weights';
import { readWeightsFile } from './read-weights-file';
import { WEIGHT_FIXTURES } from './testing/weight-fixtures';

// Registers + SwiGLU + LayerScale, patch 14: the parts an imported DINOv2 backbone adds to the ViT.
const imported = () =>
  readWeightsFile(join(WEIGHT_FIXTURES, 'dinov2-teacher-registers-swiglu.pth'), { heads: 4, imageSize: 28 });
const read = (v: tf.Tensor) => Array.from(v.dataSync());

describe('an imported backbone trains', () => {
  beforeAll(() => useTestBackend('wasm'));

  it('continued pretraining: two steps move registers and SwiGLU weights, losses finite, nothing leaks', () => {
    const { config, weights } = imported();
    const state = createPretrainState({
      vit: config,
      dinoHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
      ibotHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
      crops: { localSize: 14, localCrops: 2 },
      schedule: { epochs: 2, stepsPerEpoch: 2, warmupEpochs: 1, teacherTemperatureWarmupEpochs: 1 },
    });
    setVitWeights(state.student.backbone, weights);
    setVitWeights(state.teacher.backbone, weights);
    const images = tf.randomUniform([4, 28, 28, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const student = state.student.backbone.weights;
    const before = ['register_tokens', 'blocks.1.mlp.w12.weight', 'blocks.0.ls1'].map((name) =>
      read(student[name]),
    );
    const tensors = tf.memory().numTensors;
    const logs = [trainStep(state, { images }), trainStep(state, { images })];
    expect(tf.memory().numTensors).toBe(tensors);
    for (const log of logs)
      for (const value of Object.values(log.losses)) expect(Number.isFinite(value)).toBe(true);
    const after = ['register_tokens', 'blocks.1.mlp.w12.weight', 'blocks.0.ls1'].map((name) =>
      read(student[name]),
    );
    for (const [i, values] of after.entries()) expect(values).not.toEqual(before[i]);
    images.dispose();
    disposePretrainState(state);
  });

  it('fine-tuning the last block learns a separable task and leaves the frozen blocks alone', () => {
    const { config, weights } = imported();
    const model = createVit(config);
    setVitWeights(model, weights);
    // Class 1 images are brighter: a task a working backbone + head separates in a few epochs.
    const images = tf.tidy(() => {
      const base = tf.randomUniform([16, 28, 28, 3], 0, 0.5, 'float32', 7);
      const shift = tf.reshape(
        tf.tensor1d(Array.from({ length: 16 }, (_, i) => (i % 2) * 0.5)),
        [16, 1, 1, 1],
      );
      return tf.add(base, shift) as tf.Tensor4D;
    });
    const labels = Array.from({ length: 16 }, (_, i) => i % 2);
    const frozen = read(model.weights['blocks.0.mlp.w12.weight']);
    const lastBefore = read(model.weights['blocks.1.mlp.w12.weight']);
    const tensors = tf.memory().numTensors;
    const head = fineTune(model, images, labels, {
      classes: 2,
      epochs: 8,
      batchSize: 8,
      lr: 3e-3,
      trainableBlocks: 1,
    });
    expect(read(model.weights['blocks.0.mlp.w12.weight'])).toEqual(frozen);
    expect(read(model.weights['blocks.1.mlp.w12.weight'])).not.toEqual(lastBefore);
    const features = extractFeatures(model, images);
    expect(accuracy(predictClasses(head, features), labels)).toBe(1);
    tf.dispose([features, ...Object.values(head.weights)]);
    expect(tf.memory().numTensors).toBe(tensors);
    images.dispose();
    disposeModel(model);
  });
});
