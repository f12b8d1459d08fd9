import { quantileSorted } from './quantile.js';
import { createRng, type Rng } from './random.js';

/**
 * Percentile bootstrap. A resample is represented as a weight vector of draw counts, so any
 * metric written with case weights is bootstrapped without copying data.
 */
export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  /** Stratum of each case (e.g. its class); each stratum keeps its size in every resample. */
  strata?: ArrayLike<number>;
}

export interface Interval {
  value: number;
  ci_low: number;
  ci_high: number;
}

/** Index lists per stratum (all cases in one stratum when none given). */
export function groupIndicesByStratum(n: number, strata?: ArrayLike<number>): Int32Array[] {
  if (!strata) return [Int32Array.from({ length: n }, (_, i) => i)];
  const byStratum = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byStratum.get(strata[i]);
    if (list) list.push(i);
    else byStratum.set(strata[i], [i]);
  }
  return [...byStratum.values()].map((list) => Int32Array.from(list));
}

/** Fills `weights` with the draw counts of one stratified resample with replacement. */
export function drawStratifiedWeights(strata: Int32Array[], rng: Rng, weights: Float64Array): void {
  weights.fill(0);
  for (const members of strata) {
    const size = members.length;
    for (let d = 0; d < size; d++) weights[members[rng.nextInt(size)]] += 1;
  }
}

/** Percentile interval of the finite resample values; NaN when fewer than 90% were finite. */
export function percentileInterval(samples: ArrayLike<number>, confidence: number): [number, number] {
  const finite = Float64Array.from(samples).filter(Number.isFinite).sort();
  if (finite.length < 0.9 * samples.length || finite.length === 0) return [Number.NaN, Number.NaN];
  const alpha = (1 - confidence) / 2;
  return [quantileSorted(finite, alpha), quantileSorted(finite, 1 - alpha)];
}

export function bootstrapInterval(
  n: number,
  statistic: (weights?: Float64Array) => number,
  options: BootstrapOptions = {},
): Interval {
  const { resamples = 1000, seed = 0, confidence = 0.95 } = options;
  const strata = groupIndicesByStratum(n, options.strata);
  const rng = createRng(seed);
  const weights = new Float64Array(n);
  const samples = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    drawStratifiedWeights(strata, rng, weights);
    samples[b] = statistic(weights);
  }
  const [ci_low, ci_high] = percentileInterval(samples, confidence);
  return { value: statistic(undefined), ci_low, ci_high };
}

export interface PairedDifference extends Interval {
  /** Two-sided bootstrap p-value for "no difference": 2 x the smaller tail mass at 0, (count + 1)/(B + 1). */
  p_value: number;
}

/**
 * Two models scored on the same images: each resample draws the same cases for both, so the
 * interval of A - B accounts for their correlation.
 */
export function pairedBootstrapDifference(
  n: number,
  statisticA: (weights?: Float64Array) => number,
  statisticB: (weights?: Float64Array) => number,
  options: BootstrapOptions = {},
): PairedDifference {
  const { resamples = 1000, seed = 0, confidence = 0.95 } = options;
  const strata = groupIndicesByStratum(n, options.strata);
  const rng = createRng(seed);
  const weights = new Float64Array(n);
  const differences = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    drawStratifiedWeights(strata, rng, weights);
    differences[b] = statisticA(weights) - statisticB(weights);
  }
  const [ci_low, ci_high] = percentileInterval(differences, confidence);
  const finite = differences.filter(Number.isFinite);
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (const d of finite) {
    if (d <= 0) atOrBelow++;
    if (d >= 0) atOrAbove++;
  }
  const tail = Math.min(atOrBelow, atOrAbove);
  const p_value = Math.min(1, (2 * (tail + 1)) / (finite.length + 1));
  return { value: statisticA(undefined) - statisticB(undefined), ci_low, ci_high, p_value };
}
