import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  drawStratifiedWeights,
  groupIndicesByStratum,
  pairedBootstrapDifference,
} from './bootstrap.js';
import { createRng } from './random.js';

const weightedMean = (values: number[]) => (w?: Float64Array) => {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    const weight = w ? w[i] : 1;
    sum += weight * v;
    total += weight;
  });
  return sum / total;
};

describe('bootstrap', () => {
  it('stratified resamples keep each stratum size', () => {
    const strata = groupIndicesByStratum(10, [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    const weights = new Float64Array(10);
    drawStratifiedWeights(strata, createRng(1), weights);
    expect(weights.slice(0, 3).reduce((a, b) => a + b)).toBe(3);
    expect(weights.slice(3, 7).reduce((a, b) => a + b)).toBe(4);
    expect(weights.slice(7).reduce((a, b) => a + b)).toBe(3);
  });

  it('the interval of a mean is close to the normal-theory interval', () => {
    const rng = createRng(5);
    const values = Array.from({ length: 400 }, () => rng.nextNormal());
    const mean = weightedMean(values)();
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    const interval = bootstrapInterval(values.length, weightedMean(values), { resamples: 2000, seed: 2 });
    expect(interval.value).toBeCloseTo(mean, 12);
    // normal theory: mean +/- 1.96 sd / sqrt(n); the percentile bootstrap lands within a few percent of it
    expect(interval.ci_low).toBeCloseTo(mean - (1.96 * sd) / 20, 2);
    expect(interval.ci_high).toBeCloseTo(mean + (1.96 * sd) / 20, 2);
  });

  it('paired difference: identical models give 0 with p = 1; a real gap gives a small p', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const same = pairedBootstrapDifference(200, weightedMean(a), weightedMean(a), { resamples: 300 });
    expect([same.value, same.ci_low, same.ci_high, same.p_value]).toEqual([0, 0, 0, 1]);
    const b = a.map((v, i) => (i % 8 === 1 ? 0 : v));
    const different = pairedBootstrapDifference(200, weightedMean(a), weightedMean(b), { resamples: 300 });
    expect(different.value).toBeCloseTo(0.125, 12);
    expect(different.ci_low).toBeGreaterThan(0);
    expect(different.p_value).toBeLessThan(0.01);
  });
});
