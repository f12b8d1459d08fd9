import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { type ActiveLearningData, simulateActiveLearning } from './simulate-active-learning.js';

/** Three Gaussian blobs in 4 dimensions, one rare class: 600 images, every fourth held out. */
function blobs(): ActiveLearningData {
  const rng = createRng(5);
  const centres = [
    [0, 0, 0, 0],
    [3, 0, 0, 0],
    [0, 3, 0, 0],
  ];
  const n = 600;
  const features = new Float64Array(n * 4);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 10 === 0 ? 2 : i % 2;
    for (let d = 0; d < 4; d++) features[i * 4 + d] = centres[labels[i]][d] + rng.nextNormal();
  }
  const all = Array.from({ length: n }, (_, i) => i);
  return {
    features,
    dims: 4,
    labels,
    classes: 3,
    pool: all.filter((i) => i % 4 !== 0),
    test: all.filter((i) => i % 4 === 0),
  };
}

describe('simulateActiveLearning', () => {
  const options = { start: 10, batch: 10, max: 60, seeds: [1, 2] };
  const result = simulateActiveLearning(blobs(), options);

  it('measures both strategies at every label count, for every seed', () => {
    expect(Object.keys(result.curves)).toEqual(['RANDOM', 'UNCERTAINTY']);
    for (const curve of Object.values(result.curves)) {
      expect(curve.map((point) => point.labels)).toEqual([10, 20, 30, 40, 50, 60]);
      for (const point of curve) {
        expect(point.perSeed).toHaveLength(2);
        expect(point.mean).toBeCloseTo((point.perSeed[0] + point.perSeed[1]) / 2);
      }
    }
  });

  it('learns the blobs well above chance (1/3) and reports the ratio from its own curves', () => {
    expect(result.summary.randomFinal).toBeGreaterThan(0.6);
    const { labelsToMatch, labelsRatio } = result.summary;
    const first = result.curves.UNCERTAINTY.find((point) => point.mean >= result.summary.randomFinal);
    expect(labelsToMatch).toBe(first?.labels ?? null);
    expect(labelsRatio).toBe(labelsToMatch === null ? null : labelsToMatch / 60);
  });

  it('is reproducible from its seeds', () => {
    expect(simulateActiveLearning(blobs(), options).curves).toEqual(result.curves);
  });

  it('refuses more labels than the pool holds', () => {
    expect(() => simulateActiveLearning(blobs(), { max: 1000 })).toThrow(
      'max 1000 labels exceeds the pool of 450',
    );
  });
});
