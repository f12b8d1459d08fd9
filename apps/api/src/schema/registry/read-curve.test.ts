import { describe, expect, it } from 'vitest';
import { readCurve } from './read-curve.js';

describe('readCurve', () => {
  it('splits step from the other values of each point', () => {
    expect(
      readCurve({
        curve: [
          { step: 1, total: 2.5, lr: 0.1 },
          { step: 2, total: 2 },
        ],
      }),
    ).toEqual([
      { step: 1, metrics: { total: 2.5, lr: 0.1 } },
      { step: 2, metrics: { total: 2 } },
    ]);
  });

  it('is empty without a curve and skips points without an integer step', () => {
    expect(readCurve(null)).toEqual([]);
    expect(readCurve({ valAccuracy: 0.8 })).toEqual([]);
    expect(readCurve({ curve: [{ total: 1 }, 'x', null, { step: 1.5 }, { step: 3, total: 1 }] })).toEqual([
      { step: 3, metrics: { total: 1 } },
    ]);
  });
});
