import { buildEvaluationReport } from './build-report.js';
import { compareModels, type MetricDifference } from './compare-models.js';
import type { EvaluationOptions } from './evaluation-input.js';
import type { MetricEstimate } from './report-types.js';

/** The metrics a baseline is reported on, in the report's names. */
export const BASELINE_METRICS = ['balanced_accuracy', 'macro_auroc', 'accuracy'] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

export interface BaselineComparisonInput {
  labels: Int32Array;
  numClasses: number;
  /** The model's and the baseline's probabilities on the same images, same order. */
  modelProbabilities: Float64Array;
  baselineProbabilities: Float64Array;
}

export interface BaselineComparison {
  /** The baseline's own metrics with bootstrap intervals. */
  baseline: Record<BaselineMetric, MetricEstimate>;
  /** Model minus baseline (a = model, b = baseline), paired bootstrap on the same images. */
  gain: Record<BaselineMetric, MetricDifference>;
  /** The model's balanced accuracy is above the baseline's (point estimates); false flags the model. */
  beats_baseline: boolean;
  /** ...and the interval of the gain lies above 0. */
  beats_baseline_clearly: boolean;
}

/**
 * A model against a baseline on the same images: the baseline's metrics with intervals, and the model's gain over
 * it with a paired-bootstrap interval, so a report can say "the backbone adds +x balanced accuracy over pixels".
 */
export function compareWithBaseline(
  input: BaselineComparisonInput,
  options: EvaluationOptions = {},
): BaselineComparison {
  const { labels, numClasses } = input;
  const report = buildEvaluationReport(
    { probabilities: input.baselineProbabilities, numClasses, labels },
    options,
  );
  const differences = compareModels(
    {
      labels,
      numClasses,
      probabilitiesA: input.modelProbabilities,
      probabilitiesB: input.baselineProbabilities,
    },
    options,
  );
  const baseline = {} as Record<BaselineMetric, MetricEstimate>;
  const gain = {} as Record<BaselineMetric, MetricDifference>;
  for (const metric of BASELINE_METRICS) {
    baseline[metric] = report.overall[metric];
    gain[metric] = differences[metric];
  }
  const balanced = gain.balanced_accuracy;
  return {
    baseline,
    gain,
    beats_baseline: balanced.difference !== null && balanced.difference > 0,
    beats_baseline_clearly: balanced.ci_low !== null && balanced.ci_low > 0,
  };
}
