import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable } from '@/components/charts/data-table';
import { IntervalPlot } from '@/components/charts/interval-plot';
import { formatMetric, metricInfo, metricRank } from '@/lib/evaluation/metric-info';
import type { ModelComparison } from '@/lib/models/compare-query';
import { readComparisonReport } from '@/lib/models/comparison-report';

const COLUMNS: Column[] = [
  { key: 'metric', label: 'Metric' },
  { key: 'a', label: 'Model A', numeric: true },
  { key: 'b', label: 'Model B', numeric: true },
  { key: 'difference', label: 'A − B', numeric: true },
  { key: 'interval', label: '95% interval of A − B' },
  { key: 'p', label: 'p (paired bootstrap)', numeric: true },
];

/** Paired differences A − B with their intervals: an interval that excludes 0 means the data show a difference. */
export function ComparisonResult({ comparison }: { comparison: ModelComparison }) {
  // Malignancy first, then the multiclass metrics, each in reading order (jsonb reorders the keys).
  const group = (name: string) => (name.startsWith('malignancy_') ? 0 : 1);
  const entries = Object.entries(readComparisonReport(comparison.report)).sort(
    ([a], [b]) => group(a) - group(b) || metricRank(a) - metricRank(b),
  );
  const points = (name: string, v: number | null) =>
    v === null ? '—' : metricInfo(name).percent ? `${(v * 100).toFixed(1)} pp` : v.toFixed(3);
  return (
    <div className={styles.stack} data-testid="comparison">
      <p>
        <strong>A</strong> = {comparison.modelA.name}, <strong>B</strong> = {comparison.modelB.name} · n ={' '}
        <span data-testid="comparison-n">{comparison.n}</span> images predicted by both (
        {comparison.split.toLowerCase()} split). Differences in percentage points (pp) for proportions.
      </p>
      <IntervalPlot
        title="Paired differences A − B with 95% intervals"
        xLabel="Difference (A − B); right of 0 = A higher"
        rows={entries.map(([name, d]) => ({
          label: metricInfo(name).label,
          value: d.difference,
          low: d.ci_low,
          high: d.ci_high,
          muted: d.difference === null,
        }))}
        reference={{ value: 0, label: 'No difference' }}
        testId="difference-plot"
      />
      <DataTable
        caption="Lower is better for Brier score and ECE; higher for the rest."
        columns={COLUMNS}
        exportName={`compare-${comparison.modelA.name}-${comparison.modelB.name}`}
        testId="comparison-table"
        rows={entries.map(([name, d]) => ({
          id: name,
          testId: 'comparison-row',
          cells: {
            metric: { value: metricInfo(name).label },
            a: { value: d.a, display: formatMetric(name, d.a) },
            b: { value: d.b, display: formatMetric(name, d.b) },
            difference: { value: d.difference, display: points(name, d.difference) },
            interval: {
              value: d.ci_low === null ? null : `${d.ci_low}–${d.ci_high}`,
              display: d.ci_low === null ? '—' : `${points(name, d.ci_low)} to ${points(name, d.ci_high)}`,
            },
            p: {
              value: d.p_value,
              display: d.p_value === null ? '—' : d.p_value < 0.001 ? '< 0.001' : d.p_value.toFixed(3),
            },
          },
        }))}
      />
    </div>
  );
}
