import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  binaryAuroc,
  precisionRecallCurve,
  rocCurve,
  sensitivityAtSpecificity,
} from './ranking.js';

// scikit-learn documentation example (roc_curve, roc_auc_score, average_precision_score,
// precision_recall_curve docstrings): y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8].
const docExample = { labels: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8] };

describe('binaryAuroc', () => {
  it('matches the scikit-learn roc_auc_score docstring example (0.75)', () => {
    expect(binaryAuroc(docExample)).toBeCloseTo(0.75, 12);
  });

  it('counts ties as one half, as Mann-Whitney U / (n1 n2) in scipy.stats.mannwhitneyu', () => {
    // Reference: scipy 1.17 mannwhitneyu(s[y==1], s[y==0]).statistic = 53.0 with 13 positives, 7 negatives
    // (numpy default_rng(7): integers(0, 5, 20) scores, integers(0, 2, 20) labels).
    const scores = [4, 3, 3, 4, 2, 3, 4, 1, 0, 1, 1, 4, 4, 0, 2, 4, 0, 3, 0, 2];
    const labels = [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1];
    expect(binaryAuroc({ scores, labels })).toBeCloseTo(53 / (13 * 7), 12);
  });

  it('is 0.5 for a constant score and 1 / 0 for perfect / reversed ranking', () => {
    const labels = [0, 1, 0, 1, 1, 0];
    expect(binaryAuroc({ scores: labels.map(() => 0.3), labels })).toBe(0.5);
    expect(binaryAuroc({ scores: labels.map((y) => y + 0.1), labels })).toBe(1);
    expect(binaryAuroc({ scores: labels.map((y) => -y), labels })).toBe(0);
  });

  it('is invariant to strictly monotone transforms of the score', () => {
    const scores = [0.2, 0.9, 0.4, 0.4, 0.7, 0.1, 0.65, 0.3];
    const labels = [0, 1, 0, 1, 1, 0, 0, 1];
    const auroc = binaryAuroc({ scores, labels });
    expect(binaryAuroc({ scores: scores.map((s) => Math.log(s) * 3 + 1), labels })).toBeCloseTo(auroc, 12);
    expect(binaryAuroc({ scores: scores.map((s) => s ** 5), labels })).toBeCloseTo(auroc, 12);
  });

  it('treats a weight of 2 as the case appearing twice', () => {
    const scores = [0.2, 0.9, 0.4, 0.5];
    const labels = [0, 1, 1, 0];
    const duplicated = binaryAuroc({ scores: [...scores, 0.4], labels: [...labels, 1] });
    expect(binaryAuroc({ scores, labels, weights: [1, 1, 2, 1] })).toBeCloseTo(duplicated, 12);
  });

  it('is NaN when one class is absent', () => {
    expect(binaryAuroc({ scores: [0.1, 0.2], labels: [1, 1] })).toBeNaN();
  });
});

describe('curves', () => {
  it('roc points match scikit-learn roc_curve docstring', () => {
    const roc = rocCurve(docExample);
    expect(roc.map((p) => p.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.map((p) => p.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc.map((p) => p.threshold)).toEqual([Number.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1]);
  });

  it('precision-recall points match scikit-learn precision_recall_curve docstring (reversed)', () => {
    // sklearn: precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8].
    const pr = precisionRecallCurve(docExample);
    expect(pr.map((p) => p.threshold)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(pr.map((p) => p.recall)).toEqual([0.5, 0.5, 1, 1]);
    const precision = pr.map((p) => p.precision);
    for (const [i, v] of [1, 0.5, 2 / 3, 0.5].entries()) expect(precision[i]).toBeCloseTo(v, 12);
  });

  it('average precision matches scikit-learn average_precision_score docstring (0.8333)', () => {
    expect(averagePrecision(docExample)).toBeCloseTo(0.8333333333, 9);
  });
});

describe('sensitivityAtSpecificity', () => {
  it('picks the most sensitive threshold that keeps specificity at the target (hand-worked)', () => {
    // 19 negatives scored 0..0.18 and one at 0.95 (the one false positive 95% specificity allows);
    // positives at 0.9, 0.96, 0.1: threshold 0.9 keeps 19/20 specificity -> sensitivity 2/3, while
    // reaching the positive at 0.1 would add 9 more false positives.
    const negatives = Array.from({ length: 19 }, (_, i) => i / 100);
    const scores = [...negatives, 0.95, 0.9, 0.96, 0.1];
    const labels = [...negatives.map(() => 0), 0, 1, 1, 1];
    const point = sensitivityAtSpecificity({ scores, labels }, 0.95);
    expect(point.specificity).toBeCloseTo(0.95, 12);
    expect(point.sensitivity).toBeCloseTo(2 / 3, 12);
    expect(point.threshold).toBe(0.9);
    expect(sensitivityAtSpecificity({ scores, labels }, 1).sensitivity).toBeCloseTo(1 / 3, 12);
  });
});
