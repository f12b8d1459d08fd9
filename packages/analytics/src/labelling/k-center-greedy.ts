/** Squared Euclidean distance between two rows of equal length. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] - b[d]) ** 2;
  return sum;
}

export interface KCenterOptions {
  /** How many to pick (at most the number of candidates). */
  count: number;
  /** Rows already covered (e.g. the labelled images): the first pick is the candidate farthest from them. */
  centres?: ArrayLike<number>[];
  /**
   * A weight per candidate (e.g. its uncertainty): each step picks argmax weight x distance to the nearest
   * centre, so an uncertain image far from everything chosen wins. Uniform weights give plain k-center greedy.
   */
  weights?: ArrayLike<number>;
}

export interface KCenterPick {
  index: number;
  /** Euclidean distance to the nearest centre when it was picked (Infinity when there was none). */
  distance: number;
}

/**
 * k-center greedy (Sener & Savarese 2018, "core-set" active learning): repeatedly take the candidate farthest from
 * every chosen or given centre. Ties go to the lower index, so the result is deterministic.
 */
export function kCenterGreedy(candidates: ArrayLike<number>[], options: KCenterOptions): KCenterPick[] {
  const n = candidates.length;
  const count = Math.max(0, Math.min(options.count, n));
  const dims = n > 0 ? candidates[0].length : 0;
  for (const [i, row] of candidates.entries()) {
    if (row.length !== dims)
      throw new RangeError(`candidate ${i} has ${row.length} values, expected ${dims}`);
  }
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (const centre of options.centres ?? []) {
    if (centre.length !== dims)
      throw new RangeError(`a centre has ${centre.length} values, expected ${dims}`);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], squaredDistance(candidates[i], centre));
  }
  const weight = (i: number) => (options.weights ? Math.max(0, options.weights[i]) : 1);
  const taken = new Uint8Array(n);
  const picks: KCenterPick[] = [];
  for (let step = 0; step < count; step++) {
    // With no centre yet every distance is Infinity: the weight alone decides the first pick.
    const finite = nearest.some((d, i) => !taken[i] && Number.isFinite(d));
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const score = finite ? weight(i) * Math.sqrt(nearest[i]) : weight(i);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    taken[best] = 1;
    picks.push({ index: best, distance: Math.sqrt(nearest[best]) });
    for (let i = 0; i < n; i++) {
      if (!taken[i]) nearest[i] = Math.min(nearest[i], squaredDistance(candidates[i], candidates[best]));
    }
  }
  return picks;
}
