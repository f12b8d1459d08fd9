import { describe, expect, it } from 'vitest';
import { evaluateRetrieval, majorityLabel } from './retrieval-quality.js';

describe('retrieval quality', () => {
  it('precision@k, majority vote and malignancy AUROC from neighbours (hand-worked)', () => {
    // classes: 0 benign, 1 malignant
    const result = evaluateRetrieval({
      queryLabels: [1, 0, 0],
      neighbourLabels: [
        [1, 1, 0, 0],
        [0, 1, 1, 1],
        [0, 0, 0, 1],
      ],
      ks: [1, 4],
      malignantClasses: [1],
    });
    expect(result[0]).toEqual({ k: 1, precision: 1, majorityVoteAccuracy: 1, malignancyAuroc: 1 });
    // k = 4: precision (2/4 + 1/4 + 3/4) / 3 = 0.5; votes: q0 tie 1:2 0:2 -> nearer label 1 (right);
    // q1: 1 wins (wrong); q2: 0 wins (right) -> 2/3
    expect(result[1].precision).toBeCloseTo(0.5, 12);
    expect(result[1].majorityVoteAccuracy).toBeCloseTo(2 / 3, 12);
    // malignant shares: q0 0.5 (malignant), q1 0.75, q2 0.25 (benign): 0.5 beats 0.25, loses to 0.75 -> 0.5
    expect(result[1].malignancyAuroc).toBeCloseTo(0.5, 12);
  });

  it('defaults to k = 5, 10, 16 as Tschandl et al. 2019', () => {
    const neighbours = Array.from({ length: 16 }, (_, j) => (j < 8 ? 2 : 3));
    const result = evaluateRetrieval({ queryLabels: [2], neighbourLabels: [neighbours] });
    expect(result.map((r) => [r.k, r.precision])).toEqual([
      [5, 1],
      [10, 0.8],
      [16, 0.5],
    ]);
    expect(result[2].malignancyAuroc).toBeNull();
    expect(majorityLabel([4, 5, 5, 4], 4)).toBe(4);
  });
});
