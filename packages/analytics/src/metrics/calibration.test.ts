import { describe, expect, it } from 'vitest';
import {
  binaryBrierScore,
  brierScore,
  calibrationBinIndex,
  expectedCalibrationError,
  topLabelConfidences,
} from './calibration.js';
import { HAM10000_TAXONOMY, malignantClassIndices, reduceToMalignancy } from './malignancy.js';

describe('Brier score', () => {
  it('binary matches the scikit-learn brier_score_loss docstring (0.0375)', () => {
    expect(binaryBrierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0])).toBeCloseTo(0.0375, 12);
  });

  it('multi-class sums over classes (hand-worked)', () => {
    // case 0: (0.7-1)^2 + 0.2^2 + 0.1^2 = 0.14; case 1: 0.5^2 + (0.5-1)^2 + 0 = 0.5 -> mean 0.32
    expect(brierScore([0.7, 0.2, 0.1, 0.5, 0.5, 0], 3, [0, 1])).toBeCloseTo(0.32, 12);
  });
});

describe('expected calibration error', () => {
  it('puts a confidence on a bin edge in the lower bin, 0 in the first', () => {
    expect(calibrationBinIndex(0.5, 10)).toBe(4);
    expect(calibrationBinIndex(0.51, 10)).toBe(5);
    expect(calibrationBinIndex(0, 10)).toBe(0);
    expect(calibrationBinIndex(1, 10)).toBe(9);
  });

  it('matches a hand-worked two-bin case', () => {
    // bin (0, 0.5]: confidences 0.3, 0.4 with outcomes 0, 1 -> |0.5 - 0.35| = 0.15, weight 2/5
    // bin (0.5, 1]: 0.8, 0.9, 0.9 with outcomes 1, 1, 0 -> |2/3 - 0.8667| = 0.2, weight 3/5
    const result = expectedCalibrationError([0.3, 0.4, 0.8, 0.9, 0.9], [0, 1, 1, 1, 0], 2);
    expect(result.ece).toBeCloseTo(0.4 * 0.15 + 0.6 * 0.2, 12);
    expect(result.bins[1]).toMatchObject({ lower: 0.5, upper: 1, count: 3 });
    expect(result.bins[1].observedFrequency).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 for a perfectly calibrated output and reports empty bins as null', () => {
    const result = expectedCalibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], 15);
    expect(result.ece).toBeCloseTo(0, 12);
    expect(result.bins[0].meanConfidence).toBeNull();
  });

  it('top-label view uses the max probability and whether the argmax is right', () => {
    const { confidences, correct } = topLabelConfidences([0.7, 0.3, 0.4, 0.6], 2, [0, 0]);
    expect(Array.from(confidences)).toEqual([0.7, 0.6]);
    expect(Array.from(correct)).toEqual([1, 0]);
  });
});

describe('malignancy view', () => {
  it('maps HAM10000 classes akiec, bcc, mel to malignant and sums their probabilities', () => {
    const malignant = malignantClassIndices(HAM10000_TAXONOMY);
    expect(malignant).toEqual([0, 1, 6]);
    const probabilities = [0.1, 0.1, 0.1, 0.1, 0.4, 0.1, 0.1, 0, 0, 0, 0, 0.2, 0, 0.8];
    const view = reduceToMalignancy(probabilities, 7, [4, 6], malignant);
    expect(view.scores[0]).toBeCloseTo(0.3, 12);
    expect(view.scores[1]).toBeCloseTo(0.8, 12);
    expect(Array.from(view.labels)).toEqual([0, 1]);
  });
});
