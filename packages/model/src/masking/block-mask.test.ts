import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { blockMask, sampleMasks } from './block-mask';

describe('block masking', () => {
  it('masks about the target number of patches in rectangles of >= 4 patches, never more', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 50; trial++) {
      const target = 10 + (trial % 30);
      const mask = blockMask(14, target, rng);
      const count = mask.reduce((a, b) => a + b, 0);
      expect(count).toBeLessThanOrEqual(target);
      expect(count).toBeGreaterThanOrEqual(Math.min(4, target));
      // Every masked patch has a masked 4-neighbour (blocks are at least 2 patches wide or tall).
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const r = Math.floor(i / 14),
          c = i % 14;
        const neighbours = [
          [r - 1, c],
          [r + 1, c],
          [r, c - 1],
          [r, c + 1],
        ].filter(([y, x]) => y >= 0 && y < 14 && x >= 0 && x < 14 && mask[y * 14 + x]);
        expect(neighbours.length).toBeGreaterThan(0);
      }
    }
  });

  it('masks half of the images with ratios in [0.1, 0.5], seeded', () => {
    const masks = sampleMasks(20, 8, createRng(1));
    const counts = masks.map((m) => m.reduce((a, b) => a + b, 0));
    expect(counts.filter((c) => c > 0)).toHaveLength(10);
    for (const c of counts.filter((n) => n > 0)) expect(c).toBeLessThanOrEqual(32);
    expect(sampleMasks(20, 8, createRng(1))).toEqual(masks);
    expect(counts.reduce((a, b) => a + b, 0) / 10).toBeGreaterThan(64 * 0.1);
  });
});
