/**
 * Scores of the platform's detectors against a cohort's answer key (what the generator planted). Plain ids and
 * months, so any detector's output (a job's report, a benchmark's result) can be scored the same way.
 */
export interface DetectionScore {
  flagged: number;
  planted: number;
  truePositives: number;
  /** null when nothing was flagged. */
  precision: number | null;
  /** null when nothing was planted. */
  recall: number | null;
}

function detectionScore(flagged: number, planted: number, truePositives: number): DetectionScore {
  return {
    flagged,
    planted,
    truePositives,
    precision: flagged ? truePositives / flagged : null,
    recall: planted ? truePositives / planted : null,
  };
}

/** Flagged images against the planted wrong labels, among the images the detector looked at (all when omitted). */
export function scoreLabelIssues(
  flagged: readonly string[],
  wrongLabels: readonly string[],
  checked?: readonly string[],
): DetectionScore {
  const scope = checked ? new Set(checked) : null;
  const planted = new Set(wrongLabels.filter((id) => !scope || scope.has(id)));
  const unique = new Set(flagged);
  return detectionScore(unique.size, planted.size, [...unique].filter((id) => planted.has(id)).length);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Flagged pairs against the planted near-duplicate pairs (order within a pair does not matter). */
export function scoreNearDuplicates(
  flagged: readonly (readonly [string, string])[],
  planted: readonly (readonly [string, string])[],
): DetectionScore {
  const truth = new Set(planted.map(([a, b]) => pairKey(a, b)));
  const unique = new Set(flagged.map(([a, b]) => pairKey(a, b)));
  return detectionScore(unique.size, truth.size, [...unique].filter((key) => truth.has(key)).length);
}

export interface DriftScore {
  /** Monitored windows before the change, and how many of them raised an alert. */
  stableWindows: number;
  falseAlarmWindows: number;
  falseAlarmRate: number | null;
  /** Monitored windows from the change on, and how many raised an alert. */
  driftWindows: number;
  detectedWindows: number;
  /** Windows from the change to the first alerted one (0: the change's own month), null if never. */
  detectionDelay: number | null;
  /** Alerted drift windows whose alerts name the drift site. */
  siteNamedWindows: number;
}

/**
 * Monthly drift alerts against the planted change (a site and its first month). Windows are YYYY-MM strings;
 * `monitored` are the non-reference windows large enough to judge (greyed ones are neither alarms nor misses).
 */
export function scoreDriftAlerts(
  monitored: readonly string[],
  alerts: readonly { window: string; segments: readonly string[] }[],
  planted: { site: string; month: string } | null,
): DriftScore {
  const windows = [...new Set(monitored)].sort();
  const alerted = new Set(alerts.map((alert) => alert.window));
  const isDrift = (window: string) => planted !== null && window >= planted.month;
  const stable = windows.filter((window) => !isDrift(window));
  const drifted = windows.filter(isDrift);
  const falseAlarmWindows = stable.filter((window) => alerted.has(window)).length;
  const firstDetected = drifted.findIndex((window) => alerted.has(window));
  const named = drifted.filter((window) =>
    alerts.some((alert) => alert.window === window && planted && alert.segments.includes(planted.site)),
  );
  return {
    stableWindows: stable.length,
    falseAlarmWindows,
    falseAlarmRate: stable.length ? falseAlarmWindows / stable.length : null,
    driftWindows: drifted.length,
    detectedWindows: drifted.filter((window) => alerted.has(window)).length,
    detectionDelay: firstDetected < 0 ? null : firstDetected,
    siteNamedWindows: named.length,
  };
}
