import { describe, expect, it } from 'vitest';
import { applyTemperature, entropyOf, fitTemperature } from './fit-temperature.js';

describe('temperature scaling', () => {
  it('softens an over-confident model (T > 1) and leaves a calibrated one near T = 1', () => {
    // Says 0.99 for its top class but is right 70% of the time.
    const overconfident = Array.from({ length: 100 }, (_, i) => ({
      probabilities: [0.99, 0.01],
      label: i % 10 < 7 ? 0 : 1,
    }));
    const t = fitTemperature(overconfident)!;
    expect(t).toBeGreaterThan(1);
    // At the optimum, the scaled confidence matches the accuracy: softmax(log p / T)[0] = 0.7.
    expect(applyTemperature([0.99, 0.01], t)[0]).toBeCloseTo(0.7, 3);
    const calibrated = Array.from({ length: 100 }, (_, i) => ({
      probabilities: [0.8, 0.2],
      label: i % 10 < 8 ? 0 : 1,
    }));
    expect(fitTemperature(calibrated)!).toBeCloseTo(1, 2);
  });

  it('needs at least 10 labelled rows', () => {
    expect(fitTemperature([{ probabilities: [0.5, 0.5], label: 0 }])).toBeNull();
  });

  it('computes entropy in nats (uniform over 3 = ln 3)', () => {
    expect(entropyOf([1 / 3, 1 / 3, 1 / 3])).toBeCloseTo(Math.log(3), 10);
    expect(entropyOf([1, 0, 0])).toBe(0);
  });
});
