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
}

export interface DriftAlert {
  window: string;
  area: 'metadata' | 'quality' | 'embeddings' | 'predictions' | 'performance';
  feature: string;
  statistic: string;
  value: number;
  threshold: string;
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
