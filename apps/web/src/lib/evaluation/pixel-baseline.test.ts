import { describe, expect, it } from 'vitest';
import { describeBaselineGain, type PixelBaseline } from './pixel-baseline';

const baseline = (difference: number, beats: boolean): PixelBaseline => ({
  method: 'class-weighted logistic regression on raw 32x32 RGB pixels',
  inputSize: 32,
  trainImages: 280,
  testImages: 120,
  labelFraction: 1,
  beatsBaseline: beats,
  beatsBaselineClearly: false,
  balancedAccuracy: { value: 0.3, ciLow: 0.25, ciHigh: 0.35 },
  macroAuroc: { value: 0.7, ciLow: 0.65, ciHigh: 0.75 },
  balancedAccuracyGain: {
    model: 0.3 + difference,
    baseline: 0.3,
    difference,
    ciLow: difference - 0.05,
    ciHigh: difference + 0.05,
  },
  macroAurocGain: { model: 0.72, baseline: 0.7, difference: 0.02, ciLow: -0.01, ciHigh: 0.05 },
});

describe('describeBaselineGain', () => {
  it('says how much the backbone adds over pixels, with the interval', () => {
    const text = describeBaselineGain(baseline(0.12, true));
    expect(text.flagged).toBe(false);
    expect(text.headline).toBe(
      'The backbone adds +0.120 balanced accuracy over pixels (95% CI +0.070 to +0.170).',
    );
    expect(text.detail).toBe(
      'Model 0.420 against 0.300 for a class-weighted logistic regression on raw 32x32 RGB pixels on 280 train images, 120 test images; macro AUROC +0.020 (0.720 against 0.700).',
    );
  });

  it('flags a model that does not beat its baseline, with a minus sign', () => {
    const text = describeBaselineGain(baseline(-0.04, false));
    expect(text.flagged).toBe(true);
    expect(text.headline).toBe(
      'The backbone adds −0.040 balanced accuracy over pixels (95% CI −0.090 to +0.010).',
    );
  });
});
