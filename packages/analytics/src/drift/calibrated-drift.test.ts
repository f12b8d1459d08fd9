import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { detectCalibratedDrift } from './calibrated-drift.js';
import { categoricalStatistic, kernelMmdStatistic, numericStatistic } from './index-statistics.js';

/** Twelve months of 80 rows from three sites; from month 9 site "b" switches device and its pixels shift. */
function cohort(seed: number, rowsPerMonth = 80) {
  const rng = createRng(seed);
  const rows = {
    month: [] as string[],
    site: [] as string[],
    device: [] as string[],
    value: [] as number[],
    group: [] as string[],
    vector: [] as number[],
  };
  for (let m = 1; m <= 12; m++) {
    const n = m === 6 ? 12 : rowsPerMonth;
    for (let i = 0; i < n; i++) {
      const site = ['a', 'b', 'c'][rng.nextInt(3)];
      const changed = site === 'b' && m >= 9;
      rows.month.push(`2025-${String(m).padStart(2, '0')}`);
      rows.site.push(site);
      rows.device.push(changed ? 'phone' : `scope-${site}`);
      rows.value.push(rng.nextNormal() + (changed ? 1.5 : 0));
      rows.group.push(`${m}-${i >> 1}`);
      for (let d = 0; d < 4; d++) rows.vector.push(rng.nextNormal() + (changed && d === 0 ? 2 : 0));
    }
  }
  return rows;
}

function detect(rows: ReturnType<typeof cohort>, seed = 0) {
  const reference = rows.month.flatMap((m, i) => (m <= '2025-03' ? [i] : []));
  return detectCalibratedDrift({
    window: rows.month,
    referenceWindows: ['2025-01', '2025-02', '2025-03'],
    features: [
      {
        area: 'metadata',
        name: 'device',
        statisticName: 'jensen_shannon',
        statistic: categoricalStatistic(rows.device),
      },
      {
        area: 'metadata',
        name: 'site',
        statisticName: 'jensen_shannon',
        statistic: categoricalStatistic(rows.site),
      },
      { area: 'quality', name: 'value', statisticName: 'ks', statistic: numericStatistic(rows.value) },
      {
        area: 'embeddings',
        name: 'vector',
        statisticName: 'mmd2',
        statistic: kernelMmdStatistic(Float64Array.from(rows.vector), 4, reference, createRng(seed)),
      },
    ],
    group: rows.group,
    segments: { site: rows.site, device: rows.device },
    resamples: 60,
    seed,
  });
}

describe('detectCalibratedDrift', () => {
  it('stays quiet over the stable months, alarms every month from the change, and names the segment', () => {
    for (const seed of [1, 2, 3]) {
      const report = detect(cohort(seed), seed);
      const status = Object.fromEntries(report.windows.map((w) => [w.window, w.status]));
      expect(status['2025-01']).toBe('reference');
      // A month under the minimum is greyed, never judged.
      expect(status['2025-06']).toBe('too-small');
      const stable = ['2025-04', '2025-05', '2025-07', '2025-08'];
      expect(stable.filter((w) => status[w] === 'alarm').length).toBeLessThanOrEqual(1);
      for (const w of ['2025-09', '2025-10', '2025-11', '2025-12']) {
        expect(status[w]).toBe('alarm');
        const device = report.alerts.find((a) => a.window === w && a.feature === 'device')!;
        expect(device.segment).toMatchObject({ dimension: 'site', value: 'b', explains: true });
      }
      expect(
        report.alerts.filter((a) => a.feature === 'vector' && a.window >= '2025-09').length,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('calibrates each line on the reference: a reference month compared with the rest stays under it', () => {
    const report = detect(cohort(4), 4);
    const reference = report.windows.filter((w) => w.status === 'reference');
    expect(reference).toHaveLength(3);
    for (const w of reference)
      for (const f of w.features) expect(f.calibration.threshold).toBeGreaterThan(f.calibration.mean);
    expect(
      report.windows.every(
        (w) => w.status === 'too-small' || (w.pseudoFalseAlarmRate >= 0 && w.pseudoFalseAlarmRate < 0.3),
      ),
    ).toBe(true);
  });

  it('refuses a reference too small to calibrate, naming the sizes', () => {
    const rows = cohort(5, 10);
    expect(() => detect(rows)).toThrow(/the reference has 30 rows; calibration needs at least 60/);
  });
});
