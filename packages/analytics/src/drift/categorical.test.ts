import { describe, expect, it } from 'vitest';
import {
  categoricalDrift,
  chiSquareHomogeneity,
  jensenShannonDistance,
  populationStabilityIndex,
} from './categorical.js';
import { chiSquareSurvival, kolmogorovSurvival } from './special-functions.js';

describe('Jensen-Shannon distance', () => {
  it('matches scipy.spatial.distance.jensenshannon documentation examples', () => {
    expect(jensenShannonDistance([1, 0, 0], [0, 1, 0], 2)).toBeCloseTo(1, 12);
    expect(jensenShannonDistance([1, 0], [0.5, 0.5])).toBeCloseTo(0.464501404022459, 12);
    expect(jensenShannonDistance([1, 0, 0], [1, 0, 0])).toBe(0);
  });

  it('matches scipy 1.17 on a non-trivial pair, natural log and base 2', () => {
    expect(jensenShannonDistance([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(0.25770974832606103, 12);
    expect(jensenShannonDistance([5, 3, 2], [2, 3, 5], 2)).toBeCloseTo(0.3095409536771482, 12);
  });
});

describe('population stability index', () => {
  it('matches hand-worked values', () => {
    // (0.25 - 0.5) ln(0.5) + (0.75 - 0.5) ln(1.5) = 0.274653...
    expect(populationStabilityIndex([1, 1], [1, 3])).toBeCloseTo(0.2746530721670274, 12);
    // numpy: r = [.1 .2 .3 .4], c = [.25] * 4 -> 0.228217...
    expect(populationStabilityIndex([10, 20, 30, 40], [25, 25, 25, 25])).toBeCloseTo(0.22821740957339184, 12);
  });

  it('is symmetric, zero for identical shares, and finite with an empty bin', () => {
    expect(populationStabilityIndex([3, 5, 2], [1, 6, 3])).toBeCloseTo(
      populationStabilityIndex([1, 6, 3], [3, 5, 2]),
      12,
    );
    expect(populationStabilityIndex([2, 4], [20, 40])).toBeCloseTo(0, 12);
    expect(Number.isFinite(populationStabilityIndex([5, 0], [4, 1]))).toBe(true);
  });
});

describe('chi-square', () => {
  it('test of homogeneity matches scipy.stats.chi2_contingency(correction=False)', () => {
    const result = chiSquareHomogeneity([30, 50, 20], [20, 45, 35]);
    expect(result.statistic).toBeCloseTo(6.354066985645932, 10);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(0.04170920242693336, 10);
  });

  it('survival function matches scipy.stats.chi2.sf', () => {
    expect(chiSquareSurvival(3.5, 1)).toBeCloseTo(0.0613688291394023, 10);
    expect(chiSquareSurvival(12, 5)).toBeCloseTo(0.03478778050624185, 10);
    expect(chiSquareSurvival(100, 50) / 3.454931382984871e-5).toBeCloseTo(1, 6);
  });

  it('Kolmogorov tail matches scipy.stats.kstwobign.sf', () => {
    expect(kolmogorovSurvival(1)).toBeCloseTo(0.26999967167735456, 10);
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436648751, 10);
  });
});

describe('categoricalDrift', () => {
  it('refuses an empty window', () => {
    expect(() => categoricalDrift([], ['a'])).toThrow(/drift window is empty/);
  });

  it('unions categories from both windows and reports all three statistics', () => {
    const drift = categoricalDrift(['back', 'face', 'back', 'trunk'], ['back', 'acral', 'acral', 'face']);
    expect(drift.categories).toEqual(['back', 'face', 'trunk', 'acral']);
    expect(drift.reference).toEqual([2, 1, 1, 0]);
    expect(drift.current).toEqual([1, 1, 0, 2]);
    expect(drift.jensenShannon).toBeGreaterThan(0.3);
    expect(drift.psi).toBeGreaterThan(0.25);
    expect(drift.chiSquare.df).toBe(3);
  });
});
