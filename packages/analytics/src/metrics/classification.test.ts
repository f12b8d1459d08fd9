import { describe, expect, it } from 'vitest';
import {
  accuracyFromConfusion,
  argmaxRows,
  balancedAccuracyFromConfusion,
  classStatsFromConfusion,
  confusionMatrix,
  topKAccuracy,
} from './classification.js';
import { oneVsRestAuroc } from './multiclass-auroc.js';

describe('confusion-matrix metrics', () => {
  it('matches the scikit-learn confusion_matrix docstring', () => {
    // y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2] -> [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
    const matrix = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3);
    expect(Array.from(matrix)).toEqual([2, 0, 0, 0, 0, 1, 1, 0, 2]);
    expect(accuracyFromConfusion(matrix, 3)).toBeCloseTo(4 / 6, 12);
  });

  it('balanced accuracy matches the scikit-learn balanced_accuracy_score docstring (0.625)', () => {
    const matrix = confusionMatrix([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], 2);
    expect(balancedAccuracyFromConfusion(matrix, 2)).toBeCloseTo(0.625, 12);
  });

  it('per-class PPV / sensitivity / F1 match the scikit-learn precision_recall_fscore_support docstring', () => {
    // cat=0, dog=1, pig=2; sklearn average=None: precision [0.667, 0, 0], recall [1, 0, 0], f1 [0.8, 0, 0], support [2, 2, 2]
    const matrix = confusionMatrix([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], 3);
    const cat = classStatsFromConfusion(matrix, 3, 0);
    expect(cat.ppv).toBeCloseTo(2 / 3, 12);
    expect(cat.sensitivity).toBe(1);
    expect(cat.f1).toBeCloseTo(0.8, 12);
    expect(cat.support).toBe(2);
    // specificity = TN / (TN + FP) = 3 / 4; NPV = TN / (TN + FN) = 3 / 3 (hand count)
    expect(cat.specificity).toBeCloseTo(0.75, 12);
    expect(cat.npv).toBe(1);
    const dog = classStatsFromConfusion(matrix, 3, 1);
    expect([dog.ppv, dog.sensitivity, dog.f1]).toEqual([0, 0, 0]);
  });

  it('reports undefined ratios as NaN, not 0', () => {
    const matrix = confusionMatrix([0, 0], [0, 0], 2);
    expect(classStatsFromConfusion(matrix, 2, 1).sensitivity).toBeNaN();
  });
});

describe('top-k accuracy', () => {
  it('matches the scikit-learn top_k_accuracy_score docstring (k=2 -> 0.75)', () => {
    const probabilities = [0.5, 0.2, 0.2, 0.3, 0.4, 0.2, 0.2, 0.4, 0.3, 0.7, 0.2, 0.1];
    expect(topKAccuracy(probabilities, 3, [0, 1, 2, 2], 2)).toBeCloseTo(0.75, 12);
    expect(topKAccuracy(probabilities, 3, [0, 1, 2, 2], 3)).toBe(1);
  });
});

describe('argmax and one-vs-rest AUROC', () => {
  it('macro AUROC averages per-class Mann-Whitney AUROCs (hand-worked)', () => {
    // class 0 scores [0.6, 0.1, 0.3] labels 0,1,2: positive case 0 beats both -> 1
    // class 1 scores [0.3, 0.8, 0.3]: positive case 1 beats both -> 1
    // class 2 scores [0.1, 0.1, 0.4]: positive case 2 beats both -> 1
    const probabilities = [0.6, 0.3, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4];
    const result = oneVsRestAuroc(probabilities, 3, [0, 1, 2]);
    expect(result.perClass).toEqual([1, 1, 1]);
    expect(result.macro).toBe(1);
    expect(Array.from(argmaxRows(probabilities, 3))).toEqual([0, 1, 2]);
    // swap the labels of cases 0 and 1: class 0's positive (case 1, 0.1) is below both negatives -> 0
    const swapped = oneVsRestAuroc(probabilities, 3, [1, 0, 2]);
    expect(swapped.perClass[0]).toBe(0);
    // class 1's positive is case 0 (0.3): beats case 1 (0.8)? no; ties case 2 (0.3) -> 0.5 / 2 = 0.25
    expect(swapped.perClass[1]).toBeCloseTo(0.25, 12);
    expect(swapped.macro).toBeCloseTo((0 + 0.25 + 1) / 3, 12);
  });
});
