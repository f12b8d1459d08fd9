import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError, topLabelConfidences } from '../metrics/calibration.js';
import {
  accuracyFromConfusion,
  argmaxRows,
  balancedAccuracyFromConfusion,
  confusionMatrix,
  topKAccuracy,
} from '../metrics/classification.js';
import { reduceToMalignancy } from '../metrics/malignancy.js';
import { oneVsRestAuroc } from '../metrics/multiclass-auroc.js';
import { averagePrecision, binaryAuroc, sensitivityAtSpecificity } from '../metrics/ranking.js';
import { createRng } from '../stats/random.js';
import { createSyntheticPredictions } from '../testing/synthetic-predictions.js';
import { buildCaseTable } from './case-table.js';
import { createMetricLayout } from './metric-layout.js';
import { createSubView, createView } from './view.js';
import { computeViewMetrics, createScratch } from './view-metrics.js';

// The bootstrap's fused one-pass engine, under resample weights, against the standalone functions
// given the same weights (zero outside the subgroup).
describe('computeViewMetrics under bootstrap weights', () => {
  const data = createSyntheticPredictions(500, 31);
  // Coarse probabilities so that ties occur.
  const probabilities = Float64Array.from(data.probabilities, (p) => Math.round(p * 50) / 50);
  const { labels } = data;
  const cases = buildCaseTable(probabilities, 7, labels, 15, [0, 1, 6], 0.5, [2, 3]);
  const layout = createMetricLayout(7, [2, 3], true);
  const everyone = Int32Array.from(labels.keys());
  const full = createView(cases, everyone);
  const rng = createRng(8);
  const weights = Float64Array.from(labels, () => rng.nextInt(4));
  const females = everyone.filter((i) => data.attributes.sex[i] === 'female');

  for (const [name, view, members] of [
    ['everyone', full, everyone],
    ['a subgroup', createSubView(cases, full, females), females],
  ] as const) {
    it(`matches for ${name}`, () => {
      const w = Float64Array.from(weights, (v, i) => (members.includes(i) ? v : 0));
      const out = new Float64Array(layout.size);
      computeViewMetrics(cases, layout, view, weights, 0.95, createScratch(cases), out, 0);
      const predicted = argmaxRows(probabilities, 7);
      const matrix = confusionMatrix(labels, predicted, 7, w);
      expect(out[layout.overall.accuracy]).toBeCloseTo(accuracyFromConfusion(matrix, 7), 12);
      expect(out[layout.overall.balanced_accuracy]).toBeCloseTo(balancedAccuracyFromConfusion(matrix, 7), 12);
      expect(out[layout.overall.macro_auroc]).toBeCloseTo(
        oneVsRestAuroc(probabilities, 7, labels, w).macro,
        12,
      );
      expect(out[layout.overall.brier]).toBeCloseTo(brierScore(probabilities, 7, labels, w), 12);
      expect(out[layout.overall.top_2_accuracy]).toBeCloseTo(
        topKAccuracy(probabilities, 7, labels, 2, w),
        12,
      );
      const { confidences, correct } = topLabelConfidences(probabilities, 7, labels);
      expect(out[layout.overall.ece]).toBeCloseTo(
        expectedCalibrationError(confidences, correct, 15, w).ece,
        12,
      );
      const mal = reduceToMalignancy(probabilities, 7, labels, [0, 1, 6]);
      const m = layout.malignancy as NonNullable<typeof layout.malignancy>;
      expect(out[m.auroc]).toBeCloseTo(binaryAuroc({ ...mal, weights: w }), 12);
      expect(out[m.auprc]).toBeCloseTo(averagePrecision({ ...mal, weights: w }), 12);
      expect(out[m.sensitivity_at_specificity]).toBeCloseTo(
        sensitivityAtSpecificity({ ...mal, weights: w }, 0.95).sensitivity,
        12,
      );
      expect(out[m.ece]).toBeCloseTo(expectedCalibrationError(mal.scores, mal.labels, 15, w).ece, 12);
    });
  }
});
