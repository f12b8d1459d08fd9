import { quantileSorted, standardDeviation } from '../stats/quantile.js';
import { populationStabilityIndex } from './categorical.js';
import { kolmogorovSurvival } from './special-functions.js';

/** Finite values, sorted; a window with none is an error, not a silent NaN. */
function sortedFinite(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).filter(Number.isFinite).sort();
  if (sorted.length === 0) throw new RangeError('a drift window has no finite values');
  return sorted;
}

export interface KsResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sample Kolmogorov-Smirnov D = sup |F_ref - F_cur|. The p-value is the asymptotic Kolmogorov tail
 * with Stephens' small-sample correction, Q((sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) D), ne = n m / (n + m)
 * (Numerical Recipes 14.3); it is within a few percent of scipy's ks_2samp(method='asymp').
 */
export function kolmogorovSmirnov(reference: ArrayLike<number>, current: ArrayLike<number>): KsResult {
  const a = sortedFinite(reference);
  const b = sortedFinite(current);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  const ne = (a.length * b.length) / (a.length + b.length);
  const sqrtNe = Math.sqrt(ne);
  return { statistic: d, pValue: kolmogorovSurvival((sqrtNe + 0.12 + 0.11 / sqrtNe) * d) };
}

/** First Wasserstein distance between two empirical distributions: the area between their CDFs. */
export function wassersteinDistance(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const a = sortedFinite(reference);
  const b = sortedFinite(current);
  let i = 0;
  let j = 0;
  let previous = Math.min(a[0], b[0]);
  let area = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    area += Math.abs(i / a.length - j / b.length) * (x - previous);
    previous = x;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
  }
  return area;
}

/** Wasserstein distance in units of the reference's standard deviation (Evidently's "normed" variant, drift at >= 0.1). */
export function normalisedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const spread = standardDeviation(sortedFinite(reference));
  return wassersteinDistance(reference, current) / (spread > 0 ? spread : 1);
}

/** Bin edges at reference quantiles (deciles by default); the outer bins are open-ended. */
export function quantileBinEdges(reference: ArrayLike<number>, bins = 10): number[] {
  const sorted = sortedFinite(reference);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const edge = quantileSorted(sorted, b / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

export function histogramCounts(values: ArrayLike<number>, edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

/** PSI of a numeric variable over reference-quantile bins. */
export function numericPsi(reference: ArrayLike<number>, current: ArrayLike<number>, bins = 10): number {
  const edges = quantileBinEdges(reference, bins);
  return populationStabilityIndex(histogramCounts(reference, edges), histogramCounts(current, edges));
}

export interface NumericDrift {
  ks: KsResult;
  wasserstein: number;
  normalisedWasserstein: number;
  psi: number;
}

export function numericDrift(reference: ArrayLike<number>, current: ArrayLike<number>): NumericDrift {
  const wasserstein = wassersteinDistance(reference, current);
  const spread = standardDeviation(sortedFinite(reference));
  return {
    ks: kolmogorovSmirnov(reference, current),
    wasserstein,
    normalisedWasserstein: wasserstein / (spread > 0 ? spread : 1),
    psi: numericPsi(reference, current),
  };
}
