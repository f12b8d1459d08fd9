import { describe, expect, it } from 'vitest';
import { readReport } from '@/lib/evaluation/report-types';
import { readBiasParams, resolveBiasView } from './bias-view';

const estimate = (value: number) => ({ value, ci_low: value - 0.1, ci_high: value + 0.1 });
const report = readReport({
  meta: { n: 100, min_group_size: 30 },
  overall: { accuracy: estimate(0.8) },
  groups: {
    sex: {
      FEMALE: { n: 50, accuracy: estimate(0.8), malignancy_sensitivity: estimate(0.7), ece: estimate(0.05) },
    },
    skin_type: { I: { n: 60, accuracy: estimate(0.9), malignancy_sensitivity: estimate(0.6) } },
    'sex+skin_type': { 'FEMALE+I': { n: 20, insufficient: 'too few' } },
  },
});
if (!report) throw new Error('the fixture is not a report');

describe('readBiasParams', () => {
  it('takes one value per parameter and ignores repeated ones', () => {
    expect(readBiasParams({ evaluation: 'e1', metric: ['a', 'b'], by: 'sex' })).toEqual({
      evaluation: 'e1',
      metric: undefined,
      by: 'sex',
    });
  });
});

describe('resolveBiasView', () => {
  it('defaults to malignancy sensitivity by skin type, malignancy metrics first', () => {
    const view = resolveBiasView(report, {});
    expect(view.metric).toBe('malignancy_sensitivity');
    expect(view.grouping).toBe('skin_type');
    expect(view.metrics[0]).toBe('malignancy_sensitivity');
    expect(view.intersections).toEqual(['sex+skin_type']);
    expect(view.calibrationMetrics).toEqual(['ece']);
  });

  it('keeps what the URL asks for when the report has it, and falls back when it does not', () => {
    expect(resolveBiasView(report, { metric: 'accuracy', by: 'sex' })).toMatchObject({
      metric: 'accuracy',
      grouping: 'sex',
    });
    expect(resolveBiasView(report, { metric: 'no_such_metric', by: 'no_such_attribute' })).toMatchObject({
      metric: 'malignancy_sensitivity',
      grouping: 'skin_type',
    });
  });

  it('has no grouping when the report has no subgroups', () => {
    const bare = readReport({ meta: { n: 10, min_group_size: 30 }, overall: {} });
    if (!bare) throw new Error('the fixture is not a report');
    expect(resolveBiasView(bare, {}).grouping).toBeUndefined();
  });
});
