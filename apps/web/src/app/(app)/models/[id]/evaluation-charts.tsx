import styles from '@/components/charts/dashboard.module.css';
import { HeatMap } from '@/components/charts/heat-map';
import { LineChart, type Series } from '@/components/charts/line-chart';
import type { EvaluationReport } from '@/lib/evaluation/report-types';

const UNIT = { min: 0, max: 1 };
// More than eight lines cannot keep distinct Okabe-Ito colours.
const MAX_CLASS_CURVES = 7;

/** ROC and PR curves (malignancy first, then one-vs-rest per class), confusion matrix and reliability diagram. */
export function EvaluationCharts({ report }: { report: EvaluationReport }) {
  const curveSets = [
    ...(report.curves.malignancy ? [{ name: 'Malignant vs benign', curves: report.curves.malignancy }] : []),
    ...Object.entries(report.curves.per_class)
      .slice(0, MAX_CLASS_CURVES - (report.curves.malignancy ? 1 : 0))
      .map(([name, curves]) => ({ name: `${name} vs rest`, curves })),
  ];
  const roc: Series[] = curveSets.map((s) => ({
    name: s.name,
    points: s.curves.roc.map((p) => ({ x: p.fpr, y: p.tpr })),
  }));
  const pr: Series[] = curveSets.map((s) => ({
    name: s.name,
    points: s.curves.pr.map((p) => ({ x: p.recall, y: p.precision })),
  }));
  const reliability = (bins: EvaluationReport['calibration']['top_label']['bins']) =>
    bins
      .filter((b) => b.count > 0 && b.meanConfidence !== null)
      .map((b) => ({ x: b.meanConfidence as number, y: b.observedFrequency }));
  const calibration: Series[] = [
    {
      name: `Top label (ECE ${report.calibration.top_label.ece.toFixed(3)})`,
      points: reliability(report.calibration.top_label.bins),
      markers: true,
    },
    ...(report.calibration.malignancy
      ? [
          {
            name: `Malignancy (ECE ${report.calibration.malignancy.ece.toFixed(3)})`,
            points: reliability(report.calibration.malignancy.bins),
            markers: true,
          },
        ]
      : []),
  ];
  const { labels, matrix } = report.confusion_matrix;
  return (
    <div className={styles.grid2}>
      <LineChart
        title="ROC curves"
        xLabel="False positive rate (1 − specificity)"
        yLabel="True positive rate"
        series={roc}
        xDomain={UNIT}
        yDomain={UNIT}
        diagonal
        testId="roc-chart"
      />
      <LineChart
        title="Precision–recall curves"
        xLabel="Recall (sensitivity)"
        yLabel="Precision (PPV)"
        series={pr}
        xDomain={UNIT}
        yDomain={UNIT}
        testId="pr-chart"
      />
      <HeatMap
        title="Confusion matrix (count; colour = share of the true class)"
        rowLabel="True class"
        columnLabel="Predicted class"
        rows={labels}
        columns={labels}
        range={UNIT}
        legendLabel="Share of the row"
        cells={matrix.map((row, r) => {
          const total = row.reduce((sum, v) => sum + v, 0);
          return row.map((count, c) => ({
            value: total > 0 ? count / total : null,
            label: String(count),
            detail: `true ${labels[r]}, predicted ${labels[c]}: ${count} of ${total}`,
          }));
        })}
        testId="confusion-matrix"
      />
      <LineChart
        title="Reliability diagram"
        xLabel="Mean predicted probability (bin)"
        yLabel="Observed frequency"
        series={calibration}
        xDomain={UNIT}
        yDomain={UNIT}
        diagonal
        testId="reliability-chart"
      />
    </div>
  );
}
