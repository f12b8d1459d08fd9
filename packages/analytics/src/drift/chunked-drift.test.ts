import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { countCategories, jensenShannonDistance } from './categorical.js';
import {
  estimateBinaryPerformance,
  estimateMulticlassAccuracy,
  estimateMulticlassPerformance,
  estimateMulticlassPerformanceByGroup,
  estimatePerformanceByGroup,
} from './cbpe.js';
import { chunkedDrift, chunkRanges } from './chunked-drift.js';
import { numericPsi } from './numeric.js';
import { predictionDrift } from './prediction-drift.js';
import { FIXED_DRIFT_THRESHOLDS, isAlert, thresholdFromReferenceChunks } from './thresholds.js';

describe('chunked drift and thresholds', () => {
  it('reference threshold is mean +/- 3 sd of the reference chunks (hand-worked)', () => {
    // values 1, 2, 3: mean 2, sample sd 1 -> [-1, 5]
    const threshold = thresholdFromReferenceChunks([1, 2, 3]);
    expect([threshold.lower, threshold.upper]).toEqual([-1, 5]);
    expect(isAlert(5.01, threshold)).toBe(true);
    expect(isAlert(4.99, threshold)).toBe(false);
  });

  it('fixed thresholds: PSI alerts at 0.1, the classifier only above 0.55', () => {
    expect(isAlert(0.1, FIXED_DRIFT_THRESHOLDS.psiModerate)).toBe(true);
    expect(isAlert(0.55, FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc)).toBe(false);
    expect(isAlert(0.56, FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc)).toBe(true);
  });

  it('chunks drop a short tail', () => {
    expect(chunkRanges(25, 10)).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
    expect(chunkRanges(24, 10)).toEqual([
      [0, 10],
      [10, 20],
    ]);
  });

  it('flags only the chunks after a numeric shift', () => {
    const rng = createRng(9);
    const reference = Array.from({ length: 2000 }, () => rng.nextNormal());
    const current = Array.from({ length: 1000 }, (_, i) => rng.nextNormal() + (i >= 500 ? 1.5 : 0));
    const drift = chunkedDrift({ reference, current, chunkSize: 250, statistic: (r, c) => numericPsi(r, c) });
    expect(drift.reference.every((c) => !c.alert)).toBe(true);
    expect(drift.current.map((c) => c.alert)).toEqual([false, false, true, true]);
  });

  it('works for categorical statistics with a fixed threshold', () => {
    const reference = Array.from({ length: 400 }, (_, i) => ['back', 'face', 'trunk'][i % 3]);
    const current = [...reference.slice(0, 200), ...Array.from({ length: 200 }, () => 'acral')];
    const js = (r: readonly string[], c: readonly string[]) => {
      const counts = countCategories(r, c);
      return jensenShannonDistance(counts.reference, counts.current);
    };
    const drift = chunkedDrift({
      reference,
      current,
      chunkSize: 100,
      statistic: js,
      threshold: FIXED_DRIFT_THRESHOLDS.jensenShannon,
    });
    expect(drift.current.map((c) => c.alert)).toEqual([false, false, true, true]);
  });
});

describe('CBPE', () => {
  it('expected confusion counts from probabilities (hand-worked)', () => {
    // flagged: 0.9, 0.8 -> E[TP] 1.7, E[FP] 0.3; not flagged: 0.3, 0.1 -> E[FN] 0.4, E[TN] 1.6
    const expected = estimateBinaryPerformance([0.9, 0.8, 0.3, 0.1]);
    expect(expected.sensitivity).toBeCloseTo(1.7 / 2.1, 12);
    expect(expected.specificity).toBeCloseTo(1.6 / 1.9, 12);
    expect(expected.accuracy).toBeCloseTo(3.3 / 4, 12);
    expect(estimateMulticlassAccuracy([0.6, 0.4, 0.1, 0.9], 2)).toBeCloseTo(0.75, 12);
  });

  it('agrees with realised performance when labels follow calibrated probabilities', () => {
    const rng = createRng(4);
    const scores = Array.from({ length: 20000 }, () => rng.next() ** 2);
    const labels = scores.map((p) => (rng.next() < p ? 1 : 0));
    let tp = 0;
    let p = 0;
    scores.forEach((s, i) => {
      p += labels[i];
      if (s >= 0.5 && labels[i]) tp++;
    });
    expect(estimateBinaryPerformance(scores).sensitivity).toBeCloseTo(tp / p, 1);
  });

  it('multi-class: expected accuracy and per-class sensitivity/specificity (hand-worked)', () => {
    // case 0: [0.7, 0.2, 0.1] predicted 0; case 1: [0.1, 0.6, 0.3] predicted 1
    const expected = estimateMulticlassPerformance([0.7, 0.2, 0.1, 0.1, 0.6, 0.3], 3);
    expect(expected.accuracy).toBeCloseTo(0.65, 12);
    // class 0: E[TP] 0.7, E[P] 0.8; E[TN] = 1 - 0.1 = 0.9, E[N] = 2 - 0.8 = 1.2
    expect(expected.perClass[0].sensitivity).toBeCloseTo(0.7 / 0.8, 12);
    expect(expected.perClass[0].specificity).toBeCloseTo(0.9 / 1.2, 12);
    // class 2: never predicted -> E[TP] 0; E[TN] = 0.9 + 0.7 = 1.6, E[N] = 2 - 0.4 = 1.6
    expect(expected.perClass[2]).toEqual({ sensitivity: 0, specificity: 1 });
    const byGroup = estimateMulticlassPerformanceByGroup(
      [0.7, 0.2, 0.1, 0.1, 0.6, 0.3],
      3,
      { site: ['a', 'b'] },
      ['site'],
      { minGroupSize: 1 },
    );
    expect((byGroup.site.a as { accuracy: number }).accuracy).toBeCloseTo(0.7, 12);
  });

  it('per subgroup, with the minimum-n guard', () => {
    const byGroup = estimatePerformanceByGroup([0.9, 0.2, 0.7, 0.4], { sex: ['f', 'f', 'm', 'm'] }, ['sex'], {
      minGroupSize: 2,
    });
    expect((byGroup.sex.f as { accuracy: number }).accuracy).toBeCloseTo((0.9 + 0.8) / 2, 12);
    const guarded = estimatePerformanceByGroup([0.9, 0.2, 0.7], { sex: ['f', 'f', 'm'] }, ['sex'], {
      minGroupSize: 2,
    });
    expect(guarded.sex.m).toHaveProperty('insufficient');
  });
});

describe('prediction drift', () => {
  it('sees a change in which class the model predicts', () => {
    const reference = Array.from({ length: 100 }, (_, i) => (i % 2 ? [0.8, 0.2] : [0.3, 0.7])).flat();
    const current = Array.from({ length: 100 }, () => [0.9, 0.1]).flat();
    const drift = predictionDrift(reference, current, 2);
    expect(drift.predictedClass.reference).toEqual([50, 50]);
    expect(drift.predictedClass.chiSquare.pValue).toBeLessThan(1e-6);
    expect(drift.classProbability[0].ks.statistic).toBe(1);
  });
});
