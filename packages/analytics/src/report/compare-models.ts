import { drawStratifiedWeights, groupIndicesByStratum, percentileInterval } from '../stats/bootstrap.js';
import { createRng } from '../stats/random.js';
import { buildCaseTable } from './case-table.js';
import { finiteOrNull } from './estimates.js';
import {
  type EvaluationOptions,
  resolveEvaluationOptions,
  validateEvaluationInput,
} from './evaluation-input.js';
import { createMetricLayout } from './metric-layout.js';
import { createView } from './view.js';
import { computeViewMetrics, createScratch } from './view-metrics.js';

export interface ModelComparisonInput {
  labels: Int32Array;
  numClasses: number;
  /** Both models' probabilities on the same images, same order. */
  probabilitiesA: Float64Array;
  probabilitiesB: Float64Array;
  malignantClasses?: number[];
}

export interface MetricDifference {
  a: number | null;
  b: number | null;
  /** a - b */
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Two-sided paired-bootstrap p-value for "no difference". */
  p_value: number | null;
}

/**
 * Paired bootstrap of two models on the same images: every resample draws the same images for both,
 * so the interval of the difference reflects how the two models' errors are correlated.
 */
export function compareModels(
  input: ModelComparisonInput,
  options: EvaluationOptions = {},
): Record<string, MetricDifference> {
  const opts = resolveEvaluationOptions(options);
  const { labels, numClasses: k } = input;
  validateEvaluationInput({ probabilities: input.probabilitiesA, labels, numClasses: k });
  validateEvaluationInput({ probabilities: input.probabilitiesB, labels, numClasses: k });
  const malignant = input.malignantClasses?.length ? input.malignantClasses : null;
  const topK = [...opts.topK].filter((t) => t < k).sort((a, b) => a - b);
  const layout = createMetricLayout(k, topK, malignant !== null);
  const everyone = Int32Array.from({ length: labels.length }, (_, i) => i);
  const models = [input.probabilitiesA, input.probabilitiesB].map((probabilities) => {
    const cases = buildCaseTable(
      probabilities,
      k,
      labels,
      opts.eceBins,
      malignant,
      opts.malignancyThreshold,
      topK,
    );
    return { cases, view: createView(cases, everyone), scratch: createScratch(cases) };
  });
  const size = layout.size;
  const point = models.map((m) => {
    const out = new Float64Array(size);
    computeViewMetrics(m.cases, layout, m.view, null, opts.specificityTarget, m.scratch, out, 0);
    return out;
  });
  const differences = new Float64Array(opts.resamples * size);
  const strata = groupIndicesByStratum(labels.length, labels);
  const rng = createRng(opts.seed);
  const weights = new Float64Array(labels.length);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  for (let r = 0; r < opts.resamples; r++) {
    drawStratifiedWeights(strata, rng, weights);
    computeViewMetrics(
      models[0].cases,
      layout,
      models[0].view,
      weights,
      opts.specificityTarget,
      models[0].scratch,
      a,
      0,
    );
    computeViewMetrics(
      models[1].cases,
      layout,
      models[1].view,
      weights,
      opts.specificityTarget,
      models[1].scratch,
      b,
      0,
    );
    for (let s = 0; s < size; s++) differences[r * size + s] = a[s] - b[s];
  }
  const slots: [string, number][] = Object.entries(layout.overall);
  if (layout.malignancy)
    for (const [name, slot] of Object.entries(layout.malignancy)) slots.push([`malignancy_${name}`, slot]);
  const result: Record<string, MetricDifference> = {};
  for (const [name, slot] of slots) {
    const series = Float64Array.from(
      { length: opts.resamples },
      (_, r) => differences[r * size + slot],
    ).filter(Number.isFinite);
    const difference = point[0][slot] - point[1][slot];
    const [low, high] = percentileInterval(series, opts.confidence);
    let below = 0;
    let above = 0;
    for (const d of series) {
      if (d <= 0) below++;
      if (d >= 0) above++;
    }
    result[name] = {
      a: finiteOrNull(point[0][slot]),
      b: finiteOrNull(point[1][slot]),
      difference: finiteOrNull(difference),
      ci_low: finiteOrNull(low),
      ci_high: finiteOrNull(high),
      p_value: series.length ? Math.min(1, (2 * (Math.min(below, above) + 1)) / (series.length + 1)) : null,
    };
  }
  return result;
}
