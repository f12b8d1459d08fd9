import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { MICRO_PRETRAIN } from '../../test/micro-config';
import { deriveConceptEmbeddings } from '../concepts/concept-embeddings';
import { readNamedMoments } from '../train/flat-adamw';
import { createPretrainState, disposePretrainState, studentParameters } from '../train/pretrain-state';
import { trainStep } from '../train/train-step';
import {
  loadCheckpoint,
  readCheckpointManifest,
  removeCheckpoint,
  resumePretraining,
  saveCheckpoint,
} from './checkpoint';

const embeddings = deriveConceptEmbeddings([{ code: 'nv' }, { code: 'mel' }], 16);

describe('checkpoints', () => {
  beforeAll(() => useTestBackend());

  it('resume continues exactly where an uninterrupted run would be', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'dermino-ckpt-')), 'step2');
    const images = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
    const labels = {
      targets: tf.tensor2d([
        [1, 0],
        [0, 1],
        [1, 0],
        [0, 0],
      ]),
      labelSpace: tf.tensor2d([
        [1, 1],
        [1, 1],
        [1, 1],
        [0, 0],
      ]),
    };
    const straight = createPretrainState(MICRO_PRETRAIN, { conceptEmbeddings: embeddings });
    trainStep(straight, { images, labels });
    trainStep(straight, { images, labels });
    await saveCheckpoint(dir, straight);
    const savedMoments = await readNamedMoments(straight.optimizer);
    const expected = trainStep(straight, { images, labels });
    const resumed = await resumePretraining(dir);
    expect(resumed.step).toBe(2);
    // On disk the moments stay one tensor per parameter (adamw.m.<name>, its shape), whatever the memory layout.
    const manifest = await readCheckpointManifest(dir);
    const fc2 = 'backbone.blocks.1.mlp.fc2.weight';
    expect(manifest.tensors.find((t) => t.name === `adamw.v.${fc2}`)?.shape).toEqual(
      resumed.student.backbone.weights['blocks.1.mlp.fc2.weight'].shape,
    );
    expect(manifest.tensors.filter((t) => t.name.startsWith('adamw.m.')).length).toBe(
      Object.keys(studentParameters(resumed)).length,
    );
    const resumedMoments = await readNamedMoments(resumed.optimizer);
    expect(Array.from(resumedMoments.v[fc2])).toEqual(Array.from(savedMoments.v[fc2]));
    expect(resumedMoments.m).toEqual(savedMoments.m);
    expect(Array.from(savedMoments.v[fc2]).some((v) => v !== 0)).toBe(true);
    const again = trainStep(resumed, { images, labels });
    expect(again.lr).toBe(expected.lr);
    expect(again.teacherTemperature).toBe(expected.teacherTemperature);
    expect(again.losses.total).toBeCloseTo(expected.losses.total, 5);
    const a = straight.student.backbone.weights['blocks.1.mlp.fc2.weight'].dataSync();
    const b = resumed.student.backbone.weights['blocks.1.mlp.fc2.weight'].dataSync();
    expect(Math.max(...Array.from(a).map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-6);
    disposePretrainState(straight);
    disposePretrainState(resumed);
    tf.dispose([images, labels.targets, labels.labelSpace]);
    await removeCheckpoint(dir);
  });

  it('loading a checkpoint of another config fails naming the differences', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'dermino-ckpt-')), 'a');
    const small = createPretrainState(MICRO_PRETRAIN);
    await saveCheckpoint(dir, small);
    const wider = createPretrainState({
      ...MICRO_PRETRAIN,
      vit: { ...(MICRO_PRETRAIN.vit as object), width: 32 },
    });
    await expect(loadCheckpoint(dir, wider)).rejects.toThrow(
      /another config:\n {2}vit.width: checkpoint 16 vs model 32/,
    );
    await expect(loadCheckpoint(join(dir, 'nope'), small)).rejects.toThrow(/no manifest.json/);
    // Activation checkpointing changes how a step is computed, not what: a run resumes with it switched on.
    const checkpointed = createPretrainState({ ...MICRO_PRETRAIN, checkpointActivations: true });
    await loadCheckpoint(dir, checkpointed);
    disposePretrainState(checkpointed);
    disposePretrainState(small);
    disposePretrainState(wider);
    await removeCheckpoint(dir);
  });
});
