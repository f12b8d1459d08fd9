import type { PretrainConfigInput } from '../src/train/pretrain-config';

/** A very small pretraining config for unit tests: 16 px images, 4x4 patches of 4 px, 8 px local crops. */
export const MICRO_PRETRAIN: PretrainConfigInput = {
  vit: {
    imageSize: 16,
    patchSize: 4,
    width: 16,
    depth: 2,
    heads: 2,
    mlpRatio: 2,
    layerScale: 0.1,
    dropPath: 0.1,
  },
  dinoHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
  ibotHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
  crops: { localSize: 8, localCrops: 2 },
  schedule: { epochs: 2, stepsPerEpoch: 2, warmupEpochs: 1, teacherTemperatureWarmupEpochs: 1 },
};
