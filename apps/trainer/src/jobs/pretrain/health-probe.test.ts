import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPretrainState, disposePretrainState } from '@dermino/model';
import { MICRO_PRETRAIN } from '@dermino/model/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import { saveRunCheckpoint } from './checkpoint-folder.js';
import { chooseProbeImages, createHealthProbe } from './health-probe.js';

describe('chooseProbeImages', () => {
  it('takes every image when there are few, in id order', () => {
    expect(chooseProbeImages(['c', 'a', 'b'], 5)).toEqual([1, 2, 0]);
  });

  it('takes evenly spaced images in id order, whatever order they come in', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `id-${i}`);
    expect(chooseProbeImages(ids, 4)).toEqual([0, 2, 5, 7]);
    const shuffled = [...ids].reverse();
    expect(chooseProbeImages(shuffled, 4).map((i) => shuffled[i])).toEqual(['id-0', 'id-2', 'id-5', 'id-7']);
  });
});

describe('createHealthProbe', () => {
  beforeAll(() => useConfiguredBackend());

  it('measures the checkpoint a run resumes from when a crash came before its health point, and leaks no tensor', async () => {
    const runDir = mkdtempSync(path.join(os.tmpdir(), 'dermino-health-'));
    const state = createPretrainState(MICRO_PRETRAIN);
    state.step = 6;
    await saveRunCheckpoint(runDir, state, []);
    disposePretrainState(state);
    expect(existsSync(path.join(runDir, 'health.json'))).toBe(false);
    const before = tf.memory().numTensors;
    const pixels = Float32Array.from({ length: 5 * 16 * 16 * 3 }, (_, i) => (i % 97) / 97);
    const probe = await createHealthProbe({ runDir, imageIds: ['e', 'd', 'c', 'b', 'a'], pixels, size: 16 });
    expect(probe.points().map((point) => point.step)).toEqual([6]);
    expect(probe.points()[0]).toMatchObject({ width: 16, prototypes: 16, probeImages: 5 });
    expect(JSON.parse(readFileSync(path.join(runDir, 'health.json'), 'utf8'))).toEqual(probe.points());
    probe.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
