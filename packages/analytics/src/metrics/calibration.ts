/**
 * Brier score and expected calibration error with reliability-diagram data.
 * Multi-class Brier is the original (Brier 1950) sum over classes, range [0, 2]; for k = 2 use
 * `binaryBrierScore`, which is scikit-learn's brier_score_loss, range [0, 1].
 */
export function brierScore(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    let row = 0;
    for (let c = 0; c < numClasses; c++) {
      const d = probabilities[i * numClasses + c] - (labels[i] === c ? 1 : 0);
      row += d * d;
    }
    sum += w * row;
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}

export function binaryBrierScore(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * (scores[i] - labels[i]) ** 2;
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number | null;
  observedFrequency: number | null;
}

export interface CalibrationResult {
  ece: number;
  bins: ReliabilityBin[];
}

/** Equal-width bin of a confidence in [0, 1]; bins are (lower, upper], with 0 in the first bin. */
export function calibrationBinIndex(confidence: number, numBins: number): number {
  return Math.min(numBins - 1, Math.max(0, Math.ceil(confidence * numBins) - 1));
}

/**
 * ECE = sum_b (n_b / n) |observed_b - confidence_b| over equal-width bins (Guo et al. 2017).
 * `outcomes` is 1 when the event the confidence speaks about happened (top-label: prediction correct;
 * binary: the label is positive).
 */
export function expectedCalibrationError(
  confidences: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  numBins = 15,
  weights?: ArrayLike<number>,
): CalibrationResult {
  const count = new Float64Array(numBins);
  const confidenceSum = new Float64Array(numBins);
  const outcomeSum = new Float64Array(numBins);
  let total = 0;
  for (let i = 0; i < confidences.length; i++) {
    const w = weights ? weights[i] : 1;
    const b = calibrationBinIndex(confidences[i], numBins);
    count[b] += w;
    confidenceSum[b] += w * confidences[i];
    outcomeSum[b] += w * outcomes[i];
    total += w;
  }
  let ece = 0;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < numBins; b++) {
    const filled = count[b] > 0;
    if (filled) ece += Math.abs(outcomeSum[b] - confidenceSum[b]) / total;
    bins.push({
      lower: b / numBins,
      upper: (b + 1) / numBins,
      count: count[b],
      meanConfidence: filled ? confidenceSum[b] / count[b] : null,
      observedFrequency: filled ? outcomeSum[b] / count[b] : null,
    });
  }
  return { ece: total > 0 ? ece : Number.NaN, bins };
}

/** Top-label view of a multi-class output: confidence = max probability, outcome = argmax is right. */
export function topLabelConfidences(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
): { confidences: Float64Array; correct: Uint8Array } {
  const n = labels.length;
  const confidences = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < numClasses; c++)
      if (probabilities[i * numClasses + c] > probabilities[i * numClasses + best]) best = c;
    confidences[i] = probabilities[i * numClasses + best];
    correct[i] = best === labels[i] ? 1 : 0;
  }
  return { confidences, correct };
}
