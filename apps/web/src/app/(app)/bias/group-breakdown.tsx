import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable, type Row } from '@/components/charts/data-table';
import { IntervalPlot } from '@/components/charts/interval-plot';
import { equalizedOddsOf, gapOf, groupingLabel, groupRows } from '@/lib/evaluation/group-rows';
import { formatInterval, formatMetric, metricInfo } from '@/lib/evaluation/metric-info';
import { type EvaluationReport, isEstimate } from '@/lib/evaluation/report-types';

const COLUMNS: Column[] = [
  { key: 'group', label: 'Group' },
  { key: 'n', label: 'n', numeric: true },
  { key: 'nPositive', label: 'n malignant', numeric: true },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'interval', label: '95% interval' },
  { key: 'difference', label: 'Difference to overall', numeric: true },
];

/** One metric by the groups of one attribute: interval plot, table (small groups greyed), gap and equalized odds. */
export function GroupBreakdown({
  report,
  grouping,
  metric,
}: {
  report: EvaluationReport;
  grouping: string;
  metric: string;
}) {
  const rows = groupRows(report, grouping, metric);
  const overallSource = metric.startsWith('malignancy_')
    ? report.malignancy?.[metric.replace(/^malignancy_/, '')]
    : report.overall[metric];
  const overall = isEstimate(overallSource) ? overallSource : null;
  const label = metricInfo(metric).label;
  const gap = gapOf(report, grouping, metric);
  const odds = equalizedOddsOf(report, grouping);
  const tableRows: Row[] = rows.map((r) => ({
    id: r.group,
    muted: r.estimate === null,
    testId: 'group-row',
    cells: {
      group: {
        value: r.group,
        display: r.insufficient ? <span title={r.insufficient}>{r.group} (too few)</span> : r.group,
      },
      n: { value: r.n },
      nPositive: { value: r.nPositive },
      value: { value: r.estimate?.value ?? null, display: formatMetric(metric, r.estimate?.value) },
      interval: {
        value: r.estimate ? `${r.estimate.ci_low ?? ''}–${r.estimate.ci_high ?? ''}` : r.insufficient,
        display: r.estimate ? formatInterval(metric, r.estimate) : r.insufficient,
      },
      difference: {
        value: r.estimate?.difference_to_overall ?? null,
        display: signed(metric, r.estimate?.difference_to_overall ?? null),
      },
    },
  }));
  return (
    <div className={styles.stack} data-testid="group-breakdown">
      <div className={styles.cards}>
        <div className={styles.metric} data-testid="gap">
          <div className={styles.metricLabel}>Gap (best − worst group)</div>
          <div className={styles.metricValue}>{gap ? formatMetric(metric, gap.difference) : '—'}</div>
          <div className={styles.metricInterval}>
            {gap && gap.difference_ci_low !== null
              ? `95% CI ${formatMetric(metric, gap.difference_ci_low)}–${formatMetric(metric, gap.difference_ci_high)} · ${gap.groups_compared} groups`
              : 'needs two groups with enough cases'}
          </div>
        </div>
        <div className={styles.metric} data-testid="worst-group">
          <div className={styles.metricLabel}>Worst group</div>
          <div className={styles.metricValue}>{gap?.worst_group ?? '—'}</div>
          <div className={styles.metricInterval}>
            {gap ? `${label} ${formatMetric(metric, gap.worst_value)}` : ''}
          </div>
        </div>
        <div className={styles.metric} data-testid="equalized-odds">
          <div className={styles.metricLabel}>Equalized-odds difference (malignancy)</div>
          <div className={styles.metricValue}>{odds ? formatMetric('eod', odds.value) : '—'}</div>
          <div className={styles.metricInterval}>
            {odds
              ? `TPR gap ${formatMetric('eod', odds.tpr_difference)} · FPR gap ${formatMetric('eod', odds.fpr_difference)}${odds.ci_low !== null ? ` · 95% CI ${formatMetric('eod', odds.ci_low)}–${formatMetric('eod', odds.ci_high)}` : ''}`
              : 'needs malignant and benign cases in two groups'}
          </div>
        </div>
      </div>
      <IntervalPlot
        title={`${label} by ${groupingLabel(grouping).toLowerCase()}`}
        xLabel={`${label}${metricInfo(metric).percent ? ' (proportion)' : ''}`}
        rows={rows.map((r) => ({
          label: `${r.group} (n=${r.n})`,
          value: r.estimate?.value ?? null,
          low: r.estimate?.ci_low ?? null,
          high: r.estimate?.ci_high ?? null,
          muted: r.estimate === null,
        }))}
        reference={
          overall?.value != null
            ? { value: overall.value, label: `Overall ${formatMetric(metric, overall.value)}` }
            : undefined
        }
        testId="group-plot"
      />
      <DataTable
        caption={`Groups under n = ${report.meta.min_group_size} are greyed: too few cases for a number.`}
        columns={COLUMNS}
        rows={tableRows}
        exportName={`bias-${grouping}-${metric}`}
        testId="group-table"
      />
    </div>
  );
}

function signed(metric: string, value: number | null): string {
  if (value === null) return '—';
  const text = formatMetric(metric, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
