import {
  argmaxRows,
  balancedAccuracyFromConfusion,
  bootstrapInterval,
  confusionMatrix,
  type Interval,
  oneVsRestAuroc,
} from '@dermino/analytics';

export interface ProbeScore {
  bacc: Interval;
  auroc: Interval;
}

/** Balanced accuracy and macro one-vs-rest AUROC with 95% percentile-bootstrap intervals (resamples within class). */
export function scoreProbabilities(
  probabilities: Float32Array,
  labels: Int32Array,
  classes: number,
  resamples = 1000,
): ProbeScore {
  const predicted = argmaxRows(probabilities, classes);
  const options = { resamples, seed: 13, strata: labels };
  return {
    bacc: bootstrapInterval(
      labels.length,
      (w) => balancedAccuracyFromConfusion(confusionMatrix(labels, predicted, classes, w), classes),
      options,
    ),
    auroc: bootstrapInterval(
      labels.length,
      (w) => oneVsRestAuroc(probabilities, classes, labels, w).macro,
      options,
    ),
  };
}

export const formatInterval = (i: Interval) =>
  `${i.value.toFixed(3)} [${i.ci_low.toFixed(3)}, ${i.ci_high.toFixed(3)}]`;
