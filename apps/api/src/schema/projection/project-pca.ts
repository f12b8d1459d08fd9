import { topEigenpairs } from './pca.js';

export interface PcaResult {
  /** Row i holds point i's [x, y]. */
  points: [number, number][];
  /** Share of the total variance along each component (0..1). */
  explainedVariance: [number, number];
}

/**
 * Projects n vectors of one dimension onto their first two principal components. Works on X^T X when d <= n and on
 * X X^T otherwise (same non-zero eigenvalues; scores are sqrt(lambda) u), whichever is smaller.
 */
export function projectPca(vectors: readonly (readonly number[])[]): PcaResult {
  const n = vectors.length;
  if (n === 0) return { points: [], explainedVariance: [0, 0] };
  const d = vectors[0].length;
  const centred = centre(vectors, d);
  const useCovariance = d <= n;
  const m = useCovariance ? d : n;
  const matrix = new Float64Array(m * m);
  if (useCovariance) {
    addOuterProducts(matrix, centred, d);
  } else {
    for (let a = 0; a < n; a++)
      for (let b = a; b < n; b++) matrix[a * m + b] = dotRows(centred[a], centred[b]);
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) matrix[i * m + j] = matrix[j * m + i];
  let trace = 0;
  for (let i = 0; i < m; i++) trace += matrix[i * m + i];
  if (!(trace > 0)) return { points: vectors.map(() => [0, 0]), explainedVariance: [0, 0] };

  const { values, vectors: axes } = topEigenpairs(matrix, m, 2);
  const scores = [0, 1].map((component) => {
    const lambda = Math.max(values[component] ?? 0, 0);
    const axis = axes[component];
    if (!axis || lambda <= trace * 1e-14) return new Float64Array(n);
    const out = useCovariance
      ? Float64Array.from(centred, (row) => dotRows(row, axis))
      : Float64Array.from(axis, (u) => u * Math.sqrt(lambda));
    return flipSign(out);
  });
  const share = (component: number) => Math.max(values[component] ?? 0, 0) / trace;
  return {
    points: Array.from({ length: n }, (_, i) => [scores[0][i], scores[1][i]]),
    explainedVariance: [share(0), share(1)],
  };
}

function centre(vectors: readonly (readonly number[])[], d: number): Float64Array[] {
  const mean = new Float64Array(d);
  for (const v of vectors) for (let i = 0; i < d; i++) mean[i] += v[i] / vectors.length;
  return vectors.map((v) => Float64Array.from({ length: d }, (_, i) => v[i] - mean[i]));
}

/**
 * Upper triangle of X^T X, four rows at a time: the d x d matrix (4.7 MB at d = 768) is swept once per four rows
 * instead of once per row, which is what bounds the speed.
 */
function addOuterProducts(matrix: Float64Array, rows: Float64Array[], d: number): void {
  const zero = new Float64Array(d);
  for (let r = 0; r < rows.length; r += 4) {
    const a = rows[r];
    const b = rows[r + 1] ?? zero;
    const c = rows[r + 2] ?? zero;
    const e = rows[r + 3] ?? zero;
    for (let i = 0; i < d; i++) {
      const ai = a[i];
      const bi = b[i];
      const ci = c[i];
      const ei = e[i];
      const offset = i * d;
      for (let j = i; j < d; j++) matrix[offset + j] += ai * a[j] + bi * b[j] + ci * c[j] + ei * e[j];
    }
  }
}

function dotRows(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The largest-magnitude score is made positive, so the same data always draws the same way round. */
function flipSign(scores: Float64Array): Float64Array {
  let largest = 0;
  for (const value of scores) if (Math.abs(value) > Math.abs(largest)) largest = value;
  if (largest < 0) for (let i = 0; i < scores.length; i++) scores[i] = -scores[i];
  return scores;
}
