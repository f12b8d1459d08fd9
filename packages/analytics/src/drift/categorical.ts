import { chiSquareSurvival } from './special-functions.js';

/**
 * Drift of a categorical variable (a site, a device, a predicted class) between a reference and a
 * current window. Categories are the union of both windows.
 */
export interface CategoryCounts {
  categories: string[];
  reference: number[];
  current: number[];
}

export function countCategories(
  reference: ArrayLike<string | number>,
  current: ArrayLike<string | number>,
): CategoryCounts {
  const index = new Map<string, number>();
  const reference_: number[] = [];
  const current_: number[] = [];
  const add = (value: string | number, into: number[], other: number[]) => {
    const key = String(value);
    let i = index.get(key);
    if (i === undefined) {
      i = index.size;
      index.set(key, i);
      into.push(0);
      other.push(0);
    }
    into[i]++;
  };
  for (let i = 0; i < reference.length; i++) add(reference[i], reference_, current_);
  for (let i = 0; i < current.length; i++) add(current[i], current_, reference_);
  return { categories: [...index.keys()], reference: reference_, current: current_ };
}

const normalise = (counts: ArrayLike<number>) => {
  const total = Array.from(counts).reduce((a, b) => a + b, 0);
  return Array.from(counts, (c) => c / total);
};

/** sqrt of the Jensen-Shannon divergence (scipy.spatial.distance.jensenshannon; natural log by default). */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base = Math.E): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let divergence = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    if (pn[i] > 0) divergence += 0.5 * pn[i] * Math.log(pn[i] / m);
    if (qn[i] > 0) divergence += 0.5 * qn[i] * Math.log(qn[i] / m);
  }
  return Math.sqrt(Math.max(0, divergence) / Math.log(base));
}

/**
 * Population stability index sum (c - r) ln(c / r) over bins; an empty bin's share is replaced by
 * `epsilon` (Evidently uses 1e-4) so the index stays finite.
 */
export function populationStabilityIndex(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  epsilon = 1e-4,
): number {
  const r = normalise(referenceCounts).map((v) => (v === 0 ? epsilon : v));
  const c = normalise(currentCounts).map((v) => (v === 0 ? epsilon : v));
  let psi = 0;
  for (let i = 0; i < r.length; i++) psi += (c[i] - r[i]) * Math.log(c[i] / r[i]);
  return psi;
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
}

/** Pearson chi-square test of homogeneity on the 2 x K table (scipy chi2_contingency, correction=False). */
export function chiSquareHomogeneity(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): ChiSquareResult {
  const used: number[] = [];
  for (let i = 0; i < referenceCounts.length; i++)
    if (referenceCounts[i] + currentCounts[i] > 0) used.push(i);
  const rowTotals = [
    used.reduce((s, i) => s + referenceCounts[i], 0),
    used.reduce((s, i) => s + currentCounts[i], 0),
  ];
  const total = rowTotals[0] + rowTotals[1];
  let statistic = 0;
  for (const i of used) {
    const column = referenceCounts[i] + currentCounts[i];
    for (const [row, observed] of [referenceCounts[i], currentCounts[i]].entries()) {
      const expected = (rowTotals[row] * column) / total;
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  const df = used.length - 1;
  return { statistic, df, pValue: df > 0 ? chiSquareSurvival(statistic, df) : 1 };
}

export interface CategoricalDrift extends CategoryCounts {
  jensenShannon: number;
  psi: number;
  chiSquare: ChiSquareResult;
}

export function categoricalDrift(
  reference: ArrayLike<string | number>,
  current: ArrayLike<string | number>,
): CategoricalDrift {
  if (reference.length === 0 || current.length === 0) {
    throw new RangeError(
      `a drift window is empty (reference ${reference.length}, current ${current.length})`,
    );
  }
  const counts = countCategories(reference, current);
  return {
    ...counts,
    jensenShannon: jensenShannonDistance(counts.reference, counts.current),
    psi: populationStabilityIndex(counts.reference, counts.current),
    chiSquare: chiSquareHomogeneity(counts.reference, counts.current),
  };
}
