import { argsortDescending } from '../stats/quantile.js';

/**
 * Binary ranking metrics. All take scores (higher = more positive), 0/1 labels, optional case
 * weights (a bootstrap resample is a weight vector of draw counts) and an optional precomputed
 * descending order, so the bootstrap sorts once and then walks the order in O(n) per resample.
 */
export interface BinaryScoresInput {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
  weights?: ArrayLike<number>;
  /** Indices sorted by descending score; may cover a subset (a subgroup). */
  order?: Int32Array;
}

interface TieGroup {
  score: number;
  positive: number;
  negative: number;
}

/** Walks the order in blocks of tied scores, yielding weighted positive/negative mass per block. */
function forEachTieGroup(input: BinaryScoresInput, visit: (group: TieGroup) => void): void {
  const { scores, labels, weights } = input;
  const order = input.order ?? argsortDescending(scores);
  const group: TieGroup = { score: Number.NaN, positive: 0, negative: 0 };
  let open = false;
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const s = scores[i];
    if (open && s !== group.score) {
      visit(group);
      group.positive = 0;
      group.negative = 0;
    }
    group.score = s;
    open = true;
    if (labels[i] === 1) group.positive += w;
    else group.negative += w;
  }
  if (open) visit(group);
}

/** AUROC as the Mann-Whitney U / (P N): ties between a positive and a negative count one half. */
export function binaryAuroc(input: BinaryScoresInput): number {
  let positiveAbove = 0;
  let pairs = 0;
  let negatives = 0;
  forEachTieGroup(input, (g) => {
    pairs += g.negative * (positiveAbove + 0.5 * g.positive);
    positiveAbove += g.positive;
    negatives += g.negative;
  });
  if (positiveAbove === 0 || negatives === 0) return Number.NaN;
  return pairs / (positiveAbove * negatives);
}

export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

/** ROC points at every distinct threshold (predict positive when score >= threshold), from (0,0). */
export function rocCurve(input: BinaryScoresInput): RocPoint[] {
  const groups: TieGroup[] = [];
  forEachTieGroup(input, (g) => groups.push({ ...g }));
  const positives = groups.reduce((s, g) => s + g.positive, 0);
  const negatives = groups.reduce((s, g) => s + g.negative, 0);
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (const g of groups) {
    tp += g.positive;
    fp += g.negative;
    points.push({
      threshold: g.score,
      fpr: negatives ? fp / negatives : Number.NaN,
      tpr: positives ? tp / positives : Number.NaN,
    });
  }
  return points;
}

export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/** Precision-recall points by decreasing threshold (as scikit-learn's, reversed, without the (1, 0) end). */
export function precisionRecallCurve(input: BinaryScoresInput): PrPoint[] {
  const groups: TieGroup[] = [];
  forEachTieGroup(input, (g) => groups.push({ ...g }));
  const positives = groups.reduce((s, g) => s + g.positive, 0);
  const points: PrPoint[] = [];
  let tp = 0;
  let predicted = 0;
  for (const g of groups) {
    tp += g.positive;
    predicted += g.positive + g.negative;
    points.push({
      threshold: g.score,
      precision: tp / predicted,
      recall: positives ? tp / positives : Number.NaN,
    });
  }
  return points;
}

/** Average precision = sum over thresholds of (R_n - R_{n-1}) P_n (scikit-learn's step-wise AUPRC). */
export function averagePrecision(input: BinaryScoresInput): number {
  let positives = 0;
  forEachTieGroup(input, (g) => {
    positives += g.positive;
  });
  if (positives === 0) return Number.NaN;
  let tp = 0;
  let predicted = 0;
  let sum = 0;
  forEachTieGroup(input, (g) => {
    tp += g.positive;
    predicted += g.positive + g.negative;
    sum += (g.positive / positives) * (tp / predicted);
  });
  return sum;
}

export interface OperatingPoint {
  sensitivity: number;
  specificity: number;
  threshold: number;
}

/** Highest sensitivity among thresholds whose specificity is at least `targetSpecificity`. */
export function sensitivityAtSpecificity(
  input: BinaryScoresInput,
  targetSpecificity: number,
): OperatingPoint {
  let positives = 0;
  let negatives = 0;
  forEachTieGroup(input, (g) => {
    positives += g.positive;
    negatives += g.negative;
  });
  if (positives === 0 || negatives === 0)
    return { sensitivity: Number.NaN, specificity: Number.NaN, threshold: Number.NaN };
  let best: OperatingPoint = { sensitivity: 0, specificity: 1, threshold: Number.POSITIVE_INFINITY };
  let tp = 0;
  let fp = 0;
  // Small tolerance so 19/20 counts as 0.95 despite floating point.
  const floor = targetSpecificity - 1e-12;
  forEachTieGroup(input, (g) => {
    tp += g.positive;
    fp += g.negative;
    const specificity = 1 - fp / negatives;
    if (specificity >= floor) best = { sensitivity: tp / positives, specificity, threshold: g.score };
  });
  return best;
}
