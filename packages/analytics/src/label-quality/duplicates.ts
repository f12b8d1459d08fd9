import type { Matrix } from '../drift/kernel-matrix.js';

/** Groups of indices sharing a content hash (only groups of two or more). */
export function findExactDuplicates(hashes: ArrayLike<string>): number[][] {
  const byHash = new Map<string, number[]>();
  for (let i = 0; i < hashes.length; i++) {
    const list = byHash.get(hashes[i]);
    if (list) list.push(i);
    else byHash.set(hashes[i], [i]);
  }
  return [...byHash.values()].filter((g) => g.length > 1);
}

export interface NearDuplicatePair {
  a: number;
  b: number;
  /** 1 - cosine similarity. */
  distance: number;
}

function normaliseRows(embeddings: Matrix, dims: number): Float64Array {
  const out = Float64Array.from(embeddings);
  for (let i = 0; i < out.length; i += dims) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[i + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[i + d] /= norm;
  }
  return out;
}

/** Pairs of embeddings within cosine distance `threshold` (default 0.1); brute force, O(n^2 d). */
export function findNearDuplicatePairs(
  embeddings: Matrix,
  dims: number,
  threshold = 0.1,
): NearDuplicatePair[] {
  const unit = normaliseRows(embeddings, dims);
  const n = unit.length / dims;
  const pairs: NearDuplicatePair[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += unit[a * dims + d] * unit[b * dims + d];
      const distance = 1 - dot;
      if (distance <= threshold) pairs.push({ a, b, distance: Math.max(0, distance) });
    }
  }
  return pairs;
}

/** Connected groups of near-duplicates (a ~ b, b ~ c puts a, b, c together), by union-find. */
export function clusterPairs(n: number, pairs: { a: number; b: number }[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const { a, b } of pairs) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
