import { argsortDescending } from '../stats/quantile.js';
import type { CaseTable } from './case-table.js';

/**
 * Cases sorted once by one score, with each position's label and whether it starts a new block of
 * tied scores, so that a resample's ranking metrics are one branch-light sequential pass.
 */
export interface RankedCases {
  order: Int32Array;
  positive: Float64Array;
  tieStart: Uint8Array;
}

/** A set of cases (everyone, or one subgroup) with its score orders sorted once. */
export interface View {
  indices: Int32Array;
  classRankings: RankedCases[];
  malignancyRanking: RankedCases | null;
}

export function rankCases(
  scores: ArrayLike<number>,
  isPositive: ArrayLike<number>,
  indices: Int32Array,
): RankedCases {
  return rankedFromOrder(scores, isPositive, argsortDescending(scores, indices));
}

function rankedFromOrder(
  scores: ArrayLike<number>,
  isPositive: ArrayLike<number>,
  order: Int32Array,
): RankedCases {
  const positive = new Float64Array(order.length);
  const tieStart = new Uint8Array(order.length);
  for (let j = 0; j < order.length; j++) {
    positive[j] = isPositive[order[j]] ? 1 : 0;
    tieStart[j] = j === 0 || scores[order[j]] !== scores[order[j - 1]] ? 1 : 0;
  }
  return { order, positive, tieStart };
}

export function createView(cases: CaseTable, indices: Int32Array): View {
  const classRankings: RankedCases[] = [];
  const column = new Float64Array(cases.n);
  const isClass = new Uint8Array(cases.n);
  for (let c = 0; c < cases.numClasses; c++) {
    for (let i = 0; i < cases.n; i++) {
      column[i] = cases.probabilities[i * cases.numClasses + c];
      isClass[i] = cases.labels[i] === c ? 1 : 0;
    }
    classRankings.push(rankCases(column, isClass, indices));
  }
  const mal = cases.malignancy;
  return {
    indices,
    classRankings,
    malignancyRanking: mal ? rankCases(mal.scores, mal.labels, indices) : null,
  };
}

/** A subgroup's view from the full view: its orders are the full orders filtered (no re-sorting). */
export function createSubView(cases: CaseTable, full: View, indices: Int32Array): View {
  const member = new Uint8Array(cases.n);
  for (const i of indices) member[i] = 1;
  const restrict = (ranked: RankedCases): RankedCases => {
    const order = new Int32Array(indices.length);
    const positive = new Float64Array(indices.length);
    const tieStart = new Uint8Array(indices.length);
    let k = 0;
    let previous = -1;
    for (let j = 0; j < ranked.order.length; j++) {
      const i = ranked.order[j];
      if (!member[i]) continue;
      // A new tie block starts if any block boundary lies between this case and the previous member.
      let boundary = previous < 0 ? 1 : 0;
      for (let t = previous + 1; t <= j && !boundary; t++) boundary = ranked.tieStart[t];
      order[k] = i;
      positive[k] = ranked.positive[j];
      tieStart[k] = boundary;
      previous = j;
      k++;
    }
    return { order, positive, tieStart };
  };
  return {
    indices,
    classRankings: full.classRankings.map(restrict),
    malignancyRanking: full.malignancyRanking ? restrict(full.malignancyRanking) : null,
  };
}

export interface RankingSummary {
  auroc: number;
  averagePrecision: number;
  sensitivityAtSpecificity: number;
}

/**
 * One pass computing AUROC (ties = 1/2, Mann-Whitney), average precision and the best sensitivity at
 * >= target specificity; `positives`/`negatives` are the weighted totals of the view.
 */
export function summariseRanking(
  ranked: RankedCases,
  weights: Float64Array | null,
  positives: number,
  negatives: number,
  targetSpecificity: number,
  out: RankingSummary,
): void {
  if (positives <= 0 || negatives <= 0) {
    out.auroc = Number.NaN;
    out.averagePrecision = positives > 0 ? 1 : Number.NaN;
    out.sensitivityAtSpecificity = Number.NaN;
    return;
  }
  const { order, positive, tieStart } = ranked;
  const maxFp = negatives * (1 - targetSpecificity) + 1e-9;
  let tp = 0;
  let fp = 0;
  let pairs = 0;
  let ap = 0;
  let best = 0;
  let groupPos = 0;
  let groupNeg = 0;
  for (let j = 0; j <= order.length; j++) {
    if (j === order.length || tieStart[j] === 1) {
      // Close the previous block of tied scores (empty blocks change nothing).
      pairs += groupNeg * (tp + 0.5 * groupPos);
      tp += groupPos;
      fp += groupNeg;
      if (groupPos > 0) ap += (groupPos / positives) * (tp / (tp + fp));
      if (fp <= maxFp) best = tp;
      groupPos = 0;
      groupNeg = 0;
      if (j === order.length) break;
    }
    const w = weights === null ? 1 : weights[order[j]];
    const p = positive[j];
    groupPos += w * p;
    groupNeg += w - w * p;
  }
  out.auroc = pairs / (positives * negatives);
  out.averagePrecision = ap;
  out.sensitivityAtSpecificity = best / positives;
}
