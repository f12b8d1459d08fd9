import { describe, expect, it } from 'vitest';
import { healthThresholds, readHealthCurve } from './health-curve';

const metrics = {
  embeddingStd: 0.02,
  effectiveRank: 3.1,
  teacherEntropy: 4,
  teacherCentreKl: 0.07,
  width: 64,
  prototypes: 64,
  probeImages: 256,
};

describe('readHealthCurve', () => {
  it('keeps complete points and drops the rest', () => {
    expect(
      readHealthCurve([
        { step: 20, metrics },
        { step: 40, metrics: { ...metrics, effectiveRank: 'x' } },
        { step: 60, metrics: null },
      ]),
    ).toEqual([{ step: 20, ...metrics }]);
  });

  it('judges rank against 3% of min(width, probe images), at least 2', () => {
    expect(healthThresholds({ step: 1, ...metrics })).toEqual({ spreadRatio: 0.1, rank: 2 });
    expect(healthThresholds({ step: 1, ...metrics, width: 384 }).rank).toBeCloseTo(7.68, 10);
  });
});
