import type { PretrainConfigInput } from './pretrain-config';

export type PretrainRecipeName = 'cpu-demo' | 'cpu-night';

export interface PretrainRecipe {
  config: PretrainConfigInput;
  /** Images per step over all data-parallel replicas. */
  batchSize: number;
  description: string;
}

// Colour is diagnostic (dermoscopy, and the synthetic demo): brightness/contrast jitter only, no hue, saturation,
// greyscale or solarisation. Lesions have no orientation: every crop is one of the 8 rotations/flips.
// Measured on HAM10000 8x8 and the demo cohort: packages/model/BENCHMARKS.md, "Pretraining recipe".
const crops = {
  dihedral: true,
  jitter: { probability: 0.8, brightness: 0.2, contrast: 0.2, saturation: 0, hue: 0 },
  greyscaleProbability: 0,
  solarizeProbability: 0,
};

export const PRETRAIN_RECIPES: Readonly<Record<PretrainRecipeName, PretrainRecipe>> = {
  // About 5 minutes on 2 cores: the tiny ViT (32 px, 8 px patches, 17 tokens), 2 local crops of 16 px. A short run
  // needs a high peak lr and a fast teacher: on the demo cohort lr 3e-3 / momentum 0.9 (-> 1) gave RankMe 10 and a
  // probe BAcc of .39 where the defaults (5e-4 / 0.99) gave RankMe 5 and .23 (BENCHMARKS.md).
  'cpu-demo': {
    config: { vit: 'tiny', crops: { ...crops, localCrops: 2 }, schedule: { lr: 3e-3, momentum: 0.9 } },
    batchSize: 64,
    description: 'tiny ViT, 2 local crops, dihedral views, brightness/contrast jitter only',
  },
  // A night on 2 cores: a wider, deeper ViT and 4 local crops, a slower teacher. Not run for 8 hours yet; on a
  // 100-minute budget (2,540 steps, its schedule cut at 54%) its linear probe beat the best HAM10000 pixel baseline
  // in BAcc and AUROC at 10% and 100% of the labels (BENCHMARKS.md, run E).
  'cpu-night': {
    config: {
      vit: { preset: 'tiny', width: 128, depth: 4, heads: 4 },
      crops: { ...crops, localCrops: 4 },
      schedule: { lr: 1e-3, momentum: 0.99 },
    },
    batchSize: 64,
    description: 'ViT 128 wide x 4 deep, 4 local crops, dihedral views, brightness/contrast jitter only',
  },
};
