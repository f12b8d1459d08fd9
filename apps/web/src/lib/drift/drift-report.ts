// The drift job's JSON (apps/trainer/src/jobs/drift): one window per month with its statistics against the
// reference months, and the alerts of the months after the reference.

export interface DriftWindow {
  window: string;
  reference: boolean;
  n: number;
  metadata: Record<
    string,
    { jensenShannon: number | null; psi: number | null; chiSquarePValue: number | null }
  >;
  quality: Record<
    string,
    { ksStatistic: number | null; psi: number | null; normalisedWasserstein: number | null } | null
  >;
  embeddings: { mmd2: number | null; mmdPValue: number | null; domainClassifierAuroc: number | null };
  predictions: {
    predictedClassJensenShannon: number | null;
    predictedClassPsi: number | null;
    confidencePsi: number | null;
  };
  cbpe: { expectedAccuracy: number | null; malignancy: Record<string, unknown> | null };
  /** Realised accuracy where labels exist (not written by every drift job). */
  realisedAccuracy?: number | null;
  /** Calibrated drift: reference, too-small (greyed, never alarmed), stable or alarm. Absent in older reports. */
  status?: 'reference' | 'too-small' | 'stable' | 'alarm';
  /** Share of reference pseudo-windows of this month's size on which any statistic alarmed. */
  pseudoFalseAlarmRate?: number | null;
}

/** The segment an alarm lives in: without its images the alarm goes away. */
export interface AlertSegment {
  dimension: string;
  value: string;
  n: number;
  zWithout: number;
  zWithin: number;
  explains: boolean;
}

export interface DriftAlert {
  window: string;
  area: 'metadata' | 'quality' | 'embeddings' | 'predictions' | 'performance';
  feature: string;
  statistic: string;
  value: number;
  threshold: string;
  /** Standard deviations above the reference pseudo-windows' mean (calibrated reports). */
  z?: number;
  segment?: AlertSegment | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Windows in month order; a window missing a section gets an empty one so every chart can read it. */
export function readWindows(json: unknown): DriftWindow[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((w): w is Record<string, unknown> => isObject(w) && typeof w.window === 'string')
    .map(
      (w) =>
        ({
          reference: false,
          n: 0,
          metadata: {},
          quality: {},
          embeddings: { mmd2: null, mmdPValue: null, domainClassifierAuroc: null },
          predictions: { predictedClassJensenShannon: null, predictedClassPsi: null, confidencePsi: null },
          cbpe: { expectedAccuracy: null, malignancy: null },
          ...(w as object),
        }) as DriftWindow,
    )
    .sort((a, b) => a.window.localeCompare(b.window));
}

export function readAlerts(json: unknown): DriftAlert[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (a): a is DriftAlert => isObject(a) && typeof a.window === 'string' && typeof a.feature === 'string',
  );
}

/** The threshold the job used for a statistic (Evidently's fixed ones), to draw on the charts. */
export const DRIFT_THRESHOLDS = {
  jensenShannon: 0.1,
  psi: 0.25,
  normalisedWasserstein: 0.1,
  domainClassifierAuroc: 0.55,
} as const;

/** The largest value of a statistic over the features of one section of a window (null if none). */
export function maxOver(values: readonly (number | null | undefined)[]): number | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return finite.length ? Math.max(...finite) : null;
}

export interface CalibrationSummary {
  /** Mean over the judged months of the share of reference pseudo-windows that alarmed: the false-alarm rate. */
  expectedFalseAlarmRate: number | null;
  monitored: string[];
  alarmed: string[];
  greyed: string[];
  /** Months from the first alarm of the run that lasts to the latest month (null when the latest is quiet). */
  currentRunSince: string | null;
}

/** What the page says about the calibrated alarms; null for reports written before calibration. */
export function summariseCalibration(windows: readonly DriftWindow[]): CalibrationSummary | null {
  if (!windows.some((w) => w.status)) return null;
  const rates = windows
    .filter((w) => w.status && w.status !== 'too-small' && typeof w.pseudoFalseAlarmRate === 'number')
    .map((w) => w.pseudoFalseAlarmRate as number);
  const monitored = windows.filter((w) => w.status === 'stable' || w.status === 'alarm');
  let since: string | null = null;
  for (const w of [...monitored].reverse()) {
    if (w.status !== 'alarm') break;
    since = w.window;
  }
  return {
    expectedFalseAlarmRate: rates.length ? rates.reduce((a, v) => a + v, 0) / rates.length : null,
    monitored: monitored.map((w) => w.window),
    alarmed: monitored.filter((w) => w.status === 'alarm').map((w) => w.window),
    greyed: windows.filter((w) => w.status === 'too-small').map((w) => w.window),
    currentRunSince: since,
  };
}

/** "source site-b (z 45.1; 0.4 without it)" */
export function describeSegment(segment: AlertSegment | null | undefined): string {
  if (!segment) return '';
  const z = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : v.toFixed(1));
  return `${segment.dimension} ${segment.value} (n ${segment.n}; z ${z(segment.zWithin)} within, ${z(segment.zWithout)} without it)`;
}
