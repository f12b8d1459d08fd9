import { describe, expect, it } from 'vitest';
import { maxOver, readAlerts, readWindows } from './drift-report';

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
});
