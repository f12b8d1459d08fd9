// compareModels.report is JSON in the schema: one paired difference per metric name, as @dermino/analytics writes it.

export interface MetricDifference {
  a: number | null;
  b: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
}

const FIELDS = ['a', 'b', 'difference', 'ci_low', 'ci_high', 'p_value'] as const;

const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';

function isMetricDifference(value: unknown): value is MetricDifference {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return FIELDS.every((field) => isNumberOrNull(record[field]));
}

/** The metrics of a comparison report that have every field of a paired difference; anything else is skipped. */
export function readComparisonReport(report: unknown): Record<string, MetricDifference> {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return {};
  return Object.fromEntries(Object.entries(report).filter(([, value]) => isMetricDifference(value)));
}
