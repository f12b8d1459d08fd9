import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import {
  histogramCounts,
  kolmogorovSmirnov,
  normalisedWasserstein,
  numericDrift,
  numericPsi,
  quantileBinEdges,
  wassersteinDistance,
} from './numeric.js';

// Two small samples; reference values from scipy 1.17.
const a = [
  0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09,
  -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47,
];
const b = [
  2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.12, 1.0, -0.34, 0.4, 0.61, 0.37, 0.29, 2.09,
  0.48, 0.74, 1.59, -0.4, 0.34, 2.04,
];

describe('Kolmogorov-Smirnov', () => {
  it('statistic equals scipy.stats.ks_2samp; p-value within 0.01 of its asymptotic p (0.2773)', () => {
    const result = kolmogorovSmirnov(a, b);
    expect(result.statistic).toBeCloseTo(0.2733333333333333, 12);
    expect(Math.abs(result.pValue - 0.2773021104101685)).toBeLessThan(0.01);
  });

  it('refuses an empty window', () => {
    expect(() => kolmogorovSmirnov([], [1])).toThrow(/no finite values/);
    expect(() => wassersteinDistance([1], [Number.NaN])).toThrow(/no finite values/);
  });

  it('is 0 with p = 1 for identical samples and 1 for disjoint ones', () => {
    expect(kolmogorovSmirnov(a, a)).toEqual({ statistic: 0, pValue: 1 });
    expect(kolmogorovSmirnov([1, 2, 3], [4, 5, 6]).statistic).toBe(1);
  });
});

describe('Wasserstein', () => {
  it('matches the scipy.stats.wasserstein_distance documentation example (5.0) and scipy on a, b', () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 12);
    expect(wassersteinDistance(a, b)).toBeCloseTo(0.6026499999999999, 12);
  });

  it('normalises by the reference standard deviation (ddof 1: 1.11154...)', () => {
    expect(normalisedWasserstein(a, b)).toBeCloseTo(0.6026499999999999 / 1.1115412722881683, 10);
    // a shift by c moves every quantile by c
    expect(
      wassersteinDistance(
        a,
        a.map((v) => v + 0.3),
      ),
    ).toBeCloseTo(0.3, 12);
  });
});

describe('numeric PSI', () => {
  it('bins at reference deciles so the reference fills each bin equally', () => {
    const reference = Array.from({ length: 100 }, (_, i) => i);
    const edges = quantileBinEdges(reference, 10);
    expect(edges).toHaveLength(9);
    expect(histogramCounts(reference, edges)).toEqual(new Array(10).fill(10));
    expect(numericPsi(reference, reference)).toBeCloseTo(0, 12);
  });

  it('grows with the size of a shift', () => {
    const rng = createRng(3);
    const reference = Array.from({ length: 2000 }, () => rng.nextNormal());
    const small = numericDrift(
      reference,
      reference.map((v) => v + 0.1),
    );
    const large = numericDrift(
      reference,
      reference.map((v) => v + 1),
    );
    expect(small.psi).toBeLessThan(0.1);
    expect(large.psi).toBeGreaterThan(0.25);
    expect(large.ks.pValue).toBeLessThan(1e-6);
    expect(large.normalisedWasserstein).toBeCloseTo(1, 1);
  });
});
