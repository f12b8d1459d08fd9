import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError, topLabelConfidences } from '../metrics/calibration.js';
import {
  accuracyFromConfusion,
  argmaxRows,
  balancedAccuracyFromConfusion,
  confusionMatrix,
} from '../metrics/classification.js';
import { reduceToMalignancy } from '../metrics/malignancy.js';
import { oneVsRestAuroc } from '../metrics/multiclass-auroc.js';
import {
  averagePrecision,
  binaryAuroc,
  precisionRecallCurve,
  rocCurve,
  sensitivityAtSpecificity,
} from '../metrics/ranking.js';
import { createRng } from '../stats/random.js';
import { createSyntheticPredictions } from '../testing/synthetic-predictions.js';
import { buildEvaluationReport } from './build-report.js';
import type { GapReport, MetricEstimate } from './report-types.js';

const data = createSyntheticPredictions(400, 11);
const input = {
  probabilities: data.probabilities,
  labels: data.labels,
  numClasses: 7,
  malignantClasses: [0, 1, 6],
  attributes: data.attributes,
  groupBy: ['sex', 'skin_type', ['skin_type', 'site']],
};
const options = { resamples: 200, seed: 3, minClassCases: 10 };
const report = buildEvaluationReport(input, options);

describe('buildEvaluationReport point values agree with the standalone metric functions', () => {
  const { probabilities, labels } = data;
  const predicted = argmaxRows(probabilities, 7);
  const matrix = confusionMatrix(labels, predicted, 7);

  it('overall', () => {
    expect(report.overall.accuracy.value).toBeCloseTo(accuracyFromConfusion(matrix, 7), 12);
    expect(report.overall.balanced_accuracy.value).toBeCloseTo(balancedAccuracyFromConfusion(matrix, 7), 12);
    expect(report.overall.macro_auroc.value).toBeCloseTo(oneVsRestAuroc(probabilities, 7, labels).macro, 12);
    expect(report.overall.brier.value).toBeCloseTo(brierScore(probabilities, 7, labels), 12);
    const { confidences, correct } = topLabelConfidences(probabilities, 7, labels);
    expect(report.overall.ece.value).toBeCloseTo(expectedCalibrationError(confidences, correct, 15).ece, 12);
  });

  it('malignancy view', () => {
    const view = reduceToMalignancy(probabilities, 7, labels, [0, 1, 6]);
    const malignancy = report.malignancy as Record<string, MetricEstimate>;
    expect(malignancy.auroc.value).toBeCloseTo(binaryAuroc(view), 12);
    expect(malignancy.auprc.value).toBeCloseTo(averagePrecision(view), 12);
    expect(malignancy.sensitivity_at_specificity.value).toBeCloseTo(
      sensitivityAtSpecificity(view, 0.95).sensitivity,
      12,
    );
  });

  it('a subgroup equals the report of that subgroup alone', () => {
    const females = [...data.labels.keys()].filter((i) => data.attributes.sex[i] === 'female');
    const sub = buildEvaluationReport(
      {
        probabilities: Float64Array.from(
          females.flatMap((i) => Array.from(data.probabilities.subarray(i * 7, i * 7 + 7))),
        ),
        labels: Int32Array.from(females, (i) => data.labels[i]),
        numClasses: 7,
        malignantClasses: [0, 1, 6],
      },
      { resamples: 0 },
    );
    const group = report.groups.sex.female;
    expect(group.n).toBe(females.length);
    for (const metric of ['accuracy', 'macro_auroc', 'ece']) {
      expect((group[metric] as MetricEstimate).value).toBeCloseTo(sub.overall[metric].value as number, 12);
    }
    expect((group.malignancy_auroc as MetricEstimate).value).toBeCloseTo(
      (sub.malignancy as Record<string, MetricEstimate>).auroc.value as number,
      12,
    );
  });
});

