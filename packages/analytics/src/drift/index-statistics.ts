import type { Rng } from '../stats/random.js';
import { jensenShannonDistance } from './categorical.js';
import {
  applyRbfKernel,
  type Matrix,
  medianPairwiseDistance,
  squaredDistanceMatrix,
} from './kernel-matrix.js';
import { kolmogorovSmirnov } from './numeric.js';

/**
 * A drift statistic of two sets of rows (indices into the monitored data): larger means more different.
 * Working on indices lets one precomputed table (a category code, a kernel matrix) serve every window,
 * every reference resample and every segment.
 */
export type IndexStatistic = (reference: ArrayLike<number>, current: ArrayLike<number>) => number;

/** Jensen-Shannon distance between the category shares of the two sets. */
export function categoricalStatistic(values: ArrayLike<string>): IndexStatistic {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    let code = index.get(values[i]);
    if (code === undefined) {
      code = index.size;
      index.set(values[i], code);
    }
    codes[i] = code;
  }
  const k = index.size;
  return (reference, current) => {
    const p = new Float64Array(k);
    const q = new Float64Array(k);
    for (let i = 0; i < reference.length; i++) p[codes[reference[i]]]++;
    for (let i = 0; i < current.length; i++) q[codes[current[i]]]++;
    return reference.length && current.length ? jensenShannonDistance(p, q) : Number.NaN;
  };
}

/** Kolmogorov-Smirnov D between the values of the two sets (missing values left out). */
export function numericStatistic(values: ArrayLike<number | null>): IndexStatistic {
  const finite = (indices: ArrayLike<number>) => {
    const out: number[] = [];
    for (let i = 0; i < indices.length; i++) {
      const value = values[indices[i]];
      if (value !== null && Number.isFinite(value)) out.push(value);
    }
    return out;
  };
  return (reference, current) => {
    const [a, b] = [finite(reference), finite(current)];
    return a.length >= 2 && b.length >= 2 ? kolmogorovSmirnov(a, b).statistic : Number.NaN;
  };
}

/**
 * Squared maximum mean discrepancy (biased V-statistic) with an RBF kernel over all rows, the bandwidth the
 * median distance between reference rows. The n x n kernel is computed once (n = 2,000: 16 MB).
 */
export function kernelMmdStatistic(
  rows: Matrix,
  dims: number,
  bandwidthFrom: ArrayLike<number>,
  rng: Rng,
): IndexStatistic {
  const n = rows.length / dims;
  const points = Float64Array.from(rows);
  const squared = squaredDistanceMatrix(points, dims);
  const sample = Float64Array.from(bandwidthFrom, (i) => i);
  const subset = new Float64Array(sample.length * dims);
  sample.forEach((row, r) => {
    subset.set(points.subarray(row * dims, (row + 1) * dims), r * dims);
  });
  const bandwidth = medianPairwiseDistance(squaredDistanceMatrix(subset, dims), sample.length, rng) || 1;
  const kernel = applyRbfKernel(squared, n, bandwidth);
  const meanKernel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) {
      const row = a[i] * n;
      for (let j = 0; j < b.length; j++) sum += kernel[row + b[j]];
    }
    return sum / (a.length * b.length);
  };
  return (reference, current) =>
    reference.length && current.length
      ? meanKernel(reference, reference) + meanKernel(current, current) - 2 * meanKernel(reference, current)
      : Number.NaN;
}
