import { describe, expect, it } from 'vitest';
import { projectPca } from './project-pca.js';

describe('projectPca', () => {
  it('puts points on a line along x with all the variance there, largest score positive', () => {
    // Points t * (1, 2, 2) / 3 + offset: distances along the line are t - mean(t).
    const ts = [-3, -1, 0, 2, 7];
    const result = projectPca(ts.map((t) => [1 + t / 3, 2 + (2 * t) / 3, -1 + (2 * t) / 3]));
    expect(result.explainedVariance[0]).toBeCloseTo(1, 12);
    expect(result.explainedVariance[1]).toBeCloseTo(0, 12);
    const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
    result.points.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(ts[i] - mean, 10);
      expect(y).toBeCloseTo(0, 10);
    });
  });

  it('gives the same answer through the Gram matrix (fewer points than dimensions)', () => {
    const base = [
      [3, 0, 1],
      [0, 1, 0],
      [-2, 1, 4],
      [1, -3, 0],
    ];
    // Padding with constant columns changes no variance but makes d > n.
    const wide = base.map((row) => [...row, 5, 5, 5, 5, 5]);
    const narrow = projectPca(base);
    const viaGram = projectPca(wide);
    expect(viaGram.explainedVariance[0]).toBeCloseTo(narrow.explainedVariance[0], 10);
    expect(viaGram.explainedVariance[1]).toBeCloseTo(narrow.explainedVariance[1], 10);
    viaGram.points.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(narrow.points[i][0], 8);
      expect(y).toBeCloseTo(narrow.points[i][1], 8);
    });
  });

  it('draws identical points at the origin and no points for no vectors', () => {
    expect(
      projectPca([
        [1, 2],
        [1, 2],
      ]),
    ).toEqual({
      points: [
        [0, 0],
        [0, 0],
      ],
      explainedVariance: [0, 0],
    });
    expect(projectPca([])).toEqual({ points: [], explainedVariance: [0, 0] });
  });
});
