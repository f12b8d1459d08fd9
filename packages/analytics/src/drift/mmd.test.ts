import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { domainClassifierAuroc } from './domain-classifier.js';
import { meanShift } from './embedding-drift.js';
import { medianPairwiseDistance, squaredDistanceMatrix } from './kernel-matrix.js';
import { mmdPermutationTest } from './mmd.js';

const gaussian = (rows: number, dims: number, seed: number, shift = 0) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * dims }, () => rng.nextNormal() + shift);
};

/** Textbook unbiased MMD^2 with an RBF kernel, written independently of the implementation. */
function naiveMmd2(x: Float64Array, y: Float64Array, dims: number, sigma: number): number {
  const k = (p: Float64Array, i: number, q: Float64Array, j: number) => {
    let d = 0;
    for (let t = 0; t < dims; t++) d += (p[i * dims + t] - q[j * dims + t]) ** 2;
    return Math.exp(-d / (2 * sigma * sigma));
  };
  const m = x.length / dims;
  const n = y.length / dims;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) xx += k(x, i, x, j);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) yy += k(y, i, y, j);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) xy += k(x, i, y, j);
  return xx / (m * (m - 1)) + yy / (n * (n - 1)) - (2 * xy) / (m * n);
}

describe('kernel matrix', () => {
  it('squared distances equal the direct sum of squares (odd size, several tiles)', () => {
    const dims = 5;
    const points = gaussian(131, dims, 1);
    const squared = squaredDistanceMatrix(points, dims);
    for (const [i, j] of [
      [0, 130],
      [64, 65],
      [129, 130],
      [130, 0],
      [7, 7],
      [63, 64],
    ]) {
      let d = 0;
      for (let t = 0; t < dims; t++) d += (points[i * dims + t] - points[j * dims + t]) ** 2;
      expect(squared[i * 131 + j]).toBeCloseTo(d, 4);
    }
  });

  it('median heuristic is the median pairwise distance', () => {
    // points 0, 1, 3 on a line: distances 1, 2, 3 -> median 2
    const squared = squaredDistanceMatrix(Float64Array.from([0, 1, 3]), 1);
    expect(medianPairwiseDistance(squared, 3, createRng(0))).toBeCloseTo(2, 6);
  });
});

describe('MMD permutation test', () => {
  it('MMD^2 equals the textbook unbiased estimator, unequal sizes', () => {
    const x = gaussian(12, 3, 2);
    const y = gaussian(9, 3, 3, 0.5);
    const result = mmdPermutationTest(x, y, 3, { permutations: 10, bandwidth: 1.7 });
    expect(result.mmd2).toBeCloseTo(naiveMmd2(x, y, 3, 1.7), 5);
  });

  it('is about 0 with roughly uniform p-values for two samples of one distribution', () => {
    const pValues: number[] = [];
    for (let s = 0; s < 30; s++) {
      const result = mmdPermutationTest(gaussian(25, 4, 100 + s), gaussian(25, 4, 200 + s), 4, {
        permutations: 99,
        seed: s,
      });
      expect(Math.abs(result.mmd2)).toBeLessThan(0.1);
      pValues.push(result.pValue);
    }
    const meanP = pValues.reduce((a, b) => a + b, 0) / pValues.length;
    expect(meanP).toBeGreaterThan(0.3);
    expect(meanP).toBeLessThan(0.7);
    expect(pValues.filter((p) => p < 0.05).length).toBeLessThanOrEqual(5);
  });

  it('detects a mean shift with a small p-value', () => {
    const result = mmdPermutationTest(gaussian(40, 8, 1), gaussian(40, 8, 2, 0.8), 8, { permutations: 199 });
    expect(result.mmd2).toBeGreaterThan(0.05);
    expect(result.pValue).toBe(1 / 200);
  });
});

describe('domain classifier and mean shift', () => {
  it('cannot tell one distribution from itself (AUROC near 0.5) but separates a shift', () => {
    const same = domainClassifierAuroc(gaussian(150, 6, 5), gaussian(150, 6, 6), 6, { epochs: 60 });
    expect(Math.abs(same.auroc - 0.5)).toBeLessThan(0.1);
    const shifted = domainClassifierAuroc(gaussian(150, 6, 5), gaussian(150, 6, 6, 1), 6, { epochs: 60 });
    expect(shifted.auroc).toBeGreaterThan(0.9);
    expect(shifted.foldAurocs).toHaveLength(5);
  });

  it('mean shift is the distance between the window means (hand-worked)', () => {
    const shift = meanShift(Float64Array.from([0, 0, 2, 0]), Float64Array.from([3, 4, 3, 4]), 2);
    // means (1, 0) and (3, 4): distance sqrt(4 + 16); reference spread: rms distance to mean = 1
    expect(shift.euclidean).toBeCloseTo(Math.sqrt(20), 12);
    expect(shift.relative).toBeCloseTo(Math.sqrt(20), 12);
    expect(shift.cosine).toBeCloseTo(1 - 3 / 5, 12);
  });
});
