import { calibrationBinIndex } from '../metrics/calibration.js';
import { argmaxRows, trueClassRanks } from '../metrics/classification.js';
import { reduceToMalignancy } from '../metrics/malignancy.js';

/** Everything per case that the bootstrap needs, computed once so a resample is only weighted sums. */
export interface CaseTable {
  n: number;
  numClasses: number;
  probabilities: Float64Array;
  labels: Int32Array;
  predicted: Int32Array;
  trueRank: Int32Array;
  /** Index of the smallest k in `topK` whose top-k contains the true class (topK.length if none). */
  topKBucket: Int32Array;
  brier: Float64Array;
  confidence: Float64Array;
  confidenceBin: Int32Array;
  /** y * k + predicted: the confusion-matrix cell of each case. */
  confusionCell: Int32Array;
  correct: Float64Array;
  eceBins: number;
  malignancy: MalignancyCases | null;
}

export interface MalignancyCases {
  scores: Float64Array;
  labels: Uint8Array;
  predicted: Uint8Array;
  bin: Int32Array;
  /** 0 TP, 1 FN, 2 FP, 3 TN at the threshold. */
  outcome: Int32Array;
  brier: Float64Array;
  threshold: number;
}

export function buildCaseTable(
  probabilities: Float64Array,
  numClasses: number,
  labels: Int32Array,
  eceBins: number,
  malignantClasses: readonly number[] | null,
  malignancyThreshold: number,
  topK: readonly number[] = [],
): CaseTable {
  const n = labels.length;
  const predicted = argmaxRows(probabilities, numClasses);
  const brier = new Float64Array(n);
  const confidence = new Float64Array(n);
  const confidenceBin = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < numClasses; c++) {
      const d = probabilities[i * numClasses + c] - (labels[i] === c ? 1 : 0);
      sum += d * d;
    }
    brier[i] = sum;
    confidence[i] = probabilities[i * numClasses + predicted[i]];
    confidenceBin[i] = calibrationBinIndex(confidence[i], eceBins);
  }
  const trueRank = trueClassRanks(probabilities, numClasses, labels);
  let malignancy: MalignancyCases | null = null;
  if (malignantClasses && malignantClasses.length > 0) {
    const view = reduceToMalignancy(probabilities, numClasses, labels, malignantClasses);
    const malignantPredicted = new Uint8Array(n);
    const bin = new Int32Array(n);
    const outcome = new Int32Array(n);
    const malignantBrier = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      malignantPredicted[i] = view.scores[i] >= malignancyThreshold ? 1 : 0;
      bin[i] = calibrationBinIndex(view.scores[i], eceBins);
      outcome[i] = view.labels[i] ? (malignantPredicted[i] ? 0 : 1) : malignantPredicted[i] ? 2 : 3;
      malignantBrier[i] = (view.scores[i] - view.labels[i]) ** 2;
    }
    malignancy = {
      ...view,
      predicted: malignantPredicted,
      bin,
      outcome,
      brier: malignantBrier,
      threshold: malignancyThreshold,
    };
  }
  return {
    n,
    numClasses,
    probabilities,
    labels,
    predicted,
    trueRank,
    topKBucket: Int32Array.from(trueRank, (rank) => {
      const t = topK.findIndex((k) => rank < k);
      return t < 0 ? topK.length : t;
    }),
    confusionCell: Int32Array.from(labels, (y, i) => y * numClasses + predicted[i]),
    correct: Float64Array.from(labels, (y, i) => (y === predicted[i] ? 1 : 0)),
    brier,
    confidence,
    confidenceBin,
    eceBins,
    malignancy,
  };
}
