import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, formatRate, progressFraction, readCurve } from './job-progress';

describe('job progress', () => {
  it('gives step of total with a percentage, or steps alone without a total', () => {
    expect(formatProgress({ step: 120, total: 480, rate: null, etaSeconds: null })).toBe('120 / 480 (25%)');
    expect(formatProgress({ step: 7, total: null, rate: null, etaSeconds: null })).toBe('7 steps');
    expect(progressFraction({ step: 9, total: 0, rate: null, etaSeconds: null })).toBeNull();
  });

  it('formats ETA and rate', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(7260)).toBe('2 h 1 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatRate(2.54)).toBe('2.5 steps/s');
  });

  it('keeps the curve points whose metrics are an object', () => {
    const points = [
      { step: 1, metrics: { loss: 0.9 } },
      { step: 2, metrics: null },
      { step: 3, metrics: [0.5] },
      { step: 4, metrics: 'loss=0.4' },
      { step: 5, metrics: { loss: 0.3, lr: 0.001 } },
    ];
    expect(readCurve(points)).toEqual([
      { step: 1, metrics: { loss: 0.9 } },
      { step: 5, metrics: { loss: 0.3, lr: 0.001 } },
    ]);
  });
});
