import { describe, expect, it } from 'vitest';
import { readComparisonReport } from './comparison-report';

const auroc = { a: 0.91, b: 0.88, difference: 0.03, ci_low: 0.01, ci_high: 0.05, p_value: 0.004 };

describe('readComparisonReport', () => {
  it('keeps the metrics shaped as paired differences, nulls included', () => {
    const undefinedEce = { a: null, b: null, difference: null, ci_low: null, ci_high: null, p_value: null };
    expect(readComparisonReport({ malignancy_auroc: auroc, ece: undefinedEce })).toEqual({
      malignancy_auroc: auroc,
      ece: undefinedEce,
    });
  });

  it('skips entries that are not paired differences and reports that are not objects', () => {
    expect(readComparisonReport({ malignancy_auroc: auroc, n: 120, note: { a: 'x' } })).toEqual({
      malignancy_auroc: auroc,
    });
    expect(readComparisonReport(null)).toEqual({});
    expect(readComparisonReport([auroc])).toEqual({});
  });
});
