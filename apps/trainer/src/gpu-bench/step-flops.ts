import { headWeightShapes, mlpHidden, type PretrainConfig, type VitConfig } from '@dermino/model';

/**
 * Multiply-adds of one forward pass of the backbone on one image of `imageSize` px, as FLOPs (2 per multiply-add):
 * every linear layer (qkv, proj, the feed-forward) costs 2 x its weights x tokens, attention 4 x tokens^2 x width
 * (QK^T and AV), the patch embedding 2 x patches x (patch^2 x 3) x width. Norms, softmax, GELU are left out.
 */
export function vitForwardFlops(vit: VitConfig, imageSize: number): number {
  const patches = (imageSize / vit.patchSize) ** 2;
  const tokens = patches + 1 + (vit.registers ?? 0);
  const hidden = mlpHidden(vit);
  const ffnWeights = vit.ffn === 'swiglu' ? 3 * vit.width * hidden : 2 * vit.width * hidden;
  const blockWeights = 4 * vit.width * vit.width + ffnWeights;
  const block = 2 * tokens * blockWeights + 4 * tokens * tokens * vit.width;
  return vit.depth * block + 2 * patches * vit.patchSize * vit.patchSize * 3 * vit.width;
}

/** FLOPs of a projection head (its MLP and prototype layer) on one row. */
export function headFlopsPerRow(config: PretrainConfig['dinoHead'], inDim: number): number {
  let weights = 0;
  for (const [, shape] of headWeightShapes({ ...config, inDim }))
    if (shape.length === 2) weights += shape[0] * shape[1];
  return 2 * weights;
}

export interface StepFlops {
  total: number;
  backbone: number;
  heads: number;
}

/**
 * FLOPs of one pretraining step on `batch` images: the student runs forward and backward (x3) on 2 global and
 * `localCrops` local crops, its DINO head on every crop's CLS and its iBOT head on the masked patches (their
 * expected count); the teacher runs forward only (x1) on the 2 global crops and both heads. The optimizer,
 * augmentation and losses are left out (a few FLOPs per weight), so this slightly undercounts.
 */
export function pretrainStepFlops(config: PretrainConfig, batch: number): StepFlops {
  const { vit, crops, masking } = config;
  const globalRows = 2 * batch;
  const localRows = crops.localCrops * batch;
  const globalForward = vitForwardFlops(vit, crops.globalSize);
  const localForward = vitForwardFlops(vit, crops.localSize);
  const patches = (crops.globalSize / vit.patchSize) ** 2;
  // sampleMasks' defaults when the config leaves them out.
  const [low, high] = masking.ratio ?? [0.1, 0.5];
  const maskedRows = globalRows * patches * (masking.probability ?? 0.5) * ((low + high) / 2);
  const dino = headFlopsPerRow(config.dinoHead, vit.width);
  const ibot = headFlopsPerRow(config.ibotHead, vit.width);
  const backbone = 3 * (globalRows * globalForward + localRows * localForward) + globalRows * globalForward;
  const heads =
    3 * ((globalRows + localRows) * dino + maskedRows * ibot) + globalRows * dino + maskedRows * ibot;
  return { total: backbone + heads, backbone, heads };
}
