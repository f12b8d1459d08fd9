import { describe, expect, it } from 'vitest';
import { describeSegment, maxOver, readAlerts, readWindows, summariseCalibration } from './drift-report';

describe('drift report reading', () => {
  it('sorts windows by month and fills missing sections', () => {
    const windows = readWindows([
      { window: '2026-03', n: 4 },
      { window: '2026-01', reference: true, n: 9 },
      'junk',
    ]);
    expect(windows.map((w) => w.window)).toEqual(['2026-01', '2026-03']);
    expect(windows[0]?.reference).toBe(true);
    expect(windows[1]?.embeddings.domainClassifierAuroc).toBeNull();
  });

  it('keeps only well-formed alerts and takes the max over features', () => {
    expect(readAlerts([{ window: '2026-03', feature: 'device', value: 0.3 }, { nope: 1 }])).toHaveLength(1);
    expect(readAlerts(null)).toEqual([]);
    expect(maxOver([0.1, null, 0.4, undefined])).toBe(0.4);
    expect(maxOver([null])).toBeNull();
  });

  it('summarises calibrated alarms: false-alarm rate, alarmed months, the current run, greyed months', () => {
    const windows = readWindows([
      { window: '2025-01', status: 'reference', pseudoFalseAlarmRate: 0.04 },
      { window: '2025-04', status: 'stable', pseudoFalseAlarmRate: 0.06 },
      { window: '2025-05', status: 'alarm', pseudoFalseAlarmRate: 0.05 },
      { window: '2025-06', status: 'too-small', pseudoFalseAlarmRate: null },
      { window: '2025-07', status: 'stable', pseudoFalseAlarmRate: 0.05 },
      { window: '2025-08', status: 'alarm', pseudoFalseAlarmRate: 0.04 },
      { window: '2025-09', status: 'alarm', pseudoFalseAlarmRate: 0.06 },
    ]);
    expect(summariseCalibration(windows)).toEqual({
      expectedFalseAlarmRate: expect.closeTo(0.05, 12),
      monitored: ['2025-04', '2025-05', '2025-07', '2025-08', '2025-09'],
      alarmed: ['2025-05', '2025-08', '2025-09'],
      greyed: ['2025-06'],
      currentRunSince: '2025-08',
    });
    expect(summariseCalibration(readWindows([{ window: '2025-01', n: 3 }]))).toBeNull();
    expect(
      describeSegment({
        dimension: 'source',
        value: 'site-b',
        n: 52,
        zWithout: 0.41,
        zWithin: 999,
        explains: true,
      }),
    ).toBe('source site-b (n 52; z 999 within, 0.4 without it)');
  });
});
