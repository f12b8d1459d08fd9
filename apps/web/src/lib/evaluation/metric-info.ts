import type { EvaluationReport, MetricEstimate } from './report-types';
import { isEstimate } from './report-types';

interface MetricInfo {
  label: string;
  /** Proportions are shown in percent; scores (AUROC, Brier, ECE) as plain numbers. */
  percent: boolean;
  lowerIsBetter?: boolean;
}

const INFO: Record<string, MetricInfo> = {
  accuracy: { label: 'Accuracy', percent: true },
  balanced_accuracy: { label: 'Balanced accuracy', percent: true },
  macro_auroc: { label: 'Macro AUROC', percent: false },
  brier: { label: 'Brier score', percent: false, lowerIsBetter: true },
  ece: { label: 'Calibration error (ECE)', percent: false, lowerIsBetter: true },
  top_2_accuracy: { label: 'Top-2 accuracy', percent: true },
  top_3_accuracy: { label: 'Top-3 accuracy', percent: true },
  auroc: { label: 'Malignancy AUROC', percent: false },
  auprc: { label: 'Malignancy AUPRC', percent: false },
  sensitivity: { label: 'Malignancy sensitivity', percent: true },
  specificity: { label: 'Malignancy specificity', percent: true },
  ppv: { label: 'Malignancy PPV', percent: true },
  npv: { label: 'Malignancy NPV', percent: true },
  sensitivity_at_specificity: { label: 'Sensitivity at target specificity', percent: true },
  selection_rate: { label: 'Selection rate (referred)', percent: true },
};

export function metricInfo(name: string): MetricInfo {
  const bare = name.replace(/^malignancy_/, '');
  const info = INFO[name] ?? INFO[bare];
  if (info)
    return name.startsWith('malignancy_') && !info.label.startsWith('Malignancy')
      ? { ...info, label: `Malignancy ${info.label.toLowerCase()}` }
      : info;
  return { label: name.replace(/_/g, ' '), percent: false };
}

export function formatMetric(name: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return metricInfo(name).percent ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
}

/** "95% CI 80.1%–87.9%", or the reason there is none. */
export function formatInterval(name: string, estimate: MetricEstimate): string {
  if (estimate.ci_low === null || estimate.ci_high === null) return estimate.note ?? 'no interval';
  return `95% CI ${formatMetric(name, estimate.ci_low)}–${formatMetric(name, estimate.ci_high)}`;
}

export interface NamedEstimate {
  name: string;
  estimate: MetricEstimate;
}

/** The headline numbers of a report: the malignancy view first (the clinical question), then the multiclass ones. */
export function headlineMetrics(report: EvaluationReport): NamedEstimate[] {
  const picked: NamedEstimate[] = [];
  const malignancy = report.malignancy ?? {};
  for (const name of ['auroc', 'sensitivity', 'specificity']) {
    const estimate = (malignancy as Record<string, unknown>)[name];
    if (isEstimate(estimate)) picked.push({ name: `malignancy_${name}`, estimate });
  }
  for (const name of ['balanced_accuracy', 'accuracy', 'macro_auroc', 'ece']) {
    const estimate = report.overall[name];
    if (isEstimate(estimate)) picked.push({ name, estimate });
  }
  return picked;
}

// jsonb hands keys back ordered by length; show them in a reading order instead.
const ORDER = Object.keys(INFO);
export const metricRank = (name: string) => {
  const index = ORDER.indexOf(name.replace(/^malignancy_/, ''));
  return index < 0 ? ORDER.length : index;
};

/** Every estimate of a report, malignancy first, then overall, keyed as the group reports key them. */
export function allMetrics(report: EvaluationReport): NamedEstimate[] {
  const overall = Object.entries(report.overall).flatMap(([name, estimate]) =>
    isEstimate(estimate) ? [{ name, estimate }] : [],
  );
  const malignancy = Object.entries(report.malignancy ?? {}).flatMap(([name, estimate]) =>
    isEstimate(estimate) ? [{ name: `malignancy_${name}`, estimate }] : [],
  );
  const byRank = (a: NamedEstimate, b: NamedEstimate) => metricRank(a.name) - metricRank(b.name);
  return [...malignancy.sort(byRank), ...overall.sort(byRank)];
}
