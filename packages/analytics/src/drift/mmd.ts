import { createRng, shuffleInPlace } from '../stats/random.js';
import {
  applyRbfKernel,
  type Matrix,
  medianPairwiseDistance,
  squaredDistanceMatrix,
  stackRows,
} from './kernel-matrix.js';

export interface MmdOptions {
  permutations?: number;
  seed?: number;
  /** RBF bandwidth sigma; default: the median pairwise distance of the pooled sample. */
  bandwidth?: number;
}

export interface MmdResult {
  /** Unbiased MMD^2 (can be slightly negative when the distributions agree). */
  mmd2: number;
  /** (1 + #permutations with MMD^2 >= observed) / (1 + permutations). */
  pValue: number;
  bandwidth: number;
  permutations: number;
}

/**
 * Sums needed for the unbiased MMD^2 of a split of the pooled sample into X (mask 1) and Y:
 * with row sums R_i and total T of the off-diagonal kernel, only S_XX has to be summed afresh,
 * S_XY = sum_{i in X} R_i - S_XX and S_YY = T - S_XX - 2 S_XY, so a permutation costs m^2 / 2.
 */
function unbiasedMmd2(
  kernel: Float32Array,
  n: number,
  rowSums: Float64Array,
  total: number,
  members: Int32Array,
): number {
  const m = members.length;
  const other = n - m;
  let sxx = 0;
  let rowSumX = 0;
  for (let a = 0; a < m; a++) {
    const row = members[a] * n;
    rowSumX += rowSums[members[a]];
    let s = 0;
    for (let b = a + 1; b < m; b++) s += kernel[row + members[b]];
    sxx += s;
  }
  sxx *= 2;
  const sxy = rowSumX - sxx;
  const syy = total - sxx - 2 * sxy;
  return sxx / (m * (m - 1)) + syy / (other * (other - 1)) - (2 * sxy) / (m * other);
}

/** Kernel two-sample test (Gretton et al. 2012): MMD^2 with an RBF kernel and a permutation p-value. */
export function mmdPermutationTest(
  reference: Matrix,
  current: Matrix,
  dims: number,
  options: MmdOptions = {},
): MmdResult {
  const { permutations = 500, seed = 0 } = options;
  const m = reference.length / dims;
  const total = m + current.length / dims;
  if (m < 2 || total - m < 2) throw new RangeError('MMD needs at least two embeddings on each side');
  const pooled = stackRows(reference, current, dims);
  const rng = createRng(seed);
  const kernel = squaredDistanceMatrix(pooled, dims);
  const bandwidth = options.bandwidth ?? (medianPairwiseDistance(kernel, total, rng) || 1);
  applyRbfKernel(kernel, total, bandwidth);
  const rowSums = new Float64Array(total);
  let offDiagonal = 0;
  for (let i = 0; i < total; i++) {
    let s = 0;
    for (let j = 0; j < total; j++) if (j !== i) s += kernel[i * total + j];
    rowSums[i] = s;
    offDiagonal += s;
  }
  const observed = unbiasedMmd2(
    kernel,
    total,
    rowSums,
    offDiagonal,
    Int32Array.from({ length: m }, (_, i) => i),
  );
  const labels = new Uint8Array(total);
  const members = new Int32Array(m);
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    labels.fill(0, m);
    labels.fill(1, 0, m);
    shuffleInPlace(labels, rng);
    // Sorted member list, so each row is read front to back.
    let k = 0;
    for (let i = 0; i < total; i++) if (labels[i]) members[k++] = i;
    if (unbiasedMmd2(kernel, total, rowSums, offDiagonal, members) >= observed) atLeast++;
  }
  return { mmd2: observed, pValue: (1 + atLeast) / (1 + permutations), bandwidth, permutations };
}
