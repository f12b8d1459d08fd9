import type { HeadSize, PretrainConfig } from '../src/train/pretrain-config';
import { mlpHidden, type VitConfig } from '../src/vit/config';

/** 2 x multiply-adds of one ViT forward on `rows` images of `size` px (patch embed, qkv, attention, proj, MLP). */
export function vitForwardFlops(vit: VitConfig, rows: number, size: number): number {
  const patches = (size / vit.patchSize) ** 2;
  const tokens = patches + 1;
  const D = vit.width;
  const perBlock =
    2 * tokens * D * 3 * D +
    2 * 2 * tokens * tokens * D +
    2 * tokens * D * D +
    2 * 2 * tokens * D * mlpHidden(vit);
  return rows * (2 * patches * vit.patchSize * vit.patchSize * 3 * D + vit.depth * perBlock);
}

export function headFlops(inDim: number, head: HeadSize, rows: number): number {
  let flops = 0;
  for (let i = 0; i < head.layers; i++) {
    const a = i === 0 ? inDim : head.hidden;
    const b = i === head.layers - 1 ? head.bottleneck : head.hidden;
    flops += 2 * a * b;
  }
  return rows * (flops + 2 * head.bottleneck * head.prototypes);
}

/**
 * FLOPs of one hybrid step: student forward + backward (counted as 3x forward) on 2 global + N local crops and
 * both heads, teacher forward on the global crops; `maskedShare` = expected fraction of masked global patches
 * (half the crops masked at U[0.1, 0.5] -> 0.15). Elementwise ops are not counted.
 */
export function hybridStepFlops(config: PretrainConfig, batch: number, maskedShare = 0.15): number {
  const { vit, crops } = config;
  const globals = 2 * batch;
  const locals = crops.localCrops * batch;
  const maskedRows = Math.round(globals * (vit.imageSize / vit.patchSize) ** 2 * maskedShare);
  const studentForward =
    vitForwardFlops(vit, globals, crops.globalSize) +
    vitForwardFlops(vit, locals, crops.localSize) +
    headFlops(vit.width, config.dinoHead, globals + locals) +
    headFlops(vit.width, config.ibotHead, maskedRows);
  const teacherForward =
    vitForwardFlops(vit, globals, crops.globalSize) +
    headFlops(vit.width, config.dinoHead, globals) +
    headFlops(vit.width, config.ibotHead, maskedRows);
  return 3 * studentForward + teacherForward;
}
