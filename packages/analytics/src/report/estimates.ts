import { percentileInterval } from '../stats/bootstrap.js';
import type { MetricEstimate } from './report-types.js';

/** Bootstrap samples of every metric for one view: samples[b * size + slot]. */
export interface ViewSamples {
  point: Float64Array;
  samples: Float64Array;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

export function metricSeries(view: ViewSamples, slot: number, size: number, resamples: number): Float64Array {
  const series = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) series[b] = view.samples[b * size + slot];
  return series;
}

export function estimateFromSeries(
  value: number,
  series: Float64Array,
  confidence: number,
  note?: string,
): MetricEstimate {
  if (note || !Number.isFinite(value))
    return { value: null, ci_low: null, ci_high: null, note: note ?? 'undefined for these cases' };
  if (series.length === 0) return { value, ci_low: null, ci_high: null };
  const [low, high] = percentileInterval(series, confidence);
  const estimate: MetricEstimate = { value, ci_low: finiteOrNull(low), ci_high: finiteOrNull(high) };
  if (estimate.ci_low === null)
    estimate.note = 'interval unstable: the metric is undefined in over 10% of resamples';
  return estimate;
}

export function estimateSlot(
  view: ViewSamples,
  slot: number,
  size: number,
  resamples: number,
  confidence: number,
  note?: string,
): MetricEstimate {
  return estimateFromSeries(view.point[slot], metricSeries(view, slot, size, resamples), confidence, note);
}

export { finiteOrNull };
