// The shape of @dermino/analytics' EvaluationReport as the API hands it over (JSON). Kept here, not imported:
// the web app imports no server package. Only the parts the pages read are typed.

export interface MetricEstimate {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  note?: string;
  difference_to_overall?: number | null;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number | null;
  observedFrequency: number | null;
}

export interface CurvePoints {
  roc: { threshold: number; fpr: number; tpr: number }[];
  pr: { threshold: number; precision: number; recall: number }[];
}

export interface GroupReport {
  n: number;
  n_positive?: number;
  insufficient?: string;
  [metric: string]: unknown;
}

export interface GapReport {
  difference: number | null;
  ratio: number | null;
  worst_group: string | null;
  worst_value: number | null;
  difference_ci_low: number | null;
  difference_ci_high: number | null;
  groups_compared: number;
}

export interface EvaluationReport {
  meta: {
    n: number;
    num_classes: number;
    class_names: string[];
    malignant_classes: string[] | null;
    bootstrap: { resamples: number; confidence: number };
    min_group_size: number;
  };
  overall: Record<string, MetricEstimate>;
  confusion_matrix: { labels: string[]; matrix: number[][] };
  malignancy: (Record<string, MetricEstimate | number> & { n_positive: number }) | null;
  calibration: {
    top_label: { ece: number; bins: ReliabilityBin[] };
    malignancy: { ece: number; bins: ReliabilityBin[] } | null;
  };
  curves: { malignancy: CurvePoints | null; per_class: Record<string, CurvePoints> };
  groups: Record<string, Record<string, GroupReport>>;
  gaps: Record<string, Record<string, unknown>>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The report if the JSON has the parts every page reads, else null (an older or foreign report). */
export function readReport(json: unknown): EvaluationReport | null {
  if (!isObject(json) || !isObject(json.meta) || !isObject(json.overall)) return null;
  return {
    groups: {},
    gaps: {},
    malignancy: null,
    curves: { malignancy: null, per_class: {} },
    confusion_matrix: { labels: [], matrix: [] },
    calibration: { top_label: { ece: Number.NaN, bins: [] }, malignancy: null },
    ...(json as object),
  } as unknown as EvaluationReport;
}

export function isEstimate(value: unknown): value is MetricEstimate {
  return isObject(value) && 'value' in value && 'ci_low' in value;
}

export function isGap(value: unknown): value is GapReport {
  return isObject(value) && 'worst_group' in value && 'difference' in value;
}
