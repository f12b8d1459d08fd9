import type { PretrainConfigInput } from '../src/train/pretrain-config';
import { MICRO_PRETRAIN as BASE } from '../src/testing/micro-config';

/** The micro config with drop-path on and a 4-step schedule, for this package's unit tests. */
export const MICRO_PRETRAIN: PretrainConfigInput = {
  ...BASE,
  vit: { ...BASE.vit, dropPath: 0.1 },
  schedule: { epochs: 2, stepsPerEpoch: 2, warmupEpochs: 1, teacherTemperatureWarmupEpochs: 1 },
};
