import type { PretrainConfigInput } from '../train/pretrain-config';

/**
 * The smallest pretraining config that still has every part (multi-crop, both heads, two blocks), for tests of
 * this package and of the apps: 16 px images, 4x4 patches of 4 px, width 16, 8 px local crops. Its CLS embeddings
 * are collapsed at initialisation (LayerScale 0.1 at width 16): tests that need a healthy backbone set
 * `layerScale: 1`.
 */
export const MICRO_PRETRAIN = {
  vit: {
    imageSize: 16,
    patchSize: 4,
    width: 16,
    depth: 2,
    heads: 2,
    mlpRatio: 2,
    layerScale: 0.1,
    dropPath: 0,
  },
  dinoHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
  ibotHead: { hidden: 32, bottleneck: 8, prototypes: 16, layers: 3 },
  crops: { localSize: 8, localCrops: 2 },
} satisfies PretrainConfigInput;
