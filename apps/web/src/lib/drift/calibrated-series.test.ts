import { describe, expect, it } from 'vitest';
import { calibratedLines, isCalibrated } from './calibrated-series';
import { readWindows } from './drift-report';

const stat = (area: string, feature: string, statistic: string, value: number, threshold: number) => ({
  area,
  feature,
  statistic,
  value,
  threshold,
  z: 0,
  alarm: value > threshold,
});

const windows = readWindows([
  {
    window: '2025-01',
    status: 'reference',
    calibrated: [stat('metadata', 'device', 'jensen_shannon', 0.02, 0.05)],
  },
  { window: '2025-02', status: 'too-small', calibrated: [] },
  {
    window: '2025-03',
    status: 'alarm',
    calibrated: [
      stat('metadata', 'device', 'jensen_shannon', 0.4, 0.07),
      stat('metadata', 'skin_type', 'jensen_shannon', 0.01, 0.08),
      stat('pixels', 'thumbnail', 'mmd2', 0.3, 0.01),
    ],
  },
]);

describe('calibratedLines', () => {
  it("pairs each feature's values with its own alarm line per month, null where a month has none", () => {
    expect(calibratedLines(windows, 'metadata')).toEqual([
      {
        name: 'device (Jensen–Shannon)',
        colourIndex: 0,
        values: [0.02, null, 0.4],
        thresholds: [0.05, null, 0.07],
      },
      {
        name: 'skin type (Jensen–Shannon)',
        colourIndex: 1,
        values: [null, null, 0.01],
        thresholds: [null, null, 0.08],
      },
    ]);
    expect(calibratedLines(windows, 'pixels')).toEqual([
      { name: 'thumbnail (MMD²)', colourIndex: 0, values: [null, null, 0.3], thresholds: [null, null, 0.01] },
    ]);
    expect(calibratedLines(windows, 'quality')).toEqual([]);
  });

  it('tells calibrated reports from those with fixed thresholds', () => {
    expect(isCalibrated(windows)).toBe(true);
    expect(isCalibrated(readWindows([{ window: '2025-01', reference: true }]))).toBe(false);
  });
});
