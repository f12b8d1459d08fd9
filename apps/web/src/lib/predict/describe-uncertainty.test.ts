import { describe, expect, it } from 'vitest';
import { describeUncertainty, levelOfUncertainty } from './describe-uncertainty';

const base = { entropy: 0.2, normalizedEntropy: 0.1, confidence: 0.91, temperature: 1.4 };

describe('describeUncertainty', () => {
  it('grades normalised entropy into low, moderate and high', () => {
    expect(levelOfUncertainty(0)).toBe('low');
    expect(levelOfUncertainty(0.5)).toBe('moderate');
    expect(levelOfUncertainty(0.99)).toBe('high');
  });

  it('explains a calibrated confidence in words', () => {
    const text = describeUncertainty({ ...base, calibration: 'TEMPERATURE_SCALED' }, 3);
    expect(text).toContain('most of its probability on one class');
    expect(text).toContain('right about 91% of the time');
  });

  it('warns that an uncalibrated confidence may be over-confident', () => {
    const text = describeUncertainty(
      { ...base, normalizedEntropy: 0.95, confidence: 0.4, calibration: 'UNCALIBRATED', temperature: null },
      7,
    );
    expect(text).toContain('close to guessing among all 7 classes');
    expect(text).toContain('not calibrated');
  });
});
