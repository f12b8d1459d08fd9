/**
 * Confusion-matrix metrics for multi-class (and binary as k = 2) predictions, optionally weighted.
 * Probabilities are a row-major Float64Array of n x k.
 */
export function argmaxRows(probabilities: ArrayLike<number>, numClasses: number): Int32Array {
  const n = probabilities.length / numClasses;
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = probabilities[i * numClasses];
    for (let c = 1; c < numClasses; c++) {
      const v = probabilities[i * numClasses + c];
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    predicted[i] = best;
  }
  return predicted;
}

/** matrix[true][predicted], row-major k x k (scikit-learn's orientation). */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  numClasses: number,
  weights?: ArrayLike<number>,
): Float64Array {
  const matrix = new Float64Array(numClasses * numClasses);
  for (let i = 0; i < labels.length; i++)
    matrix[labels[i] * numClasses + predicted[i]] += weights ? weights[i] : 1;
  return matrix;
}

export interface ClassStats {
  support: number;
  sensitivity: number;
  specificity: number;
  ppv: number;
  npv: number;
  f1: number;
}

/** One-vs-rest counts for class c read off the confusion matrix; undefined ratios are NaN. */
export function classStatsFromConfusion(
  matrix: ArrayLike<number>,
  numClasses: number,
  c: number,
): ClassStats {
  let total = 0;
  let rowSum = 0;
  let columnSum = 0;
  for (let a = 0; a < numClasses; a++) {
    rowSum += matrix[c * numClasses + a];
    columnSum += matrix[a * numClasses + c];
    for (let b = 0; b < numClasses; b++) total += matrix[a * numClasses + b];
  }
  const tp = matrix[c * numClasses + c];
  const fn = rowSum - tp;
  const fp = columnSum - tp;
  const tn = total - tp - fn - fp;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    support: rowSum,
    sensitivity: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

export function accuracyFromConfusion(matrix: ArrayLike<number>, numClasses: number): number {
  let correct = 0;
  let total = 0;
  for (let a = 0; a < numClasses; a++) {
    correct += matrix[a * numClasses + a];
    for (let b = 0; b < numClasses; b++) total += matrix[a * numClasses + b];
  }
  return total > 0 ? correct / total : Number.NaN;
}

/** Mean recall over the classes present in the labels (scikit-learn's balanced_accuracy_score). */
export function balancedAccuracyFromConfusion(matrix: ArrayLike<number>, numClasses: number): number {
  let sum = 0;
  let present = 0;
  for (let c = 0; c < numClasses; c++) {
    let row = 0;
    for (let b = 0; b < numClasses; b++) row += matrix[c * numClasses + b];
    if (row > 0) {
      sum += matrix[c * numClasses + c] / row;
      present++;
    }
  }
  return present > 0 ? sum / present : Number.NaN;
}

/** Rank of the true class: how many classes score strictly higher (0 = top-1 hit). */
export function trueClassRanks(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
): Int32Array {
  const ranks = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const own = probabilities[i * numClasses + labels[i]];
    let higher = 0;
    for (let c = 0; c < numClasses; c++) if (probabilities[i * numClasses + c] > own) higher++;
    ranks[i] = higher;
  }
  return ranks;
}

/** Top-k accuracy: the true class is among the k highest scores (a tie with the true class counts in its favour). */
export function topKAccuracy(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
  k: number,
  weights?: ArrayLike<number>,
): number {
  const ranks = trueClassRanks(probabilities, numClasses, labels);
  let hit = 0;
  let total = 0;
  for (let i = 0; i < ranks.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    if (ranks[i] < k) hit += w;
  }
  return total > 0 ? hit / total : Number.NaN;
}