describe('intervals, small groups and gaps', () => {
  it('every interval brackets its point value and is reproducible from the seed', () => {
    for (const e of Object.values(report.overall)) {
      expect(e.ci_low).not.toBeNull();
      expect(e.ci_low as number).toBeLessThanOrEqual(e.value as number);
      expect(e.ci_high as number).toBeGreaterThanOrEqual(e.value as number);
    }
    const again = buildEvaluationReport(input, options);
    expect(again.overall).toEqual(report.overall);
    const otherSeed = buildEvaluationReport(input, { ...options, seed: 4 });
    expect(otherSeed.overall.accuracy.ci_low).not.toBe(report.overall.accuracy.ci_low);
  });

  it('says "too few" instead of a number for small groups and rare classes', () => {
    const small = Object.values(report.groups['skin_type+site']).filter((g) => g.n < 30);
    expect(small.length).toBeGreaterThan(0);
    for (const g of small) {
      expect(g.insufficient).toMatch(/below the minimum group size of 30/);
      expect(g.accuracy).toBeUndefined();
    }
    // df (class 3) has ~1% prevalence: 400 cases give 7, under the minimum of 10 set above
    const df = report.per_class['3'];
    expect(df.n).toBeLessThan(10);
    expect((df.sensitivity as MetricEstimate).value).toBeNull();
    expect((df.sensitivity as MetricEstimate).note).toMatch(/too few cases/);
  });

  it('gaps are max - min over the groups with numbers, worst group included', () => {
    const groups = Object.entries(report.groups.skin_type).filter(([, g]) => !g.insufficient);
    const values = groups.map(([name, g]) => [name, (g.accuracy as MetricEstimate).value as number] as const);
    const gap = report.gaps.skin_type.accuracy as GapReport;
    const max = Math.max(...values.map(([, v]) => v));
    const min = Math.min(...values.map(([, v]) => v));
    expect(gap.difference).toBeCloseTo(max - min, 12);
    expect(gap.ratio).toBeCloseTo(min / max, 12);
    expect(gap.worst_group).toBe(values.find(([, v]) => v === min)?.[0]);
    expect(gap.worst_value).toBe(min);
    // ECE: lower is better, so the worst group is the highest
    const eceValues = groups.map(([name, g]) => [name, (g.ece as MetricEstimate).value as number] as const);
    const worstEce = eceValues.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect((report.gaps.skin_type.ece as GapReport).worst_group).toBe(worstEce[0]);
  });

  it('equalized-odds difference is the larger of the TPR and FPR gaps (hand check from group values)', () => {
    const groups = Object.values(report.groups.sex);
    const tpr = groups.map((g) => (g.malignancy_sensitivity as MetricEstimate).value as number);
    const fpr = groups.map((g) => 1 - ((g.malignancy_specificity as MetricEstimate).value as number));
    const expected = Math.max(Math.abs(tpr[0] - tpr[1]), Math.abs(fpr[0] - fpr[1]));
    const eod = report.gaps.sex.equalized_odds_difference as MetricEstimate;
    expect(eod.value).toBeCloseTo(expected, 12);
  });
});

describe('gap intervals', () => {
  it('contain the point gap, and include 0 for groups that differ by chance only', () => {
    const coinRng = createRng(77);
    const coin = Array.from(data.labels, () => (coinRng.next() < 0.5 ? 'heads' : 'tails'));
    const r = buildEvaluationReport(
      { ...input, attributes: { coin }, groupBy: ['coin'] },
      { resamples: 300 },
    );
    for (const metric of ['accuracy', 'balanced_accuracy', 'macro_auroc', 'brier', 'ece']) {
      const gap = r.gaps.coin[metric] as GapReport;
      expect(gap.difference_ci_low as number, metric).toBeLessThanOrEqual(gap.difference as number);
      expect(gap.difference_ci_high as number, metric).toBeGreaterThanOrEqual(gap.difference as number);
      expect(gap.difference_ci_low as number, metric).toBeLessThan(0);
    }
  });

  it('reports a zero gap between groups with identical values', () => {
    const twin = buildEvaluationReport(
      {
        probabilities: Float64Array.from([...data.probabilities, ...data.probabilities]),
        labels: Int32Array.from([...data.labels, ...data.labels]),
        numClasses: 7,
        attributes: {
          copy: [...Array.from(data.labels, () => 'a'), ...Array.from(data.labels, () => 'b')],
        },
        groupBy: ['copy'],
      },
      { resamples: 0 },
    );
    expect((twin.gaps.copy.accuracy as GapReport).difference).toBe(0);
    expect((twin.gaps.copy.accuracy as GapReport).ratio).toBe(1);
  });
});

describe('malignancy gaps', () => {
  it('compare only groups with enough malignant and benign cases to show a number', () => {
    const malignant = new Set([0, 1, 6]);
    let fewMalignant = 0;
    let fewBenign = 0;
    const grp = Array.from(data.labels, (y) => {
      if (malignant.has(y) && fewMalignant < 3) return (fewMalignant++, 'few');
      if (!malignant.has(y) && fewBenign < 50) return (fewBenign++, 'few');
      return 'many';
    });
    const r = buildEvaluationReport({ ...input, attributes: { grp }, groupBy: ['grp'] }, { resamples: 20 });
    expect(r.groups.grp.few.n_positive).toBe(3);
    expect((r.groups.grp.few.malignancy_sensitivity as MetricEstimate).value).toBeNull();
    expect((r.gaps.grp.malignancy_sensitivity as GapReport).difference).toBeNull();
    expect((r.gaps.grp.equalized_odds_difference as MetricEstimate).value).toBeNull();
    // selection rates need no positives: demographic parity still compares both groups
    expect((r.gaps.grp.demographic_parity_difference as MetricEstimate).value).not.toBeNull();
    expect((r.gaps.grp.accuracy as GapReport).groups_compared).toBe(2);
  });
});

