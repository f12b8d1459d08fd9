import { mean, standardDeviation } from '../stats/quantile.js';

/** An alert band: a value below `lower` or above `upper` (or at it, when inclusive) raises an alert. */
export interface AlertThreshold {
  lower: number | null;
  upper: number | null;
  /** true: alert at value >= upper (PSI >= 0.1); false: only above it (AUROC > 0.55). */
  upperInclusive: boolean;
  source: string;
}

/** NannyML's default: mean +/- 3 standard deviations of the statistic over the reference chunks. */
export function thresholdFromReferenceChunks(values: number[], sigmas = 3): AlertThreshold {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2)
    throw new RangeError(`need at least two reference chunks for a threshold, got ${finite.length}`);
  const m = mean(finite);
  const sd = standardDeviation(finite);
  return {
    lower: m - sigmas * sd,
    upper: m + sigmas * sd,
    upperInclusive: false,
    source: `reference chunks: mean +/- ${sigmas} sd`,
  };
}

const atLeast = (upper: number, source: string): AlertThreshold => ({
  lower: null,
  upper,
  upperInclusive: true,
  source,
});

/** Evidently's fixed defaults. */
export const FIXED_DRIFT_THRESHOLDS = {
  psiModerate: atLeast(0.1, 'PSI >= 0.1 (moderate shift)'),
  psiMajor: atLeast(0.25, 'PSI >= 0.25 (major shift)'),
  jensenShannon: atLeast(0.1, 'Jensen-Shannon distance >= 0.1'),
  normalisedWasserstein: atLeast(0.1, 'normalised Wasserstein >= 0.1'),
  domainClassifierAuroc: {
    lower: null,
    upper: 0.55,
    upperInclusive: false,
    source: 'domain classifier AUROC > 0.55',
  },
} as const satisfies Record<string, AlertThreshold>;

export function isAlert(value: number, threshold: AlertThreshold): boolean {
  if (!Number.isFinite(value)) return false;
  if (threshold.lower !== null && value < threshold.lower) return true;
  if (threshold.upper === null) return false;
  return threshold.upperInclusive ? value >= threshold.upper : value > threshold.upper;
}
