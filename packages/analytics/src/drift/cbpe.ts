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

export interface ExpectedMulticlassPerformance {
  n: number;
  accuracy: number;
  /** One-vs-rest expected sensitivity and specificity per class (predicted class = argmax). */
  perClass: { sensitivity: number; specificity: number }[];
}

/**
 * Multi-class CBPE: with calibrated probabilities p_ic and predicted class yhat_i = argmax,
 * E[TP_c] = sum_{yhat = c} p_ic, E[P_c] = sum_i p_ic, E[TN_c] = sum_{yhat != c} (1 - p_ic),
 * E[N_c] = sum_i (1 - p_ic).
 */
export function estimateMulticlassPerformance(
  probabilities: ArrayLike<number>,
  numClasses: number,
  indices?: ArrayLike<number>,
): ExpectedMulticlassPerformance {
  const count = indices ? indices.length : probabilities.length / numClasses;
  const tp = new Float64Array(numClasses);
  const positives = new Float64Array(numClasses);
  const tn = new Float64Array(numClasses);
  let correct = 0;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    let best = 0;
    for (let c = 1; c < numClasses; c++)
      if (probabilities[i * numClasses + c] > probabilities[i * numClasses + best]) best = c;
    correct += probabilities[i * numClasses + best];
    for (let c = 0; c < numClasses; c++) {
      const p = probabilities[i * numClasses + c];
      positives[c] += p;
      if (c === best) tp[c] += p;
      else tn[c] += 1 - p;
    }
  }
  return {
    n: count,
    accuracy: correct / count,
    perClass: Array.from({ length: numClasses }, (_, c) => ({
      sensitivity: positives[c] > 0 ? tp[c] / positives[c] : Number.NaN,
      specificity: count - positives[c] > 0 ? tn[c] / (count - positives[c]) : Number.NaN,
    })),
  };
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

/** Multi-class CBPE per subgroup. */
export function estimateMulticlassPerformanceByGroup(
  probabilities: ArrayLike<number>,
  numClasses: number,
  attributes: AttributeTable,
  groupBy: (string | string[])[],
  options: { minGroupSize?: number } = {},
): Record<string, Record<string, ExpectedMulticlassPerformance | { n: number; insufficient: string }>> {
  const { minGroupSize = 30 } = options;
  const n = probabilities.length / numClasses;
  const out: Record<
    string,
    Record<string, ExpectedMulticlassPerformance | { n: number; insufficient: string }>
  > = {};
  for (const spec of groupBy) {
    const groups: Record<string, ExpectedMulticlassPerformance | { n: number; insufficient: string }> = {};
    for (const group of splitIntoGroups(attributes, spec, n)) {
      groups[group.value] =
        group.indices.length < minGroupSize
          ? {
              n: group.indices.length,
              insufficient: `n = ${group.indices.length} is below the minimum group size of ${minGroupSize}`,
            }
          : estimateMulticlassPerformance(probabilities, numClasses, group.indices);
    }
    out[groupingKey(spec)] = groups;
  }
  return out;
}
