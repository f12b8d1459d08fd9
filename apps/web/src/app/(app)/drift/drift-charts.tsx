import styles from '@/components/charts/dashboard.module.css';
import { LineChart, type Series } from '@/components/charts/line-chart';
import { isCalibrated } from '@/lib/drift/calibrated-series';
import { DRIFT_THRESHOLDS, type DriftAlert, type DriftWindow } from '@/lib/drift/drift-report';
import { formatLabel } from '@/lib/format';
import { CalibratedDriftCharts } from './calibrated-drift-charts';

/**
 * The monthly timelines (metadata, image quality, embeddings, predictions; pixels too for the calibrated detector)
 * and estimated vs realised performance. Calibrated reports draw each statistic's own alarm line; reports written
 * before calibration keep the fixed thresholds they were judged by.
 */
export function DriftCharts({ windows, alerts }: { windows: DriftWindow[]; alerts: DriftAlert[] }) {
  const categories = windows.map((w) => w.window);
  const referenceX = windows.flatMap((w, i) => (w.reference ? [i] : []));
  const alertedIn = (area: DriftAlert['area']) => {
    const months = new Set(alerts.filter((a) => a.area === area).map((a) => a.window));
    return windows.flatMap((w, i) => (months.has(w.window) ? [i] : []));
  };
  const realised = windows.some((w) => typeof w.realisedAccuracy === 'number');
  const month = 'Month';
  return (
    <div className={styles.grid2}>
      {isCalibrated(windows) ? (
        <CalibratedDriftCharts windows={windows} alerts={alerts} />
      ) : (
        <FixedThresholdCharts windows={windows} alerts={alerts} />
      )}
      <LineChart
        title={
          realised
            ? 'Accuracy: CBPE estimate beside the realised accuracy'
            : 'Accuracy estimated without labels (CBPE)'
        }
        xLabel={month}
        yLabel="Accuracy (proportion)"
        xCategories={categories}
        referenceX={referenceX}
        series={[
          {
            name: 'Estimated (CBPE)',
            markers: true,
            points: windows.map((w, i) => ({ x: i, y: w.cbpe.expectedAccuracy })),
          },
          ...(realised
            ? [
                {
                  name: 'Realised (labelled cases)',
                  markers: true,
                  dashed: true,
                  points: windows.map((w, i) => ({ x: i, y: w.realisedAccuracy ?? null })),
                },
              ]
            : []),
        ]}
        highlightX={alertedIn('performance')}
        yDomain={{ min: 0, max: 1 }}
        testId="performance-drift"
      />
    </div>
  );
}

/** The four timelines of a report written before calibration, against Evidently's fixed thresholds. */
function FixedThresholdCharts({ windows, alerts }: { windows: DriftWindow[]; alerts: DriftAlert[] }) {
  const categories = windows.map((w) => w.window);
  const referenceX = windows.flatMap((w, i) => (w.reference ? [i] : []));
  const alertedIn = (area: DriftAlert['area']) => {
    const months = new Set(alerts.filter((a) => a.area === area).map((a) => a.window));
    return windows.flatMap((w, i) => (months.has(w.window) ? [i] : []));
  };
  const seriesOf = (
    names: string[],
    read: (w: DriftWindow, name: string) => number | null | undefined,
  ): Series[] =>
    names.map((name) => ({
      name: formatLabel(name),
      markers: true,
      points: windows.map((w, i) => ({ x: i, y: read(w, name) ?? null })),
    }));
  const metadataNames = [...new Set(windows.flatMap((w) => Object.keys(w.metadata)))];
  const qualityNames = [...new Set(windows.flatMap((w) => Object.keys(w.quality)))];
  const month = 'Month';
  return (
    <>
      <LineChart
        title="Metadata drift (Jensen–Shannon distance to the reference months)"
        xLabel={month}
        yLabel="Jensen–Shannon distance"
        xCategories={categories}
        referenceX={referenceX}
        series={seriesOf(metadataNames, (w, n) => w.metadata[n]?.jensenShannon)}
        thresholds={[
          { y: DRIFT_THRESHOLDS.jensenShannon, label: `Alert threshold ${DRIFT_THRESHOLDS.jensenShannon}` },
        ]}
        highlightX={alertedIn('metadata')}
        yDomain={{
          min: 0,
          max:
            Math.max(
              0.2,
              ...windows.flatMap((w) => Object.values(w.metadata).map((m) => m.jensenShannon ?? 0)),
            ) * 1.1,
        }}
        testId="metadata-drift"
      />
      {qualityNames.length === 0 ? (
        <p className="muted">
          This report has no image-quality statistics (images without quality measurements).
        </p>
      ) : (
        <LineChart
          title="Image-quality drift (PSI against the reference months)"
          xLabel={month}
          yLabel="Population stability index"
          xCategories={categories}
          referenceX={referenceX}
          series={seriesOf(qualityNames, (w, n) => w.quality[n]?.psi)}
          thresholds={[{ y: DRIFT_THRESHOLDS.psi, label: `Alert threshold ${DRIFT_THRESHOLDS.psi}` }]}
          highlightX={alertedIn('quality')}
          yDomain={{
            min: 0,
            max:
              Math.max(0.4, ...windows.flatMap((w) => Object.values(w.quality).map((q) => q?.psi ?? 0))) *
              1.1,
          }}
          testId="quality-drift"
        />
      )}
      <LineChart
        title="Embedding drift (domain-classifier AUROC; 0.5 = indistinguishable)"
        xLabel={month}
        yLabel="AUROC"
        xCategories={categories}
        referenceX={referenceX}
        series={[
          {
            name: 'Domain classifier AUROC',
            markers: true,
            points: windows.map((w, i) => ({ x: i, y: w.embeddings.domainClassifierAuroc })),
          },
        ]}
        thresholds={[
          {
            y: DRIFT_THRESHOLDS.domainClassifierAuroc,
            label: `Alert threshold ${DRIFT_THRESHOLDS.domainClassifierAuroc} (with MMD p < 0.01)`,
          },
        ]}
        highlightX={alertedIn('embeddings')}
        yDomain={{
          min: Math.min(0.4, ...windows.map((w) => w.embeddings.domainClassifierAuroc ?? 1)) - 0.05,
          max: 1,
        }}
        testId="embedding-drift"
      />
      <LineChart
        title="Prediction drift (predicted-class Jensen–Shannon, confidence PSI)"
        xLabel={month}
        yLabel="Distance / PSI"
        xCategories={categories}
        referenceX={referenceX}
        series={[
          {
            name: 'Predicted class (JS)',
            markers: true,
            points: windows.map((w, i) => ({ x: i, y: w.predictions.predictedClassJensenShannon })),
          },
          {
            name: 'Confidence (PSI)',
            markers: true,
            points: windows.map((w, i) => ({ x: i, y: w.predictions.confidencePsi })),
          },
        ]}
        thresholds={[
          {
            y: DRIFT_THRESHOLDS.jensenShannon,
            label: `Alert threshold ${DRIFT_THRESHOLDS.jensenShannon} (JS)`,
          },
        ]}
        highlightX={alertedIn('predictions')}
        testId="prediction-drift"
      />
    </>
  );
}
