import { groupMetrics, orderGroupings } from '@/lib/evaluation/group-rows';
import { metricRank } from '@/lib/evaluation/metric-info';
import type { EvaluationReport } from '@/lib/evaluation/report-types';

// The clinical question first: does the model miss melanomas more often in some groups?
const DEFAULT_METRICS = ['malignancy_sensitivity', 'balanced_accuracy', 'accuracy'];

export interface BiasParams {
  evaluation?: string;
  metric?: string;
  by?: string;
}

export interface BiasView {
  metrics: string[];
  metric: string;
  single: string[];
  intersections: string[];
  /** The attribute shown; undefined when the report has no subgroups. */
  grouping: string | undefined;
  calibrationMetrics: string[];
}

export function readBiasParams(query: Record<string, string | string[] | undefined>): BiasParams {
  const param = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  return { evaluation: param('evaluation'), metric: param('metric'), by: param('by') };
}

/** What the URL asks for, settled against what the report has (an unknown metric or attribute falls back). */
export function resolveBiasView(report: EvaluationReport, params: BiasParams): BiasView {
  const { single, intersections } = orderGroupings(Object.keys(report.groups));
  const family = (name: string) => (name.startsWith('malignancy_') ? 0 : 1);
  const metrics = groupMetrics(report).sort((a, b) => family(a) - family(b) || metricRank(a) - metricRank(b));
  const metric =
    [params.metric, ...DEFAULT_METRICS].find((m) => m && metrics.includes(m)) ?? metrics[0] ?? 'accuracy';
  const grouping = [params.by, 'skin_type'].find((g) => g && report.groups[g]) ?? single[0];
  const calibrationMetrics = ['ece', 'malignancy_ece'].filter((m) => metrics.includes(m));
  return { metrics, metric, single, intersections, grouping, calibrationMetrics };
}
