import { describe, expect, it } from 'vitest';
import { kCenterGreedy } from './k-center-greedy.js';
import { type LabellingCandidate, rankLabellingQueue } from './rank-labelling-queue.js';
import { marginUncertainty, normalizedEntropy } from './uncertainty.js';

describe('uncertainty', () => {
  it('margin is 1 - (p1 - p2)', () => {
    expect(marginUncertainty([0.7, 0.2, 0.1])).toBeCloseTo(0.5);
    expect(marginUncertainty([0.1, 0.45, 0.45])).toBeCloseTo(1);
    expect(marginUncertainty([1, 0, 0])).toBeCloseTo(0);
  });
  it('entropy is normalised by log(classes)', () => {
    expect(normalizedEntropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(1);
    expect(normalizedEntropy([1, 0, 0, 0])).toBeCloseTo(0);
    // -(0.5 ln 0.5 * 2) / ln 4 = 0.5
    expect(normalizedEntropy([0.5, 0.5, 0, 0])).toBeCloseTo(0.5);
  });
});

describe('kCenterGreedy', () => {
  const line = [[0], [1], [2], [10], [11]];
  it('takes the farthest point from everything chosen', () => {
    expect(kCenterGreedy(line, { count: 3 }).map((p) => p.index)).toEqual([0, 4, 2]);
  });
  it('starts from the given centres', () => {
    const picks = kCenterGreedy(line, { count: 2, centres: [[0]] });
    expect(picks.map((p) => p.index)).toEqual([4, 2]);
    expect(picks[0].distance).toBeCloseTo(11);
  });
  it('weights trade distance for uncertainty', () => {
    // [10] is nearer the centre than [11] but twice as uncertain.
    expect(kCenterGreedy(line, { count: 1, centres: [[0]], weights: [1, 1, 1, 2, 1] })[0].index).toBe(3);
  });
  it('refuses rows of different lengths', () => {
    expect(() => kCenterGreedy([[0, 1], [0]], { count: 1 })).toThrow(/candidate 1 has 1 values/);
  });
});

/** Three kinds of lesion; kind A's images are all the most uncertain. */
function clusteredCandidates(): LabellingCandidate[] {
  const out: LabellingCandidate[] = [];
  const kinds = [
    { name: 'a', centre: [0, 0], probabilities: [0.34, 0.33, 0.33] },
    { name: 'b', centre: [10, 0], probabilities: [0.5, 0.45, 0.05] },
    { name: 'c', centre: [0, 10], probabilities: [0.55, 0.4, 0.05] },
    { name: 'd', centre: [10, 10], probabilities: [0.98, 0.01, 0.01] },
  ];
  for (const kind of kinds) {
    for (let i = 0; i < 6; i++) {
      out.push({
        id: `${kind.name}${i}`,
        probabilities: kind.probabilities,
        embedding: [kind.centre[0] + i * 0.01, kind.centre[1] - i * 0.01],
      });
    }
  }
  return out;
}
const kindsOf = (ids: string[]) => new Set(ids.map((id) => id[0]));

describe('rankLabellingQueue', () => {
  it('UNCERTAINTY spreads one batch over the uncertain kinds instead of repeating one', () => {
    // The pool (6 x 3 most uncertain) holds kinds a, b and c; pure uncertainty would take three of a.
    const ranked = rankLabellingQueue(clusteredCandidates(), {
      strategy: 'UNCERTAINTY',
      count: 3,
      poolFactor: 6,
    });
    expect(kindsOf(ranked.map((r) => r.id))).toEqual(new Set(['a', 'b', 'c']));
    expect(ranked[0].kind).toBe('UNCERTAIN_AND_DIVERSE');
    expect(ranked[0].reason).toMatch(/unsure \(margin uncertainty \d+%\)/);
    // The confident kind d is never in the pool.
    const wide = rankLabellingQueue(clusteredCandidates(), {
      strategy: 'UNCERTAINTY',
      count: 4,
      poolFactor: 4.5,
    });
    expect(wide.some((r) => r.id.startsWith('d'))).toBe(false);
  });
  it('UNCERTAINTY without embeddings is plain uncertainty order', () => {
    const candidates = clusteredCandidates().map((c) => ({ ...c, embedding: null }));
    const ranked = rankLabellingQueue(candidates, { strategy: 'UNCERTAINTY', count: 3, measure: 'entropy' });
    expect(kindsOf(ranked.map((r) => r.id))).toEqual(new Set(['a']));
    expect(ranked[0].kind).toBe('UNCERTAIN');
  });
  it('DIVERSITY covers every kind, confident or not, and starts away from labelled images', () => {
    const ranked = rankLabellingQueue(clusteredCandidates(), {
      strategy: 'DIVERSITY',
      count: 3,
      labelledEmbeddings: [[0, 0]],
    });
    expect(kindsOf(ranked.map((r) => r.id))).toEqual(new Set(['b', 'c', 'd']));
    expect(ranked[0].id[0]).toBe('d');
  });
  it('RANDOM is a seeded permutation', () => {
    const candidates = clusteredCandidates();
    const one = rankLabellingQueue(candidates, { strategy: 'RANDOM', count: 24, seed: 7 }).map((r) => r.id);
    expect(
      rankLabellingQueue(candidates, { strategy: 'RANDOM', count: 24, seed: 7 }).map((r) => r.id),
    ).toEqual(one);
    expect(
      rankLabellingQueue(candidates, { strategy: 'RANDOM', count: 24, seed: 8 }).map((r) => r.id),
    ).not.toEqual(one);
    expect([...one].sort()).toEqual(candidates.map((c) => c.id).sort());
  });
  it('DISAGREEMENT ranks first reads the model doubts most, and skips images with none', () => {
    const ranked = rankLabellingQueue(
      [
        { id: 'x', probabilities: [0.9, 0.1], firstReadClass: 0 },
        { id: 'y', probabilities: [0.9, 0.1], firstReadClass: 1 },
        { id: 'z', probabilities: [0.9, 0.1] },
      ],
      { strategy: 'DISAGREEMENT', count: 5 },
    );
    expect(ranked.map((r) => r.id)).toEqual(['y', 'x']);
    expect(ranked[0].score).toBeCloseTo(0.9);
    expect(ranked[0].reason).toBe("The model gives the first reader's diagnosis only 10%.");
  });
  it('refuses duplicate candidates and a bad count', () => {
    expect(() => rankLabellingQueue([{ id: 'a' }, { id: 'a' }], { strategy: 'RANDOM', count: 1 })).toThrow(
      /twice/,
    );
    expect(() => rankLabellingQueue([], { strategy: 'RANDOM', count: -1 })).toThrow(/count/);
  });
});
