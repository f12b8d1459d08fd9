import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { MICRO_PRETRAIN } from '../../test/micro-config';
import { deriveConceptEmbeddings } from '../concepts/concept-embeddings';
import { resolvePretrainConfig } from './pretrain-config';
import { createPretrainState, disposePretrainState } from './pretrain-state';
import { scheduleAt } from './schedules';
import { trainStep, trainStepAsync } from './train-step';

const embeddings = deriveConceptEmbeddings(
  [{ code: 'benign' }, { code: 'nv', parent: 'benign' }, { code: 'mel' }],
  16,
);

function batch(labelled: boolean) {
  const images = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
  const targets = tf.tensor2d([
    [1, 1, 0],
    [0, 0, 1],
    [0, 0, 0],
    [1, 0, 0],
  ]);
  const labelSpace = labelled
    ? tf.tensor2d([
        [1, 1, 1],
        [1, 1, 1],
        [0, 0, 0],
        [1, 1, 0],
      ])
    : (tf.zeros([4, 3]) as tf.Tensor2D);
  return { images, labels: { targets, labelSpace } };
}

const read = (v: tf.Tensor) => Array.from(v.dataSync());

describe('trainStep', () => {
  beforeAll(() => useTestBackend());

  it('updates student, teacher (EMA) and centres, keeps prototypes frozen in epoch 1, and leaks nothing', () => {
    const state = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    const input = batch(true);
    const studentBefore = read(state.student.backbone.weights['blocks.0.attn.qkv.weight']);
    const teacherBefore = read(state.teacher.backbone.weights['blocks.0.attn.qkv.weight']);
    expect(teacherBefore).toEqual(studentBefore);
    const prototypesBefore = read(state.student.dinoHead.weights['last_layer.weight_v']);
    const before = tf.memory().numTensors;
    const log1 = trainStep(state, input);
    trainStep(state, input);
    expect(tf.memory().numTensors).toBe(before);
    // Step 0 has lr 0 (warm-up), step 1 moves the student.
    const studentAfter = read(state.student.backbone.weights['blocks.0.attn.qkv.weight']);
    const teacherAfter = read(state.teacher.backbone.weights['blocks.0.attn.qkv.weight']);
    expect(studentAfter).not.toEqual(studentBefore);
    // The teacher moved towards the student by (1 - momentum) only.
    const i = studentAfter.findIndex((v, k) => Math.abs(v - studentBefore[k]) > 1e-6);
    const m = scheduleAt(state.config.schedule, 1).momentum;
    expect(teacherAfter[i]).toBeCloseTo(m * teacherBefore[i] + (1 - m) * studentAfter[i], 5);
    expect(read(state.student.dinoHead.weights['last_layer.weight_v'])).toEqual(prototypesBefore);
    expect(read(state.centres.dino).some((v) => v !== 0)).toBe(true);
    expect(log1.losses.label).toBeGreaterThan(0);
    for (const value of Object.values(log1.losses)) expect(Number.isFinite(value)).toBe(true);
    expect(log1.losses.total).toBeCloseTo(
      log1.losses.dino + log1.losses.ibot + 0.1 * log1.losses.koleo + log1.losses.label,
      4,
    );
    // Epoch 2: the prototype layer trains.
    trainStep(state, input);
    expect(read(state.student.dinoHead.weights['last_layer.weight_v'])).not.toEqual(prototypesBefore);
    expect(state.step).toBe(3);
    tf.dispose([input.images, input.labels.targets, input.labels.labelSpace]);
    disposePretrainState(state);
  });

  it('a batch without labelled images gives label loss 0, Sinkhorn centring works', () => {
    const state = createPretrainState(
      { ...MICRO_PRETRAIN, centring: 'sinkhorn' },
      { conceptEmbeddings: embeddings },
    );
    const input = batch(false);
    const log = trainStep(state, input);
    expect(log.losses.label).toBe(0);
    expect(Number.isFinite(log.losses.total)).toBe(true);
    tf.dispose([input.images, input.labels.targets, input.labels.labelSpace]);
    disposePretrainState(state);
  });

  it('schedules: cosine lr with warm-up, teacher temperature warm-up, momentum to 1', () => {
    const config = resolvePretrainConfig({
      schedule: {
        epochs: 10,
        stepsPerEpoch: 10,
        warmupEpochs: 2,
        teacherTemperatureWarmupEpochs: 5,
        lr: 1e-3,
        minLr: 1e-5,
      },
    }).schedule;
    expect(scheduleAt(config, 0).lr).toBe(0);
    expect(scheduleAt(config, 10).lr).toBeCloseTo(5e-4, 10);
    expect(scheduleAt(config, 20).lr).toBeCloseTo(1e-3, 10);
    expect(scheduleAt(config, 60).lr).toBeCloseTo(
      1e-5 + 0.5 * (1e-3 - 1e-5) * (1 + Math.cos(Math.PI * 0.5)),
      10,
    );
    expect(scheduleAt(config, 0).teacherTemperature).toBeCloseTo(0.04, 10);
    expect(scheduleAt(config, 25).teacherTemperature).toBeCloseTo(0.055, 10);
    expect(scheduleAt(config, 80).teacherTemperature).toBe(0.07);
    expect(scheduleAt(config, 0).momentum).toBeCloseTo(0.992, 10);
    expect(scheduleAt(config, 100).momentum).toBeCloseTo(1, 10);
    expect(scheduleAt(config, 100).weightDecay).toBeCloseTo(0.4, 10);
  });

  it('rejects a bad config naming the field', () => {
    expect(() => resolvePretrainConfig({ crops: { localSize: 10 } })).toThrow(
      /crops.localSize must be a positive multiple of patchSize 8/,
    );
    expect(() => resolvePretrainConfig({ centring: 'none' as never })).toThrow(/centring must be/);
  });

  it('trainStepAsync (read back asynchronously, for webgpu) takes exactly the steps of trainStep, and leaks nothing', async () => {
    const sync = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    const async = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    const input = batch(true);
    const before = tf.memory().numTensors;
    for (let step = 0; step < 3; step++)
      expect(await trainStepAsync(async, input)).toEqual(trainStep(sync, input));
    expect(tf.memory().numTensors).toBe(before);
    for (const name of ['blocks.0.attn.qkv.weight', 'blocks.1.mlp.fc2.weight'])
      expect(read(async.student.backbone.weights[name])).toEqual(read(sync.student.backbone.weights[name]));
    expect(read(async.centres.dino)).toEqual(read(sync.centres.dino));
    tf.dispose([input.images, input.labels.targets, input.labels.labelSpace]);
    disposePretrainState(sync);
    disposePretrainState(async);
  });
});
