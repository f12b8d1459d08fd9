import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { MICRO_PRETRAIN } from '../../test/micro-config';
import { resolvePretrainConfig } from './pretrain-config';
import { createPretrainState, disposePretrainState, studentParameters } from './pretrain-state';
import { trainStep } from './train-step';

describe('pretrain config checkpointActivations', () => {
  beforeAll(() => useTestBackend());

  it('is on by default for vit-s16 and vit-b16, off for tiny, and validated', () => {
    expect(resolvePretrainConfig({ vit: 'vit-s16' }).checkpointActivations).toBe(true);
    expect(resolvePretrainConfig({ vit: 'vit-b16' }).checkpointActivations).toBe(true);
    expect(resolvePretrainConfig({ vit: 'tiny' }).checkpointActivations).toBe(false);
    expect(resolvePretrainConfig({ vit: 'tiny', checkpointActivations: true }).checkpointActivations).toBe(
      true,
    );
    expect(() => resolvePretrainConfig({ checkpointActivations: 'yes' as never })).toThrow(
      /checkpointActivations must be true or false, got "yes"/,
    );
  });

  it('three training steps give the same losses and weights with and without it', () => {
    const images = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const run = (checkpointActivations: boolean) => {
      const state = createPretrainState({ ...MICRO_PRETRAIN, checkpointActivations });
      const losses = [0, 1, 2].map(() => trainStep(state, { images }).losses);
      const weights = Object.fromEntries(
        Object.entries(studentParameters(state)).map(([name, v]) => [name, Array.from(v.dataSync())]),
      );
      disposePretrainState(state);
      return { losses, weights };
    };
    const plain = run(false);
    const before = tf.memory().numTensors;
    const checkpointed = run(true);
    expect(tf.memory().numTensors).toBe(before);
    for (const [step, losses] of plain.losses.entries())
      for (const [name, value] of Object.entries(losses))
        expect(checkpointed.losses[step][name as keyof typeof losses], `step ${step} ${name}`).toBeCloseTo(
          value,
          5,
        );
    let worst = 0;
    for (const [name, values] of Object.entries(plain.weights))
      for (const [i, value] of values.entries())
        worst = Math.max(worst, Math.abs(value - checkpointed.weights[name][i]));
    // Measured 0: the same kernels in the same order; AdamW then moves both alike.
    expect(worst).toBeLessThan(1e-6);
    images.dispose();
  });
});
