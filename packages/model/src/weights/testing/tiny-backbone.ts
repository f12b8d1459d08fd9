import type { TensorsToWrite } from './write-weights';

/** A minimal valid DINOv2-named backbone: width 8, depth 1, patch 2, 2x2 position grid. */
export function tinyBackbone(): TensorsToWrite {
  const D = 8;
  const t = (name: string, shape: number[]): [string, number[], Float32Array] => [
    name,
    shape,
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i)),
  ];
  return [
    t('patch_embed.proj.weight', [D, 3, 2, 2]),
    t('patch_embed.proj.bias', [D]),
    t('cls_token', [1, 1, D]),
    t('pos_embed', [1, 5, D]),
    t('mask_token', [1, D]),
    t('blocks.0.norm1.weight', [D]),
    t('blocks.0.norm1.bias', [D]),
    t('blocks.0.attn.qkv.weight', [3 * D, D]),
    t('blocks.0.attn.qkv.bias', [3 * D]),
    t('blocks.0.attn.proj.weight', [D, D]),
    t('blocks.0.attn.proj.bias', [D]),
    t('blocks.0.norm2.weight', [D]),
    t('blocks.0.norm2.bias', [D]),
    t('blocks.0.mlp.fc1.weight', [4 * D, D]),
    t('blocks.0.mlp.fc1.bias', [4 * D]),
    t('blocks.0.mlp.fc2.weight', [D, 4 * D]),
    t('blocks.0.mlp.fc2.bias', [D]),
    t('norm.weight', [D]),
    t('norm.bias', [D]),
  ];
}
