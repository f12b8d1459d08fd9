import type { Rng } from '../stats/random.js';

export type Matrix = Float32Array | Float64Array;

/** Pooled rows of two row-major matrices (reference first). */
export function stackRows(reference: Matrix, current: Matrix, dims: number): Float64Array {
  if (reference.length % dims !== 0 || current.length % dims !== 0)
    throw new RangeError(`embedding arrays are not a multiple of ${dims} dims`);
  const pooled = new Float64Array(reference.length + current.length);
  pooled.set(reference, 0);
  pooled.set(current, reference.length);
  return pooled;
}

/**
 * Full N x N matrix of squared Euclidean distances, as ||x||^2 + ||y||^2 - 2 x.y; the dot products are
 * computed two rows by two rows so each loaded value is used twice.
 */
export function squaredDistanceMatrix(points: Float64Array, dims: number): Float32Array {
  const n = points.length / dims;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += points[i * dims + d] ** 2;
    norms[i] = s;
  }
  const out = new Float32Array(n * n);
  const set = (i: number, j: number, dot: number) => {
    const v = Math.max(0, norms[i] + norms[j] - 2 * dot);
    out[i * n + j] = v;
    out[j * n + i] = v;
  };
  // Tiles of 64 columns stay in cache while every row pair streams past them.
  const tile = 64;
  for (let jStart = 0; jStart < n; jStart += tile) {
    const jEnd = Math.min(n, jStart + tile);
    for (let i = 0; i < jEnd; i += 2) {
      const i2 = Math.min(i + 1, n - 1);
      const ai = i * dims;
      const bi = i2 * dims;
      for (let j = Math.max(jStart, i - (i % 2)); j < jEnd; j += 2) {
        const j2 = Math.min(j + 1, jEnd - 1);
        const aj = j * dims;
        const bj = j2 * dims;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let d = 0; d < dims; d++) {
          const x0 = points[ai + d];
          const x1 = points[bi + d];
          const y0 = points[aj + d];
          const y1 = points[bj + d];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s10 += x1 * y0;
          s11 += x1 * y1;
        }
        set(i, j, s00);
        set(i, j2, s01);
        set(i2, j, s10);
        set(i2, j2, s11);
      }
    }
  }
  for (let i = 0; i < n; i++) out[i * n + i] = 0;
  return out;
}

/**
 * Median of the pairwise distances (the median heuristic for the RBF bandwidth). Exact up to
 * 2 million pairs; beyond that, the median of 1 million seeded random pairs.
 */
export function medianPairwiseDistance(squared: Float32Array, n: number, rng: Rng): number {
  const pairs = (n * (n - 1)) / 2;
  let values: Float64Array;
  if (pairs <= 2_000_000) {
    values = new Float64Array(pairs);
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) values[k++] = squared[i * n + j];
  } else {
    values = new Float64Array(1_000_000);
    for (let k = 0; k < values.length; k++) {
      const i = rng.nextInt(n);
      let j = rng.nextInt(n - 1);
      if (j >= i) j++;
      values[k] = squared[i * n + j];
    }
  }
  const mid = values.length >> 1;
  const upper = selectKth(values, mid);
  // Even count: the lower middle is the largest value left of `mid` after selection.
  let lower = upper;
  if (values.length % 2 === 0) {
    lower = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < mid; k++) if (values[k] > lower) lower = values[k];
  }
  return Math.sqrt((lower + upper) / 2);
}

/** Hoare's quickselect: the k-th smallest value, partially reordering `values`. */
export function selectKth(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/** In place, for a symmetric N x N matrix: squared distances -> RBF kernel exp(-d^2 / (2 sigma^2)). */
export function applyRbfKernel(squared: Float32Array, n: number, bandwidth: number): Float32Array {
  const scale = -1 / (2 * bandwidth * bandwidth);
  for (let i = 0; i < n; i++) {
    squared[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const v = Math.exp(squared[i * n + j] * scale);
      squared[i * n + j] = v;
      squared[j * n + i] = v;
    }
  }
  return squared;
}
