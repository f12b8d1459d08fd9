import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../../test/backend';
import { MICRO_PRETRAIN } from '../../../test/micro-config';
import { deriveConceptEmbeddings } from '../../concepts/concept-embeddings';
import { registerGradients } from '../../register-gradients';
import { createPretrainState, disposePretrainState } from '../pretrain-state';
import { trainStep } from '../train-step';
import { createParallelTrainer } from './parallel-trainer';
import { snapshotReplica } from './replica-state';

const wasm = { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' };
const images = () => tf.randomUniform([8, 16, 16, 3], 0, 1, 'float32', 5) as tf.Tensor4D;

describe('parallel pretraining', () => {
  beforeAll(async () => {
    await useTestBackend();
    registerGradients();
  });

  it('with one replica takes exactly the steps of trainStep, and leaks nothing', async () => {
    const reference = createPretrainState(MICRO_PRETRAIN);
    const state = createPretrainState(MICRO_PRETRAIN);
    const batch = { images: images() };
    const trainer = await createParallelTrainer(state, { replicas: 1, backend: wasm });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const expected = trainStep(reference, batch);
      const log = await trainer.step(batch);
      expect(log.losses.total).toBeCloseTo(expected.losses.total, 6);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(snapshotReplica(state).values).toEqual(snapshotReplica(reference).values);
    await trainer.close();
    tf.dispose(batch.images);
    disposePretrainState(reference);
    disposePretrainState(state);
  });

  it('with two replicas (a worker thread) keeps both replicas identical, labels included', async () => {
    const embeddings = deriveConceptEmbeddings([{ code: 'nv' }, { code: 'mel' }], 16);
    const state = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    const trainer = await createParallelTrainer(state, {
      replicas: 2,
      backend: wasm,
      conceptEmbeddings: embeddings,
    });
    const targets = tf.tensor2d([1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0], [8, 2]);
    const labelSpace = tf.tensor2d([1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1], [8, 2]);
    const batch = { images: images(), labels: { targets, labelSpace } };
    const start = snapshotReplica(state).values['student.backbone.blocks.0.attn.qkv.weight'];
    const logs = [];
    for (let i = 0; i < 3; i++) logs.push(await trainer.step(batch));
    expect(logs.map((l) => l.step)).toEqual([1, 2, 3]);
    expect(logs.every((l) => Number.isFinite(l.losses.total) && l.losses.label > 0)).toBe(true);
    const [worker] = await trainer.workerSnapshots();
    const own = snapshotReplica(state);
    expect(worker.step).toBe(3);
    expect(worker.values).toEqual(own.values);
    expect(own.values['student.backbone.blocks.0.attn.qkv.weight']).not.toEqual(start);
    await trainer.close();
    tf.dispose([batch.images, targets, labelSpace]);
    disposePretrainState(state);
  });

  it('refuses a batch too small to shard, and a label head without its embeddings', async () => {
    const embeddings = deriveConceptEmbeddings([{ code: 'nv' }], 16);
    const labelled = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    await expect(createParallelTrainer(labelled, { replicas: 2, backend: wasm })).rejects.toThrow(
      /conceptEmbeddings/,
    );
    disposePretrainState(labelled);
    const state = createPretrainState(MICRO_PRETRAIN);
    const trainer = await createParallelTrainer(state, { replicas: 2, backend: wasm });
    const small = tf.randomUniform([3, 16, 16, 3]) as tf.Tensor4D;
    await expect(trainer.step({ images: small })).rejects.toThrow(/batch of 3 cannot give 2 replicas/);
    await trainer.close();
    small.dispose();
    disposePretrainState(state);
  });
});
