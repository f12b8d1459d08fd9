import { type AttributeTable, groupingKey, splitIntoGroups } from '../fairness/groups.js';

/**
 * Confidence-based performance estimation (CBPE, NannyML): when labels have not arrived, a calibrated
 * probability p of the positive class is the expected share of positives, so the expected confusion
 * counts are E[TP] = sum over flagged cases of p, E[FP] = sum over flagged of (1 - p), and so on.
 */
export interface ExpectedPerformance {
  n: number;
  accuracy: number;
  sensitivity: number;
  specificity: number;
  prevalence: number;
}

export function estimateBinaryPerformance(
  scores: ArrayLike<number>,
  threshold = 0.5,
  indices?: ArrayLike<number>,
): ExpectedPerformance {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const count = indices ? indices.length : scores.length;
  for (let k = 0; k < count; k++) {
    const p = scores[indices ? indices[k] : k];
    if (p >= threshold) {
      tp += p;
      fp += 1 - p;
    } else {
      fn += p;
      tn += 1 - p;
    }
  }
  return {
    n: count,
    accuracy: (tp + tn) / count,
    sensitivity: tp + fn > 0 ? tp / (tp + fn) : Number.NaN,
    specificity: tn + fp > 0 ? tn / (tn + fp) : Number.NaN,
    prevalence: (tp + fn) / count,
  };
}

/** Expected multi-class accuracy: the mean probability of the predicted (argmax) class. */
export function estimateMulticlassAccuracy(probabilities: ArrayLike<number>, numClasses: number): number {
  const n = probabilities.length / numClasses;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 0; c < numClasses; c++) best = Math.max(best, probabilities[i * numClasses + c]);
    sum += best;
  }
  return sum / n;
}

/** CBPE per subgroup, with the same minimum-n guard as measured metrics. */
export function estimatePerformanceByGroup(
  scores: ArrayLike<number>,
  attributes: AttributeTable,
  groupBy: (string | string[])[],
  options: { threshold?: number; minGroupSize?: number } = {},
): Record<string, Record<string, ExpectedPerformance | { n: number; insufficient: string }>> {
  const { threshold = 0.5, minGroupSize = 30 } = options;
  const out: Record<string, Record<string, ExpectedPerformance | { n: number; insufficient: string }>> = {};
  for (const spec of groupBy) {
    const groups: Record<string, ExpectedPerformance | { n: number; insufficient: string }> = {};
    for (const group of splitIntoGroups(attributes, spec, scores.length)) {
      groups[group.value] =
        group.indices.length < minGroupSize
          ? {
              n: group.indices.length,
              insufficient: `n = ${group.indices.length} is below the minimum group size of ${minGroupSize}`,
            }
          : estimateBinaryPerformance(scores, threshold, group.indices);
    }
    out[groupingKey(spec)] = groups;
  }
  return out;
}
