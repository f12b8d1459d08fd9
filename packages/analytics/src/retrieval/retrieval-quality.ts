import { binaryAuroc } from '../metrics/ranking.js';

/**
 * Quality of similar-case search, as evaluated by Tschandl et al. (2019, Br J Dermatol, "Diagnostic
 * accuracy of content-based dermatoscopic image retrieval..."): for each query, its nearest
 * neighbours' diagnoses (nearest first).
 */
export interface RetrievalInput {
  queryLabels: ArrayLike<number>;
  /** neighbourLabels[q] = labels of query q's neighbours, nearest first (the query itself excluded). */
  neighbourLabels: ArrayLike<number>[];
  ks?: number[];
  /** Classes that are malignant, for the malignancy AUROC. */
  malignantClasses?: number[];
}

export interface RetrievalAtK {
  k: number;
  /** Mean share of the first k neighbours with the query's diagnosis. */
  precision: number;
  /** The most frequent diagnosis among the k neighbours is the query's (ties: the nearer label wins). */
  majorityVoteAccuracy: number;
  /** AUROC of the share of malignant neighbours for telling malignant queries from benign ones. */
  malignancyAuroc: number | null;
}

export function majorityLabel(neighbours: ArrayLike<number>, k: number): number {
  const votes = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  for (let j = 0; j < Math.min(k, neighbours.length); j++) {
    votes.set(neighbours[j], (votes.get(neighbours[j]) ?? 0) + 1);
    if (!firstSeen.has(neighbours[j])) firstSeen.set(neighbours[j], j);
  }
  let best = -1;
  for (const [label, count] of votes) {
    const bestCount = votes.get(best) ?? -1;
    if (
      count > bestCount ||
      (count === bestCount && (firstSeen.get(label) as number) < (firstSeen.get(best) as number))
    )
      best = label;
  }
  return best;
}

export function evaluateRetrieval(input: RetrievalInput): RetrievalAtK[] {
  const { queryLabels, neighbourLabels, ks = [5, 10, 16] } = input;
  const malignant = input.malignantClasses ? new Set(input.malignantClasses) : null;
  const q = queryLabels.length;
  if (neighbourLabels.length !== q)
    throw new RangeError(`${neighbourLabels.length} neighbour lists for ${q} queries`);
  return ks.map((k) => {
    let precision = 0;
    let correct = 0;
    const malignantShare = new Float64Array(q);
    const queryMalignant = new Uint8Array(q);
    for (let i = 0; i < q; i++) {
      const neighbours = neighbourLabels[i];
      const used = Math.min(k, neighbours.length);
      if (used === 0) throw new RangeError(`query ${i} has no neighbours`);
      let same = 0;
      let malignantCount = 0;
      for (let j = 0; j < used; j++) {
        if (neighbours[j] === queryLabels[i]) same++;
        if (malignant?.has(neighbours[j])) malignantCount++;
      }
      precision += same / used;
      if (majorityLabel(neighbours, k) === queryLabels[i]) correct++;
      malignantShare[i] = malignantCount / used;
      queryMalignant[i] = malignant?.has(queryLabels[i]) ? 1 : 0;
    }
    const auroc = malignant ? binaryAuroc({ scores: malignantShare, labels: queryMalignant }) : Number.NaN;
    return {
      k,
      precision: precision / q,
      majorityVoteAccuracy: correct / q,
      malignancyAuroc: Number.isFinite(auroc) ? auroc : null,
    };
  });
}
