/**
 * The flat list of metrics computed for every view (overall, each subgroup) and every resample.
 * Flat numeric slots keep the bootstrap loop allocation-free.
 */
export const OVERALL_METRICS = ['accuracy', 'balanced_accuracy', 'macro_auroc', 'brier', 'ece'] as const;
export const CLASS_METRICS = ['sensitivity', 'specificity', 'ppv', 'npv', 'f1', 'auroc', 'auprc'] as const;
export const MALIGNANCY_METRICS = [
  'auroc',
  'auprc',
  'sensitivity',
  'specificity',
  'ppv',
  'npv',
  'sensitivity_at_specificity',
  'brier',
  'ece',
  'selection_rate',
] as const;

export type ClassMetric = (typeof CLASS_METRICS)[number];
export type MalignancyMetric = (typeof MALIGNANCY_METRICS)[number];

export interface MetricLayout {
  names: string[];
  topK: number[];
  overall: Record<string, number>;
  perClass: Record<ClassMetric, number>[];
  malignancy: Record<MalignancyMetric, number> | null;
  size: number;
}

export function createMetricLayout(
  numClasses: number,
  topK: number[],
  withMalignancy: boolean,
): MetricLayout {
  const names: string[] = [];
  const slot = (name: string) => names.push(name) - 1;
  const overall: Record<string, number> = {};
  for (const name of OVERALL_METRICS) overall[name] = slot(name);
  for (const k of topK) overall[`top_${k}_accuracy`] = slot(`top_${k}_accuracy`);
  const perClass = Array.from({ length: numClasses }, (_, c) => {
    const slots = {} as Record<ClassMetric, number>;
    for (const m of CLASS_METRICS) slots[m] = slot(`class_${c}_${m}`);
    return slots;
  });
  let malignancy: Record<MalignancyMetric, number> | null = null;
  if (withMalignancy) {
    malignancy = {} as Record<MalignancyMetric, number>;
    for (const m of MALIGNANCY_METRICS) malignancy[m] = slot(`malignancy_${m}`);
  }
  return { names, topK, overall, perClass, malignancy, size: names.length };
}
