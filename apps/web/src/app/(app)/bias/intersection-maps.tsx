import styles from '@/components/charts/dashboard.module.css';
import { HeatMap } from '@/components/charts/heat-map';
import { groupingLabel, groupRows, splitIntersection } from '@/lib/evaluation/group-rows';
import { formatInterval, formatMetric, metricInfo } from '@/lib/evaluation/metric-info';
import type { EvaluationReport } from '@/lib/evaluation/report-types';

/** Every two-attribute intersection in the report as a heat map of the metric; small cells are greyed, with their n. */
export function IntersectionMaps({
  report,
  groupings,
  metric,
}: {
  report: EvaluationReport;
  groupings: string[];
  metric: string;
}) {
  const pairs = groupings.filter((g) => g.split('+').length === 2);
  if (pairs.length === 0)
    return (
      <p className="muted">
        This report has no intersections (evaluate with groupBy pairs such as [sex, skin_type]).
      </p>
    );
  const label = metricInfo(metric).label;
  return (
    <div className={styles.grid2}>
      {pairs.map((grouping) => {
        const { rows, columns } = splitIntersection(report, grouping);
        const byKey = new Map(groupRows(report, grouping, metric).map((r) => [r.group, r]));
        const [rowName, columnName] = grouping.split('+') as [string, string];
        return (
          <HeatMap
            key={grouping}
            title={`${label} by ${groupingLabel(grouping).toLowerCase()}`}
            rowLabel={groupingLabel(rowName)}
            columnLabel={groupingLabel(columnName)}
            rows={rows}
            columns={columns}
            range={metricInfo(metric).percent ? { min: 0, max: 1 } : undefined}
            legendLabel={label}
            cells={rows.map((row) =>
              columns.map((column) => {
                const cell = byKey.get(`${row} & ${column}`);
                if (!cell) return undefined;
                const positives = cell.nPositive !== null ? `, ${cell.nPositive} malignant` : '';
                // A group can be large enough yet have too few malignant cases for sensitivity: say so, greyed.
                return cell.estimate && cell.estimate.value !== null
                  ? {
                      value: cell.estimate.value,
                      label: formatMetric(metric, cell.estimate.value),
                      detail: `${formatMetric(metric, cell.estimate.value)}, ${formatInterval(metric, cell.estimate)}, n = ${cell.n}${positives}`,
                    }
                  : {
                      value: null,
                      label: `n=${cell.n}`,
                      detail:
                        cell.insufficient ?? cell.estimate?.note ?? `no estimate, n = ${cell.n}${positives}`,
                    };
              }),
            )}
            testId="intersection-map"
          />
        );
      })}
    </div>
  );
}
