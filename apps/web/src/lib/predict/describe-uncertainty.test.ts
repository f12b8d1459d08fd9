import { describe, expect, it } from 'vitest';
import { describeUncertainty, levelOfUncertainty, normalizedEntropyOf } from './describe-uncertainty';

const base = { entropy: 0.2, normalizedEntropy: 0.1, confidence: 0.91, temperature: 1.4 };

describe('describeUncertainty', () => {
  it('grades normalised entropy into low, moderate and high', () => {
    expect(levelOfUncertainty(0)).toBe('low');
    expect(levelOfUncertainty(0.5)).toBe('moderate');
    expect(levelOfUncertainty(0.99)).toBe('high');
  });

  it('explains a calibrated confidence in words', () => {
    const text = describeUncertainty({ ...base, calibration: 'TEMPERATURE_SCALED' }, [0.91, 0.06, 0.03]);
    expect(text).toContain('most of its probability on one class');
    expect(text).toContain('right about 91% of the time');
  });

  it('warns that an uncalibrated confidence may be over-confident', () => {
    const text = describeUncertainty(
      { ...base, normalizedEntropy: 0.95, confidence: 0.4, calibration: 'UNCALIBRATED', temperature: null },
      [0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
    );
    expect(text).toContain('close to guessing among all 7 classes');
    expect(text).toContain('not calibrated');
  });

  it('reads the calibrated probabilities shown, not the raw output: a softened over-confident head is uncertain', () => {
    // Raw output 99.9% on one class (normalised entropy ~0), calibrated with temperature 20 to 23% on top.
    const shown = [0.234, 0.149, 0.148, 0.143, 0.139, 0.114, 0.073];
    const text = describeUncertainty(
      {
        ...base,
        normalizedEntropy: 0.002,
        confidence: 0.234,
        calibration: 'TEMPERATURE_SCALED',
        temperature: 20,
      },
      shown,
    );
    expect(normalizedEntropyOf(shown)).toBeGreaterThan(0.9);
    expect(text).toContain('close to guessing among all 7 classes');
    expect(text).not.toContain('most of its probability on one class');
  });

  it('normalises entropy by ln K', () => {
    expect(normalizedEntropyOf([1, 0, 0])).toBe(0);
    expect(normalizedEntropyOf([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(1, 12);
    expect(normalizedEntropyOf([1])).toBe(0);
  });
});
