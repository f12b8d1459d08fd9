import { mean, standardDeviation } from '../stats/quantile.js';
import { type Rng, shuffleInPlace } from '../stats/random.js';
import type { IndexStatistic } from './index-statistics.js';

/** A statistic's spread over reference pseudo-windows of one size: its alarm line is mean + sigmas x sd. */
export interface Calibration {
  mean: number;
  sd: number;
  threshold: number;
}

/** A zero spread (every pseudo-window identical) still needs a line: any rise above the mean then alarms. */
const SD_FLOOR = 1e-9;
const Z_CAP = 999;

/** Standardised distance above the reference's pseudo-windows, capped so it stays finite in JSON. */
export function zScore(value: number, calibration: Calibration): number {
  if (!Number.isFinite(value) || !Number.isFinite(calibration.mean)) return Number.NaN;
  return Math.min(Z_CAP, (value - calibration.mean) / Math.max(calibration.sd, SD_FLOOR));
}

/**
 * Pseudo-windows drawn from the reference (NannyML's chunked reference, resampled): whole groups (a lesion's
 * images arrive together) are dealt in random order until the window's size is reached, and the pseudo-window
 * is compared with the rest of the reference. At most half the reference goes into a pseudo-window.
 */
export function drawPseudoWindows(
  reference: readonly number[],
  groups: ArrayLike<string> | undefined,
  size: number,
  count: number,
  rng: Rng,
): { window: number[]; rest: number[] }[] {
  const byGroup = new Map<string, number[]>();
  for (const row of reference) {
    const key = groups ? groups[row] : String(row);
    const list = byGroup.get(key);
    if (list) list.push(row);
    else byGroup.set(key, [row]);
  }
  const members = [...byGroup.values()];
  const target = Math.max(1, Math.min(size, Math.floor(reference.length / 2)));
  const draws = [];
  for (let r = 0; r < count; r++) {
    const order = shuffleInPlace(
      Int32Array.from(members, (_, i) => i),
      rng,
    );
    const window: number[] = [];
    const rest: number[] = [];
    for (const g of order) (window.length < target ? window : rest).push(...members[g]);
    draws.push({ window, rest });
  }
  return draws;
}

export function calibrate(values: number[], sigmas: number): Calibration {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return { mean: Number.NaN, sd: Number.NaN, threshold: Number.NaN };
  const m = mean(finite);
  const sd = standardDeviation(finite);
  return { mean: m, sd, threshold: m + sigmas * sd };
}

/** The statistic over each pseudo-window, then its band. */
export function calibrateStatistic(
  statistic: IndexStatistic,
  draws: { window: number[]; rest: number[] }[],
  sigmas: number,
): { calibration: Calibration; values: number[] } {
  const values = draws.map(({ window, rest }) => statistic(rest, window));
  return { calibration: calibrate(values, sigmas), values };
}
