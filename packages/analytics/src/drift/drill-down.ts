import type { Rng } from '../stats/random.js';
import type { DriftFeature } from './calibrated-drift.js';
import { calibrateStatistic, drawPseudoWindows, zScore } from './reference-calibration.js';

/** The segment an alarm belongs to: without its rows the alarm goes away, within them it stays. */
export interface SegmentAttribution {
  dimension: string;
  value: string;
  /** Rows of the window in the segment. */
  n: number;
  /** z of the window and reference without the segment (under sigmas: the segment explains the alarm). */
  zWithout: number;
  /** z within the segment alone (the segment's own reference). */
  zWithin: number;
  /** True when removing the segment clears the alarm. */
  explains: boolean;
}

const MIN_SEGMENT_ROWS = 5;

function zOf(
  feature: DriftFeature,
  reference: number[],
  current: number[],
  group: ArrayLike<string> | undefined,
  sigmas: number,
  resamples: number,
  rng: Rng,
): number {
  if (reference.length < 4 || current.length < 2) return Number.NaN;
  const draws = drawPseudoWindows(reference, group, current.length, resamples, rng);
  const { calibration } = calibrateStatistic(feature.statistic, draws, sigmas);
  return zScore(feature.statistic(reference, current), calibration);
}

/**
 * Leave one segment out: for each value of each dimension (except the feature's own), the alarm is recomputed
 * without that segment's rows; the segment whose removal lowers z the most is named.
 */
export function localiseAlarm(options: {
  feature: DriftFeature;
  reference: number[];
  current: number[];
  segments: Record<string, ArrayLike<string>>;
  group?: ArrayLike<string>;
  sigmas: number;
  resamples: number;
  rng: Rng;
}): SegmentAttribution | null {
  const { feature, reference, current, group, sigmas, resamples, rng } = options;
  const candidates: SegmentAttribution[] = [];
  for (const [dimension, values] of Object.entries(options.segments)) {
    if (dimension === feature.name) continue;
    const inCurrent = new Map<string, number>();
    for (const row of current) inCurrent.set(values[row], (inCurrent.get(values[row]) ?? 0) + 1);
    for (const [value, n] of inCurrent) {
      if (n < MIN_SEGMENT_ROWS || n === current.length) continue;
      const without = (rows: number[]) => rows.filter((row) => values[row] !== value);
      const within = (rows: number[]) => rows.filter((row) => values[row] === value);
      const zWithout = zOf(feature, without(reference), without(current), group, sigmas, resamples, rng);
      if (!Number.isFinite(zWithout)) continue;
      const zWithin = zOf(feature, within(reference), within(current), group, sigmas, resamples, rng);
      candidates.push({ dimension, value, n, zWithout, zWithin, explains: zWithout <= sigmas });
    }
  }
  // A segment that explains the alarm and has shifted against its own reference beats one new in the window
  // (a device first seen this month has no reference to shift from): that names the site, not only the device.
  const rank = (c: SegmentAttribution) =>
    (c.explains ? 0 : 2) + (Number.isFinite(c.zWithin) && c.zWithin > sigmas ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || a.zWithout - b.zWithout);
  return candidates[0] ?? null;
}
