import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { confirmWithEmbedding, findRatioNearDuplicates } from './near-duplicates.js';

function points(n: number, dims: number, copies: number, seed: number, scale = 1) {
  const rng = createRng(seed);
  const rows = new Float64Array((n + copies) * dims);
  for (let i = 0; i < n * dims; i++) rows[i] = rng.nextNormal() * scale;
  for (let c = 0; c < copies; c++)
    for (let d = 0; d < dims; d++)
      rows[(n + c) * dims + d] = rows[c * 7 * dims + d] + rng.nextNormal() * 0.02 * scale;
  return rows;
}

describe('near-duplicates by the ratio test', () => {
  it('finds the planted copies and nothing else, at any scale', () => {
    for (const scale of [1, 1e-6, 1e4]) {
      const pairs = findRatioNearDuplicates(points(300, 16, 10, 1, scale), 16);
      expect(pairs.map((p) => [p.a, p.b])).toEqual(
        expect.arrayContaining(Array.from({ length: 10 }, (_, c) => [c * 7, 300 + c])),
      );
      expect(pairs).toHaveLength(10);
    }
  });

  it('flags nothing in features with no near-copies', () => {
    expect(findRatioNearDuplicates(points(300, 16, 0, 2), 16)).toEqual([]);
  });

  it('confirms pairs with a healthy embedding and warns about a collapsed one instead of flagging', () => {
    const pixels = points(200, 16, 5, 3);
    const pairs = findRatioNearDuplicates(pixels, 16);
    const healthy = confirmWithEmbedding(pairs, pixels, 16);
    expect(healthy).toMatchObject({ healthy: true, warning: null });
    expect(healthy.confirmed.every(Boolean)).toBe(true);
    const rng = createRng(4);
    const collapsed = Float64Array.from({ length: 205 * 8 }, () => 1 + rng.nextNormal() * 1e-7);
    const verdict = confirmWithEmbedding(pairs, collapsed, 8);
    expect(verdict.healthy).toBe(false);
    expect(verdict.warning).toMatch(/spread is too small/);
    const noise = Float64Array.from({ length: 205 * 8 }, () => rng.nextNormal());
    expect(confirmWithEmbedding(pairs, noise, 8).warning).toMatch(/confirms only/);
  });
});
