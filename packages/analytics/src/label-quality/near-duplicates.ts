import type { Matrix } from '../drift/kernel-matrix.js';

export interface RatioPair {
  a: number;
  b: number;
  distance: number;
  /** distance / the larger of the two images' distances to their second-nearest image. */
  ratio: number;
}

/** Nearest and second-nearest neighbour of every row (Euclidean, brute force O(n^2 d)). */
export function nearestTwo(
  rows: Matrix,
  dims: number,
): { nearest: Int32Array; first: Float64Array; second: Float64Array } {
  const n = rows.length / dims;
  const nearest = new Int32Array(n).fill(-1);
  const first = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const second = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const offer = (i: number, j: number, d: number) => {
    if (d < first[i]) {
      second[i] = first[i];
      first[i] = d;
      nearest[i] = j;
    } else if (d < second[i]) second[i] = d;
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let sum = 0;
      for (let d = 0; d < dims; d++) sum += (rows[a * dims + d] - rows[b * dims + d]) ** 2;
      const distance = Math.sqrt(sum);
      offer(a, b, distance);
      offer(b, a, distance);
    }
  }
  return { nearest, first, second };
}

/**
 * Near-duplicates by the ratio test (Lowe's, for matching): two images are near-copies when each is the other's
 * nearest neighbour and much nearer than anything else, distance < ratio x each one's second-nearest distance.
 * It needs no absolute threshold, so it holds whatever the scale of the features (pixels or an embedding), and a
 * set of features too flat to tell images apart yields no pairs instead of thousands. The pair must also lie
 * within `maxRelativeDistance` of the median nearest-neighbour distance.
 */
export function findRatioNearDuplicates(
  rows: Matrix,
  dims: number,
  ratio = 0.4,
  maxRelativeDistance = 0.5,
): RatioPair[] {
  const { nearest, first, second } = nearestTwo(rows, dims);
  // Calibrated on the data's own scale: a near-copy is also far closer than a typical image's nearest neighbour.
  const typical = [...first].sort((a, b) => a - b)[first.length >> 1];
  const pairs: RatioPair[] = [];
  for (let a = 0; a < nearest.length; a++) {
    const b = nearest[a];
    if (b <= a || nearest[b] !== a) continue;
    const worst = Math.max(first[a] / second[a], first[b] / second[b]);
    if (worst < ratio && first[a] < maxRelativeDistance * typical)
      pairs.push({ a, b, distance: first[a], ratio: worst });
  }
  return pairs.sort((x, y) => x.ratio - y.ratio);
}

export interface EmbeddingConfirmation {
  /** Per pair: b is among a's k nearest in the embedding, and a among b's. */
  confirmed: boolean[];
  /** Median pairwise distance / mean norm: near 0 when the embedding has collapsed to a point. */
  relativeSpread: number;
  /** Whether the embedding can tell images apart (spread, and it confirms most pixel pairs). */
  healthy: boolean;
  warning: string | null;
}

/** Checks pixel-found pairs against an embedding, and says when the embedding is too flat to judge. */
export function confirmWithEmbedding(
  pairs: readonly { a: number; b: number }[],
  embeddings: Matrix,
  dims: number,
  k = 5,
  minSpread = 1e-3,
): EmbeddingConfirmation {
  const n = embeddings.length / dims;
  const distance = (a: number, b: number) => {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += (embeddings[a * dims + d] - embeddings[b * dims + d]) ** 2;
    return Math.sqrt(sum);
  };
  const rank = (a: number, b: number) => {
    const target = distance(a, b);
    let closer = 0;
    for (let j = 0; j < n && closer < k; j++) if (j !== a && j !== b && distance(a, j) < target) closer++;
    return closer;
  };
  const confirmed = pairs.map(({ a, b }) => rank(a, b) < k && rank(b, a) < k);
  const sample: number[] = [];
  let norms = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += embeddings[i * dims + d] ** 2;
    norms += Math.sqrt(sum) / n;
    if (i > 0 && i % 7 === 0) sample.push(distance(i, (i * 31) % i));
  }
  sample.sort((x, y) => x - y);
  const relativeSpread = sample.length && norms > 0 ? sample[sample.length >> 1] / norms : 0;
  const share = pairs.length ? confirmed.filter(Boolean).length / pairs.length : 1;
  const healthy = relativeSpread >= minSpread && share >= 0.5;
  const warning = healthy
    ? null
    : relativeSpread < minSpread
      ? `The embedding's spread is too small to tell images apart (median distance ${relativeSpread.toExponential(2)} of the mean norm); near-duplicates come from the pixels alone.`
      : `The embedding confirms only ${Math.round(share * 100)}% of the pixel near-duplicates; it cannot yet tell near-copies apart, so they come from the pixels alone.`;
  return { confirmed, relativeSpread, healthy, warning };
}
