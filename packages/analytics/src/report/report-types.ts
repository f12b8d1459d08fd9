import type { ReliabilityBin } from '../metrics/calibration.js';
import type { PrPoint, RocPoint } from '../metrics/ranking.js';

/** A number with its percentile-bootstrap interval; value null (with a note) when too few cases. */
export interface MetricEstimate {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  note?: string;
  difference_to_overall?: number | null;
}

export interface GroupReport {
  n: number;
  /** Malignant cases in the group (when a taxonomy maps the classes). */
  n_positive?: number;
  insufficient?: string;
  [metric: string]: MetricEstimate | number | string | Record<string, unknown> | undefined;
}

export interface GapReport {
  difference: number | null;
  ratio: number | null;
  worst_group: string | null;
  /** The worst group's value of the metric. */
  worst_value: number | null;
  difference_ci_low: number | null;
  difference_ci_high: number | null;
  groups_compared: number;
}

export interface FairnessReport {
  equalized_odds_difference: MetricEstimate & {
    tpr_difference: number | null;
    fpr_difference: number | null;
  };
  demographic_parity_difference: MetricEstimate;
  four_fifths: { ratio: number | null; passes: boolean | null };
}

export interface ClassReport {
  n: number;
  [metric: string]: MetricEstimate | number;
}

export interface EvaluationReport {
  meta: {
    n: number;
    num_classes: number;
    class_names: string[];
    malignant_classes: string[] | null;
    malignancy_threshold: number | null;
    bootstrap: { resamples: number; seed: number; confidence: number; stratified_by: 'class' };
    ece_bins: number;
    min_group_size: number;
    min_class_cases: number;
    specificity_target: number;
  };
  overall: Record<string, MetricEstimate>;
  per_class: Record<string, ClassReport>;
  confusion_matrix: { labels: string[]; matrix: number[][] };
  malignancy: (Record<string, MetricEstimate | number> & { n_positive: number }) | null;
  calibration: {
    top_label: { ece: number; bins: ReliabilityBin[] };
    malignancy: { ece: number; bins: ReliabilityBin[] } | null;
  };
  curves: {
    malignancy: { roc: RocPoint[]; pr: PrPoint[] } | null;
    per_class: Record<string, { roc: RocPoint[]; pr: PrPoint[] }>;
  };
  groups: Record<string, Record<string, GroupReport>>;
  gaps: Record<string, Record<string, GapReport | FairnessReport[keyof FairnessReport]>>;
}
