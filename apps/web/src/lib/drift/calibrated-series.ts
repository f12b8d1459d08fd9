import type { DriftWindow } from './drift-report';

/** One statistic of a window against its alarm line, as the calibrated detector stores it (the job's windowCalibration). */
export interface CalibratedStatistic {
  area: string;
  feature: string;
  statistic: string;
  value: number | null;
  /** Reference pseudo-windows' mean + 3 sd at this month's size. */
  threshold: number | null;
  z: number | null;
  alarm: boolean;
}

export interface CalibratedLine {
  /** "device (Jensen–Shannon)" */
  name: string;
  colourIndex: number;
  values: (number | null)[];
  thresholds: (number | null)[];
}

export const CALIBRATED_AREAS = ['metadata', 'quality', 'embeddings', 'predictions', 'pixels'] as const;

const STATISTIC_NAMES: Record<string, string> = {
  jensen_shannon: 'Jensen–Shannon',
  ks: 'KS',
  mmd2: 'MMD²',
};

export function readCalibrated(window: DriftWindow): CalibratedStatistic[] {
  const calibrated = (window as { calibrated?: unknown }).calibrated;
  return Array.isArray(calibrated)
    ? calibrated.filter(
        (c): c is CalibratedStatistic => typeof c?.feature === 'string' && typeof c?.area === 'string',
      )
    : [];
}

/** Reports of the calibrated detector carry each statistic's own alarm line per month; older ones do not. */
export function isCalibrated(windows: readonly DriftWindow[]): boolean {
  return windows.some((w) => readCalibrated(w).length > 0);
}

/**
 * Per feature of one area, its statistic month by month beside its calibrated alarm line (null where a month has
 * none, e.g. greyed). Colours pair a feature's value with its line.
 */
export function calibratedLines(windows: readonly DriftWindow[], area: string): CalibratedLine[] {
  const keys = new Map<string, { feature: string; statistic: string }>();
  for (const window of windows)
    for (const c of readCalibrated(window))
      if (c.area === area)
        keys.set(`${c.feature}/${c.statistic}`, { feature: c.feature, statistic: c.statistic });
  return [...keys.entries()].map(([key, { feature, statistic }], colourIndex) => {
    const at = (window: DriftWindow) =>
      readCalibrated(window).find((c) => c.area === area && `${c.feature}/${c.statistic}` === key);
    return {
      name: `${feature.replace(/_/g, ' ')} (${STATISTIC_NAMES[statistic] ?? statistic})`,
      colourIndex,
      values: windows.map((w) => at(w)?.value ?? null),
      thresholds: windows.map((w) => at(w)?.threshold ?? null),
    };
  });
}