describe('missing attribute values', () => {
  it('are a group of their own in the table but are left out of the gaps', () => {
    const device = data.attributes.site.map((s, i) =>
      i % 3 === 0 ? '' : s === 'face' ? 'phone' : 'dermatoscope',
    );
    const withMissing = buildEvaluationReport(
      { ...input, attributes: { device }, groupBy: ['device'] },
      { resamples: 20 },
    );
    expect(Object.keys(withMissing.groups.device)).toEqual(['(missing)', 'dermatoscope', 'phone']);
    const gap = withMissing.gaps.device.accuracy as GapReport;
    expect(gap.groups_compared).toBe(2);
    const values = ['dermatoscope', 'phone'].map(
      (g) => (withMissing.groups.device[g].accuracy as MetricEstimate).value as number,
    );
    expect(gap.difference).toBeCloseTo(Math.abs(values[0] - values[1]), 12);
  });
});

describe('subgroup orders with tied scores', () => {
  it('a subgroup of coarse (heavily tied) probabilities still equals its standalone report', () => {
    const coarse = createSyntheticPredictions(300, 12, [0.5, 0.3, 0.2]);
    // Round to tenths and renormalise: many exact ties across and within groups.
    const k = 3;
    const probabilities = Float64Array.from(coarse.probabilities, (p) => Math.round(p * 10) / 10);
    for (let i = 0; i < 300; i++) {
      const sum = probabilities[i * k] + probabilities[i * k + 1] + probabilities[i * k + 2];
      for (let c = 0; c < k; c++) probabilities[i * k + c] /= sum;
    }
    const full = buildEvaluationReport(
      {
        probabilities,
        labels: coarse.labels,
        numClasses: k,
        malignantClasses: [1],
        attributes: coarse.attributes,
        groupBy: ['sex'],
      },
      { resamples: 0 },
    );
    const males = [...coarse.labels.keys()].filter((i) => coarse.attributes.sex[i] === 'male');
    const alone = buildEvaluationReport(
      {
        probabilities: Float64Array.from(
          males.flatMap((i) => [0, 1, 2].map((c) => probabilities[i * k + c])),
        ),
        labels: Int32Array.from(males, (i) => coarse.labels[i]),
        numClasses: k,
        malignantClasses: [1],
      },
      { resamples: 0 },
    );
    const group = full.groups.sex.male;
    expect((group.macro_auroc as MetricEstimate).value).toBeCloseTo(
      alone.overall.macro_auroc.value as number,
      12,
    );
    for (const m of ['auroc', 'auprc', 'sensitivity_at_specificity']) {
      expect((group[`malignancy_${m}`] as MetricEstimate).value).toBeCloseTo(
        (alone.malignancy as Record<string, MetricEstimate>)[m].value as number,
        12,
      );
    }
  });
});

describe('input and option validation', () => {
  it('names the bad option or case', () => {
    expect(() => buildEvaluationReport(input, { resamples: -1 })).toThrow(
      /option resamples must be an integer >= 0/,
    );
    expect(() => buildEvaluationReport(input, { confidence: 95 })).toThrow(/option confidence/);
    const badLabels = Int32Array.from(data.labels);
    badLabels[7] = 9;
    expect(() => buildEvaluationReport({ ...input, labels: badLabels })).toThrow(
      /case 7: label 9 is not in 0..6/,
    );
    expect(() => buildEvaluationReport({ ...input, groupBy: ['age'] }, { resamples: 0 })).toThrow(
      /unknown attribute "age"/,
    );
  });
});

describe('curves in the report', () => {
  it('equal the standalone ROC / PR curves (rounded) and are thinned to the maximum', () => {
    const small = createSyntheticPredictions(60, 13);
    const r = buildEvaluationReport(
      {
        probabilities: small.probabilities,
        labels: small.labels,
        numClasses: 7,
        malignantClasses: [0, 1, 6],
      },
      { resamples: 0 },
    );
    const view = reduceToMalignancy(small.probabilities, 7, small.labels, [0, 1, 6]);
    const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v);
    const expectedRoc = rocCurve(view).map((p) => ({
      threshold: round(p.threshold),
      fpr: round(p.fpr),
      tpr: round(p.tpr),
    }));
    expect(r.curves.malignancy?.roc).toEqual(expectedRoc);
    expect(r.curves.malignancy?.pr).toHaveLength(precisionRecallCurve(view).length);
    const thinned = buildEvaluationReport(input, { resamples: 0, maxCurvePoints: 50 });
    const roc = thinned.curves.per_class['4'].roc;
    expect(roc).toHaveLength(50);
    expect([roc[0].fpr, roc[0].tpr, roc[49].fpr, roc[49].tpr]).toEqual([0, 0, 1, 1]);
  });
});
