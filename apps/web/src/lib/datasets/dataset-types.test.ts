import { describe, expect, it } from 'vitest';
import { readLeakageReport, statusOfLeakage } from './dataset-types';

const report = {
  intact: true,
  clean: false,
  images: 12,
  splits: { TRAIN: 8, VAL: 2, TEST: 2 },
  counts: { lesion: 1, patient: 0, duplicate: 0 },
  leaks: [{ kind: 'lesion', key: 'L1', splits: ['TRAIN', 'TEST'], imageIds: ['a', 'b'] }],
};

describe('readLeakageReport', () => {
  it('reads the JSON the API hands over', () => {
    expect(readLeakageReport(report)).toEqual(report);
    expect(statusOfLeakage(readLeakageReport(report))).toBe('leaking');
  });

  it('gives null (status unknown) for JSON without the fields the page reads', () => {
    expect(readLeakageReport(null)).toBeNull();
    expect(readLeakageReport({ ...report, intact: 'yes' })).toBeNull();
    expect(readLeakageReport({ intact: true, clean: true })).toBeNull();
    expect(statusOfLeakage(readLeakageReport([report]))).toBe('unknown');
  });
});
