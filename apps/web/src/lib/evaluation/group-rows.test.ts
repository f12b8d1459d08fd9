import { describe, expect, it } from 'vitest';
import {
  compareGroupNames,
  gapOf,
  groupMetrics,
  groupRows,
  orderGroupings,
  splitIntersection,
} from './group-rows';
import type { EvaluationReport } from './report-types';

const estimate = (value: number) => ({ value, ci_low: value - 0.1, ci_high: value + 0.1 });
const report = {
  meta: {
    n: 100,
    num_classes: 2,
    class_names: ['a', 'b'],
    malignant_classes: null,
    bootstrap: { resamples: 10, confidence: 0.95 },
    min_group_size: 30,
  },
  overall: { accuracy: estimate(0.8) },
  groups: {
    skin_type: {
      I: { n: 60, n_positive: 20, accuracy: estimate(0.85) },
      VI: { n: 12, n_positive: 3, insufficient: 'n = 12 is below 30' },
    },
    'sex+skin_type': { 'female & I': { n: 30 }, 'male & VI': { n: 5 } },
    sex: {},
  },
  gaps: {
    skin_type: {
      accuracy: {
        difference: 0.1,
        ratio: 0.9,
        worst_group: 'VI',
        worst_value: 0.7,
        difference_ci_low: 0,
        difference_ci_high: 0.2,
        groups_compared: 2,
      },
    },
  },
} as unknown as EvaluationReport;

describe('group rows of a report', () => {
  it('keeps groups under the minimum n, without an estimate', () => {
    const rows = groupRows(report, 'skin_type', 'accuracy');
    expect(rows.map((r) => [r.group, r.n, r.nPositive, r.estimate?.value ?? null])).toEqual([
      ['I', 60, 20, 0.85],
      ['VI', 12, 3, null],
    ]);
    expect(rows[1]?.insufficient).toContain('below');
  });

  it('orders skin type first and splits intersections into rows and columns', () => {
    expect(orderGroupings(['sex', 'sex+skin_type', 'skin_type'])).toEqual({
      single: ['skin_type', 'sex'],
      intersections: ['sex+skin_type'],
    });
    expect(splitIntersection(report, 'sex+skin_type')).toEqual({
      rows: ['female', 'male'],
      columns: ['I', 'VI'],
    });
  });

  it('orders groups naturally whatever order the JSON keys came in', () => {
    expect(['VI', 'I', 'III', 'V', 'II', 'IV'].sort(compareGroupNames)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
    ]);
    expect(['60-74', '(missing)', '<30', '30-44'].sort(compareGroupNames)).toEqual([
      '<30',
      '30-44',
      '60-74',
      '(missing)',
    ]);
    expect(['male & II', 'female & VI', 'female & I'].sort(compareGroupNames)).toEqual([
      'female & I',
      'female & VI',
      'male & II',
    ]);
  });

  it('finds metrics and gaps', () => {
    expect(groupMetrics(report)).toEqual(['accuracy']);
    expect(gapOf(report, 'skin_type', 'accuracy')?.worst_group).toBe('VI');
    expect(gapOf(report, 'sex', 'accuracy')).toBeNull();
  });
});
