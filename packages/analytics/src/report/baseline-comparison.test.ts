import { describe, expect, it } from 'vitest';
import { createSyntheticPredictions } from '../testing/synthetic-predictions.js';
import { compareWithBaseline } from './baseline-comparison.js';

describe('compareWithBaseline', () => {
  // Hand-computed: labels 0,0,1,1. The model is right on all four (BAcc, accuracy, AUROC 1). The baseline predicts
  // 0,1,1,0 (accuracy .5, recall .5 per class: BAcc .5); its class-1 scores .4,.6 (negatives) against .7,.3
  // (positives) win 2 of 4 pairs: AUROC .5 for either class, macro .5.
  const labels = Int32Array.from([0, 0, 1, 1]);
  const model = Float64Array.from([0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.4, 0.6]);
  const pixels = Float64Array.from([0.6, 0.4, 0.4, 0.6, 0.3, 0.7, 0.7, 0.3]);

  it('reports the baseline with intervals and the model gain over it', () => {
    const result = compareWithBaseline(
      { labels, numClasses: 2, modelProbabilities: model, baselineProbabilities: pixels },
      { resamples: 200, minClassCases: 1 },
    );
    expect(result.baseline.balanced_accuracy.value).toBeCloseTo(0.5, 12);
    expect(result.baseline.accuracy.value).toBeCloseTo(0.5, 12);
    expect(result.baseline.macro_auroc.value).toBeCloseTo(0.5, 12);
    expect(result.baseline.balanced_accuracy.ci_low).not.toBeNull();
    for (const metric of ['balanced_accuracy', 'accuracy', 'macro_auroc'] as const) {
      expect(result.gain[metric]).toMatchObject({
        a: expect.closeTo(1, 12),
        b: expect.closeTo(0.5, 12),
        difference: expect.closeTo(0.5, 12),
      });
    }
    expect(result.beats_baseline).toBe(true);
  });

  it('a model no better than its baseline is flagged', () => {
    const same = compareWithBaseline(
      { labels, numClasses: 2, modelProbabilities: pixels, baselineProbabilities: pixels },
      { resamples: 50, minClassCases: 1 },
    );
    expect(same.gain.balanced_accuracy.difference).toBe(0);
    expect(same).toMatchObject({ beats_baseline: false, beats_baseline_clearly: false });
    const worse = compareWithBaseline(
      { labels, numClasses: 2, modelProbabilities: pixels, baselineProbabilities: model },
      { resamples: 50, minClassCases: 1 },
    );
    expect(worse.gain.balanced_accuracy.difference).toBeCloseTo(-0.5, 12);
    expect(worse.beats_baseline).toBe(false);
  });

  it('a clear gain on 500 images has an interval above 0', () => {
    const strong = createSyntheticPredictions(500, 21, undefined, 2.5);
    const noisy = createSyntheticPredictions(500, 21, undefined, 0.3);
    const result = compareWithBaseline(
      {
        labels: strong.labels,
        numClasses: 7,
        modelProbabilities: strong.probabilities,
        baselineProbabilities: noisy.probabilities,
      },
      { resamples: 200 },
    );
    expect(result.gain.balanced_accuracy.difference).toBeGreaterThan(0.1);
    expect(result).toMatchObject({ beats_baseline: true, beats_baseline_clearly: true });
  });
});
