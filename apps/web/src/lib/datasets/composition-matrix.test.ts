import { describe, expect, it } from 'vitest';
import { buildCompositionMatrix } from './composition-matrix';

const composition = {
  byDiagnosis: [
    { key: 'nv', count: 3 },
    { key: 'mel', count: 1 },
    { key: 'unlabelled', count: 1 },
  ],
  cells: [
    { split: 'TRAIN' as const, diagnosis: 'nv', skinType: 'II' as const, count: 2 },
    { split: 'TEST' as const, diagnosis: 'nv', skinType: 'V' as const, count: 1 },
    { split: 'TRAIN' as const, diagnosis: 'mel', skinType: 'II' as const, count: 1 },
    { split: 'VAL' as const, diagnosis: null, skinType: null, count: 1 },
  ],
};

describe('buildCompositionMatrix', () => {
  it('sums all splits into diagnosis rows and Fitzpatrick-ordered skin type columns', () => {
    const matrix = buildCompositionMatrix(composition, 'ALL');
    expect(matrix.diagnoses).toEqual(['nv', 'mel', 'unlabelled']);
    expect(matrix.skinTypes).toEqual(['II', 'V', 'UNKNOWN']);
    expect(matrix.counts).toEqual([
      [2, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(matrix.rowTotals).toEqual([3, 1, 1]);
    expect(matrix.columnTotals).toEqual([3, 1, 1]);
    expect(matrix.total).toBe(5);
    expect(matrix.max).toBe(2);
  });

  it('keeps the same rows and columns for one split, so the small multiples line up', () => {
    const matrix = buildCompositionMatrix(composition, 'TEST');
    expect(matrix.skinTypes).toEqual(['II', 'V', 'UNKNOWN']);
    expect(matrix.counts[0]).toEqual([0, 1, 0]);
    expect(matrix.total).toBe(1);
  });
});
