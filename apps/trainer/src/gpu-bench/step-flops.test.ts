import { resolvePretrainConfig, resolveVitConfig } from '@dermino/model';
import { describe, expect, it } from 'vitest';
import { headFlopsPerRow, pretrainStepFlops, vitForwardFlops } from './step-flops.js';

describe('step FLOPs', () => {
  it("counts a ViT's forward pass as timm's published multiply-adds x 2", () => {
    // timm's model cards: vit_small_patch16_224 4.6 GMACs, vit_base_patch16_224 17.6 GMACs.
    expect(vitForwardFlops(resolveVitConfig('vit-s16'), 224) / 2e9).toBeCloseTo(4.6, 1);
    expect(vitForwardFlops(resolveVitConfig('vit-b16'), 224) / 2e9).toBeCloseTo(17.6, 1);
  });

  it('counts a head by its weight matrices, biases left out', () => {
    const head = { hidden: 4, bottleneck: 2, prototypes: 10, layers: 3 };
    expect(headFlopsPerRow(head, 3)).toBe(2 * (3 * 4 + 4 * 4 + 4 * 2 + 2 * 10));
  });

  it('counts the student x3 (forward, backward) and the teacher x1 on the global crops', () => {
    const config = resolvePretrainConfig({ vit: 'vit-s16' });
    const vit = config.vit;
    const step = pretrainStepFlops(config, 8);
    const expected =
      3 * (16 * vitForwardFlops(vit, 224) + 32 * vitForwardFlops(vit, 96)) + 16 * vitForwardFlops(vit, 224);
    expect(step.backbone).toBe(expected);
    expect(step.total).toBeGreaterThan(step.backbone);
    expect(pretrainStepFlops(config, 16).total).toBeCloseTo(2 * step.total, 0);
  });
});
