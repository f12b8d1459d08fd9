import { createRng } from '../stats/random.js';
import { localiseAlarm, type SegmentAttribution } from './drill-down.js';
import type { IndexStatistic } from './index-statistics.js';
import { type Calibration, calibrateStatistic, drawPseudoWindows, zScore } from './reference-calibration.js';

export interface DriftFeature {
  area: string;
  name: string;
  /** What `statistic` computes, for people: "jensen_shannon", "ks", "mmd2". */
  statisticName: string;
  statistic: IndexStatistic;
}

export interface CalibratedDriftInput {
  /** The window (e.g. capture month) of every row. */
  window: ArrayLike<string>;
  referenceWindows: readonly string[];
  features: readonly DriftFeature[];
  /** Rows that arrive together (a lesion's images): resampled as one. */
  group?: ArrayLike<string>;
  /** Dimensions an alarm is localised along (hospital site, device, skin type), value of every row. */
  segments?: Record<string, ArrayLike<string>>;
  /** Windows with fewer rows are shown, greyed, never alarmed (default 30). */
  minWindowSize?: number;
  /** Alarm beyond mean + sigmas x sd of the reference pseudo-windows (default 3). */
  sigmas?: number;
  /** Reference pseudo-windows per window (default 100). */
  resamples?: number;
  seed?: number;
}

export interface FeatureResult {
  area: string;
  feature: string;
  statistic: string;
  value: number;
  calibration: Calibration;
  z: number;
  alarm: boolean;
}

export interface WindowResult {
  window: string;
  n: number;
  /** A reference window is compared with the rest of the reference (a check of the calibration, never an alert). */
  status: 'reference' | 'too-small' | 'stable' | 'alarm';
  features: FeatureResult[];
  /** Share of the reference pseudo-windows of this size on which any feature alarmed: the expected false-alarm rate. */
  pseudoFalseAlarmRate: number;
}

export interface CalibratedAlert extends FeatureResult {
  window: string;
  segment: SegmentAttribution | null;
}

export interface CalibratedDriftReport {
  windows: WindowResult[];
  alerts: CalibratedAlert[];
  settings: { minWindowSize: number; sigmas: number; resamples: number; referenceWindows: string[] };
}

/**
 * Drift per window against a reference, each statistic's alarm line calibrated on the reference itself:
 * pseudo-windows of the monitored window's size drawn from the reference give the statistic's spread when nothing
 * changed (NannyML's chunked reference; mean + 3 sd). Alarms are localised to the segment that explains them.
 */
export function detectCalibratedDrift(input: CalibratedDriftInput): CalibratedDriftReport {
  const minWindowSize = input.minWindowSize ?? 30;
  const sigmas = input.sigmas ?? 3;
  const resamples = input.resamples ?? 100;
  const rng = createRng(input.seed ?? 0);
  const referenceSet = new Set(input.referenceWindows);
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < input.window.length; i++) {
    const list = rowsOf.get(input.window[i]);
    if (list) list.push(i);
    else rowsOf.set(input.window[i], [i]);
  }
  const reference = [...rowsOf.entries()].filter(([w]) => referenceSet.has(w)).flatMap(([, rows]) => rows);
  if (reference.length < 2 * minWindowSize)
    throw new RangeError(
      `the reference has ${reference.length} rows; calibration needs at least ${2 * minWindowSize}`,
    );
  const windows: WindowResult[] = [];
  const alerts: CalibratedAlert[] = [];
  for (const window of [...rowsOf.keys()].sort()) {
    const rows = rowsOf.get(window)!;
    const isReference = referenceSet.has(window);
    const base = isReference ? reference.filter((row) => input.window[row] !== window) : reference;
    if (rows.length < minWindowSize) {
      windows.push({
        window,
        n: rows.length,
        status: 'too-small',
        features: [],
        pseudoFalseAlarmRate: Number.NaN,
      });
      continue;
    }
    const draws = drawPseudoWindows(base, input.group, rows.length, resamples, rng);
    const alarmedDraws = new Uint8Array(draws.length);
    const features = input.features.map((feature) => {
      const { calibration, values } = calibrateStatistic(feature.statistic, draws, sigmas);
      values.forEach((v, r) => {
        if (v > calibration.threshold) alarmedDraws[r] = 1;
      });
      const value = feature.statistic(base, rows);
      const z = zScore(value, calibration);
      return {
        area: feature.area,
        feature: feature.name,
        statistic: feature.statisticName,
        value,
        calibration,
        z,
        alarm: z > sigmas,
      };
    });
    const alarmed = features.some((f) => f.alarm);
    windows.push({
      window,
      n: rows.length,
      status: isReference ? 'reference' : alarmed ? 'alarm' : 'stable',
      features,
      pseudoFalseAlarmRate: alarmedDraws.reduce((a, v) => a + v, 0) / draws.length,
    });
    if (isReference) continue;
    input.features.forEach((feature, f) => {
      if (!features[f].alarm) return;
      const segment = input.segments
        ? localiseAlarm({
            feature,
            reference: base,
            current: rows,
            segments: input.segments,
            group: input.group,
            sigmas,
            resamples: Math.max(20, resamples >> 1),
            rng,
          })
        : null;
      alerts.push({ window, ...features[f], segment });
    });
  }
  return {
    windows,
    alerts,
    settings: { minWindowSize, sigmas, resamples, referenceWindows: [...input.referenceWindows] },
  };
}
