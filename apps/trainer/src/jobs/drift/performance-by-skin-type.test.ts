import { accuracyFromConfusion, argmaxRows, confusionMatrix, createRng, estimateMulticlassAccuracy } from '@dermino/analytics';
import { describe, expect, it } from 'vitest';
import { performanceBySkinType } from './performance-by-skin-type.js';

const k = 3;
const SKIN = ['I', '2', 'III', 'type IV', 'FST5', 'VI', 'not recorded'];

/** 70 images: skin types cycle (one unreadable), labels on every other image, probabilities from a seeded Rng. */
function fixture() {
  const rng = createRng(7);
  const n = 70;
  const probabilities = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const raw = [rng.next(), rng.next(), rng.next()];
    const sum = raw[0] + raw[1] + raw[2];
    raw.forEach((v, c) => (probabilities[i * k + c] = v / sum));
  }
  const skinType = Array.from({ length: n }, (_, i) => SKIN[i % SKIN.length]);
  const labels = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i % k : null));
  return { probabilities, classes: k, skinType, labels };
}

// The analytics package called directly on a group's rows: the numbers the job must store.
function expected(data: ReturnType<typeof fixture>, indices: number[]) {
  const rows = (list: number[]) => Float64Array.from(list.flatMap((i) => Array.from(data.probabilities.subarray(i * k, (i + 1) * k))));
  const labelled = indices.filter((i) => data.labels[i] !== null);
  return {
    estimated: estimateMulticlassAccuracy(rows(indices), k),
    realised: accuracyFromConfusion(confusionMatrix(labelled.map((i) => data.labels[i]!), argmaxRows(rows(labelled), k), k), k),
    labelled: labelled.length,
  };
}

describe('performance by skin type', () => {
  const data = fixture();
  const all = Array.from({ length: 70 }, (_, i) => i);
  const result = performanceBySkinType(data, all, 15);

  it('matches CBPE and the realised accuracy of @dermino/analytics overall', () => {
    const want = expected(data, all);
    expect(result.overall).toMatchObject({ group: 'all', n: 70, labelled: want.labelled, belowMinimum: false });
    expect(result.overall.estimatedAccuracy).toBeCloseTo(want.estimated, 5);
    expect(result.overall.realisedAccuracy).toBeCloseTo(want.realised, 5);
  });

  it('groups I-II / III-IV / V-VI and each type, unreadable types as "unknown", with n and the minimum-n flag', () => {
    expect(result.ddi.map((g) => [g.group, g.n])).toEqual([['I-II', 20], ['III-IV', 20], ['V-VI', 20], ['unknown', 10]]);
    expect(result.types.map((g) => g.group)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'unknown']);
    const middle = all.filter((i) => i % 7 === 2 || i % 7 === 3);
    const want = expected(data, middle);
    const group = result.ddi[1];
    expect(group.estimatedAccuracy).toBeCloseTo(want.estimated, 5);
    expect(group.realisedAccuracy).toBeCloseTo(want.realised, 5);
    expect(group.labelled).toBe(want.labelled);
    // 20 images but only 10 labelled: the realised figure is under the minimum of 15.
    expect(group.belowMinimum).toBe(true);
    expect(result.types[0]).toMatchObject({ group: 'I', n: 10, belowMinimum: true });
  });

  it('keeps empty groups (null accuracies) and reports no realised accuracy without labels', () => {
    const typeOneOnly = all.filter((i) => i % 7 === 0);
    const unlabelled = { ...data, labels: data.labels.map(() => null) };
    const partial = performanceBySkinType(unlabelled, typeOneOnly, 5);
    expect(partial.ddi.map((g) => g.n)).toEqual([10, 0, 0]);
    expect(partial.ddi[1]).toMatchObject({ estimatedAccuracy: null, realisedAccuracy: null, belowMinimum: true });
    expect(partial.overall).toMatchObject({ labelled: 0, realisedAccuracy: null, belowMinimum: false });
  });
});
