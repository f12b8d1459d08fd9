import { describe, expect, it } from 'vitest';
import { findLabelIssues } from './confident-learning.js';
import { clusterPairs, findExactDuplicates, findNearDuplicatePairs } from './duplicates.js';
import { findSplitLeakage } from './leakage.js';

describe('confident learning', () => {
  it('finds and ranks label issues (hand-worked)', () => {
    const probabilities = [
      [0.9, 0.1, 0.0],
      [0.8, 0.2, 0.0],
      [0.1, 0.85, 0.05],
      [0.2, 0.7, 0.1],
      [0.75, 0.2, 0.05],
      [0.1, 0.1, 0.8],
      [0.05, 0.15, 0.8],
      [0.3, 0.3, 0.4],
      [0.05, 0.9, 0.05],
    ].flat();
    const labels = [0, 0, 1, 1, 1, 2, 2, 0, 0];
    const result = findLabelIssues(probabilities, 3, labels);
    // t0 = mean(0.9, 0.8, 0.3, 0.05) = 0.5125; t1 = mean(0.85, 0.7, 0.2) = 0.5833; t2 = 0.8
    expect(result.thresholds[0]).toBeCloseTo(0.5125, 12);
    expect(result.thresholds[1]).toBeCloseTo(0.5833333333, 9);
    expect(result.thresholds[2]).toBeCloseTo(0.8, 12);
    // case 7 is confident in no class and is left out of the joint
    expect(result.confidentJoint).toEqual([
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 2],
    ]);
    expect(result.issues.map((i) => [i.index, i.givenLabel, i.suggestedLabel])).toEqual([
      [8, 0, 1],
      [4, 1, 0],
    ]);
    expect(result.issues[0].selfConfidence).toBe(0.05);
    expect(result.issues[1].margin).toBeCloseTo(0.2 - 0.75, 12);
  });
});

describe('duplicates', () => {
  it('groups exact duplicates by content hash', () => {
    expect(findExactDuplicates(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([
      [0, 2, 5],
      [1, 4],
    ]);
  });

  it('finds near-duplicates by cosine distance, default threshold 0.1', () => {
    // (1,0) vs (1,0.1): cos = 1/sqrt(1.01) -> distance 0.00496; (1,0) vs (1,1): 1 - 0.7071 = 0.2929
    const embeddings = Float64Array.from([1, 0, 2, 0.2, 1, 1, 0, 5]);
    const pairs = findNearDuplicatePairs(embeddings, 2);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1 });
    expect(pairs[0].distance).toBeCloseTo(1 - 1 / Math.sqrt(1.01), 12);
    expect(findNearDuplicatePairs(embeddings, 2, 0.3).map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
    ]);
    expect(
      clusterPairs(4, [
        { a: 0, b: 1 },
        { a: 1, b: 3 },
      ]),
    ).toEqual([[0, 1, 3]]);
  });
});

describe('split leakage', () => {
  it('reports patients, lesions, identical and near-identical images on two sides of a split', () => {
    const report = findSplitLeakage({
      split: ['train', 'train', 'test', 'test', 'val'],
      patientId: ['p1', 'p2', 'p1', 'p3', null],
      lesionId: ['l1', 'l2', 'l3', 'l4', 'l2'],
      contentHash: ['h1', 'h2', 'h3', 'h2', 'h5'],
      embeddings: Float64Array.from([1, 0, 0, 1, 5, 5, 0, 2, 1, 0.01]),
      dims: 2,
    });
    expect(report.patients).toEqual([{ key: 'p1', splits: ['test', 'train'], indices: [0, 2] }]);
    expect(report.lesions).toEqual([{ key: 'l2', splits: ['train', 'val'], indices: [1, 4] }]);
    expect(report.exactDuplicates).toEqual([{ key: 'h2', splits: ['test', 'train'], indices: [1, 3] }]);
    expect(report.nearDuplicates.map((p) => [p.a, p.b, p.splits])).toEqual([
      [0, 4, ['train', 'val']],
      [1, 3, ['train', 'test']],
    ]);
    expect(report.affectedImages).toBe(5);
  });
});
