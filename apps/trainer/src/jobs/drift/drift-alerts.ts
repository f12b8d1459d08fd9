import { FIXED_DRIFT_THRESHOLDS, isAlert, thresholdFromReferenceChunks, type AlertThreshold } from '@dermino/analytics';
import { METADATA, QUALITY, type WindowStatistics } from './window-stats.js';

export interface DriftAlert {
  window: string;
  area: 'metadata' | 'quality' | 'embeddings' | 'predictions' | 'performance';
  feature: string;
  statistic: string;
  value: number;
  threshold: string;
}

const MMD_P = 0.01;

/**
 * Alerts of the current windows: fixed thresholds for distribution shifts (Evidently's: PSI >= 0.25, JS >= 0.1,
 * domain-classifier AUROC > 0.55 together with an MMD p-value < 0.01), and for the estimated accuracy (CBPE) the band
 * of the reference months themselves (mean +/- 3 sd, NannyML's default).
 */
export function driftAlerts(reference: { window: string; stats: WindowStatistics }[], current: { window: string; stats: WindowStatistics }[]): DriftAlert[] {
  const alerts: DriftAlert[] = [];
  const check = (window: string, area: DriftAlert['area'], feature: string, statistic: string, value: number | null | undefined, threshold: AlertThreshold) => {
    if (value !== null && value !== undefined && isAlert(value, threshold)) alerts.push({ window, area, feature, statistic, value, threshold: threshold.source });
  };
  const accuracies = reference.map((r) => r.stats.cbpe.expectedAccuracy).filter((v): v is number => v !== null);
  const accuracyBand = accuracies.length >= 2 ? thresholdFromReferenceChunks(accuracies) : null;
  for (const { window, stats } of current) {
    for (const name of METADATA) {
      check(window, 'metadata', name, 'jensen_shannon', stats.metadata[name].jensenShannon, FIXED_DRIFT_THRESHOLDS.jensenShannon);
      check(window, 'metadata', name, 'psi', stats.metadata[name].psi, FIXED_DRIFT_THRESHOLDS.psiMajor);
    }
    for (const name of QUALITY) {
      const quality = stats.quality[name];
      if (!quality) continue;
      check(window, 'quality', name, 'psi', quality.psi, FIXED_DRIFT_THRESHOLDS.psiMajor);
      check(window, 'quality', name, 'normalised_wasserstein', quality.normalisedWasserstein, FIXED_DRIFT_THRESHOLDS.normalisedWasserstein);
    }
    if ((stats.embeddings.mmdPValue ?? 1) < MMD_P) {
      check(window, 'embeddings', 'embedding', 'domain_classifier_auroc', stats.embeddings.domainClassifierAuroc, {
        ...FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc,
        source: `${FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc.source} and MMD p < ${MMD_P}`,
      });
    }
    check(window, 'predictions', 'predicted_class', 'jensen_shannon', stats.predictions.predictedClassJensenShannon, FIXED_DRIFT_THRESHOLDS.jensenShannon);
    if (accuracyBand) check(window, 'performance', 'expected_accuracy', 'cbpe', stats.cbpe.expectedAccuracy, accuracyBand);
  }
  return alerts;
}
