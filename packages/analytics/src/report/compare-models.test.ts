import { describe, expect, it } from 'vitest';
import { createSyntheticPredictions } from '../testing/synthetic-predictions.js';
import { buildEvaluationReport } from './build-report.js';
import { compareModels } from './compare-models.js';

describe('compareModels (paired bootstrap)', () => {
  const strong = createSyntheticPredictions(500, 21, undefined, 2.5);
  // Same images and labels, a weaker model: blend the strong output toward uniform.
  const weak = Float64Array.from(strong.probabilities, (p) => 0.4 * p + 0.6 / 7);

  it('a model against itself differs by exactly 0 with p = 1', () => {
    const result = compareModels(
      {
        labels: strong.labels,
        numClasses: 7,
        probabilitiesA: strong.probabilities,
        probabilitiesB: strong.probabilities,
      },
      { resamples: 100 },
    );
    expect(result.accuracy).toMatchObject({ difference: 0, ci_low: 0, ci_high: 0, p_value: 1 });
  });

  it('point differences equal the difference of the two reports; a real gap in Brier score is significant', () => {
    const input = {
      labels: strong.labels,
      numClasses: 7,
      probabilitiesA: strong.probabilities,
      probabilitiesB: weak,
      malignantClasses: [0, 1, 6],
    };
    const result = compareModels(input, { resamples: 200 });
    const reportA = buildEvaluationReport(
      { probabilities: strong.probabilities, labels: strong.labels, numClasses: 7 },
      { resamples: 0 },
    );
    const reportB = buildEvaluationReport(
      { probabilities: weak, labels: strong.labels, numClasses: 7 },
      { resamples: 0 },
    );
    expect(result.brier.difference).toBeCloseTo(
      (reportA.overall.brier.value as number) - (reportB.overall.brier.value as number),
      12,
    );
    // blending toward uniform keeps the ranking within each class column, so accuracy is unchanged...
    expect(result.accuracy.difference).toBeCloseTo(0, 12);
    expect(result.macro_auroc.difference).toBeCloseTo(0, 12);
    // ...but the stronger model's probabilities are sharper and closer to the truth
    expect(result.brier.difference as number).toBeLessThan(0);
    expect(result.brier.ci_high as number).toBeLessThan(0);
    expect(result.brier.p_value as number).toBeLessThan(0.05);
    expect(result).toHaveProperty('malignancy_auroc');
  });
});
